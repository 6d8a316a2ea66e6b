package org.renkei.filing;

/** PENDING → ACCEPTED → EFFECTIVE, or PENDING → REFUSED. */
public enum FilingStatus {
    PENDING, ACCEPTED, EFFECTIVE, REFUSED
}
