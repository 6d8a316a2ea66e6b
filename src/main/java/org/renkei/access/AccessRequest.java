package org.renkei.access;

import java.util.Objects;
import java.util.UUID;
import org.renkei.identity.Actor;

/**
 * One question to the access decision: may this person (with the session's auth level, facility and staff
 * record) do this action on this participant's data of this kind, for this purpose, now? Further inputs (the
 * device class, an emergency or disaster grant) are added here, not decided elsewhere.
 */
public record AccessRequest(Actor actor, UUID participant, Action action, DataKind kind, Purpose purpose) {

    public AccessRequest {
        Objects.requireNonNull(actor);
        Objects.requireNonNull(participant);
        Objects.requireNonNull(action);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(purpose);
    }

    /** A request for normal care. */
    public static AccessRequest of(Actor actor, UUID participant, Action action, DataKind kind) {
        return new AccessRequest(actor, participant, action, kind, Purpose.CARE);
    }
}
