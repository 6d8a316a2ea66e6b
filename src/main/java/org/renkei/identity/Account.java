package org.renkei.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A password login account as stored.
 *
 * @param validUntil end of a provisional or temporary account's validity; null for the others
 * @param mustChangePassword the password was set by someone else (an initial password) and is changed at the
 *         next login
 * @param failedAttempts wrong passwords or codes in a row since the last successful login or lock
 * @param lockedUntil the account refuses every login until then (ACC-01); null or past when not locked
 * @param totpEnrolledAt when the second factor was enrolled; null when none is
 *
 * <p>The methods the support centre's pages call are public: templates reach only public methods.
 */
record Account(UUID id, String username, String displayName, String passwordHash, AccountType type,
        UUID facilityId, UUID staffId, boolean enabled, Instant createdAt, Instant validUntil,
        Instant passwordChangedAt, boolean mustChangePassword, int failedAttempts, Instant lastFailedAt,
        Instant lockedUntil, Instant lastLoginAt, Instant totpEnrolledAt, String issuedReason, String issuedBy,
        int renewals, Instant closedAt, String closedReason) {

    /** How the account stands, for the operator's pages. */
    public enum State {
        ACTIVE, LOCKED, EXPIRED, WAITING, DISABLED, CLOSED
    }

    public State state(Instant now) {
        if (closed()) {
            return State.CLOSED;
        }
        if (type == AccountType.PROVISIONAL && staffId == null) {
            return State.WAITING;
        }
        if (!enabled) {
            return State.DISABLED;
        }
        if (expiredAt(now)) {
            return State.EXPIRED;
        }
        return lockedAt(now) ? State.LOCKED : State.ACTIVE;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean expiredAt(Instant now) {
        return validUntil != null && !validUntil.isAfter(now);
    }

    public boolean closed() {
        return closedAt != null;
    }

    public boolean secondFactorEnrolled() {
        return totpEnrolledAt != null;
    }

    /** Whether a login of this account passes through the second factor: required, or enrolled by choice. */
    public boolean needsSecondFactor() {
        return type.secondFactorRequired() || secondFactorEnrolled();
    }

    /**
     * The person a session of this account acts as. A user's account takes the facility and profession from the
     * user's registration as it stands now.
     */
    Actor actor(Optional<StaffDirectory.StaffProfile> staff) {
        if (!type.forStaff()) {
            return new Actor(id, username, displayName, type.authLevel(), type.actorKind(), facilityId);
        }
        UUID facility = staff.map(StaffDirectory.StaffProfile::facilityId).orElse(facilityId);
        return new Actor(id, username, displayName, type.authLevel(), type.actorKind(), facility, staffId,
                staff.map(StaffDirectory.StaffProfile::profession).orElse(null));
    }
}
