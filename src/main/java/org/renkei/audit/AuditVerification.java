package org.renkei.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-computes the whole chain from the database and checks it against its checkpoints and this node's witness
 * (AUD-03): the command {@code audit-verify} and the operator's page run it. Entries are read in {@code seq} order
 * in one read-only transaction, a thousand at a time.
 */
@Component
class AuditVerification {

    /** What a verification found: nothing, when the chain is whole. */
    record Report(Instant at, long entries, long end, int checkpoints, long sealedUpTo, boolean witnessUsed,
            List<ChainCheck.Finding> findings) {

        public boolean intact() {
            return findings.isEmpty();
        }
    }

    private final JdbcTemplate appJdbc;
    private final TransactionTemplate readOnly;
    private final AuditCheckpoints checkpoints;
    private final AuditWitness witness;
    private final Clock clock;

    AuditVerification(DataSource dataSource, PlatformTransactionManager transactions, AuditCheckpoints checkpoints,
            AuditWitness witness, Clock clock) {
        this.appJdbc = new JdbcTemplate(dataSource);
        appJdbc.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        this.checkpoints = checkpoints;
        this.witness = witness;
        this.clock = clock;
    }

    Report verify() {
        return readOnly.execute(tx -> verify(appJdbc));
    }

    /** Verifies what this connection sees (tests give one whose transaction altered the chain). */
    Report verify(JdbcTemplate jdbc) {
        NavigableMap<Long, byte[]> seals = new TreeMap<>();
        List<Long> falseOnes = new ArrayList<>();
        List<AuditCheckpoints.Checkpoint> all = jdbc.query(
                "select seq, hash, at, signature, timestamp_token from audit_checkpoint order by seq",
                (rs, n) -> new AuditCheckpoints.Checkpoint(rs.getLong("seq"), rs.getBytes("hash"),
                        rs.getTimestamp("at").toInstant(), rs.getBytes("signature"), rs.getBytes("timestamp_token")));
        long sealedUpTo = 0;
        for (AuditCheckpoints.Checkpoint checkpoint : all) {
            if (checkpoints.genuine(checkpoint)) {
                seals.put(checkpoint.seq(), checkpoint.hash());
                sealedUpTo = Math.max(sealedUpTo, checkpoint.seq());
            } else {
                falseOnes.add(checkpoint.seq());
            }
        }
        byte[] first = jdbc.query("select hash from audit_event order by seq limit 1",
                rs -> rs.next() ? rs.getBytes(1) : null);
        boolean witnessUsed = false;
        var head = witness.read();
        if (head.isPresent() && first != null && Arrays.equals(head.get().first(), first)) {
            seals.putIfAbsent(head.get().seq(), head.get().hash());
            witnessUsed = true;
        }
        ChainCheck check = new ChainCheck(new DatabaseLinks(jdbc), seals);
        var hasher = new AuditChain.Hasher();
        falseOnes.forEach(check::falseCheckpoint);
        jdbc.query("""
                select seq, id, at, action, outcome, purpose, account_id, username, actor_name, auth_level, facility_id,
                    staff_id, participant_id, resource_type, resource_id, detail, client_address, device, request_id,
                    prev_hash, hash
                from audit_event order by seq""", (RowCallbackHandler) rs -> check.accept(entry(rs, hasher)));
        List<ChainCheck.Finding> findings = check.finish();
        return new Report(clock.instant(), check.entries(), check.end(), all.size(), sealedUpTo, witnessUsed,
                findings);
    }

    private static ChainCheck.Entry entry(ResultSet rs, AuditChain.Hasher hasher) throws SQLException {
        byte[] previous = rs.getBytes("prev_hash");
        UUID id = rs.getObject("id", UUID.class);
        Instant at = rs.getTimestamp("at").toInstant();
        AuditEvent event = new AuditEvent(AuditAction.valueOf(rs.getString("action")),
                AuditOutcome.valueOf(rs.getString("outcome")), AuditPurpose.valueOf(rs.getString("purpose")),
                rs.getObject("account_id", UUID.class), rs.getString("username"), rs.getString("actor_name"),
                rs.getString("auth_level"), rs.getObject("facility_id", UUID.class),
                rs.getObject("staff_id", UUID.class), rs.getObject("participant_id", UUID.class),
                rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("detail"),
                rs.getString("client_address"), rs.getString("device"), rs.getString("request_id"));
        return new ChainCheck.Entry(rs.getLong("seq"), previous, rs.getBytes("hash"),
                hasher.hash(previous, id, at, event));
    }

    /** Lookups for broken links only: rare (an altered chain), so by query, without an index of their own. */
    private record DatabaseLinks(JdbcTemplate jdbc) implements ChainCheck.Links {
        @Override
        public OptionalLong seqOfHash(byte[] hash) {
            List<Long> seqs = jdbc.queryForList("select seq from audit_event where hash = ? order by seq limit 1",
                    Long.class, hash);
            return seqs.isEmpty() ? OptionalLong.empty() : OptionalLong.of(seqs.get(0));
        }

        @Override
        public boolean linkedTo(byte[] hash) {
            return Boolean.TRUE.equals(jdbc.queryForObject(
                    "select exists (select 1 from audit_event where prev_hash = ?)", Boolean.class, hash));
        }
    }
}
