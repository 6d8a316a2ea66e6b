package org.renkei.access;

/** Why the access happens; emergency and disaster access are decided by their own rules (EMG, DIS). */
public enum Purpose {
    /** Normal care under the participant's consent. */
    CARE,
    /** Emergency (break-the-glass) access. */
    EMERGENCY,
    /** Disaster access opened by the operator. */
    DISASTER
}
