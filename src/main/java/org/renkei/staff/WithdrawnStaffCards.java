package org.renkei.staff;

import org.renkei.identity.CardRevocationReason;
import org.renkei.identity.NetworkCardAuthority;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A withdrawn user's network cards are revoked (cessation of operation) in the transaction that withdrew them,
 * and the CA's new revocation list is published with it.
 */
@Component
class WithdrawnStaffCards {

    private final NetworkCardAuthority cards;

    WithdrawnStaffCards(NetworkCardAuthority cards) {
        this.cards = cards;
    }

    @EventListener
    void on(StaffStatusChanged change) {
        if (change.to() == StaffStatus.WITHDRAWN) {
            cards.revokeAllOf(change.staff().value(), CardRevocationReason.CESSATION_OF_OPERATION,
                    "system (user withdrawn)");
        }
    }
}
