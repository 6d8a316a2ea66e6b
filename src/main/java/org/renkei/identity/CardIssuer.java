package org.renkei.identity;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * A certificate authority whose IC cards log in: the HPKI CAs (configured trust anchors), the network's own
 * user-card CA, and in the demo profile a clearly marked test HPKI CA. Certificate login asks every issuer bean.
 */
interface CardIssuer {

    /** What a card of this issuer proves: {@link AuthLevel#HPKI_CARD} or {@link AuthLevel#USER_PKI_CARD}. */
    AuthLevel kind();

    /** The CA certificates trusted as anchors for this kind of card. */
    List<X509Certificate> trustAnchors();

    /**
     * The current revocation list of the CA that issued {@code issuer}-signed certificates, when this source
     * holds it itself (the network's CA does); empty to let certificate login fetch it from the certificate's
     * CRL distribution point.
     */
    default Optional<X509CRL> currentCrl(X509Certificate issuerCertificate) {
        return Optional.empty();
    }
}
