package org.renkei.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.renkei.facility.FacilityStatusChanged;
import org.renkei.staff.StaffStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The journal of changes that access decisions depend on (tables {@code access_version} and {@code access_change}).
 *
 * <p><b>Writing.</b> A participant's consent, a facility's state, a user's state or a user's emergency access
 * changed: the change is recorded in the transaction that makes it, just before it commits — {@code access_version}
 * is counted up (its row lock orders the committing transactions, so versions are gapless and commit in order) and
 * one {@code access_change} row names what changed. The version thus becomes visible exactly when the change
 * does, and a rolled-back change leaves no trace. Taking the row lock only at commit keeps it short and after
 * every other lock of the transaction, so it cannot deadlock with them.
 *
 * <p><b>Reading</b> ({@link ViewSync}): the version, and the changes between two versions. Old rows are pruned
 * after {@code renkei.access.journal-retention}; a node that finds a gap loads everything again.
 */
@Component
class AccessJournal implements AccessChanges {

    private static final Logger log = LoggerFactory.getLogger(AccessJournal.class);

    /** What kind of thing changed. */
    enum Topic {
        PARTICIPANT, FACILITY, STAFF, EMERGENCY
    }

    /** One thing that changed. */
    record Key(Topic topic, UUID id) {
    }

    /** One journal row. */
    record Change(long version, Key key) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate outsideTransaction;
    private final Clock clock;
    private final Duration retention;

    AccessJournal(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
            @Value("${renkei.access.journal-retention:P1D}") Duration retention) {
        this.jdbc = jdbc;
        this.outsideTransaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retention = retention;
    }

    // --- writing

    @Override
    public void participantChanged(UUID participant) {
        record(new Key(Topic.PARTICIPANT, participant));
    }

    @Override
    public void emergencyChanged(UUID staff) {
        record(new Key(Topic.EMERGENCY, staff));
    }

    @EventListener
    void on(FacilityStatusChanged change) {
        record(new Key(Topic.FACILITY, change.facility().value()));
    }

    @EventListener
    void on(StaffStatusChanged change) {
        record(new Key(Topic.STAFF, change.staff().value()));
    }

    /**
     * Records the change when the current transaction commits; outside a transaction (which the callers do not do)
     * at once in a transaction of its own.
     */
    void record(Key key) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            outsideTransaction.executeWithoutResult(tx -> write(List.of(key)));
            return;
        }
        pending().keys.add(key);
    }

    private Pending pending() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.journal == this) {
                return p;
            }
        }
        Pending p = new Pending(this);
        TransactionSynchronizationManager.registerSynchronization(p);
        return p;
    }

    /** The changes of one transaction, written just before it commits. */
    private static final class Pending implements TransactionSynchronization {
        final AccessJournal journal;
        final Set<Key> keys = new LinkedHashSet<>();

        Pending(AccessJournal journal) {
            this.journal = journal;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            journal.write(keys);
        }

        @Override
        public int getOrder() {
            // after every other synchronization that might still change something
            return LOWEST_PRECEDENCE;
        }
    }

    private void write(Collection<Key> keys) {
        Timestamp at = Timestamp.from(clock.instant());
        for (Key key : keys) {
            long version = jdbc.sql("update access_version set version = version + 1 returning version")
                    .query(Long.class).single();
            jdbc.sql("insert into access_change (version, topic, key, at) values (:version, :topic, :key, :at)")
                    .param("version", version).param("topic", key.topic().name()).param("key", key.id())
                    .param("at", at)
                    .update();
        }
    }

    // --- reading, in the caller's transaction

    /** The table whose one row counts committed changes (column {@code version}). */
    static final String VERSION_TABLE = "access_version";

    /** The version of the last committed change. */
    long version() {
        return jdbc.sql("select version from " + VERSION_TABLE).query(Long.class).single();
    }

    /** The journal rows after {@code after} up to {@code upTo}, in order; fewer than asked when pruned. */
    List<Change> changes(long after, long upTo) {
        return jdbc.sql("""
                select version, topic, key from access_change where version > :after and version <= :upTo
                order by version""")
                .param("after", after).param("upTo", upTo)
                .query((rs, n) -> new Change(rs.getLong("version"),
                        new Key(Topic.valueOf(rs.getString("topic")), rs.getObject("key", UUID.class))))
                .list();
    }

    // --- pruning

    @Scheduled(cron = "0 25 * * * *", zone = "Asia/Tokyo")
    void pruneOld() {
        int pruned = prune(clock.instant().minus(retention));
        if (pruned > 0) {
            log.info("{} access journal row(s) older than {} pruned", pruned, retention);
        }
    }

    /** Deletes the journal rows recorded before the instant. */
    int prune(Instant before) {
        return jdbc.sql("delete from access_change where at < :before").param("before", Timestamp.from(before))
                .update();
    }
}
