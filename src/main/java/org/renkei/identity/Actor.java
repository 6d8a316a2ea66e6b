package org.renkei.identity;

import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

/**
 * The person acting in a request: who they are, how they authenticated ({@link AuthLevel}), and — for facility
 * staff — the facility they act for, their staff record and profession. Controllers take it as a method
 * parameter; other code asks {@link CurrentActor}.
 *
 * @param accountId the login account or certificate credential that authenticated this session
 * @param staffId the staff member (利用者) acting, for staff sessions; null for the operator and administrators
 * @param profession the staff member's registered profession; null when not a staff session
 */
public record Actor(UUID accountId, String username, String displayName, AuthLevel authLevel,
        AccountKind kind, UUID facilityId, UUID staffId, Profession profession) implements Serializable {

    public enum AccountKind {
        /** Staff of the operator (support centre, secretariat). */
        OPERATOR,
        /** The administrator (管理責任者) of a member facility, managing it. */
        FACILITY_ADMINISTRATOR,
        /** A user (利用者) of a member facility: doctor, nurse, care manager, … */
        STAFF
    }

    /** An operator's or facility administrator's session (no staff record). */
    public Actor(UUID accountId, String username, String displayName, AuthLevel authLevel, AccountKind kind,
            UUID facilityId) {
        this(accountId, username, displayName, authLevel, kind, facilityId, null, null);
    }

    public boolean isOperator() {
        return kind == AccountKind.OPERATOR;
    }

    public boolean isStaff() {
        return kind == AccountKind.STAFF;
    }

    /** The facility this person acts for; empty for the operator's staff. */
    public Optional<UUID> facility() {
        return Optional.ofNullable(facilityId);
    }

    /** The staff member acting; empty for the operator and facility administrators. */
    public Optional<UUID> staff() {
        return Optional.ofNullable(staffId);
    }

    /** Whether this person administers the given facility. */
    public boolean administers(UUID facility) {
        return kind == AccountKind.FACILITY_ADMINISTRATOR && facility != null && facility.equals(facilityId);
    }
}
