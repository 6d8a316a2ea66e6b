package org.renkei.facility;

import org.renkei.filing.Filing;
import org.renkei.filing.FilingHandler;
import org.renkei.filing.FilingKind;
import org.springframework.stereotype.Component;

/** What a facility's application does when refused or when it takes effect. */
@Component
class FacilityFilings implements FilingHandler {

    private final FacilityRegistry registry;

    FacilityFilings(FacilityRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean handles(FilingKind kind) {
        return kind == FilingKind.FACILITY_NEW || kind == FilingKind.FACILITY_CHANGE
                || kind == FilingKind.FACILITY_WITHDRAWAL;
    }

    @Override
    public void refused(Filing filing) {
        if (filing.kind() == FilingKind.FACILITY_NEW) {
            registry.refusedToJoin(filing);
        }
    }

    @Override
    public void takeEffect(Filing filing) {
        switch (filing.kind()) {
            case FACILITY_NEW -> registry.joined(filing);
            case FACILITY_CHANGE -> registry.changedDetails(filing);
            case FACILITY_WITHDRAWAL -> registry.withdrew(filing);
            default -> throw new IllegalArgumentException(filing.kind().name());
        }
    }
}
