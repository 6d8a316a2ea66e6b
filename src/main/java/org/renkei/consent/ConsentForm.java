package org.renkei.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.renkei.facility.FacilityId;

/** A form as recorded: what the paper says, where it is in the flow, and who did what when. */
public record ConsentForm(UUID id, FormKind kind, FormStatus status, ParticipantId participant, String cardNumber,
        FacilityId receivingFacility, String explainedBy, Signer signer, String signerName,
        String signerRelationship, String identityDocument, String coSignerName, PatientDetails patient,
        String patientNumber, List<ListedFacility> listed, boolean deletionRequested, LocalDate receivedOn,
        LocalDate dueOn, String enteredVia, String enteredBy, Instant enteredAt, String decidedBy,
        Instant decidedAt, String rejectionReason, String issuedCardNumber, boolean hasScan) {

    public boolean pending() {
        return status == FormStatus.PENDING;
    }

    /** Whether registration is late on the given day (due within 3 business days of receipt, PAR-02). */
    public boolean lateOn(LocalDate today) {
        return pending() && today.isAfter(dueOn);
    }
}
