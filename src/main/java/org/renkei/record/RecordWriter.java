package org.renkei.record;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.renkei.identity.Actor;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores incoming FHIR resources as records: checks what each kind needs, finds the participant, writes the
 * author into {@code meta}, moves inline attachment data into the attachment store as a separate {@code Binary}
 * record, and stores everything in one transaction — so nothing at all is stored when anything is refused.
 */
@Service
class RecordWriter {

    private final SharedRecords records;
    private final FhirRecords fhirRecords;
    private final RecordFhir fhir;
    private final Attachments attachments;
    private final Clock clock;

    RecordWriter(SharedRecords records, FhirRecords fhirRecords, RecordFhir fhir, Attachments attachments, Clock clock) {
        this.records = records;
        this.fhirRecords = fhirRecords;
        this.fhir = fhir;
        this.attachments = attachments;
        this.clock = clock;
    }

    /**
     * Stores new records (a create, or every entry of a transaction), all or none. Each resource's id is already
     * the record id the server assigned. Returns the stored records in the order given (Binary records made from
     * inline attachments are stored too, but not returned).
     */
    @Transactional
    public List<StoredRecord> create(List<Resource> resources, Actor actor) {
        List<RecordDraft> drafts = new ArrayList<>();
        List<Integer> returned = new ArrayList<>();
        Date now = Date.from(clock.instant());
        for (Resource resource : resources) {
            check(resource);
            UUID participant = participant(resource, actor);
            drafts.addAll(moveAttachments(resource, participant, actor, now));
            RecordFhir.author(resource, actor.facilityId(), actor.staffId(), 1, now);
            returned.add(drafts.size());
            drafts.add(fhirRecords.draft(resource, participant, null));
        }
        List<StoredRecord> stored = records.storeAll(drafts, actor);
        return returned.stream().map(stored::get).toList();
    }

    /**
     * Stores a {@code Binary} posted on its own: its data goes to the attachment store (type and size limits of
     * {@code renkei.records.*}), the record keeps the rest; the participant is its {@code securityContext}. The
     * resource's id is already the record id the server assigned.
     */
    @Transactional
    public StoredRecord storeBinary(Binary binary, Actor actor) {
        require(binary.hasContentType(), "Binary.contentType");
        require(binary.hasData(), "Binary.data");
        UUID participant = participant(binary, actor);
        Attachments.Saved saved = attachments.save(new ByteArrayInputStream(binary.getData()), binary.getContentType());
        binary.setData(null);
        binary.setContentType(saved.contentType());
        binary.setSecurityContext(new Reference("Patient/" + participant));
        RecordFhir.author(binary, actor.facilityId(), actor.staffId(), 1, Date.from(clock.instant()));
        return records.store(fhirRecords.draft(binary, participant, saved.sha256()), actor);
    }

    /**
     * Stores a new version of a record; a resource whose status says entered-in-error marks the record so instead
     * (a record is never deleted).
     */
    @Transactional
    public StoredRecord update(Resource resource, UUID id, Actor actor, Integer onVersion) {
        check(resource);
        resource.setId(new IdType(resource.fhirType(), id.toString()));
        StoredRecord current = records.current(actor, id)
                .filter(r -> r.resourceType().equals(resource.fhirType()))
                .orElseThrow(() -> new NotFoundException("record"));
        UUID participant = participant(resource, actor);
        Date now = Date.from(clock.instant());
        if (enteredInError(resource)) {
            if (!participant.equals(current.participant())) {
                throw new RecordRefused("record.update.identity", false);
            }
            RecordFhir.author(resource, current.authorFacility(), actor.staffId(), current.version() + 1, now);
            return records.markEnteredInError(id, fhirRecords.encode(resource), actor, onVersion);
        }
        List<RecordDraft> binaries = moveAttachments(resource, participant, actor, now);
        if (!binaries.isEmpty()) {
            records.storeAll(binaries, actor);
        }
        RecordFhir.author(resource, current.authorFacility(), actor.staffId(), current.version() + 1, now);
        return records.update(fhirRecords.draft(resource, participant, null), actor, onVersion);
    }

    private UUID participant(Resource resource, Actor actor) {
        Reference reference = fhirRecords.patientReference(resource)
                .orElseThrow(() -> new InvalidInputException("record.fhir.subject"));
        return fhir.participant(actor, reference);
    }

