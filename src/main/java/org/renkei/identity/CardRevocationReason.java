package org.renkei.identity;

import java.util.Arrays;
import org.bouncycastle.asn1.x509.CRLReason;

/**
 * Why a network card was revoked, as written on the CA's revocation list (RFC 5280 reason codes). Stored in
 * {@code card_certificate.revocation_reason} by its RFC 5280 name ({@code keyCompromise}, …).
 */
public enum CardRevocationReason {
    /** The card was lost or stolen (USR-07): whoever holds it must not log in. */
    KEY_COMPROMISE("keyCompromise", CRLReason.keyCompromise),
    /** The user moved to another facility. */
    AFFILIATION_CHANGED("affiliationChanged", CRLReason.affiliationChanged),
    /** A new card replaces this one (re-issue of a broken card). */
    SUPERSEDED("superseded", CRLReason.superseded),
    /** The user no longer uses the network (withdrawal). */
    CESSATION_OF_OPERATION("cessationOfOperation", CRLReason.cessationOfOperation),
    UNSPECIFIED("unspecified", CRLReason.unspecified);

    private final String rfcName;
    private final int code;

    CardRevocationReason(String rfcName, int code) {
        this.rfcName = rfcName;
        this.code = code;
    }

    /** The name stored with the certificate. */
    public String rfcName() {
        return rfcName;
    }

    /** The CRL reason code. */
    public int code() {
        return code;
    }

    /** The reason stored with a certificate (by its RFC 5280 name or enum name); unspecified when unknown. */
    public static CardRevocationReason ofStored(String stored) {
        return Arrays.stream(values())
                .filter(r -> r.rfcName.equalsIgnoreCase(stored) || r.name().equalsIgnoreCase(stored))
                .findFirst().orElse(UNSPECIFIED);
    }
}
