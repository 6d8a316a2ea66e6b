package org.renkei.emergency;

/** Why the emergency button was pressed (EMG-01, EMG-04). */
enum EmergencyReason {
    /** The participant was brought in unconscious and cannot show the participant card. */
    UNCONSCIOUS,
    /** The participant has not permitted this facility. */
    FACILITY_NOT_PERMITTED,
    /** Another reason, which must be written out. */
    OTHER
}
