package org.renkei.record;

/** A record is never deleted: a wrong one is marked entered-in-error and stays in its history. */
public enum RecordStatus {
    CURRENT, ENTERED_IN_ERROR
}
