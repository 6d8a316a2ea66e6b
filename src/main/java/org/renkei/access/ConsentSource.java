package org.renkei.access;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Where the access view reads registered consent: implemented by the consent module. Both methods read committed
 * data in the caller's transaction.
 */
public interface ConsentSource {

    /** The participant's current registered consent; empty if there is no such participant. */
    Optional<ParticipantConsent> consentOf(UUID participant);

    /** Every participant's current registered consent, for loading the view. */
    void forEach(Consumer<ParticipantConsent> each);
}
