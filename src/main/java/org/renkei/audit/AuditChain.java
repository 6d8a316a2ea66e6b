package org.renkei.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The chain's hash: SHA-256 over the previous entry's hash and the entry's content (id, time in microseconds,
 * and every field of the event in a fixed order, each length-prefixed UTF-8, absent fields marked). The place in
 * the chain ({@code seq}) is not hashed: the links are the order.
 */
final class AuditChain {

    /** The "previous hash" of the first entry. */
    static final byte[] START = new byte[32];

    private AuditChain() {
    }

    /** Times are kept to the microsecond, as PostgreSQL keeps them. */
    static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static byte[] hash(byte[] previous, UUID id, Instant at, AuditEvent e) {
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        sha256.update(content(id, at, e));
        return sha256.digest();
    }

    static byte[] content(UUID id, Instant at, AuditEvent e) {
        try {
            var bytes = new ByteArrayOutputStream(256);
            var out = new DataOutputStream(bytes);
            text(out, id.toString());
            out.writeLong(at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000);
            text(out, e.action().name());
            text(out, e.outcome().name());
            text(out, e.purpose().name());
            text(out, str(e.accountId()));
            text(out, e.username());
            text(out, e.actorName());
            text(out, e.authLevel());
            text(out, str(e.facilityId()));
            text(out, str(e.staffId()));
            text(out, str(e.participantId()));
            text(out, e.resourceType());
            text(out, e.resourceId());
            text(out, e.detail());
            text(out, e.clientAddress());
            text(out, e.device());
            text(out, e.requestId());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
