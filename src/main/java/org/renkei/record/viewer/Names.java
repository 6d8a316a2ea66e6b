package org.renkei.record.viewer;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.renkei.facility.FacilityRegistry;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffMember;
import org.renkei.staff.StaffRegistry;

/** Facility and staff names for one page, each looked up once. */
final class Names {

    private final FacilityRegistry facilities;
    private final StaffRegistry staff;
    private final Map<UUID, String> facilityNames = new HashMap<>();
    private final Map<UUID, String> staffNames = new HashMap<>();

    Names(FacilityRegistry facilities, StaffRegistry staff) {
        this.facilities = facilities;
        this.staff = staff;
    }

    String facility(UUID id) {
        if (id == null) {
            return "";
        }
        if (facilityNames.isEmpty()) {
            facilities.names().forEach((facility, name) -> facilityNames.put(facility.value(), name));
        }
        return facilityNames.getOrDefault(id, "");
    }

    String staff(UUID id) {
        if (id == null) {
            return "";
        }
        return staffNames.computeIfAbsent(id, k -> staff.find(new StaffId(k)).map(StaffMember::fullName).orElse(""));
    }
}
