package org.renkei.emergency;

/** Where an emergency activation stands in the operator's review (EMG-04). */
enum ReviewState {
    /** Not yet reviewed. */
    PENDING,
    /** The operator found the emergency access justified. */
    CONFIRMED,
    /** The operator found the emergency access to be misuse; it ended at once. */
    MISUSE
}
