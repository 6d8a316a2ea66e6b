package org.renkei.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * What identity needs to know about a registered user (利用者) to log them in: implemented by the staff
 * feature, which owns the registry.
 */
public interface StaffDirectory {

    /** The user as registered, or empty for an unknown id. */
    Optional<StaffProfile> profile(UUID staffId);

    /**
     * @param active whether the user is active now (not applying, suspended or withdrawn)
     */
    record StaffProfile(UUID staffId, UUID facilityId, String displayName, Profession profession,
            boolean active) {
    }
}
