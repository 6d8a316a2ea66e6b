package org.renkei.facility;

import java.util.Optional;
import org.renkei.identity.Actor;
import org.renkei.identity.LoginEligibility;
import org.springframework.stereotype.Component;

/** Nobody logs in for a facility that is not active (FAC-04, FAC-05). */
@Component
class FacilityLoginEligibility implements LoginEligibility {

    private final Facilities facilities;

    FacilityLoginEligibility(Facilities facilities) {
        this.facilities = facilities;
    }

    @Override
    public Optional<String> refusal(Actor candidate) {
        return candidate.facility()
                .flatMap(id -> facilities.find(new FacilityId(id)))
                .filter(f -> !f.isActive())
                .map(f -> "facility " + f.status().name().toLowerCase());
    }
}
