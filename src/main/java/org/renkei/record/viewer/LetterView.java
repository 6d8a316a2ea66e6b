package org.renkei.record.viewer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.renkei.record.FhirRecords;

/**
 * A letter (referral letter, discharge summary: a FHIR document Bundle) made readable: title, date, authors, and
 * each Composition section with its narrative and the entries it references (conditions, medications, allergies,
 * results) as lists. The narrative XHTML comes from another facility's system: it is cleaned through a whitelist
 * of plain text markup (no scripts, styles, images, frames, forms or event attributes) before it is shown.
 */
public record LetterView(String title, Instant date, String identifier, List<String> authors, String custodian,
        List<Section> sections) {

    /** Text markup a letter's narrative may keep: paragraphs, lists, tables, emphasis, links to web pages. */
    static final Safelist NARRATIVE = Safelist.relaxed().removeTags("img").addTags("span")
            .removeProtocols("a", "href", "ftp");

    /** One section: its title, its cleaned narrative (HTML) and its entries. */
    public record Section(String title, String narrative, List<Entry> entries) {
    }

    /** One referenced entry: its kind (Condition, MedicationRequest, AllergyIntolerance, Observation, …) and text. */
    public record Entry(String kind, String text) {
    }

    static LetterView of(Bundle bundle) {
        Composition composition = FhirRecords.composition(bundle);
        Map<String, Resource> resources = new HashMap<>();
        for (var entry : bundle.getEntry()) {
            Resource r = entry.getResource();
            if (r == null) {
                continue;
            }
            if (entry.hasFullUrl()) {
                resources.put(entry.getFullUrl(), r);
            }
            if (r.getIdElement().hasIdPart()) {
                resources.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
            }
        }
        List<String> authors = new ArrayList<>();
        for (Reference ref : composition.getAuthor()) {
            authors.add(name(ref, resources));
        }
        String custodian = composition.hasCustodian() ? name(composition.getCustodian(), resources) : null;
        List<Section> sections = new ArrayList<>();
        for (var section : composition.getSection()) {
            sections.add(section(section, resources));
            for (var sub : section.getSection()) {
                sections.add(section(sub, resources));
            }
        }
        return new LetterView(composition.getTitle(),
                composition.hasDate() ? composition.getDate().toInstant() : null,
                bundle.hasIdentifier() ? bundle.getIdentifier().getValue() : null, authors, custodian, sections);
    }

    private static Section section(Composition.SectionComponent section, Map<String, Resource> resources) {
        String title = section.hasTitle() ? section.getTitle()
                : section.hasCode() ? text(section.getCode()) : null;
        String narrative = section.hasText() && section.getText().hasDiv()
                ? sanitise(section.getText().getDivAsString()) : null;
        List<Entry> entries = new ArrayList<>();
        for (Reference ref : section.getEntry()) {
            Resource r = resolve(ref, resources);
            if (r != null) {
                entries.add(new Entry(r.fhirType(), entryText(r)));
            } else if (ref.hasDisplay()) {
                entries.add(new Entry("Other", ref.getDisplay()));
            }
        }
        return new Section(title, narrative, entries);
    }

    /** The narrative XHTML cleaned through the whitelist. */
    static String sanitise(String xhtml) {
        return Jsoup.clean(xhtml, NARRATIVE);
    }

    private static String entryText(Resource r) {
        if (r instanceof Condition c) {
            return text(c.getCode());
        }
        if (r instanceof MedicationRequest m) {
            String drug = m.hasMedicationCodeableConcept() ? text(m.getMedicationCodeableConcept()) : "";
            var dosage = m.hasDosageInstruction() ? m.getDosageInstructionFirstRep() : null;
            String dose = MedicationHistory.dose(dosage);
            String usage = MedicationHistory.usage(dosage);
            return drug + (dose == null ? "" : " " + dose) + (usage == null ? "" : "　" + usage);
        }
        if (r instanceof AllergyIntolerance a) {
            String text = text(a.getCode());
            if (a.hasReaction() && a.getReactionFirstRep().hasManifestation()) {
                text += "（" + text(a.getReactionFirstRep().getManifestationFirstRep()) + "）";
            }
            return text;
        }
        if (r instanceof Observation o) {
            String value = o.hasValueQuantity() ? " " + o.getValueQuantity().getValue().toPlainString()
                    + (o.getValueQuantity().hasUnit() ? " " + o.getValueQuantity().getUnit() : "") : "";
            return text(o.getCode()) + value;
        }
        if (r instanceof Practitioner || r instanceof Organization) {
            return name(r);
        }
        return r.fhirType();
    }

    private static Resource resolve(Reference ref, Map<String, Resource> resources) {
        if (ref.getResource() instanceof Resource r) {
            return r;
        }
        return ref.hasReference() ? resources.get(ref.getReference()) : null;
    }

    private static String name(Reference ref, Map<String, Resource> resources) {
        Resource r = resolve(ref, resources);
        if (r == null) {
            return ref.hasDisplay() ? ref.getDisplay() : ref.getReference();
        }
        return name(r);
    }

    private static String name(Resource r) {
        if (r instanceof Practitioner p && p.hasName()) {
            HumanName n = p.getNameFirstRep();
            return n.hasText() ? n.getText() : (n.getFamily() + " " + n.getGivenAsSingleString()).trim();
        }
        if (r instanceof Organization o) {
            return o.getName();
        }
        if (r instanceof PractitionerRole role) {
            return role.getPractitioner().getDisplay();
        }
        return r.fhirType();
    }

    static String text(CodeableConcept concept) {
        if (concept == null) {
            return "";
        }
        if (concept.hasText()) {
            return concept.getText();
        }
        for (Coding c : concept.getCoding()) {
            if (c.hasDisplay()) {
                return c.getDisplay();
            }
        }
        return concept.hasCoding() ? concept.getCodingFirstRep().getCode() : "";
    }
}
