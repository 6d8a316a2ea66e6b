package org.renkei.record;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.renkei.identity.Actor;
import org.renkei.platform.fhir.FhirSystemProvider;
import org.springframework.stereotype.Component;

/**
 * A transaction Bundle ({@code POST /fhir}, type transaction) of new records: every entry is a {@code POST} of a
 * kind the network keeps; {@code urn:uuid:} full URLs are replaced by the ids the server assigns wherever entries
 * refer to each other; everything is stored at once or nothing (one bad entry refuses the whole Bundle). The
 * answer is a transaction-response Bundle with each entry's location and version.
 */
@Component
class RecordTransactionProvider implements FhirSystemProvider {

    private static final Set<String> TYPES = Set.of("Observation", "MedicationRequest", "MedicationDispense",
            "Condition", "AllergyIntolerance", "DocumentReference", "Bundle");

    private final RecordWriter writer;
    private final RecordFhir fhir;

    RecordTransactionProvider(RecordWriter writer, RecordFhir fhir) {
        this.writer = writer;
        this.fhir = fhir;
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle) {
        Actor actor = RecordFhir.actor();
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw fhir.invalid("record.fhir.transaction.type");
        }
        if (!bundle.hasEntry()) {
            throw fhir.invalid("record.fhir.transaction.empty");
        }
        Map<String, String> assigned = new HashMap<>();
        List<Resource> resources = new ArrayList<>();
        int index = 0;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (entry.getRequest().getMethod() != Bundle.HTTPVerb.POST || resource == null) {
                throw fhir.invalid("record.fhir.transaction.method", index);
            }
            if (!TYPES.contains(resource.fhirType())) {
                throw fhir.invalid("record.type.unsupported", resource.fhirType());
            }
            String newId = resource.fhirType() + "/" + UUID.randomUUID();
            if (entry.hasFullUrl()) {
                assigned.put(entry.getFullUrl(), newId);
            }
            resource.setId(new IdType(newId));
            resources.add(resource);
            index++;
        }
        for (Resource resource : resources) {
            rewrite(resource, assigned);
        }
        List<StoredRecord> stored = fhir.call(null, () -> writer.create(resources, actor));

        var response = new Bundle();
        response.setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (StoredRecord record : stored) {
            response.addEntry().getResponse()
                    .setStatus("201 Created")
                    .setLocation(record.resourceType() + "/" + record.id() + "/_history/" + record.version())
                    .setEtag("W/\"" + record.version() + "\"")
                    .setLastModified(java.util.Date.from(record.storedAt()));
        }
        return response;
    }

    /** Points references between entries ({@code urn:uuid:…}) at the ids assigned to them. */
    private void rewrite(Resource resource, Map<String, String> assigned) {
        for (Reference reference : fhir.context().newTerser().getAllPopulatedChildElementsOfType(resource,
                Reference.class)) {
            String target = assigned.get(reference.getReference());
            if (target != null) {
                reference.setReference(target);
                reference.setResource(null);
            }
        }
    }
}
