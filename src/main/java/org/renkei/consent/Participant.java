package org.renkei.consent;

import java.time.LocalDate;

/** A participant as registered. */
public record Participant(ParticipantId id, String cardNumber, PatientDetails details, boolean participating,
        LocalDate joinedOn, LocalDate withdrawnOn, boolean deletionRequested) {

    public String cardNumberDisplay() {
        return CardNumbers.display(cardNumber);
    }
}
