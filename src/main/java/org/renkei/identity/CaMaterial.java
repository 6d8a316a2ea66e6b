package org.renkei.identity;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.UUID;

/**
 * The network CA as loaded: its certificate and its (decrypted, in memory only) private key.
 *
 * @param issuerDn the CA's name in the form {@link CardCertificates} stores as the issuer of its cards
 */
record CaMaterial(UUID id, X509Certificate certificate, PrivateKey privateKey, String issuerDn) {

    @Override
    public String toString() {
        return "CaMaterial[" + id + ", " + issuerDn + "]";
    }
}
