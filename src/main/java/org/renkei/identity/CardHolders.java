package org.renkei.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the network's card CA needs to know beyond {@link StaffDirectory}: the users of a facility (for its
 * administrator to choose whom to request a card for) and a facility's name (written into the card). Implemented
 * by the staff feature.
 */
public interface CardHolders {

    /** The facility's users, in the registry's order. */
    List<StaffDirectory.StaffProfile> ofFacility(UUID facilityId);

    /** The facility's name, or empty for an unknown facility. */
    Optional<String> facilityName(UUID facilityId);
}
