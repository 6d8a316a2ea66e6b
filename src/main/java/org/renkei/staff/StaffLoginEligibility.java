package org.renkei.staff;

import java.util.Optional;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.LoginEligibility;
import org.springframework.stereotype.Component;

/**
 * A staff member acts only while active (USR-07: a suspended user's sessions end at once); a provisional account
 * also while the user's add application is still open (USR-03).
 */
@Component
class StaffLoginEligibility implements LoginEligibility {

    private final StaffMembers staff;

    StaffLoginEligibility(StaffMembers staff) {
        this.staff = staff;
    }

    @Override
    public Optional<String> refusal(Actor candidate) {
        if (candidate.staffId() == null) {
            return Optional.empty();
        }
        Optional<StaffStatus> status = staff.status(new StaffId(candidate.staffId()));
        if (status.isEmpty()) {
            return Optional.of("staff unknown");
        }
        boolean mayAct = status.get() == StaffStatus.ACTIVE
                || (status.get() == StaffStatus.APPLYING && candidate.authLevel() == AuthLevel.PROVISIONAL_PASSWORD);
        return mayAct ? Optional.empty() : Optional.of("staff " + status.get().name().toLowerCase());
    }
}
