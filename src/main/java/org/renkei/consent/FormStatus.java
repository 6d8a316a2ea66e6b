package org.renkei.consent;

/** Where a form is: waiting in the operator's queue, registered, or rejected with a reason. */
public enum FormStatus {
    PENDING, REGISTERED, REJECTED
}
