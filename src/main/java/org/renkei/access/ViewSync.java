package org.renkei.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.renkei.facility.Facility;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.platform.database.CommittedVersions;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffMember;
import org.renkei.staff.StaffRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps one node's {@link AccessView} current with the committed state of the shared database, so that a change
 * is seen by every request begun after its commit (by the very next decision, outside a GET request), on every node.
 *
 * <p>Before each decision (or batch of decisions) {@link #current()} reads {@code access_version} — one row by
 * its key, together with the other version counters ({@link CommittedVersions}), on a connection of its own in
 * autocommit, outside any transaction of the caller, so nothing uncommitted can ever reach the shared view;
 * decisions that ask while such a read runs share the next one (it starts after they asked, so it sees what they
 * would have seen), and a GET or HEAD request keeps its first read for all its decisions. If the view is
 * behind, the journal rows between its version and the one just read name what changed; those participants,
 * facilities, users and users' emergency access are read again, in a new read-only transaction, and the view moves
 * to that version. Every change up to the version read has
 * committed (versions are counted up under a row lock at commit), so what is read is at least that new.
 *
 * <p>The first call, and any call that finds journal rows pruned away, loads everything — the version, then every
 * facility, user, participant and open emergency access — in one read-only {@code REPEATABLE READ} transaction, a consistent snapshot
 * of that version, and replaces the view whole.
 *
 * <p>Readers that find the view current take no lock. Catching up is done by one thread at a time; the others
 * that need it wait for it.
 */
final class ViewSync {

    private static final Logger log = LoggerFactory.getLogger(ViewSync.class);

    private final AccessJournal journal;
    private final ConsentSource consent;
    private final EmergencySource emergency;
    private final FacilityRegistry facilities;
    private final StaffRegistry staff;
    private final CommittedVersions.Counter accessVersion;
    private final TransactionTemplate catchUpRead;
    private final TransactionTemplate snapshotRead;
    private final ReentrantLock catchUp = new ReentrantLock();
    private volatile AccessView view;

    ViewSync(AccessJournal journal, ConsentSource consent, EmergencySource emergency, FacilityRegistry facilities,
            StaffRegistry staff, PlatformTransactionManager transactions, CommittedVersions.Counter accessVersion) {
        this.journal = journal;
        this.consent = consent;
        this.emergency = emergency;
        this.facilities = facilities;
        this.staff = staff;
        this.accessVersion = accessVersion;
        this.catchUpRead = new TransactionTemplate(transactions);
        catchUpRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        catchUpRead.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        catchUpRead.setReadOnly(true);
        this.snapshotRead = new TransactionTemplate(transactions);
        snapshotRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        snapshotRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshotRead.setReadOnly(true);
    }

    /** The view, holding at least every change committed before this call. */
    AccessView current() {
        long seen = committedVersion();
        AccessView known = view;
        if (known != null && known.version() >= seen) {
            return known;
        }
        catchUp.lock();
        try {
            known = view;
            if (known == null) {
                known = loadAll();
            } else if (known.version() < seen && !caughtUp(known, seen)) {
                known = loadAll();
            }
            view = known;
            return known;
        } finally {
            catchUp.unlock();
        }
    }

    /**
     * The version of the last committed change when this call (or this GET request) began, or later, read outside
     * the caller's transaction; decisions asking at the same time share one query.
     */
    long committedVersion() {
        return accessVersion.current();
    }

    /** The view as it is, without looking at the database (tests). */
    AccessView peek() {
        return view;
    }

    /** Brings the view up to {@code seen} from the journal; false when the journal no longer has every row. */
    private boolean caughtUp(AccessView known, long seen) {
        Boolean done = catchUpRead.execute(tx -> {
            List<AccessJournal.Change> changes = journal.changes(known.version(), seen);
            if (changes.size() != seen - known.version()) {
                log.info("Access journal pruned past version {}: loading the access view again", known.version());
                return false;
            }
            Set<AccessJournal.Key> changed = new LinkedHashSet<>();
            for (AccessJournal.Change change : changes) {
                changed.add(change.key());
            }
            for (AccessJournal.Key key : changed) {
                reload(known, key);
            }
            return true;
        });
        if (Boolean.TRUE.equals(done)) {
            known.advanceTo(seen);
            return true;
        }
        return false;
    }

    private void reload(AccessView into, AccessJournal.Key key) {
        switch (key.topic()) {
            case PARTICIPANT -> consent.consentOf(key.id())
                    .ifPresentOrElse(into::participant, () -> into.noParticipant(key.id()));
            case FACILITY -> into.facility(key.id(),
                    facilities.find(new FacilityId(key.id())).map(Facility::isActive).orElse(false));
            case STAFF -> into.staff(key.id(),
                    staff.find(new StaffId(key.id())).map(StaffMember::isActive).orElse(false));
            case EMERGENCY -> into.emergency(emergency.emergencyOf(key.id()));
        }
    }

    /** Everything, as of one version, in one consistent snapshot. */
    private AccessView loadAll() {
        long started = System.nanoTime();
        AccessView loaded = snapshotRead.execute(tx -> {
            AccessView fresh = new AccessView(journal.version());
            for (Facility facility : facilities.all()) {
                fresh.facility(facility.id().value(), facility.isActive());
            }
            for (StaffMember member : staff.all()) {
                if (member.isActive()) {
                    fresh.staff(member.id().value(), true);
                }
            }
            consent.forEach(fresh::participant);
            emergency.forEach(fresh::emergency);
            return fresh;
        });
        log.info("Access view loaded at version {}: {} facilities, {} participants in {} ms", loaded.version(),
                loaded.facilityCount(), loaded.participantCount(), (System.nanoTime() - started) / 1_000_000);
        return loaded;
    }
}
