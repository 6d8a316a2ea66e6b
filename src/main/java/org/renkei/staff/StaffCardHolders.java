package org.renkei.staff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.renkei.facility.Facility;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.identity.CardHolders;
import org.renkei.identity.StaffDirectory.StaffProfile;
import org.springframework.stereotype.Component;

/** Answers the network card CA's questions: a facility's users and the facility's name. */
@Component
class StaffCardHolders implements CardHolders {

    private final StaffMembers staff;
    private final FacilityRegistry facilities;

    StaffCardHolders(StaffMembers staff, FacilityRegistry facilities) {
        this.staff = staff;
        this.facilities = facilities;
    }

    @Override
    public List<StaffProfile> ofFacility(UUID facilityId) {
        return staff.ofFacility(new FacilityId(facilityId)).stream()
                .map(s -> new StaffProfile(s.id().value(), facilityId, s.fullName(), s.profession(),
                        s.status() == StaffStatus.ACTIVE))
                .toList();
    }

    @Override
    public Optional<String> facilityName(UUID facilityId) {
        return facilities.find(new FacilityId(facilityId)).map(Facility::name);
    }
}
