package org.renkei.record;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
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
 * The bytes of attachments as FHIR {@code Binary} (DOC-01): read only, only through {@link Attachments#open},
 * which asks the access decision of the Binary record. With a FHIR {@code Accept} the answer is the Binary
 * resource (data in base64); with any other {@code Accept} HAPI sends the raw bytes with their content type.
 * Binaries are made by storing a DocumentReference with inline data, never posted on their own.
 */
@Component
class BinaryProvider implements IResourceProvider {

    private final Attachments attachments;
    private final SharedRecords records;

    BinaryProvider(Attachments attachments, SharedRecords records) {
        this.attachments = attachments;
        this.records = records;
    }

    @Override
    public Class<Binary> getResourceType() {
        return Binary.class;
    }

    @Read
    public Binary read(@IdParam IdType id) {
        Actor actor = RecordFhir.actor();
        UUID binaryId = RecordFhir.recordId(id);
        StoredRecord record = records.read(actor, binaryId).filter(r -> r.category() == RecordCategory.BINARY)
                .orElseThrow(() -> new ResourceNotFoundException(id));
        Attachments.Content content = attachments.open(actor, binaryId)
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
