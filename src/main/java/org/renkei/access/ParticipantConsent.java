package org.renkei.access;

import java.util.Set;
import java.util.UUID;

/**
 * A participant's registered consent as the access decision needs it (supplied by the consent module through
 * {@link ConsentSource}).
 *
 * @param participating false once the participant withdrew (CON-06)
 * @param permitted facilities the participant permitted (CON-02)
 * @param denied facilities the participant said not to share with; a denial wins (CON-03)
 */
public record ParticipantConsent(UUID participant, boolean participating, Set<UUID> permitted, Set<UUID> denied) {

    public ParticipantConsent {
        permitted = Set.copyOf(permitted);
        denied = Set.copyOf(denied);
    }
}
