package org.renkei.access;

/** Which of a participant's data an access concerns. */
public enum DataKind {
    /** Who the participant is: name, birth date, sex, card and patient numbers (FHIR Patient). */
    PARTICIPANT_PROFILE,
    /** The participant's registered consent and its forms (FHIR Consent). */
    CONSENT,
    /** Records on the centre server: clinical data, test results, letters, prescriptions (DEV-01). */
    CENTRE_RECORD,
    /** Records on the PHR server: medication notebook, the patient's own entries (DEV-02). */
    PHR_RECORD
}
