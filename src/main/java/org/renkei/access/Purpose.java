package org.renkei.access;

/** Why the access happens; emergency and disaster access are decided by their own rules (EMG, DIS). */
public enum Purpose {
    /** Normal care under the participant's consent. */
    CARE,
    /**
     * Emergency (break-the-glass) access: finding participants after the emergency button was pressed. Looking at
     * a participant's data afterwards is asked for care, and the emergency grant permits it.
     */
    EMERGENCY,
    /** Disaster access opened by the operator. */
    DISASTER
}
