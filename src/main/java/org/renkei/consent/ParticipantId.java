package org.renkei.consent;

import java.util.Objects;
import java.util.UUID;

/** A participant (参加者): a patient who joined the network by a registered consent form. */
public record ParticipantId(UUID value) {

    public ParticipantId {
        Objects.requireNonNull(value);
    }

    public static ParticipantId of(String text) {
        return new ParticipantId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
