package org.renkei.consent;

import java.time.Instant;
import java.util.UUID;

/** One registered consent state (CON-09): the state after a form, who registered it, when. */
public record HistoryEntry(Instant at, UUID formId, FormKind formKind, ConsentState state, String cardNumber,
        String registeredBy) {
}
