package org.renkei.staff;

import java.util.Optional;
import java.util.UUID;
import org.renkei.identity.StaffDirectory;
import org.springframework.stereotype.Component;

/** Answers identity's questions about registered users. */
@Component
class StaffDirectoryAdapter implements StaffDirectory {

    private final StaffMembers staff;

    StaffDirectoryAdapter(StaffMembers staff) {
        this.staff = staff;
    }

    @Override
    public Optional<StaffProfile> profile(UUID staffId) {
        return staff.find(new StaffId(staffId)).map(s -> new StaffProfile(staffId, s.facility().value(),
                s.fullName(), s.profession(), s.status() == StaffStatus.ACTIVE));
    }
}
