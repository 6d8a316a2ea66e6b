package org.renkei.emergency;

import java.time.Instant;
import java.util.UUID;

/** The emergency button pressed with a reason: for a short time the user may find any participant. */
record Activation(UUID id, UUID staffId, String staffName, UUID accountId, String authLevel, UUID facilityId,
        EmergencyReason reason, String reasonText, Instant activatedAt, Instant expiresAt, Instant endedAt,
        ReviewState reviewState, UUID reviewedBy, String reviewedByName, Instant reviewedAt, String reviewNote,
        boolean userSuspended) {

    boolean openAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }
}
