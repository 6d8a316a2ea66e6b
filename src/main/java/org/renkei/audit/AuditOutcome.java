package org.renkei.audit;

/** How the audited act ended. */
public enum AuditOutcome {
    SUCCESS,
    /** It failed: bad input, a wrong password, an error. */
    FAILURE,
    /** It was refused by a rule: the access decision, a missing card, a suspended account. */
    DENIED
}
