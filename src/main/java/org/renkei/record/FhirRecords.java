package org.renkei.record;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.renkei.platform.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Between FHIR resources and stored records: which kind of record a resource is, whose it is, its clinical date
 * and its main code — what the store indexes — and the JSON it keeps.
 */
@Component
public class FhirRecords {

    /** LOINC: the document type of a referral letter (診療情報提供書). */
    public static final String LOINC_REFERRAL = "57133-1";
    /** LOINC: the document type of a discharge summary (退院時サマリー). */
    public static final String LOINC_DISCHARGE_SUMMARY = "18842-5";
    public static final String LOINC = "http://loinc.org";
    /** The identifier system of national electronic-record sharing documents. */
    public static final String BUNDLE_IDENTIFIER_SYSTEM = "http://jpfhir.jp/fhir/clins/bundle-identifier";
    /** Renkei's own DocumentReference category of care and nursing notes. */
    public static final String CARE_NOTE_SYSTEM = "urn:renkei:record-category";
    public static final String CARE_NOTE_CODE = "care-note";

    /** Code systems preferred as a record's main code, best first (JP-CLINS / JP Core). */
    private static final List<String> PREFERRED_SYSTEMS = List.of(
            "http://jpfhir.jp/fhir/clins/CodeSystem/JLAC10/JP_CLINS_ObsLabResult_CoreLabo_CS",
            "http://medis.or.jp/CodeSystem/master-JLAC10-17digits",
            "http://medis.or.jp/CodeSystem/master-HOT9",
            "http://capstandard.jp/iyaku.info/CodeSystem/YJ-code",
            "http://medis.or.jp/CodeSystem/master-disease-exCode",
            "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/masterB-disease");

    private final FhirContext fhir;

    FhirRecords(FhirContext fhir) {
        this.fhir = fhir;
    }

    public IParser json() {
        return fhir.newJsonParser();
    }

    /** The resource as the store keeps it (compact JSON). */
    public String encode(Resource resource) {
        return fhir.newJsonParser().encodeResourceToString(resource);
    }

    /** A stored version as a resource, with its id, version and time. */
    public Resource decode(StoredRecord record) {
        return (Resource) fhir.newJsonParser().parseResource(record.content());
    }

    /** The kind of record a resource is; refused with a reason for a resource the network does not keep. */
    public RecordCategory categoryOf(Resource resource) {
        if (resource instanceof Observation) {
            return RecordCategory.LAB_RESULT;
        }
        if (resource instanceof MedicationRequest) {
            return RecordCategory.PRESCRIPTION;
        }
        if (resource instanceof MedicationDispense) {
            return RecordCategory.DISPENSING;
        }
        if (resource instanceof Condition) {
            return RecordCategory.DIAGNOSIS;
        }
        if (resource instanceof AllergyIntolerance) {
            return RecordCategory.ALLERGY;
        }
        if (resource instanceof DocumentReference d) {
            return isCareNote(d) ? RecordCategory.CARE_NOTE : RecordCategory.ATTACHMENT;
        }
        if (resource instanceof Binary b) {
            return RecordCategory.BINARY;
        }
        if (resource instanceof Bundle b) {
            return documentCategory(b);
        }
        throw new InvalidInputException("record.type.unsupported", resource.fhirType());
    }

    /** The reference to the participant a resource is about (subject or patient), or empty. */
    public Optional<Reference> patientReference(Resource resource) {
        Reference ref;
        if (resource instanceof Observation o) {
            ref = o.getSubject();
        } else if (resource instanceof MedicationRequest m) {
            ref = m.getSubject();
        } else if (resource instanceof MedicationDispense m) {
            ref = m.getSubject();
        } else if (resource instanceof Condition c) {
            ref = c.getSubject();
        } else if (resource instanceof AllergyIntolerance a) {
            ref = a.getPatient();
        } else if (resource instanceof DocumentReference d) {
            ref = d.getSubject();
        } else if (resource instanceof Binary b) {
            ref = b.getSecurityContext();
        } else if (resource instanceof Bundle b) {
            ref = composition(b).getSubject();
        } else {
            ref = null;
        }
        return ref == null || (ref.getReference() == null && !ref.hasIdentifier()) ? Optional.empty() : Optional.of(ref);
    }

