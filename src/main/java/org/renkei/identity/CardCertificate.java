package org.renkei.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An IC-card certificate registered to a user, as stored.
 *
 * @param signing whether the certificate may make electronic signatures (key usage nonRepudiation, as HPKI
 *         signing certificates have)
 */
record CardCertificate(UUID id, UUID staffId, AuthLevel kind, String issuerDn, String serialNumber,
        String subjectDn, String fingerprintSha256, Instant notBefore, Instant notAfter, byte[] der,
        Instant registeredAt, String registeredBy, Instant revokedAt, String revocationReason, boolean signing) {

    boolean revoked() {
        return revokedAt != null;
    }
}
