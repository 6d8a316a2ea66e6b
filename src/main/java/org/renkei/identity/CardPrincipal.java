package org.renkei.identity;

import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A staff member logged in with an IC card.
 *
 * @param actor the staff member, with {@link AuthLevel#HPKI_CARD} or {@link AuthLevel#USER_PKI_CARD}; its
 *         account id is the card registration's id
 * @param fingerprint the SHA-256 fingerprint of the card certificate
 */
record CardPrincipal(Actor actor, String fingerprint) implements ActorPrincipal, AuthenticatedPrincipal,
        Serializable {

    /** What the page header shows: the person's name. */
    @Override
    public String getName() {
        return actor.displayName();
    }
}
