package org.renkei.record;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A record to store: the resource (JSON, its id already set to {@code id}) and what the store indexes about it.
 * The FHIR adapter builds drafts from incoming resources; the store adds the author, the version and the time.
 */
public record RecordDraft(UUID id, RecordCategory category, UUID participant, Instant effectiveAt,
        String codeSystem, String code, String display, String attachmentSha256, String content) {

    public RecordDraft {
        Objects.requireNonNull(id);
        Objects.requireNonNull(category);
        Objects.requireNonNull(participant);
        Objects.requireNonNull(content);
    }
}
