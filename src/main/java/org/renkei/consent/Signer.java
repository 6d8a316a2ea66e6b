package org.renkei.consent;

/** Who signed a form (PAR-04). */
public enum Signer {
    /** The patient. */
    PATIENT,
    /** A guardian (親権者等), for a minor. */
    GUARDIAN,
    /** A family member, for an adult who cannot sign; their identity document is checked. */
    FAMILY,
    /** A relative, for an adult who cannot sign; their identity document is checked. */
    RELATIVE;

    public boolean isProxy() {
        return this != PATIENT;
    }
}