    /** The participant id of a literal reference {@code Patient/<uuid>}, or empty. */
    public static Optional<UUID> participantId(Reference reference) {
        String ref = reference.getReference();
        if (ref == null || !ref.startsWith("Patient/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(ref.substring("Patient/".length()).split("/_history")[0]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The record draft for a resource whose id is already set and whose participant is known. */
    public RecordDraft draft(Resource resource, UUID participant, String attachmentSha256) {
        RecordCategory category = categoryOf(resource);
        UUID id = UUID.fromString(resource.getIdElement().getIdPart());
        CodeableConcept code = mainCode(resource);
        Coding coding = preferred(code);
        String display = code == null ? null
                : code.hasText() ? code.getText() : coding == null ? null : coding.getDisplay();
        if (resource instanceof Bundle b && composition(b).hasTitle()) {
            display = composition(b).getTitle();
        }
        return new RecordDraft(id, category, participant, effective(resource),
                coding == null ? null : coding.getSystem(), coding == null ? null : coding.getCode(), display,
                attachmentSha256, encode(resource));
    }

    private static CodeableConcept mainCode(Resource resource) {
        if (resource instanceof Observation o) {
            return o.getCode();
        }
        if (resource instanceof MedicationRequest m) {
            return m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept() : null;
        }
        if (resource instanceof MedicationDispense m) {
            return m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept() : null;
        }
        if (resource instanceof Condition c) {
            return c.getCode();
        }
        if (resource instanceof AllergyIntolerance a) {
            return a.getCode();
        }
        if (resource instanceof DocumentReference d) {
            return d.getType();
        }
        if (resource instanceof Bundle b) {
            return composition(b).getType();
        }
        return null;
    }

    private static Coding preferred(CodeableConcept code) {
        if (code == null || !code.hasCoding()) {
            return null;
        }
        for (String system : PREFERRED_SYSTEMS) {
            for (Coding c : code.getCoding()) {
                if (system.equals(c.getSystem())) {
                    return c;
                }
            }
        }
        return code.getCodingFirstRep();
    }

    private static Instant effective(Resource resource) {
        Date date;
        if (resource instanceof Observation o) {
            date = o.hasEffectiveDateTimeType() ? o.getEffectiveDateTimeType().getValue() : o.hasEffectivePeriod() ? o.getEffectivePeriod().getStart() : o.getIssued();
        } else if (resource instanceof MedicationRequest m) {
            date = m.getAuthoredOn();
        } else if (resource instanceof MedicationDispense m) {
            date = m.hasWhenHandedOver() ? m.getWhenHandedOver() : m.getWhenPrepared();
        } else if (resource instanceof Condition c) {
            date = c.hasOnsetDateTimeType() ? c.getOnsetDateTimeType().getValue() : c.getRecordedDate();
        } else if (resource instanceof AllergyIntolerance a) {
            date = a.hasRecordedDate() ? a.getRecordedDate() : a.hasOnsetDateTimeType() ? a.getOnsetDateTimeType().getValue() : null;
        } else if (resource instanceof DocumentReference d) {
            date = d.getDate();
        } else if (resource instanceof Bundle b) {
            date = composition(b).getDate();
        } else {
            date = null;
        }
        return date == null ? null : date.toInstant();
    }

    private static boolean isCareNote(DocumentReference d) {
        return d.getCategory().stream().flatMap(c -> c.getCoding().stream())
                .anyMatch(c -> CARE_NOTE_SYSTEM.equals(c.getSystem()) && CARE_NOTE_CODE.equals(c.getCode()));
    }

    private static RecordCategory documentCategory(Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.DOCUMENT) {
            throw new InvalidInputException("record.bundle.notDocument");
        }
        Composition composition = composition(bundle);
        for (Coding c : composition.getType().getCoding()) {
            if (LOINC.equals(c.getSystem()) && LOINC_REFERRAL.equals(c.getCode())) {
                return RecordCategory.REFERRAL_LETTER;
            }
            if (LOINC.equals(c.getSystem()) && LOINC_DISCHARGE_SUMMARY.equals(c.getCode())) {
                return RecordCategory.DISCHARGE_SUMMARY;
            }
        }
        throw new InvalidInputException("record.document.type");
    }

    /** The Composition a document Bundle starts with; refused if it does not. */
    public static Composition composition(Bundle bundle) {
        if (!bundle.hasEntry() || !(bundle.getEntryFirstRep().getResource() instanceof Composition composition)) {
            throw new InvalidInputException("record.document.noComposition");
        }
        return composition;
    }
}