    /** Whether the resource says it was entered in error ({@code status}, or {@code verificationStatus}). */
    static boolean enteredInError(Resource resource) {
        if (resource instanceof Condition c) {
            return hasCode(c.getVerificationStatus(), "entered-in-error");
        }
        if (resource instanceof AllergyIntolerance a) {
            return hasCode(a.getVerificationStatus(), "entered-in-error");
        }
        Base status = resource.getNamedProperty("status") == null ? null
                : resource.getNamedProperty("status").getValues().stream().findFirst().orElse(null);
        return status != null && "entered-in-error".equals(status.primitiveValue());
    }

    private static boolean hasCode(CodeableConcept concept, String code) {
        return concept != null && concept.getCoding().stream().anyMatch(c -> code.equals(c.getCode()));
    }

    /** The minimal structure each kind needs: clear 400s rather than records nobody can use. */
    private void check(Resource resource) {
        RecordCategory category = fhirRecords.categoryOf(resource);
        if (resource instanceof Observation o) {
            require(o.hasStatus(), "Observation.status");
            require(o.hasCode() && (o.getCode().hasCoding() || o.getCode().hasText()), "Observation.code");
        } else if (resource instanceof MedicationRequest m) {
            require(m.hasStatus(), "MedicationRequest.status");
            require(m.hasIntent(), "MedicationRequest.intent");
            require(m.hasMedication(), "MedicationRequest.medication[x]");
        } else if (resource instanceof MedicationDispense m) {
            require(m.hasStatus(), "MedicationDispense.status");
            require(m.hasMedication(), "MedicationDispense.medication[x]");
        } else if (resource instanceof Condition c) {
            require(c.hasCode() && (c.getCode().hasCoding() || c.getCode().hasText()), "Condition.code");
        } else if (resource instanceof AllergyIntolerance a) {
            require(a.hasCode() && (a.getCode().hasCoding() || a.getCode().hasText()), "AllergyIntolerance.code");
        } else if (resource instanceof DocumentReference d) {
            require(d.hasStatus(), "DocumentReference.status");
            require(d.hasContent(), "DocumentReference.content");
            for (DocumentReference.DocumentReferenceContentComponent c : d.getContent()) {
                require(c.getAttachment().hasData() || c.getAttachment().hasUrl(),
                        "DocumentReference.content.attachment.data");
            }
        } else if (resource instanceof Bundle b) {
            require(b.hasIdentifier() && FhirRecords.BUNDLE_IDENTIFIER_SYSTEM.equals(b.getIdentifier().getSystem())
                    && b.getIdentifier().hasValue(), "Bundle.identifier (" + FhirRecords.BUNDLE_IDENTIFIER_SYSTEM + ")");
        } else if (category == RecordCategory.BINARY) {
            throw new InvalidInputException("record.fhir.binary.direct");
        }
    }

    private static void require(boolean present, String element) {
        if (!present) {
            throw new InvalidInputException("record.fhir.required", element);
        }
    }

    /**
     * Moves inline attachment data of a DocumentReference into the attachment store, as Binary records of the
     * participant, and points the attachment at them ({@code url: Binary/<id>}).
     */
    private List<RecordDraft> moveAttachments(Resource resource, UUID participant, Actor actor, Date now) {
        if (!(resource instanceof DocumentReference document)) {
            return List.of();
        }
        List<RecordDraft> binaries = new ArrayList<>();
        for (DocumentReference.DocumentReferenceContentComponent content : document.getContent()) {
            Attachment attachment = content.getAttachment();
            if (!attachment.hasData()) {
                continue;
            }
            Attachments.Saved saved = attachments.save(new ByteArrayInputStream(attachment.getData()),
                    attachment.getContentType());
            var binary = new Binary();
            UUID id = UUID.randomUUID();
            binary.setId(new IdType("Binary", id.toString()));
            binary.setContentType(saved.contentType());
            binary.setSecurityContext(new Reference("Patient/" + participant));
            RecordFhir.author(binary, actor.facilityId(), actor.staffId(), 1, now);
            binaries.add(fhirRecords.draft(binary, participant, saved.sha256()));
            attachment.setData(null);
            attachment.setUrl("Binary/" + id);
            attachment.setSize((int) Math.min(Integer.MAX_VALUE, saved.size()));
        }
        return binaries;
    }
}
