package org.renkei.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.renkei.facility.FacilityId;
import org.renkei.staff.StaffId;

/**
 * An incident as reported and tracked (AUD-05).
 *
 * @param staff the user concerned, if any
 * @param userSuspended whether the report suspended that user at once
 * @param cardsRevoked how many of that user's network cards the report revoked
 */
public record Incident(UUID id, FacilityId facility, IncidentKind kind, Instant noticedAt, String description,
        StaffId staff, String device, IncidentStatus status, boolean userSuspended, int cardsRevoked,
        Instant reportedAt, String reportedBy, Instant updatedAt) {

    public boolean isOpen() {
        return status.isOpen();
    }

    /** How long it has been open (until now), or was open (until it was closed). */
    public Duration age(Instant now) {
        return Duration.between(reportedAt, isOpen() ? now : updatedAt);
    }

    /** One step of its handling: the state it was put in, the note, who and when. */
    public record Step(Instant at, IncidentStatus status, String note, String actor) {
    }
}
