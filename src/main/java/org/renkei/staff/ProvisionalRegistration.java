package org.renkei.staff;

import java.time.Instant;
import java.util.UUID;
import org.renkei.facility.FacilityId;

/**
 * A person's self-registration for a provisional account (仮アカウント, USR-03): who they are, the ID they chose
 * (held by a waiting login account), and what their facility's administrator decided.
 */
public record ProvisionalRegistration(UUID id, FacilityId facility, UUID accountId, String username,
        NewStaff details, Status status, Instant registeredAt, Instant decidedAt, String decidedBy,
        StaffId staffId) {

    public enum Status {
        /** Waiting for the facility administrator. */
        WAITING,
        /** Confirmed: the user add application is filed and the account logs in. */
        CONFIRMED,
        /** Turned down by the facility administrator; the account is closed. */
        REJECTED
    }

    public String fullName() {
        return details.familyName() + " " + details.givenName();
    }

    public String fullNameKana() {
        return details.familyNameKana() + " " + details.givenNameKana();
    }
}
