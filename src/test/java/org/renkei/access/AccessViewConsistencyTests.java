package org.renkei.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestRegion;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.FilingDesk;
import org.renkei.identity.Actor;
import org.renkei.platform.database.CommittedVersions;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes — two views, each kept by its own {@link ViewSync} — over the one shared database: what commits
 * through either is seen by the other's very next decision, and what does not commit is never seen.
 */
@RenkeiTest
class AccessViewConsistencyTests {

    @Autowired AccessJournal journal;
    @Autowired ConsentSource consent;
    @Autowired EmergencySource emergency;
    @Autowired FacilityRegistry facilities;
    @Autowired StaffRegistry staff;
    @Autowired FilingDesk filings;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired DataSource dataSource;

    AccessTestData data;
    TransactionTemplate tx;
    TransactionTemplate newTx;
    ViewSync nodeA;
    ViewSync nodeB;

    @BeforeEach
    void twoNodes() {
        data = new AccessTestData(facilities, filings, staff, jdbc, journal);
        tx = new TransactionTemplate(transactions);
        newTx = new TransactionTemplate(transactions);
        newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        nodeA = new ViewSync(journal, consent, emergency, facilities, staff, transactions,
                new CommittedVersions(dataSource).counter(AccessJournal.VERSION_TABLE));
        nodeB = new ViewSync(journal, consent, emergency, facilities, staff, transactions,
                new CommittedVersions(dataSource).counter(AccessJournal.VERSION_TABLE));
    }

    private static Reason view(ViewSync node, Actor actor, UUID participant) {
        return node.current().decide(AccessRequest.of(actor, participant, Action.VIEW, DataKind.CENTRE_RECORD));
    }

