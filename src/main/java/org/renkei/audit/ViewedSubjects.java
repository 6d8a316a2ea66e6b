package org.renkei.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How the audit writer reads the subjects of views for its round ({@link AuditTrail#recordView}): all the ids the
 * round's views asked for, in one statement.
 *
 * @param <S> what is viewed (a stored record)
 */
public interface ViewedSubjects<S> {

    /**
     * The subjects with these ids that exist, read by one statement begun now, outside any transaction, together with
     * the version counters ({@code CommittedVersions.columns()}) that statement read.
     */
    Found<S> read(List<UUID> ids);

    /** The subjects found, by id, and the version counters read with them. */
    record Found<S>(Map<UUID, S> subjects, long[] versions) {
    }
}
