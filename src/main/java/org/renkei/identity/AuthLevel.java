package org.renkei.identity;

/**
 * How a person proved who they are in this session. Later rules depend on it: only an HPKI card may sign, and
 * no ID/password login may ever press the emergency button (USR-06, EMG-03).
 */
public enum AuthLevel {
    /** The operator's own staff (support centre, secretariat), ID and password. */
    OPERATOR_PASSWORD,
    /** A facility administrator managing their facility, ID and password. */
    FACILITY_ADMIN_PASSWORD;

    /** Whether a signature may be made in a session of this level (SIG-02): never with a password. */
    public boolean maySign() {
        return false;
    }

    /** Whether the emergency button may be used in a session of this level (EMG-03): never with a password. */
    public boolean mayUseEmergencyAccess() {
        return false;
    }
}
