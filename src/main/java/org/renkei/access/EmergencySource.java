package org.renkei.access;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Where the access view reads emergency access (EMG-01…EMG-04): implemented by the emergency module. Both methods
 * read committed data in the caller's transaction. What has ended early (a grant flagged as misuse) is left out;
 * what has merely expired may be left in — the decision compares the expiry with the time of the request.
 */
public interface EmergencySource {

    /** The staff member's emergency activations and grants that have not ended; empty when there are none. */
    StaffEmergency emergencyOf(UUID staff);

    /** Every staff member's open emergency activations and grants, for loading the view. */
    void forEach(Consumer<StaffEmergency> each);
}
