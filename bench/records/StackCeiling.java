import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.X509TrustManager;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/**
 * The server stack's ceiling on this machine, measured by run.sh beside Renkei: the same embedded Tomcat, TLS
 * (the benchmark server's key, client certificates requested and any accepted), Hikari pool and PostgreSQL driver
 * as Renkei, answering {@code GET /fhir/Observation/<id>} with none of Renkei's work. Three steps, each a mode:
 * <ul>
 * <li>{@code tls}: a fixed answer the size of a stored lab result, after checking that the connection carries a
 * client certificate (401 otherwise): TLS, HTTP and the card's certificate alone;</li>
 * <li>{@code query}: the record's row by its id, the statement Renkei's read makes, its stored JSON answered;</li>
 * <li>{@code audit}: that, and then the request waits until an entry for it is committed to PostgreSQL by one writer
 * thread that gathers entries for the same 2 ms as Renkei's audit writer ({@code renkei.audit.batch-wait}), into a
 * scratch table {@code bench_ceiling_audit} (the record's id and the time, a sequence as its key; no chain, no
 * further indexes).</li>
 * </ul>
 * What Renkei's read does beyond the third step (the security filters, the card's standing, HAPI, the access
 * decision and its version read, the audit entry's content, chain and indexes) is what separates the two figures.
 * <p>Usage: {@code java -cp CLASSES:LIBS/* StackCeiling MODE PORT JDBC_URL USER PASSWORD TLS_DIRECTORY}; prints
 * "ready" once it listens, and stops when killed. On Java 21 or later, {@code -Dstack-ceiling.virtual-threads=true}
 * serves the requests on virtual threads (Tomcat's {@code useVirtualThreads}).
 */
public final class StackCeiling {

    private static final int BATCH_WAIT_MICROS = 2000;
    private static final String RECORD = """
            select id, resource_type, category, participant_id, author_facility_id, author_staff_id, version, status,
            effective_at, code_system, code, display, original, attachment_sha256, content, updated_at
            from record where id = ?""";

    private final String mode;
    private final HikariDataSource database;
    private final LinkedBlockingQueue<Entry> entries = new LinkedBlockingQueue<>();
    private final byte[] fixedAnswer;

    private StackCeiling(String mode, HikariDataSource database) {
        this.mode = mode;
        this.database = database;
        this.fixedAnswer = ("{\"resourceType\":\"Observation\",\"id\":\"" + UUID.randomUUID() + "\",\"note\":\""
                + "x".repeat(560) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Every client certificate passes the handshake, as with the server's connector (its AnyClientCertificate). */
    public static final class AnyClientCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6 || !List.of("tls", "query", "audit").contains(args[0])) {
            System.err.println("usage: StackCeiling tls|query|audit PORT JDBC_URL USER PASSWORD TLS_DIRECTORY");
            System.exit(2);
        }
        String mode = args[0];
        HikariDataSource database = null;
        if (!mode.equals("tls")) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(args[2]);
            config.setUsername(args[3]);
            config.setPassword(args[4]);
            database = new HikariDataSource(config);
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists bench_ceiling_audit");
                statement.execute("""
                        create table bench_ceiling_audit (id bigint generated always as identity primary key,
                            at timestamptz not null, record_id uuid not null, detail text not null)""");
            }
        }
        StackCeiling ceiling = new StackCeiling(mode, database);
        if (mode.equals("audit")) {
            Thread writer = new Thread(ceiling::writeEntries, "audit-writer");
            writer.setDaemon(true);
            writer.start();
        }
        ceiling.serve(Integer.parseInt(args[1]), Path.of(args[5]));
    }

    private void serve(int port, Path tls) throws Exception {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("stack-ceiling").toString());
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort(port);
        connector.setScheme("https");
        connector.setSecure(true);
        connector.setProperty("SSLEnabled", "true");
        connector.setProperty("maxKeepAliveRequests", "-1");
        if (Boolean.getBoolean("stack-ceiling.virtual-threads")) {
            connector.setProperty("useVirtualThreads", "true");
        }
        SSLHostConfig host = new SSLHostConfig();
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(tls.resolve("server.p12").toAbsolutePath().toString());
        certificate.setCertificateKeystorePassword(Files.readString(tls.resolve("server.p12.password")).trim());
        certificate.setCertificateKeystoreType("PKCS12");
        host.addCertificate(certificate);
        host.setCertificateVerification("optional_no_ca");
        host.setTrustManagerClassName(AnyClientCertificate.class.getName());
        connector.addSslHostConfig(host);
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        var context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "record", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                answer(request, response);
            }
        });
        context.addServletMappingDecoded("/*", "record");
        tomcat.start();
        if (connector.getState() != LifecycleState.STARTED) {
            System.err.println("the HTTPS connector did not start (see above)");
            System.exit(1);
        }
        System.out.println("ready");
        tomcat.getServer().await();
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getAttribute("jakarta.servlet.request.X509Certificate") == null) {
            response.sendError(401);
            return;
        }
        byte[] body = fixedAnswer;
        if (database != null) {
            String path = request.getRequestURI();
            UUID id;
            try {
                id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
            } catch (IllegalArgumentException e) {
                response.sendError(404);
                return;
            }
            try (Connection connection = database.getConnection();
                    PreparedStatement statement = connection.prepareStatement(RECORD)) {
                statement.setObject(1, id);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        response.sendError(404);
                        return;
                    }
                    body = row.getString("content").getBytes(StandardCharsets.UTF_8);
                }
            } catch (SQLException e) {
                throw new IOException(e);
            }
            if (mode.equals("audit")) {
                Entry entry = new Entry(id, new CompletableFuture<>());
                entries.add(entry);
                try {
                    entry.committed().get();
                } catch (InterruptedException | ExecutionException e) {
                    throw new IOException(e);
                }
            }
        }
        response.setContentType("application/fhir+json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A read's audit entry: the record read, and what completes once the entry is committed. */
    private record Entry(UUID recordId, CompletableFuture<Void> committed) {
    }

    /** One thread: takes an entry, gathers more for the batch wait, inserts them in one transaction, releases them. */
    private void writeEntries() {
        List<Entry> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(entries.take());
                long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(BATCH_WAIT_MICROS);
                for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
                    Entry next = entries.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                entries.drainTo(batch);
                try (Connection connection = database.getConnection()) {
                    connection.setAutoCommit(false);
                    try (PreparedStatement insert = connection.prepareStatement(
                            "insert into bench_ceiling_audit (at, record_id, detail) values (now(), ?, ?)")) {
                        for (Entry entry : batch) {
                            insert.setObject(1, entry.recordId());
                            insert.setString(2, "read by a doctor of the benchmark region");
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                    connection.commit();
                }
                batch.forEach(entry -> entry.committed().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                batch.forEach(entry -> entry.committed().completeExceptionally(e));
            }
            batch.clear();
        }
    }
}
