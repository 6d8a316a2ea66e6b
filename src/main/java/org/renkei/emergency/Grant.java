package org.renkei.emergency;

import java.time.Instant;
import java.util.UUID;

/** One participant opened under an activation: read-only, for this user only, until it expires. */
record Grant(UUID id, UUID activationId, UUID staffId, UUID participantId, Instant grantedAt, Instant expiresAt,
        Instant endedAt) {

    boolean openAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }
}
