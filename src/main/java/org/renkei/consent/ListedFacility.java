package org.renkei.consent;

import org.renkei.facility.FacilityId;

/**
 * A facility written on a form, with the patient's number there (診察券番号, PAR-05) where the form gives one.
 */
public record ListedFacility(FacilityId facility, String patientNumber, Listing listing) {

    public ListedFacility {
        patientNumber = patientNumber == null || patientNumber.isBlank() ? null : patientNumber.strip();
    }
}
