package org.renkei.incident;

/** reported → investigating → closed; the operator moves an incident forward only. */
public enum IncidentStatus {
    REPORTED, INVESTIGATING, CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }

    /** Whether the operator may move an incident from this state to the other (or note it in the same one). */
    boolean mayMoveTo(IncidentStatus to) {
        return this != CLOSED && to.ordinal() >= ordinal();
    }
}
