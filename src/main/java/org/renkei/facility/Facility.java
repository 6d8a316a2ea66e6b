package org.renkei.facility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A member facility as registered. */
public record Facility(FacilityId id, FacilityKind kind, String code, FacilityDetails details,
        FacilityStatus status, LocalDate joinedOn, LocalDate withdrawnOn, String suspensionReason,
        Instant suspendedAt) {

    public String name() {
        return details.name();
    }

    public boolean isActive() {
        return status == FacilityStatus.ACTIVE;
    }

    public List<FacilityPerson> contacts() {
        return details.peopleIn(FacilityPerson.Role.CONTACT);
    }

    /** One line of the facility's state history. */
    public record HistoryEntry(Instant at, FacilityStatus status, String note, String actor) {
    }
}
