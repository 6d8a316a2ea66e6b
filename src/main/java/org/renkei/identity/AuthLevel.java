package org.renkei.identity;

/**
 * How a person proved who they are in this session. Later rules depend on it: only an HPKI card may sign
 * (SIG-02), and no ID/password login may ever press the emergency button (USR-06, EMG-03).
 */
public enum AuthLevel {
    /** An HPKI card (医師資格証, 薬剤師資格証): client certificate chaining to an HPKI root. */
    HPKI_CARD(true, true),
    /** The network's own user PKI card (利用者カード): client certificate issued by the network's CA. */
    USER_PKI_CARD(false, true),
    /** A provisional account (仮アカウント, USR-03): ID and password, at most 180 days. */
    PROVISIONAL_PASSWORD(false, false),
    /** A temporary account (臨時アカウント, USR-04) for a card user who cannot use the card: ID and password. */
    TEMPORARY_PASSWORD(false, false),
    /** The operator's own staff (support centre, secretariat), ID and password. */
    OPERATOR_PASSWORD(false, false),
    /** A facility administrator managing their facility, ID and password. */
    FACILITY_ADMIN_PASSWORD(false, false);

    private final boolean maySign;
    private final boolean card;

    AuthLevel(boolean maySign, boolean card) {
        this.maySign = maySign;
        this.card = card;
    }

    /** Whether a signature may be made in a session of this level (SIG-02): only with an HPKI card. */
    public boolean maySign() {
        return maySign;
    }

    /** Whether the person logged in with an IC card (HPKI or the network's user card). */
    public boolean isCard() {
        return card;
    }

    /** Whether the emergency button may be used in a session of this level (EMG-03): only with a card. */
    public boolean mayUseEmergencyAccess() {
        return card;
    }
}
