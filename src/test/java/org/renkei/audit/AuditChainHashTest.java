package org.renkei.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditChainHashTest {

    private static final AuditEvent VIEW = new AuditEvent(AuditAction.VIEW, AuditOutcome.SUCCESS, AuditPurpose.CARE,
            UUID.fromString("6f1c2a5e-0000-4000-8000-000000000001"), "doctor-1", "緑 病院 医師 一郎", "HPKI",
            UUID.fromString("6f1c2a5e-0000-4000-8000-000000000002"),
            UUID.fromString("6f1c2a5e-0000-4000-8000-000000000003"),
            UUID.fromString("6f1c2a5e-0000-4000-8000-000000000004"), "Observation", "b0c3", null, "192.0.2.7", null,
            "req-1");
    private static final AuditEvent LONG_DETAIL = new AuditEvent(AuditAction.SEARCH, AuditOutcome.FAILURE,
            AuditPurpose.CARE, null, null, null, null, null, null, null, null, null, "理由".repeat(900), null, null,
            null);

    @Test
    @DisplayName("AUD-03 an entry's hash is SHA-256 over the previous hash and its content: id, time in microseconds, then every field length-prefixed in UTF-8, -1 for an absent one")
    void hashIsTheDocumentedOne() throws Exception {
        var hasher = new AuditChain.Hasher();
        byte[] previous = AuditChain.START;
        Instant at = Instant.parse("2026-12-01T05:06:07.123456Z");
        for (AuditEvent event : new AuditEvent[] {VIEW, LONG_DETAIL, VIEW}) {
            UUID id = UUID.randomUUID();
            byte[] expected = documented(previous, id, at, event);
            byte[] hash = hasher.hash(previous, id, at, event);
            assertThat(hash).isEqualTo(expected);
            previous = hash;
        }
    }

    /** The chain's hash as the class documents it, written out field by field. */
    private static byte[] documented(byte[] previous, UUID id, Instant at, AuditEvent e) throws Exception {
        var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes);
        String[] fields = {id.toString(), null, e.action().name(), e.outcome().name(), e.purpose().name(),
            string(e.accountId()), e.username(), e.actorName(), e.authLevel(), string(e.facilityId()),
            string(e.staffId()), string(e.participantId()), e.resourceType(), e.resourceId(), e.detail(),
            e.clientAddress(), e.device(), e.requestId()};
        for (int i = 0; i < fields.length; i++) {
            if (i == 1) {
                out.writeLong(at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000);
            } else if (fields[i] == null) {
                out.writeInt(-1);
            } else {
                byte[] utf8 = fields[i].getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        }
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(previous);
        return sha256.digest(bytes.toByteArray());
    }

    private static String string(UUID id) {
        return id == null ? null : id.toString();
    }
}
