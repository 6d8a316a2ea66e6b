package org.renkei.record.viewer;

import java.time.Instant;
import java.util.UUID;
import org.renkei.record.RecordCategory;

/**
 * One line of a participant's timeline: date, kind, storing facility and user, title, whether it is a signed
 * original or a copy (DOC-03), entered-in-error, and new for this user since their last look (DOC-06).
 */
public record TimelineEntry(UUID id, Instant date, Instant storedAt, RecordCategory category, String facility,
        String staff, String title, boolean original, boolean enteredInError, boolean isNew, int version) {
}
