package org.renkei.access;

/** Why the decision came out as it did. */
public enum Reason {
    /** The participant permitted the facility, the facility and the user are active (CON-02). */
    CONSENT_PERMITS(true),
    /** The operator's staff administer participants and their consent (not their records). */
    OPERATOR_ADMINISTRATION(true),
    /**
     * The participant did not permit the facility, or denied it, but the user holds an unexpired emergency grant
     * for them: find and view only (EMG-01, EMG-04). Audited as emergency access.
     */
    EMERGENCY_GRANT(true),
    /**
     * The user pressed the emergency button with a reason and may, until the activation expires, find any
     * participant who has not withdrawn (EMG-01). Audited as emergency access.
     */
    EMERGENCY_SEARCH(true),

    /** No such participant (CON-01). */
    NO_SUCH_PARTICIPANT(false),
    /** The participant withdrew (CON-06). */
    WITHDRAWN(false),
    /** The participant did not permit the facility (CON-02). */
    FACILITY_NOT_PERMITTED(false),
    /** The participant said not to share with the facility; a denial wins (CON-03). */
    FACILITY_DENIED(false),
    /** The facility is not active: withdrawn, suspended or not yet joined (FAC-04, FAC-05). */
    FACILITY_NOT_ACTIVE(false),
    /** The user is not active: suspended, withdrawn or unknown (USR-07). */
    USER_NOT_ACTIVE(false),
    /** The session cannot do this: an account without clinical staff, or the auth level does not allow it. */
    NOT_ALLOWED_FOR_SESSION(false),
    /** The action needs an IC-card login (DOC-02, EMG-03). */
    CARD_REQUIRED(false),
    /**
     * This purpose is not open to this session: emergency access needs a card session with an open activation,
     * and only to find participants; disaster access is not open.
     */
    PURPOSE_NOT_OPEN(false);

    private final boolean permits;

    Reason(boolean permits) {
        this.permits = permits;
    }

    public boolean permits() {
        return permits;
    }
}
