package org.renkei.access;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One staff member's emergency access as the access decision needs it (supplied by the emergency module through
 * {@link EmergencySource}).
 *
 * @param staff the staff member (利用者) who pressed the emergency button
 * @param searchUntil the end of the latest activation (the button pressed with a reason): until then the staff
 *     member may find any participant who takes part; null when there is none
 * @param grantedUntil per participant, the end of the latest grant: until then the staff member may look at that
 *     participant's data, read-only, whatever the consent says (unless the participant withdrew)
 */
public record StaffEmergency(UUID staff, Instant searchUntil, Map<UUID, Instant> grantedUntil) {

    public StaffEmergency {
        grantedUntil = Map.copyOf(grantedUntil);
    }

    /** Nothing open for this staff member. */
    public static StaffEmergency none(UUID staff) {
        return new StaffEmergency(staff, null, Map.of());
    }

    public boolean isEmpty() {
        return searchUntil == null && grantedUntil.isEmpty();
    }
}
