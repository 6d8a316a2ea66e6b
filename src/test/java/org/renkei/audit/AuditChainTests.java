package org.renkei.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.renkei.RenkeiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The chain is whole as written, the application cannot change it, and each way of altering it directly in
 * PostgreSQL — as the database owner, with the triggers switched off — is found. Every alteration is made in a
 * transaction that the verification reads and that is then rolled back.
 */
@RenkeiTest
class AuditChainTests {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditVerification verification;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("databaseOwner")
    DataSource owner;

    List<AuditEntry> written;

    @BeforeEach
    void writeSomeEntries() {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(AuditEvent.of(AuditAction.VIEW).username("chain-test").participant(UUID.randomUUID())
                    .resource("Observation", UUID.randomUUID()).detail("n=" + i).build());
        }
        written = trail.recordAll(events);
    }

    @Test
    @DisplayName("AUD-03 entries are appended in order, each linked to the one before, and the chain verifies whole")
    void chainVerifiesWhole() {
        for (int i = 1; i < written.size(); i++) {
            assertThat(written.get(i).seq()).isGreaterThan(written.get(i - 1).seq());
        }
        List<byte[]> links = jdbc.query("select prev_hash, hash from audit_event where seq between ? and ? order by seq",
                (rs, n) -> new byte[][] {rs.getBytes(1), rs.getBytes(2)}, written.get(0).seq(),
                written.get(written.size() - 1).seq()).stream().map(pair -> pair[0]).toList();
        assertThat(links).hasSize(written.size());
        AuditVerification.Report report = verification.verify();
        assertThat(report.findings()).isEmpty();
        assertThat(report.end()).isGreaterThanOrEqualTo(written.get(written.size() - 1).seq());
    }

    @Test
    @DisplayName("AUD-03 two nodes appending to one database make one chain (each chains onto what the other appended)")
    void twoNodesMakeOneChain(@TempDir Path otherNodesDirectory) throws Exception {
        var otherNode = new AuditWriter(dataSource, Clock.systemUTC(), 50, Duration.ZERO, new AuditWitness(
                new AuditSettings(otherNodesDirectory, Duration.ofHours(1), Duration.ofSeconds(5), 50, null, null)));
        List<AuditEntry> appended = new ArrayList<>();
        try {
            for (int round = 0; round < 3; round++) {
                appended.addAll(trail.recordAll(List.of(event("this node " + round), event("this node, too"))));
                var fromTheOtherNode = new CompletableFuture<AuditEntry>();
                otherNode.enqueue(new AuditWriter.Pending(event("other node " + round), fromTheOtherNode));
                appended.add(fromTheOtherNode.get(10, TimeUnit.SECONDS));
            }
        } finally {
            otherNode.stop();
        }
        for (int i = 1; i < appended.size(); i++) {
            assertThat(appended.get(i).seq()).isEqualTo(appended.get(i - 1).seq() + 1);
        }
        assertThat(verification.verify().findings()).isEmpty();
    }

    private static AuditEvent event(String detail) {
        return AuditEvent.of(AuditAction.VIEW).username("chain-test").participant(UUID.randomUUID())
                .resource("Observation", UUID.randomUUID()).detail(detail).build();
    }

    @Test
    @DisplayName("AUD-03 the application's database role can neither change nor remove an audit entry")
    void applicationCannotChangeEntries() {
        long seq = written.get(0).seq();
        assertThatThrownBy(() -> jdbc.update("update audit_event set detail = 'changed' where seq = ?", seq))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where seq = ?", seq))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event")).isInstanceOf(DataAccessException.class);
        assertThat(jdbc.queryForObject("select detail from audit_event where seq = ?", String.class, seq))
                .isEqualTo("n=0");
    }

    @Test
    @DisplayName("AUD-03 even the database owner is refused by the trigger while it is on")
    void ownerIsRefusedByTheTrigger() {
        JdbcTemplate asOwner = new JdbcTemplate(owner);
        assertThatThrownBy(() -> asOwner.update("delete from audit_event where seq = ?", written.get(0).seq()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
    }

    @Test
    @DisplayName("AUD-03 an edited entry is found")
    void editedEntryIsFound() {
        long seq = written.get(2).seq();
        assertThat(tampered(db -> db.update("update audit_event set detail = 'n=99' where seq = ?", seq)))
                .contains(new ChainCheck.Finding(ChainCheck.Kind.EDITED, seq));
    }

    @Test
    @DisplayName("AUD-03 an edited entry whose hash was computed again is still found")
    void reHashedEntryIsFound() {
        long seq = written.get(2).seq();
        assertThat(tampered(db -> db.update("update audit_event set hash = sha256(hash) where seq = ?", seq)))
                .contains(new ChainCheck.Finding(ChainCheck.Kind.EDITED, seq));
    }

    @Test
    @DisplayName("AUD-03 a deleted entry is found")
    void deletedEntryIsFound() {
        long seq = written.get(3).seq();
        assertThat(tampered(db -> db.update("delete from audit_event where seq = ?", seq)))
                .contains(new ChainCheck.Finding(ChainCheck.Kind.DELETED, seq));
    }

    @Test
    @DisplayName("AUD-03 an inserted entry is found, even with the entries after it numbered anew")
    void insertedEntryIsFound() {
        long at = written.get(3).seq();
        List<ChainCheck.Finding> findings = tampered(db -> {
            db.update("update audit_event set seq = seq + 1000000000 where seq >= ?", at);
            db.update("update audit_event set seq = seq - 1000000000 + 1 where seq >= ?", at + 1000000000L);
            db.update("""
                    insert into audit_event (seq, id, at, action, outcome, purpose, username, prev_hash, hash)
                    select ?, gen_random_uuid(), at, 'VIEW', 'SUCCESS', 'CARE', 'someone-else', hash, sha256(hash)
                    from audit_event where seq = ?""", at, at - 1);
        });
        assertThat(findings).contains(new ChainCheck.Finding(ChainCheck.Kind.INSERTED, at));
    }

    @Test
    @DisplayName("AUD-03 two entries put in each other's place are found")
    void reorderedEntriesAreFound() {
        long a = written.get(2).seq();
        long b = written.get(3).seq();
        List<ChainCheck.Finding> findings = tampered(db -> {
            db.update("update audit_event set seq = 1000000000 where seq = ?", a);
            db.update("update audit_event set seq = ? where seq = ?", a, b);
            db.update("update audit_event set seq = ? where seq = 1000000000", b);
        });
        assertThat(findings).extracting(ChainCheck.Finding::kind).contains(ChainCheck.Kind.REORDERED);
    }

    @Test
    @DisplayName("AUD-03 entries cut off the end after the last checkpoint are found (the node's witness)")
    void truncationAfterTheLastCheckpointIsFound() {
        long last = written.get(written.size() - 1).seq();
        assertThat(tampered(db -> db.update("delete from audit_event where seq >= ?", written.get(4).seq())))
                .contains(new ChainCheck.Finding(ChainCheck.Kind.TRUNCATED, last));
    }

    @Test
    @DisplayName("AUD-03 entries cut off the end before a signed checkpoint are found, and the checkpoint is genuine")
    void truncationOfSealedEntriesIsFound() {
        AuditCheckpoints.Checkpoint sealed = checkpoints.seal().orElseThrow();
        assertThat(checkpoints.genuine(sealed)).isTrue();
        assertThat(tampered(db -> db.update("delete from audit_event where seq >= ?", written.get(1).seq())))
                .contains(new ChainCheck.Finding(ChainCheck.Kind.TRUNCATED, sealed.seq()));
    }

    @Test
    @DisplayName("AUD-03 a chain computed anew over an altered entry no longer matches its signed checkpoint")
    void rewrittenChainIsFound() {
        AuditCheckpoints.Checkpoint sealed = checkpoints.seal().orElseThrow();
        List<ChainCheck.Finding> findings = tampered(db ->
                db.update("update audit_event set hash = sha256(hash) where seq = ?", sealed.seq()));
        assertThat(findings).contains(new ChainCheck.Finding(ChainCheck.Kind.REWRITTEN, sealed.seq()));
    }

    @Test
    @DisplayName("AUD-03 a checkpoint whose sealed hash was changed is not genuine")
    void forgedCheckpointIsFound() {
        AuditCheckpoints.Checkpoint sealed = checkpoints.seal().orElseThrow();
        List<ChainCheck.Finding> findings = tampered(db ->
                db.update("update audit_checkpoint set hash = sha256(hash) where seq = ?", sealed.seq()));
        assertThat(findings).contains(new ChainCheck.Finding(ChainCheck.Kind.FALSE_CHECKPOINT, sealed.seq()));
    }

    /** Alters the chain as the owner with the triggers off, verifies what that transaction sees, rolls back. */
    private List<ChainCheck.Finding> tampered(Consumer<JdbcTemplate> alteration) {
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            try {
                JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                db.execute("set local session_replication_role = replica");
                alteration.accept(db);
                return verification.verify(db).findings();
            } finally {
                connection.rollback();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
