package org.renkei.consent;

import java.time.Instant;

/**
 * A participant's registered consent changed (a form was registered). Published inside the transaction that
 * registered it, so that a listener keeping a view for access decisions records the change in the same commit.
 */
public record ConsentChanged(ParticipantId participant, ConsentState state, Instant at) {
}
