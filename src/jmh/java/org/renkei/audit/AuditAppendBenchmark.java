package org.renkei.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.renkei.BenchmarkDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Sustained appends to the audit chain: 64 threads, each recording one event after another and waiting until it
 * is durable (as a request does), against an embedded PostgreSQL on the same machine with the real schema
 * (indexes, triggers) — the chain's hashing, the batch insert, the head's row lock and the commit included. The
 * throughput is events per second made durable. A second benchmark verifies the chain written.
 *
 * <p>Run: {@code ./mvnw -Pjmh test-compile exec:exec@jmh -Djmh.args="AuditAppendBenchmark"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(1)
public class AuditAppendBenchmark {

    private BenchmarkDatabase database;
    private DataSource dataSource;
    private AuditTrail trail;
    private AuditSettings settings;
    private AuditWitness witness;

    @Setup(Level.Trial)
    public void start() throws IOException, SQLException {
        database = BenchmarkDatabase.start("V14__audit.sql", "V17__audit_lean_indexes.sql");
        dataSource = database.dataSource();
        Path directory = Files.createTempDirectory("renkei-jmh-audit-keys");
        settings = new AuditSettings(directory, null, null, 0, null, null);
        witness = new AuditWitness(settings);
        trail = new AuditTrail(dataSource, Clock.systemUTC(), settings, witness,
                new org.renkei.platform.database.CommittedVersions(dataSource));
        trail.start();
    }

    @Benchmark
    @Threads(64)
    public AuditEntry appendDurably() {
        return trail.record(AuditEvent.of(AuditAction.VIEW).username("bench").staff(UUID.randomUUID())
                .facility(UUID.randomUUID()).participant(UUID.randomUUID()).resource("Observation", UUID.randomUUID())
                .clientAddress("192.0.2.10").requestId("bench").build());
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException, SQLException {
        trail.stop();
        try (Connection c = dataSource.getConnection(); var statement = c.createStatement();
                var rs = statement.executeQuery("select count(*), max(seq) from audit_event")) {
            rs.next();
            System.out.printf("%nAudit chain after the run: %d entries, last seq %d%n", rs.getLong(1), rs.getLong(2));
        }
        Clock clock = Clock.systemUTC();
        var checkpoints = new AuditCheckpoints(JdbcClient.create(dataSource), clock, settings);
        long sealStart = System.nanoTime();
        checkpoints.seal();
        long sealed = System.nanoTime() - sealStart;
        var verification = new AuditVerification(dataSource, new DataSourceTransactionManager(dataSource), checkpoints,
                witness, clock);
        long started = System.nanoTime();
        AuditVerification.Report report = verification.verify();
        long took = System.nanoTime() - started;
        System.out.printf("Checkpoint sealed in %d ms; verification: %d entries in %d ms (%.0f entries/s), %s%n",
                sealed / 1_000_000, report.entries(), took / 1_000_000, report.entries() * 1e9 / took,
                report.intact() ? "whole" : "FINDINGS " + report.findings());
        database.close();
    }
}
