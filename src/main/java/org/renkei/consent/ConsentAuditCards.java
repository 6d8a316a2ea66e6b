package org.renkei.consent;

import java.util.Optional;
import java.util.UUID;
import org.renkei.audit.AuditParticipantCards;
import org.renkei.platform.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Tells the audit views whose card a card number is (current or earlier card), so the audit trail can be searched
 * by card. It answers the audit search only, whose scope (the operator; a facility administrator's own facility)
 * decides what is shown.
 */
@Component
class ConsentAuditCards implements AuditParticipantCards {

    private final Participants participants;

    ConsentAuditCards(Participants participants) {
        this.participants = participants;
    }

    @Override
    public Optional<UUID> participantOfCard(String cardNumber) {
        String number = CardNumbers.normalize(cardNumber);
        if (!CardNumbers.isValid(number)) {
            throw new InvalidInputException("consent.card.checkDigit");
        }
        return participants.byCard(number).map(holder -> holder.participant().value());
    }
}
