package org.renkei.audit;

/** Why the act happened. */
public enum AuditPurpose {
    /** Normal care under the participant's consent. */
    CARE,
    /** Emergency (break-the-glass) access (EMG). */
    EMERGENCY,
    /** Disaster access (DIS). */
    DISASTER,
    /** Running the network: logins, the operator's and facility administrators' work. */
    ADMINISTRATION
}
