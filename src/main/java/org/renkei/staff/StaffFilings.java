package org.renkei.staff;

import org.renkei.filing.Filing;
import org.renkei.filing.FilingHandler;
import org.renkei.filing.FilingKind;
import org.springframework.stereotype.Component;

/** What a user add or withdrawal application does when refused or when it takes effect. */
@Component
class StaffFilings implements FilingHandler {

    private final StaffRegistry registry;

    StaffFilings(StaffRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean handles(FilingKind kind) {
        return kind == FilingKind.STAFF_ADD || kind == FilingKind.STAFF_WITHDRAWAL;
    }

    @Override
    public void refused(Filing filing) {
        if (filing.kind() == FilingKind.STAFF_ADD) {
            registry.refusedToAdd(filing);
        }
    }

    @Override
    public void takeEffect(Filing filing) {
        switch (filing.kind()) {
            case STAFF_ADD -> registry.added(filing);
            case STAFF_WITHDRAWAL -> registry.withdrew(filing);
            default -> throw new IllegalArgumentException(filing.kind().name());
        }
    }
}
