package org.renkei.record;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.renkei.identity.Actor;
import org.springframework.stereotype.Component;

/**
 * The bytes of attachments as FHIR {@code Binary} (DOC-01). Read only through {@link Attachments#open}, which asks
 * the access decision of the Binary record: with a FHIR {@code Accept} the answer is the Binary resource (data in
 * base64); with any other {@code Accept} HAPI sends the raw bytes with their content type. A Binary is made by
 * storing a DocumentReference with inline data, or posted on its own with its {@code securityContext} naming the
 * participant (then a DocumentReference refers to it by {@code Binary/<id>}).
 */
@Component
class BinaryProvider implements IResourceProvider {

    private final Attachments attachments;
    private final SharedRecords records;
    private final RecordWriter writer;
    private final RecordFhir fhir;

    BinaryProvider(Attachments attachments, SharedRecords records, RecordWriter writer, RecordFhir fhir) {
        this.attachments = attachments;
        this.records = records;
        this.writer = writer;
        this.fhir = fhir;
    }

    /** A Binary posted on its own (DOC-02): stored like any record, for the participant of its securityContext. */
    @Create
    public MethodOutcome create(@ResourceParam String body) {
        Actor actor = RecordFhir.actor();
        Binary binary = fhir.parse(body, Binary.class);
        UUID id = UUID.randomUUID();
        binary.setId(new IdType("Binary", id.toString()));
        StoredRecord stored = fhir.call(null, () -> writer.storeBinary(binary, actor));
        return new MethodOutcome(new IdType("Binary", stored.id().toString(), Integer.toString(stored.version())))
                .setCreated(true);
    }

    @Override
    public Class<Binary> getResourceType() {
        return Binary.class;
    }

    @Read
    public Binary read(@IdParam IdType id) {
        Actor actor = RecordFhir.actor();
        UUID binaryId = RecordFhir.recordId(id);
        StoredRecord record = records.read(actor, binaryId, r -> r.category() == RecordCategory.BINARY)
                .orElseThrow(() -> new ResourceNotFoundException(id));
        Attachments.Content content = attachments.content(record)
                .orElseThrow(() -> new ResourceNotFoundException(id));
        var binary = new Binary();
        binary.setId(new IdType("Binary", binaryId.toString(), Integer.toString(record.version())));
        binary.setContentType(content.contentType());
        binary.setSecurityContext(new Reference("Patient/" + record.participant()));
        RecordFhir.author(binary, record.authorFacility(), record.authorStaff(), record.version(),
                Date.from(record.storedAt()));
        try (InputStream in = content.stream()) {
            binary.setData(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return binary;
    }
}
