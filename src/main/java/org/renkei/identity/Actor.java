package org.renkei.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * The person acting in a request: their login account, how they authenticated, and — for facility staff — the
 * facility they act for. Controllers take it as a method parameter.
 */
public record Actor(UUID accountId, String username, String displayName, AuthLevel authLevel,
        AccountKind kind, UUID facilityId) {

    public enum AccountKind {
        /** Staff of the operator (support centre, secretariat). */
        OPERATOR,
        /** The administrator (管理責任者) of a member facility. */
        FACILITY_ADMINISTRATOR
    }

    public boolean isOperator() {
        return kind == AccountKind.OPERATOR;
    }

    /** The facility this person acts for; empty for the operator's staff. */
    public Optional<UUID> facility() {
        return Optional.ofNullable(facilityId);
    }

    /** Whether this person administers the given facility. */
    public boolean administers(UUID facility) {
        return kind == AccountKind.FACILITY_ADMINISTRATOR && facility != null && facility.equals(facilityId);
    }
}
