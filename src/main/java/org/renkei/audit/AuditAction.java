package org.renkei.audit;

/** What was done (AUD-01). */
public enum AuditAction {
    /** Participant data looked at: a record, a participant's profile or consent, an attachment. */
    VIEW,
    /** A search or list that showed participants or their data. */
    SEARCH,
    /** Data stored. */
    STORE,
    /** Stored data changed: a new version, or marked entered-in-error. */
    UPDATE,
    /** Printed (DOC-05). */
    PRINT,
    /** Exported to a file (DOC-05). */
    EXPORT,
    /** A login, successful or not. */
    LOGIN,
    /** A logout. */
    LOGOUT,
    /** The emergency button pressed and emergency access granted or refused (EMG-02). */
    EMERGENCY_ACCESS,
    /** Access opened by the disaster mode (DIS-03). */
    DISASTER_ACCESS,
    /** A consent form registered or rejected by the operator. */
    CONSENT_REGISTRATION,
    /** An administrative act: a facility, user or card decision, a suspension, a setting. */
    ADMINISTRATION,
    /** The access decision said no. */
    ACCESS_DENIED,
    /** The audit trail itself read out: a CSV export, a verification. */
    AUDIT_EXPORT,
    /** An incident reported or handled (AUD-05). */
    INCIDENT
}
