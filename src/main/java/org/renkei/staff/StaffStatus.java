package org.renkei.staff;

/**
 * applying → active → withdrawn; active ⇄ suspended (FAC-05); applying → refused. Only an active user of an
 * active facility may use the network.
 */
public enum StaffStatus {
    APPLYING, ACTIVE, SUSPENDED, WITHDRAWN, REFUSED;

    /** Whether the person is (still) a user of their facility: active or suspended. */
    public boolean isMember() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
