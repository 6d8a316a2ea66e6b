package org.renkei.identity;

import java.time.Instant;
import java.util.UUID;

/** A password login account as stored. */
record Account(UUID id, String username, String displayName, String passwordHash, Actor.AccountKind kind,
        UUID facilityId, boolean enabled, Instant createdAt) {

    Actor actor() {
        AuthLevel level = kind == Actor.AccountKind.OPERATOR
                ? AuthLevel.OPERATOR_PASSWORD
                : AuthLevel.FACILITY_ADMIN_PASSWORD;
        return new Actor(id, username, displayName, level, kind, facilityId);
    }
}
