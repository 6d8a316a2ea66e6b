package org.renkei.facility;

import java.util.Optional;
import org.renkei.identity.Actor;
import org.renkei.identity.LoginEligibility;
import org.springframework.stereotype.Component;

/** Nobody logs in, or goes on acting, for a facility that is not active (FAC-04, FAC-05). */
@Component
class FacilityLoginEligibility implements LoginEligibility {

    private final Facilities facilities;

    FacilityLoginEligibility(Facilities facilities) {
        this.facilities = facilities;
    }

    @Override
    public Optional<String> refusal(Actor candidate) {
        return candidate.facility()
                .flatMap(id -> facilities.status(new FacilityId(id)))
                .filter(status -> status != FacilityStatus.ACTIVE)
                .map(status -> "facility " + status.name().toLowerCase());
    }
}
