package org.renkei.access;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
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
import org.renkei.platform.database.CommittedVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * What each decision adds to the in-memory part: reading {@code access_version} outside the caller's transaction
 * ({@link ViewSync#committedVersion()}, through {@link CommittedVersions}), on an embedded PostgreSQL on the same
 * machine, through a Hikari pool.
 *
 * <p>Run: {@code ./mvnw -Pjmh test-compile exec:exec@jmh -Djmh.args="AccessVersionReadBenchmark"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
public class AccessVersionReadBenchmark {

    private BenchmarkDatabase database;
    private ViewSync sync;

    @Setup(Level.Trial)
    public void start() throws IOException, SQLException {
        database = BenchmarkDatabase.start("V12__access_journal.sql");
        DataSource dataSource = database.dataSource();
        var transactions = new DataSourceTransactionManager(dataSource);
        var journal = new AccessJournal(JdbcClient.create(dataSource), transactions, Clock.systemUTC(),
                Duration.ofDays(1));
        sync = new ViewSync(journal, null, null, null, null, transactions,
                new CommittedVersions(dataSource).counter("access_version"));
    }

    @Benchmark
    public long versionRead() {
        return sync.committedVersion();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        database.close();
    }
}
