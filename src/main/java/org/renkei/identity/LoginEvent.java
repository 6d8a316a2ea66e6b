package org.renkei.identity;

/**
 * A login that succeeded or failed, or a logout, for the audit trail (AUD-01). Published in the request that did
 * it. A certificate that authenticates a single API request is not a login; one that is refused is a failure.
 *
 * @param actor who logged in or out; null when a login failed
 * @param username the user name tried, or the card's registration when known; may be null
 * @param method how: {@code password}, {@code second-factor}, {@code card} or {@code api-certificate}
 * @param reason why a login failed (a refusal code); null otherwise
 */
public record LoginEvent(Outcome outcome, Actor actor, String username, String method, String reason) {

    public enum Outcome {
        SUCCEEDED, FAILED, LOGGED_OUT
    }

    static LoginEvent succeeded(Actor actor, String method) {
        return new LoginEvent(Outcome.SUCCEEDED, actor, actor.username(), method, null);
    }

    static LoginEvent failed(String username, String method, String reason) {
        return new LoginEvent(Outcome.FAILED, null, username, method, reason);
    }
}
