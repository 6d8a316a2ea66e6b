package org.renkei.identity;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A card session lasts only while the card's registration does: when the operator revokes it (lost card, USR-07),
 * every session of that card ends on its next request.
 */
@Component
class CardStanding implements LoginEligibility {

    private final CardCertificates cards;

    CardStanding(CardCertificates cards) {
        this.cards = cards;
    }

    @Override
    public Optional<String> refusal(Actor candidate) {
        if (!candidate.authLevel().isCard()) {
            return Optional.empty();
        }
        Optional<CardCertificate> card = cards.find(candidate.accountId());
        if (card.isEmpty()) {
            return Optional.of("card registration unknown");
        }
        return card.get().revoked() ? Optional.of("card registration revoked") : Optional.empty();
    }
}
