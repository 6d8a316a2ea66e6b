package org.renkei.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PresentedJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static StoredRecord stored(String content) {
        return new StoredRecord(UUID.randomUUID(), "Observation", RecordCategory.LAB_RESULT, UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), 3, RecordStatus.CURRENT, Instant.now(), null, null, null, false,
                null, content, Instant.parse("2026-11-30T01:02:03.456Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"resourceType\":\"Observation\",\"status\":\"final\",\"valueQuantity\":{\"value\":6.4,\"unit\":\"%\"}}",
        "{\"resourceType\":\"Observation\",\"id\":\"x\",\"meta\":{\"profile\":[\"http://jpfhir.jp/fhir/core/StructureDefinition/JP_Observation_LabResult\"],"
                + "\"extension\":[{\"url\":\"urn:other\",\"valueString\":\"kept\"},"
                + "{\"url\":\"urn:renkei:fhir:extension:record-author-organization\",\"valueString\":\"old\"}]},"
                + "\"status\":\"final\",\"note\":[{\"text\":\"備考 \\\"引用\\\" }\"}]}",
        "{ \"resourceType\" : \"Observation\",\n  \"status\" : \"final\" ,\n \"code\" : {\"text\":\"HbA1c\"}\n}\n",
        "{\"status\":\"final\",\"resourceType\":\"Observation\",\"meta\":{\"versionId\":\"9\"}}",
        "{\"resourceType\":\"Observation\"}",
        "[1,2]",
        "{\"resourceType\":\"Observation\",\"id\":\"c31e2b5a-cb44-4bf3-9d5c-f05688936d58\",\"status\":\"final\","
                + "\"code\":{\"text\":\"HbA1c \\\"NGSP\\\" {\\u0001}\"},\"note\":[{\"text\":\"\\\"id\\\":\\\"meta\"}]}",
        "{\"resourceType\":\"Observation\",\"id\":\"a\",\"_id\":{\"extension\":[{\"url\":\"urn:x\",\"valueString\":\"y\"}]},"
                + "\"status\":\"final\"}",
        "{\"resourceType\":\"Observation\",\"id\":\"a\",\"meta\":{\"profile\":[\"urn:p\"]},\"status\":\"final\"}",
        "{\"resourceType\":\"Observation\",\"id\":\"a\"}"
    })
    @DisplayName("DOC-02 a stored record answered from its JSON means the same whether spliced or built as a tree")
    void splicedMeansTheSameAsTheTree(String content) throws Exception {
        StoredRecord record = stored(content);
        Date at = Date.from(record.storedAt());
        String byTree = RecordFhir.presentedJsonByTree(record, at);
        String answered = RecordFhir.presentedJson(record, at);
        if (byTree == null) {
            assertThat(answered).isNull();
            return;
        }
        assertThat(JSON.readTree(answered)).isEqualTo(JSON.readTree(byTree));
        if (!content.contains("meta") && !content.contains("\n")) {
            assertThat(answered).as("written in the tree's order too").isEqualTo(byTree);
        }
        assertThat(answered).startsWith("{\"resourceType\":\"Observation\",\"id\":\"" + record.id() + "\",\"meta\":{");
        boolean storeForm = content.startsWith("{\"resourceType\":\"") && !content.contains("\"meta\":{")
                && content.contains("\"status\"");
        assertThat(RecordFhir.splicedCompact(record, at)).as("the store's own form is spliced from its head alone")
                .isEqualTo(storeForm ? answered : null);
    }
}
