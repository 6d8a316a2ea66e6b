package org.renkei.staff;

import org.renkei.facility.FacilityRegistry;
import org.renkei.facility.FacilityStatus;
import org.renkei.facility.FacilityStatusChanged;
import org.renkei.platform.time.JapanTime;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a facility withdraws, all its users can no longer use the network (FAC-04): they are withdrawn in the
 * same transaction, as of the facility's withdrawal date.
 */
@Component
class FacilityWithdrawals {

    private final StaffRegistry registry;
    private final FacilityRegistry facilities;

    FacilityWithdrawals(StaffRegistry registry, FacilityRegistry facilities) {
        this.registry = registry;
        this.facilities = facilities;
    }

    @EventListener
    void on(FacilityStatusChanged change) {
        if (change.to() != FacilityStatus.WITHDRAWN) {
            return;
        }
        var withdrawnOn = facilities.find(change.facility())
                .map(f -> f.withdrawnOn())
                .orElseGet(() -> change.at().atZone(JapanTime.ZONE).toLocalDate());
        registry.facilityWithdrew(change.facility(), withdrawnOn);
    }
}
