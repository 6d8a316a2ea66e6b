package org.renkei.emergency;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import org.renkei.access.EmergencySource;
import org.renkei.access.StaffEmergency;
import org.springframework.stereotype.Component;

/** The open activations and grants, as the access view reads them; those expired by now are left out. */
@Component
class EmergencySourceAdapter implements EmergencySource {

    private final EmergencyStore store;
    private final Clock clock;

    EmergencySourceAdapter(EmergencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public StaffEmergency emergencyOf(UUID staff) {
        EmergencyStore.OpenAccess open = store.openAccessOf(staff, clock.instant());
        return new StaffEmergency(staff, open.searchUntil(), open.grantedUntil());
    }

    @Override
    public void forEach(Consumer<StaffEmergency> each) {
        store.forEachOpen(clock.instant(),
                (staff, open) -> each.accept(new StaffEmergency(staff, open.searchUntil(), open.grantedUntil())));
    }
}
