package org.renkei.facility;

/**
 * applying → active → withdrawn; active ⇄ suspended (FAC-05); applying → refused. Only an active facility and
 * its users may use the network (FAC-04).
 */
public enum FacilityStatus {
    APPLYING, ACTIVE, SUSPENDED, WITHDRAWN, REFUSED;

    /** Whether the facility is (still) a member: shown on the public list. */
    public boolean isMember() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
