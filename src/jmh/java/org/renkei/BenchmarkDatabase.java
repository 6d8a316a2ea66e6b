package org.renkei;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A throw-away embedded PostgreSQL for a benchmark, with the given migrations of the real schema applied, behind a
 * small Hikari pool. Closing it stops the pool and the server.
 */
public final class BenchmarkDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final HikariDataSource dataSource;

    private BenchmarkDatabase(EmbeddedPostgres postgres, HikariDataSource dataSource) {
        this.postgres = postgres;
        this.dataSource = dataSource;
    }

    /** Starts a server in a new temporary folder and runs the migrations (class-path names) in order. */
    public static BenchmarkDatabase start(String... migrations) throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("renkei-jmh-postgres"))
                .setCleanDataDirectory(true)
                .start();
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(4);
        for (String migration : migrations) {
            try (InputStream in = BenchmarkDatabase.class.getResourceAsStream("/db/migration/" + migration);
                    Connection c = dataSource.getConnection(); var statement = c.createStatement()) {
                statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return new BenchmarkDatabase(postgres, dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws IOException {
        dataSource.close();
        postgres.close();
    }
}
