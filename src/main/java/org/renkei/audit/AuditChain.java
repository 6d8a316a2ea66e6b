package org.renkei.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
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

    /**
     * Hashes entries one after another, with one digest and one buffer for all of them: for one thread (the writer's
     * thread, one verification run).
     */
    static final class Hasher {

        private final MessageDigest sha256 = sha256();
        private byte[] buffer = new byte[512];
        private int length;

        byte[] hash(byte[] previous, UUID id, Instant at, AuditEvent e) {
            length = 0;
            text(id.toString());
            long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
            integer(micros >>> 32);
            integer(micros);
            text(e.action().name());
            text(e.outcome().name());
            text(e.purpose().name());
            text(str(e.accountId()));
            text(e.username());
            text(e.actorName());
            text(e.authLevel());
            text(str(e.facilityId()));
            text(str(e.staffId()));
            text(str(e.participantId()));
            text(e.resourceType());
            text(e.resourceId());
            text(e.detail());
            text(e.clientAddress());
            text(e.device());
            text(e.requestId());
            sha256.update(previous);
            sha256.update(buffer, 0, length);
            return sha256.digest();
        }

        /** A length-prefixed (big-endian) UTF-8 text; -1 for an absent one. */
        private void text(String value) {
            if (value == null) {
                integer(-1);
                return;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            integer(utf8.length);
            room(utf8.length);
            System.arraycopy(utf8, 0, buffer, length, utf8.length);
            length += utf8.length;
        }

        private void integer(long value) {
            room(4);
            buffer[length++] = (byte) (value >>> 24);
            buffer[length++] = (byte) (value >>> 16);
            buffer[length++] = (byte) (value >>> 8);
            buffer[length++] = (byte) value;
        }

        private void room(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
