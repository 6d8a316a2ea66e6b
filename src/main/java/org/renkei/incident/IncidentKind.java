package org.renkei.incident;

/** What happened (AUD-05). */
public enum IncidentKind {
    /** A notebook PC, tablet or smartphone used for the network was lost or stolen (DEV-03, USR-07). */
    LOST_DEVICE,
    /** An IC card (HPKI or the network's user card) was lost or stolen (USR-07). */
    LOST_CARD,
    /** Something unusual: unexpected logins, screens, errors. */
    ANOMALY,
    /** Someone may have used the network beyond their role or the participant's consent. */
    SUSPECTED_MISUSE,
    OTHER;

    /** Whether something that gives access was lost. */
    public boolean isLoss() {
        return this == LOST_DEVICE || this == LOST_CARD;
    }
}
