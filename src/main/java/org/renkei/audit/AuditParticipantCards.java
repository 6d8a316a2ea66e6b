package org.renkei.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * Finding the participant of a participant card number (参加者カード番号), for searching the audit trail by card:
 * told by the consent module, which owns the cards.
 */
public interface AuditParticipantCards {

    /**
     * The participant who holds or held this card; empty when nobody does.
     *
     * @throws org.renkei.platform.web.InvalidInputException when the number cannot be a card number
     */
    Optional<UUID> participantOfCard(String cardNumber);
}
