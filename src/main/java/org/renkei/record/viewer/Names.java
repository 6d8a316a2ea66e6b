package org.renkei.record.viewer;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.renkei.facility.Facility;
import org.renkei.facility.FacilityId;
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
        return facilityNames.computeIfAbsent(id,
                k -> facilities.find(new FacilityId(k)).map(Facility::name).orElse(""));
    }

    String staff(UUID id) {
        if (id == null) {
            return "";
        }
        return staffNames.computeIfAbsent(id, k -> staff.find(new StaffId(k)).map(StaffMember::fullName).orElse(""));
    }
}
