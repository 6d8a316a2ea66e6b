package org.renkei.identity;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The network's own CA as a source of trusted card certificates for certificate login: its certificate is the
 * anchor of {@link AuthLevel#USER_PKI_CARD} cards, and it hands over its current revocation list directly, so
 * a card revoked a moment ago no longer logs in.
 */
@Component
class NetworkCardIssuer implements CardIssuer {

    private final NetworkCa ca;
    private final NetworkCrls crls;

    NetworkCardIssuer(NetworkCa ca, NetworkCrls crls) {
        this.ca = ca;
        this.crls = crls;
    }

    @Override
    public AuthLevel kind() {
        return AuthLevel.USER_PKI_CARD;
    }

    @Override
    public List<X509Certificate> trustAnchors() {
        return List.of(ca.certificate());
    }

    @Override
    public Optional<X509CRL> currentCrl(X509Certificate issuerCertificate) {
        return ca.certificate().equals(issuerCertificate) ? Optional.of(crls.current()) : Optional.empty();
    }
}
