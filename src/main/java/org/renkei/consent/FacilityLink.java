package org.renkei.consent;

import java.time.Instant;
import org.renkei.facility.FacilityId;

/**
 * A participant at one facility: the patient's number there (master patient index, PAR-05) and whether the
 * facility is permitted or denied (CON-02, CON-03).
 */
public record FacilityLink(FacilityId facility, String patientNumber, boolean permitted, boolean denied,
        Instant since) {
}
