package org.renkei.facility;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.renkei.audit.AuditDirectory;
import org.springframework.stereotype.Component;

/** Tells the audit views the facilities' names (the audit module may not depend on this one). */
@Component
class FacilityAuditDirectory implements AuditDirectory {

    private final Facilities facilities;

    FacilityAuditDirectory(Facilities facilities) {
        this.facilities = facilities;
    }

    @Override
    public Map<UUID, String> facilityNames() {
        Map<UUID, String> names = new HashMap<>();
        facilities.names().forEach((id, name) -> names.put(id.value(), name));
        return names;
    }
}
