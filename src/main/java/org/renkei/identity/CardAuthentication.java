package org.renkei.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An IC-card login: the certificate was verified and belongs to a staff member who may act now. */
final class CardAuthentication extends AbstractAuthenticationToken {

    private final CardPrincipal principal;

    CardAuthentication(CardPrincipal principal) {
        super(Roles.of(principal.actor()));
        this.principal = principal;
        setAuthenticated(true);
    }

    static CardAuthentication of(CardVerifier.Verified verified) {
        return new CardAuthentication(new CardPrincipal(verified.actor(),
                verified.registration().fingerprintSha256()));
    }

    @Override
    public CardPrincipal getPrincipal() {
        return principal;
    }

    /** The certificate proved it at the TLS layer; nothing secret is kept. */
    @Override
    public Object getCredentials() {
        return "";
    }
}
