package org.renkei.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.renkei.identity.Actor;
import org.renkei.platform.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The bytes of attachments: streamed into the {@link AttachmentStore} with a size limit, their metadata in
 * PostgreSQL. Saved inside the storing transaction: if it rolls back, bytes it added are removed again, so a failed
 * request leaves nothing behind. Read only through the Binary record they belong to, which passes the access
 * decision.
 */
@Service
public class Attachments {

    private static final Logger log = LoggerFactory.getLogger(Attachments.class);

    private final AttachmentStore store;
    private final JdbcClient jdbc;
    private final SharedRecords records;
    private final RecordSettings settings;
    private final Clock clock;

    Attachments(AttachmentStore store, JdbcClient jdbc, SharedRecords records, RecordSettings settings, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.records = records;
        this.settings = settings;
        this.clock = clock;
    }

    /** Content saved: its address, size and type. */
    public record Saved(String sha256, long size, String contentType) {
    }

    /** Saves content within the caller's transaction (which must exist). */
    public Saved save(InputStream content, String contentType) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("attachments are saved inside the storing transaction");
        }
        if (contentType == null || !settings.allowedContentType(contentType)) {
            throw new InvalidInputException("record.attachment.type", contentType);
        }
        AttachmentStore.Put put;
        try {
            put = store.put(content, settings.maxAttachmentBytes());
        } catch (AttachmentStore.TooLarge e) {
            throw new InvalidInputException("record.attachment.tooLarge", settings.maxAttachmentBytes() / (1024 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int inserted = jdbc.sql("""
                insert into attachment (sha256, size, content_type, created_at) values (:sha, :size, :type, :at)
                on conflict (sha256) do nothing""")
                .param("sha", put.sha256()).param("size", put.size()).param("type", contentType)
                .param("at", Timestamp.from(clock.instant())).update();
        if (put.created() || inserted == 1) {
            String sha = put.sha256();
            boolean fileCreated = put.created();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED && fileCreated) {
                        try {
                            store.delete(sha);
                        } catch (IOException e) {
                            log.warn("Could not remove attachment {} after a rollback", sha, e);
                        }
                    }
                }
            });
        }
        return new Saved(put.sha256(), put.size(), contentType);
    }

    /** The bytes of a Binary record with their type, if this person may see the record. */
    public Optional<Content> open(Actor actor, UUID binaryId) {
        return records.read(actor, binaryId, r -> r.attachmentSha256() != null).flatMap(this::content);
    }

    /** The bytes of a Binary record already read through the access decision (and audited); empty for others. */
    Optional<Content> content(StoredRecord record) {
        String sha256 = record.attachmentSha256();
        if (sha256 == null) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select content_type, size from attachment where sha256 = :sha")
                .param("sha", sha256)
                .query((rs, n) -> {
                    try {
                        InputStream in = store.open(sha256)
                                .orElseThrow(() -> new IllegalStateException("attachment bytes missing: " + sha256));
                        return new Content(rs.getString("content_type"), rs.getLong("size"), in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).single());
    }

    /** An attachment's bytes, to be closed by the reader. */
    public record Content(String contentType, long size, InputStream stream) {
    }
}
