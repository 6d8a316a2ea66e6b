package org.renkei.access;

/** PERMIT or DENY, with the reason. */
public record Decision(Reason reason) {

    public boolean permitted() {
        return reason.permits();
    }

    public boolean denied() {
        return !reason.permits();
    }
}