    @Test
    @DisplayName("CON-07 CON-08 a consent form committed through one node is seen by the very next decision of every node")
    void committedConsentIsSeenEverywhere() {
        FacilityId clinic = data.clinic();
        FacilityId other = data.clinic();
        Actor nurse = data.nurse(clinic);
        Actor otherNurse = data.nurse(other);
        UUID participant = tx.execute(s -> data.join(clinic));
        assertThat(view(nodeA, nurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);
        assertThat(view(nodeB, nurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);
        assertThat(view(nodeB, otherNurse, participant)).isEqualTo(Reason.FACILITY_NOT_PERMITTED);

        tx.executeWithoutResult(s -> data.add(participant, other));
        assertThat(view(nodeB, otherNurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);
        assertThat(view(nodeA, otherNurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);

        tx.executeWithoutResult(s -> data.deny(participant, clinic));
        assertThat(view(nodeB, nurse, participant)).isEqualTo(Reason.FACILITY_DENIED);
        assertThat(view(nodeA, nurse, participant)).isEqualTo(Reason.FACILITY_DENIED);
        assertThat(view(nodeA, otherNurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);

        tx.executeWithoutResult(s -> data.withdraw(participant));
        assertThat(view(nodeA, otherNurse, participant)).isEqualTo(Reason.WITHDRAWN);
        assertThat(view(nodeB, otherNurse, participant)).isEqualTo(Reason.WITHDRAWN);
        assertThat(nodeA.peek().version()).isEqualTo(nodeB.peek().version()).isEqualTo(versionInDatabase());
    }

    @Test
    @DisplayName("CON-07 an uncommitted consent change is never seen, not even inside its own transaction, and a rolled-back one never")
    void uncommittedIsNeverSeen() {
        FacilityId clinic = data.clinic();
        Actor nurse = data.nurse(clinic);
        UUID open = tx.execute(s -> data.join(clinic));
        UUID other = tx.execute(s -> data.join(clinic));
        assertThat(view(nodeA, nurse, open)).isEqualTo(Reason.CONSENT_PERMITS);
        assertThat(view(nodeB, nurse, open)).isEqualTo(Reason.CONSENT_PERMITS);

        tx.executeWithoutResult(status -> {
            data.deny(open, clinic);
            // the change is written in this transaction, not committed: no node sees it
            assertThat(view(nodeB, nurse, open)).isEqualTo(Reason.CONSENT_PERMITS);
            // meanwhile another change commits: node B catches up while this one is still open
            long before = versionInDatabase();
            newTx.executeWithoutResult(s -> data.withdraw(other));
            assertThat(versionInDatabase()).isEqualTo(before + 1);
            assertThat(view(nodeB, nurse, other)).isEqualTo(Reason.WITHDRAWN);
            assertThat(nodeB.peek().version()).isEqualTo(before + 1);
            assertThat(view(nodeB, nurse, open)).isEqualTo(Reason.CONSENT_PERMITS);
            assertThat(view(nodeA, nurse, open)).isEqualTo(Reason.CONSENT_PERMITS);
            status.setRollbackOnly();
        });
        long afterRollback = versionInDatabase();

        assertThat(view(nodeA, nurse, open)).isEqualTo(Reason.CONSENT_PERMITS);
        assertThat(view(nodeB, nurse, open)).isEqualTo(Reason.CONSENT_PERMITS);
        assertThat(view(nodeA, nurse, other)).isEqualTo(Reason.WITHDRAWN);
        assertThat(consent.consentOf(open).orElseThrow().denied()).isEmpty();
        assertThat(nodeA.peek().version()).isEqualTo(afterRollback);
        // the rolled-back change left no version behind: the next change takes the next number
        tx.executeWithoutResult(s -> data.deny(open, clinic));
        assertThat(versionInDatabase()).isEqualTo(afterRollback + 1);
        assertThat(view(nodeB, nurse, open)).isEqualTo(Reason.FACILITY_DENIED);
    }

    @Test
    @DisplayName("FAC-05 USR-07 suspending a facility or a user stops access on every node at its next decision, and reinstating restores it")
    void suspensionsAreSeenEverywhere() {
        FacilityId clinic = data.clinic();
        Actor nurse = data.nurse(clinic);
        FacilityId other = data.clinic();
        Actor otherNurse = data.nurse(other);
        UUID participant = tx.execute(s -> data.join(clinic, other));
        assertThat(view(nodeA, nurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);
        assertThat(view(nodeB, nurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);

        facilities.suspend(clinic, "不正利用の疑い", TestRegion.OPERATOR);
        assertThat(view(nodeB, nurse, participant)).isEqualTo(Reason.FACILITY_NOT_ACTIVE);
        assertThat(view(nodeA, nurse, participant)).isEqualTo(Reason.FACILITY_NOT_ACTIVE);
        assertThat(view(nodeA, otherNurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);

        facilities.reinstate(clinic, TestRegion.OPERATOR);
        assertThat(view(nodeB, nurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);

        staff.suspend(new StaffId(otherNurse.staffId()), "カード紛失", TestRegion.OPERATOR);
        assertThat(view(nodeA, otherNurse, participant)).isEqualTo(Reason.USER_NOT_ACTIVE);
        assertThat(view(nodeB, otherNurse, participant)).isEqualTo(Reason.USER_NOT_ACTIVE);
        assertThat(view(nodeB, nurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);

        staff.reinstate(new StaffId(otherNurse.staffId()), TestRegion.OPERATOR);
        assertThat(view(nodeA, otherNurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);
    }

    @Test
    @DisplayName("CON-07 a node whose journal rows were pruned away loads everything again, and is as current as the others")
    void prunedJournalReloads() {
        FacilityId clinic = data.clinic();
        Actor nurse = data.nurse(clinic);
        UUID participant = tx.execute(s -> data.join(clinic));
        assertThat(view(nodeB, nurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);
        AccessView before = nodeB.peek();

        tx.executeWithoutResult(s -> data.deny(participant, clinic));
        assertThat(view(nodeA, nurse, participant)).isEqualTo(Reason.FACILITY_DENIED);
        assertThat(journal.prune(Instant.now().plusSeconds(60))).isPositive();
        tx.executeWithoutResult(s -> data.withdraw(participant));

        assertThat(view(nodeB, nurse, participant)).isEqualTo(Reason.WITHDRAWN);
        assertThat(nodeB.peek()).isNotSameAs(before);
        assertThat(nodeB.peek().version()).isEqualTo(versionInDatabase());
        // node A only lacks the one row written after the pruning: it catches up from the journal
        AccessView a = nodeA.peek();
        assertThat(view(nodeA, nurse, participant)).isEqualTo(Reason.WITHDRAWN);
        assertThat(nodeA.peek()).isSameAs(a);
    }

    @Test
    @DisplayName("CON-07 a change made outside any transaction is journalled at once")
    void changeOutsideTransaction() {
        FacilityId clinic = data.clinic();
        Actor nurse = data.nurse(clinic);
        UUID participant = tx.execute(s -> data.join(clinic));
        assertThat(view(nodeA, nurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);
        long before = versionInDatabase();

        data.deny(participant, clinic);

        assertThat(versionInDatabase()).isEqualTo(before + 1);
        assertThat(view(nodeA, nurse, participant)).isEqualTo(Reason.FACILITY_DENIED);
    }

    @Test
    @DisplayName("CON-07 one transaction changing the same participant twice journals it once")
    void oneRowPerThingPerTransaction() {
        FacilityId clinic = data.clinic();
        FacilityId other = data.clinic();
        long before = versionInDatabase();
        UUID participant = tx.execute(s -> {
            UUID p = data.join(clinic);
            data.add(p, other);
            return p;
        });
        assertThat(versionInDatabase()).isEqualTo(before + 1);
        assertThat(journal.changes(before, before + 1)).extracting(AccessJournal.Change::key)
                .containsExactly(new AccessJournal.Key(AccessJournal.Topic.PARTICIPANT, participant));
    }

    @Test
    @DisplayName("CON-07 under concurrent decisions on two nodes, every decision begun after a commit sees it")
    void concurrentDecisionsSeeEveryCommit() throws Exception {
        FacilityId clinic = data.clinic();
        Actor nurse = data.nurse(clinic);
        UUID participant = tx.execute(s -> data.join(clinic));
        // even: no change under way, and the number of changes committed; odd: a change is committing
        AtomicLong phase = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong checked = new AtomicLong();
        ExecutorService deciders = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            ViewSync node = t % 2 == 0 ? nodeA : nodeB;
            running.add(deciders.submit(() -> {
                while (!done.get()) {
                    long before = phase.get();
                    Reason reason = view(node, nurse, participant);
                    if (before % 2 == 0 && phase.get() == before) {
                        // no change began while deciding: the decision shows exactly the committed state
                        Reason expected = (before / 2) % 2 == 0 ? Reason.CONSENT_PERMITS : Reason.FACILITY_DENIED;
                        assertThat(reason).as("after %d changes", before / 2).isEqualTo(expected);
                        checked.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        try {
            for (int change = 0; change < 30; change++) {
                boolean deny = change % 2 == 0;
                phase.incrementAndGet();
                tx.executeWithoutResult(s -> {
                    if (deny) {
                        data.deny(participant, clinic);
                    } else {
                        data.lift(participant, clinic);
                    }
                });
                phase.incrementAndGet();
                Thread.sleep(20);
            }
        } finally {
            done.set(true);
            deciders.shutdown();
        }
        for (Future<?> decider : running) {
            decider.get(30, TimeUnit.SECONDS);
        }
        assertThat(checked.get()).isGreaterThan(30);
        assertThat(view(nodeA, nurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);
    }

    private long versionInDatabase() {
        return jdbc.sql("select version from access_version").query(Long.class).single();
    }
}
