package org.renkei.identity;

import java.util.Optional;

/**
 * A feature's say on whether an account may log in now (for example: its facility was withdrawn or suspended).
 * Implemented by the features that know; asked on every login.
 */
public interface LoginEligibility {

    /** Empty when nothing in this feature stands against the login; otherwise a message key saying why. */
    Optional<String> refusal(Actor candidate);
}
