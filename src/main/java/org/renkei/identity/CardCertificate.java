package org.renkei.identity;

import java.time.Instant;
import java.util.UUID;

/** An IC-card certificate registered to a user, as stored. */
record CardCertificate(UUID id, UUID staffId, AuthLevel kind, String issuerDn, String serialNumber,
        String subjectDn, String fingerprintSha256, Instant notBefore, Instant notAfter, byte[] der,
        Instant registeredAt, String registeredBy, Instant revokedAt, String revocationReason) {

    boolean revoked() {
        return revokedAt != null;
    }
}
