package org.renkei.consent;

import java.time.LocalDate;
import java.util.List;
import org.renkei.facility.FacilityId;

/**
 * A paper form as typed in at the receiving facility's counter or by the support centre from a fax.
 *
 * @param explainedBy the staff member who explained the leaflet (PAR-01)
 * @param patientCannotSign an adult patient who cannot sign: a family member or relative signs (PAR-04)
 * @param signerRelationship the proxy's relationship to the patient (required for every proxy)
 * @param identityDocument the kind of identity document of the proxy that reception checked (family, relative)
 * @param coSignerName an optional co-signature reception asked of an adult who can sign (PAR-04)
 * @param patient the patient's details: required on a new form; on a change form, new details or null
 * @param cardNumber the participant card shown (add, change, withdrawal; on a re-issue form if the number is known)
 * @param patientNumber on a re-issue form without the card: the patient's number at the receiving facility
 * @param listed the facilities the form lists, with the patient's number at each
 * @param deletionRequested a withdrawal that also asks for the shared records to be deleted (CON-06)
 * @param scan an optional scanned image (or PDF) of the paper
 */
public record FormEntry(FormKind kind, FacilityId receivingFacility, String explainedBy, Signer signer,
        String signerName, String signerRelationship, String identityDocument, String coSignerName,
        boolean patientCannotSign, PatientDetails patient, String cardNumber, String patientNumber,
        List<ListedFacility> listed, boolean deletionRequested, LocalDate receivedOn, Scan scan) {

    public FormEntry {
        explainedBy = strip(explainedBy);
        signerName = strip(signerName);
        signerRelationship = strip(signerRelationship);
        identityDocument = strip(identityDocument);
        coSignerName = strip(coSignerName);
        cardNumber = cardNumber == null || cardNumber.isBlank() ? null : CardNumbers.normalize(cardNumber);
        patientNumber = strip(patientNumber);
        listed = listed == null ? List.of() : List.copyOf(listed);
    }

    /** A scanned image of the form. */
    public record Scan(String contentType, byte[] content) {
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
