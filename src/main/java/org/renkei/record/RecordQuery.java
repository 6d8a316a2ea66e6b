package org.renkei.record;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A search of one participant's records: by kind, clinical date range, storing facility and code; newest first.
 * A search always names the participant — nobody lists records across participants.
 *
 * @param categories the kinds wanted; empty for all
 * @param from inclusive lower bound of the clinical date, or null
 * @param to exclusive upper bound of the clinical date, or null
 * @param includeEnteredInError whether records marked entered-in-error are returned too
 */
public record RecordQuery(UUID participant, Set<RecordCategory> categories, Instant from, Instant to,
        UUID authorFacility, String codeSystem, String code, boolean includeEnteredInError, int offset, int limit) {

    public static final int MAX_LIMIT = 200;

    public RecordQuery {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        offset = Math.max(0, offset);
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    public static RecordQuery of(UUID participant, Set<RecordCategory> categories) {
        return new RecordQuery(participant, categories, null, null, null, null, null, false, 0, 50);
    }
}
