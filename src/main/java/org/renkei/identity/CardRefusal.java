package org.renkei.identity;

/**
 * Why an IC-card certificate may not log in, in the order certificate login checks. The code appears in the log,
 * in the login page's address ({@code /login?card=<code>}) and in an API client's 401 answer; the page shows the
 * message {@code card.refused.<code>}.
 */
enum CardRefusal {
    /** The TLS connection carries no client certificate. */
    NO_CERTIFICATE("no-certificate"),
    /** No path to the trust anchors of any card issuer. */
    UNTRUSTED_ISSUER("untrusted-issuer"),
    /** Expired or not yet valid. */
    OUTSIDE_VALIDITY("outside-validity"),
    /** On its CA's revocation list. */
    REVOKED("revoked"),
    /** The CA's revocation list could not be had (and soft-fail is off). */
    CRL_UNAVAILABLE("crl-unavailable"),
    /** Not registered to any user. */
    UNKNOWN_CERTIFICATE("unknown-certificate"),
    /** Registered, but the registration was revoked (lost card, USR-07). */
    REGISTRATION_REVOKED("registration-revoked"),
    /** The user is not active (applying, suspended, withdrawn) or may not act now. */
    USER_NOT_ACTIVE("user-not-active"),
    /** The user's facility is not active (withdrawn, suspended). */
    FACILITY_NOT_ACTIVE("facility-not-active"),
    /** An HPKI card for a profession that uses the network's card, or the network's card for a doctor or pharmacist. */
    WRONG_CARD_KIND("wrong-card-kind"),
    /** The HPKI role on the card is not the user's registered profession. */
    WRONG_ROLE("wrong-role"),
    /**
     * The card still logs in, but as someone else than a moment before (the user's facility, profession or name
     * changed while the request began): the request is refused, the next one is taken as the card now stands.
     */
    STANDING_CHANGED("standing-changed");

    private final String code;

    CardRefusal(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    String messageKey() {
        return "card.refused." + code;
    }
}
