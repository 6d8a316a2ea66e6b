package org.renkei.access;

import org.renkei.audit.AuditPurpose;

/**
 * PERMIT or DENY, with the reason.
 *
 * <p>The reason is for the audit log and the caller's own logic. Nobody may learn from an answer that a patient
 * takes part in the network (CON-01): a request denied because of the participant or their consent
 * ({@link Reason#NO_SUCH_PARTICIPANT}, {@link Reason#WITHDRAWN}, {@link Reason#FACILITY_DENIED},
 * {@link Reason#FACILITY_NOT_PERMITTED}) must be answered exactly as one for a participant that does not exist —
 * not found, or left out of a list without a trace. The reasons of the checks made before the participant is
 * looked at (session, standing, card, purpose) are the same whoever is named, and may be told.
 */
public record Decision(Reason reason) {

    /**
     * The purpose an access under this decision is audited with when it is not plain care: EMERGENCY when an
     * emergency grant opened it; null otherwise (the audit entry keeps its own purpose).
     */
    public AuditPurpose auditPurpose() {
        return reason == Reason.EMERGENCY_GRANT || reason == Reason.EMERGENCY_SEARCH ? AuditPurpose.EMERGENCY : null;
    }

    public boolean permitted() {
        return reason.permits();
    }

    public boolean denied() {
        return !reason.permits();
    }
}
