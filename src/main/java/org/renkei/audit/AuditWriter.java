package org.renkei.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import javax.sql.DataSource;
import org.renkei.platform.database.CommittedVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Appends events to the chain, in batches, on one thread of its own with a database connection of its own.
 *
 * <p>Callers put an event in the queue and (for an access) wait for its future. The writer takes whatever is
 * queued (up to the batch size; when the last batch held more than one event, after letting it gather for
 * {@code renkei.audit.batch-wait}), chains the events onto the head as it last left it, and in one statement (one
 * transaction, one round trip) moves {@code audit_head} from there to the batch's last entry and inserts the
 * entries; only when that has committed are the futures completed. So a caller learns that its entry is appended
 * exactly when the entry is durable in PostgreSQL; if the statement fails, every future of the batch fails and
 * nothing of it is stored. If another node appended in between, the head is no longer where the batch was chained
 * onto: nothing is stored, the head is read and the batch chained again. The head's row lock orders the appends of
 * every node.
 *
 * <p>A view ({@link View}) comes into the queue before anything of it is read: the writer reads the subjects of its
 * round's views in one statement, decides each view there (for its request, on the versions that statement read),
 * and appends the entries of the views decided for with the round's other events. So a view waits once, for its
 * round, where it would otherwise wait for its own read and then for the append.
 */
final class AuditWriter {

    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
    /** Appends by other nodes this writer lets pass during one batch before it gives up on the batch. */
    private static final int MOVES_TOLERATED = 20;

    /** One event waiting to be appended, and who waits for it (null when nobody does). */
    record Pending(AuditEvent event, CompletableFuture<AuditEntry> appended, View<?> view) {

        Pending(AuditEvent event, CompletableFuture<AuditEntry> appended) {
            this(event, appended, null);
        }
    }

    /**
     * A view of one subject, for a request: read in the writer's round, decided by {@code decision} (its entry, or
     * null for nothing shown), and {@code shown} completed with the subject once the entry is durable — empty when
     * the subject is not there or nothing is shown.
     */
    static final class View<S> {
        final UUID id;
        final ViewedSubjects<S> subjects;
        private final Function<S, AuditEvent> decision;
        private final CommittedVersions.RequestHold request;
        /** The request's own (its id and client address for the entries made while it is decided). */
        private final RequestAttributes requestAttributes;
        final CompletableFuture<Optional<S>> shown = new CompletableFuture<>();

        View(UUID id, ViewedSubjects<S> subjects, Function<S, AuditEvent> decision,
                CommittedVersions.RequestHold request, RequestAttributes requestAttributes) {
            this.id = Objects.requireNonNull(id, "id");
            this.subjects = subjects;
            this.decision = decision;
            this.request = request;
            this.requestAttributes = requestAttributes;
        }

        /** Decides on what the round read ({@code read}: what was found, or why not); the event to append, or null. */
        @SuppressWarnings("unchecked")
        private Pending decide(Object read, CommittedVersions versions) {
            // entries made while deciding (a denial) and the view's own name the request, as in its own thread
            RequestAttributes own = RequestContextHolder.getRequestAttributes();
            RequestContextHolder.setRequestAttributes(requestAttributes);
            try {
                if (read instanceof RuntimeException failure) {
                    throw failure;
                }
                ViewedSubjects.Found<S> found = (ViewedSubjects.Found<S>) read;
                S subject = found.subjects().get(id);
                // found or not, the request's versions are confirmed with the ones read beside the subject
                AuditEvent event = versions.onBehalfOf(request, found.versions(),
                        () -> subject == null ? null : decision.apply(subject));
                if (event == null) {
                    shown.complete(Optional.empty());
                    return null;
                }
                CompletableFuture<AuditEntry> appended = new CompletableFuture<>();
                appended.whenComplete((entry, failure) -> {
                    if (failure != null) {
                        shown.completeExceptionally(failure);
                    } else {
                        shown.complete(Optional.of(subject));
                    }
                });
                String[] details = AuditRequests.current();
                return new Pending(event.withRequest(details[0], details[1]), appended);
            } catch (RuntimeException e) {
                shown.completeExceptionally(e);
                return null;
            } finally {
                RequestContextHolder.setRequestAttributes(own);
            }
        }
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final int batchSize;
    private final long batchWaitNanos;
    private final AuditWitness witness;
    /** Whom the views' decisions are made for (null: this writer takes no views). */
    private final CommittedVersions versions;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** The writer thread's own: every entry's hash. */
    private final AuditChain.Hasher hasher = new AuditChain.Hasher();
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean stopped;
    private Connection connection;
    private long connectionSince;
    private byte[] firstHash;
    /** The chain's head as this writer last appended or read it (null: to be read). */
    private long headSeq;
    private byte[] headHash;
    /** How many events the last batch held: more than one means requests are waiting on each other's appends. */
    private int lastBatch;

    AuditWriter(DataSource dataSource, Clock clock, int batchSize, Duration batchWait, AuditWitness witness) {
        this(dataSource, clock, batchSize, batchWait, witness, null);
    }

    AuditWriter(DataSource dataSource, Clock clock, int batchSize, Duration batchWait, AuditWitness witness,
            CommittedVersions versions) {
        this.versions = versions;
        this.dataSource = dataSource;
        this.clock = clock;
        this.batchSize = batchSize;
        this.batchWaitNanos = batchWait.toNanos();
        this.witness = witness;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread writer = new Thread(this::run, "audit-writer");
        writer.setDaemon(true);
        thread = writer;
        writer.start();
    }

    /** Stops after appending everything queued so far. */
    void stop() {
        Thread writer = thread;
        stopped = true;
        running = false;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean isRunning() {
        return running;
    }

    void enqueue(Pending pending) {
        if (!running) {
            if (stopped) {
                throw new AuditUnavailableException("the audit writer has stopped", null);
            }
            start();
        }
        queue.add(pending);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = running ? queue.poll(1, TimeUnit.SECONDS) : queue.poll();
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                if (lastBatch > 1 && batchWaitNanos > 0 && batch.size() < batchSize && running
                        && batch.stream().noneMatch(p -> p.view() != null)) {
                    // busy: let the batch gather a little longer, so that one append (whose cost is mostly the
                    // statement's and the commit's, not the rows') serves more requests. Not when the batch has
                    // views: their read is a round trip of its own, during which the next batch gathers
                    LockSupport.parkNanos(batchWaitNanos);
                    queue.drainTo(batch, batchSize - batch.size());
                }
                lastBatch = batch.size();
                decideViews(batch);
                if (!batch.isEmpty()) {
                    append(batch);
                }
            } catch (InterruptedException e) {
                // stopping: append what is left, then end
                running = false;
            } catch (RuntimeException e) {
                log.error("Audit writer: unexpected failure", e);
            } finally {
                batch.clear();
            }
        }
        closeConnection();
    }

    /**
     * Reads the subjects of the batch's views (one statement for each kind of subject), decides each view, and puts
     * in its place the event to append for it — or takes it out of the batch, its request answered, when nothing of
     * it is shown or it failed.
     */
    private void decideViews(List<Pending> batch) {
        Map<ViewedSubjects<?>, List<UUID>> wanted = null;
        for (Pending pending : batch) {
            if (pending.view() != null) {
                if (wanted == null) {
                    wanted = new IdentityHashMap<>();
                }
                wanted.computeIfAbsent(pending.view().subjects, s -> new ArrayList<>()).add(pending.view().id);
            }
        }
        if (wanted == null) {
            return;
        }
        Map<ViewedSubjects<?>, Object> read = new IdentityHashMap<>();
        for (var kind : wanted.entrySet()) {
            try {
                read.put(kind.getKey(), versions == null ? new IllegalStateException("this audit writer takes no views")
                        : kind.getKey().read(kind.getValue()));
            } catch (RuntimeException e) {
                read.put(kind.getKey(), e);
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            View<?> view = batch.get(i).view();
            if (view != null) {
                batch.set(i, view.decide(read.get(view.subjects), versions));
            }
        }
        batch.removeIf(Objects::isNull);
    }

    private void append(List<Pending> batch) {
        Chained chained;
        try {
            Connection c = connection();
            for (int attempt = 1; ; attempt++) {
                if (headHash == null) {
                    readHead(c);
                }
                chained = chain(batch, headSeq, headHash);
                int inserted = insert(c, chained);
                if (inserted == batch.size()) {
                    break;
                }
                if (inserted != 0 || attempt == MOVES_TOLERATED) {
                    throw new SQLException("the chain's head moved " + attempt + " times during one append");
                }
                // another node appended since: chain onto the head it left (and, had this batch begun the chain,
                // the other node's first entry is the chain's first)
                headHash = null;
                firstHash = null;
            }
            headSeq = chained.lastSeq();
            headHash = chained.lastHash();
        } catch (SQLException | RuntimeException e) {
            log.error("Audit writer: a batch of {} event(s) could not be appended: {}", batch.size(), e.toString());
            closeConnection();
            headHash = null;
            firstHash = null;
            var failure = new AuditUnavailableException("the audit trail could not be written", e);
            for (Pending pending : batch) {
                if (pending.appended() != null) {
                    pending.appended().completeExceptionally(failure);
                }
            }
            return;
        }
        if (firstHash != null) {
            witness.write(headSeq, headHash, firstHash);
        }
        for (int i = 0; i < batch.size(); i++) {
            CompletableFuture<AuditEntry> appended = batch.get(i).appended();
            if (appended != null) {
                appended.complete(chained.entries().get(i));
            }
        }
    }

    /** A batch chained onto a head: its entries and the columns to insert, and the head it leaves. */
    private record Chained(List<AuditEntry> entries, long fromSeq, byte[] fromHash, long lastSeq, byte[] lastHash,
            Instant at, Long[] seqs, UUID[] ids, String[][] texts, UUID[][] uuids, byte[][] previousHashes,
            byte[][] hashes) {
    }

    /** The chain's head as the database has it now (and the first entry's hash, once). */
    private void readHead(Connection c) throws SQLException {
        try (PreparedStatement head = c.prepareStatement("select seq, hash from audit_head");
                ResultSet rs = head.executeQuery()) {
            rs.next();
            headSeq = rs.getLong(1);
            headHash = rs.getBytes(2);
        }
        if (firstHash == null && headSeq > 0) {
            try (PreparedStatement first = c.prepareStatement("select hash from audit_event where seq = 1");
                    ResultSet rs = first.executeQuery()) {
                firstHash = rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    private Chained chain(List<Pending> batch, long seq, byte[] previous) {
        long fromSeq = seq;
        byte[] fromHash = previous;
        Instant at = AuditChain.truncate(clock.instant());
        int n = batch.size();
        List<AuditEntry> entries = new ArrayList<>(n);
        Long[] seqs = new Long[n];
        UUID[] ids = new UUID[n];
        String[][] texts = new String[12][n];
        UUID[][] uuids = new UUID[4][n];
        byte[][] previousHashes = new byte[n][];
        byte[][] hashes = new byte[n][];
        for (int row = 0; row < n; row++) {
            AuditEvent e = batch.get(row).event();
            UUID id = timeOrderedId(at);
            byte[] hash = hasher.hash(previous, id, at, e);
            seq++;
            seqs[row] = seq;
            ids[row] = id;
            String[] values = {e.action().name(), e.outcome().name(), e.purpose().name(), e.username(),
                e.actorName(), e.authLevel(), e.resourceType(), e.resourceId(), e.detail(), e.clientAddress(),
                e.device(), e.requestId()};
            for (int column = 0; column < values.length; column++) {
                texts[column][row] = values[column];
            }
            uuids[0][row] = e.accountId();
            uuids[1][row] = e.facilityId();
            uuids[2][row] = e.staffId();
            uuids[3][row] = e.participantId();
            previousHashes[row] = previous;
            hashes[row] = hash;
            entries.add(new AuditEntry(seq, id, at, e));
            if (seq == 1) {
                firstHash = hash;
            }
            previous = hash;
        }
        return new Chained(entries, fromSeq, fromHash, seq, previous, at, seqs, ids, texts, uuids, previousHashes,
                hashes);
    }

    /**
     * One statement, so one transaction and one round trip: the head moved from where the batch was chained onto to
     * its last entry, and the entries inserted — only if the head was still there (else nothing, and 0 is returned).
     * The head's row lock orders the appends of every node.
     *
     * <p>The arrays are unnested in the select list, where PostgreSQL takes their elements one row at a time. Unnested
     * in {@code from}, each of the twenty would first fill a tuple store of its own, 16 kB or more apiece; at the end
     * of every batch the backend gave that memory back to the operating system, which flushes the address
     * translations of every CPU (a fifth of the backend's time went there).
     */
    private static int insert(Connection c, Chained b) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                with moved as (
                    update audit_head set seq = ?, hash = ? where seq = ? and hash = ? returning seq)
                insert into audit_event (seq, id, at, action, outcome, purpose, account_id, username,
                    actor_name, auth_level, facility_id, staff_id, participant_id, resource_type, resource_id,
                    detail, client_address, device, request_id, prev_hash, hash)
                select r.seq, r.id, ?, r.action, r.outcome, r.purpose, r.account_id, r.username, r.actor_name,
                    r.auth_level, r.facility_id, r.staff_id, r.participant_id, r.resource_type, r.resource_id,
                    r.detail, r.client_address, r.device, r.request_id, r.prev_hash, r.hash
                from (select unnest(?::bigint[]) as seq, unnest(?::uuid[]) as id, unnest(?::text[]) as action,
                    unnest(?::text[]) as outcome, unnest(?::text[]) as purpose, unnest(?::uuid[]) as account_id,
                    unnest(?::text[]) as username, unnest(?::text[]) as actor_name, unnest(?::text[]) as auth_level,
                    unnest(?::uuid[]) as facility_id, unnest(?::uuid[]) as staff_id,
                    unnest(?::uuid[]) as participant_id, unnest(?::text[]) as resource_type,
                    unnest(?::text[]) as resource_id, unnest(?::text[]) as detail,
                    unnest(?::text[]) as client_address, unnest(?::text[]) as device,
                    unnest(?::text[]) as request_id, unnest(?::bytea[]) as prev_hash,
                    unnest(?::bytea[]) as hash) as r
                where exists (select 1 from moved)""")) {
            int i = 1;
            insert.setLong(i++, b.lastSeq());
            insert.setBytes(i++, b.lastHash());
            insert.setLong(i++, b.fromSeq());
            insert.setBytes(i++, b.fromHash());
            insert.setTimestamp(i++, Timestamp.from(b.at()));
            insert.setArray(i++, c.createArrayOf("bigint", b.seqs()));
            insert.setArray(i++, c.createArrayOf("uuid", b.ids()));
            insert.setArray(i++, c.createArrayOf("text", b.texts()[0]));
            insert.setArray(i++, c.createArrayOf("text", b.texts()[1]));
            insert.setArray(i++, c.createArrayOf("text", b.texts()[2]));
            insert.setArray(i++, c.createArrayOf("uuid", b.uuids()[0]));
            for (int column = 3; column <= 5; column++) {
                insert.setArray(i++, c.createArrayOf("text", b.texts()[column]));
            }
            for (int column = 1; column <= 3; column++) {
                insert.setArray(i++, c.createArrayOf("uuid", b.uuids()[column]));
            }
            for (int column = 6; column <= 11; column++) {
                insert.setArray(i++, c.createArrayOf("text", b.texts()[column]));
            }
            insert.setArray(i++, c.createArrayOf("bytea", b.previousHashes()));
            insert.setArray(i, c.createArrayOf("bytea", b.hashes()));
            return insert.executeUpdate();
        }
    }

    /**
     * An entry id that sorts by time (UUID version 7: 48 bits of milliseconds, then random bits), so that the
     * unique index on ids grows at its end instead of at random places. Ids are names, not secrets.
     */
    static UUID timeOrderedId(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long least = 0x8000000000000000L | (random.nextLong() & 0x3FFFFFFFFFFFFFFFL);
        return new UUID(most, least);
    }

    /** The writer's own connection, taken from the pool anew every ten minutes (so the pool can renew it). */
    private Connection connection() throws SQLException {
        if (connection != null && System.nanoTime() - connectionSince > TimeUnit.MINUTES.toNanos(10)) {
            closeConnection();
        }
        if (connection == null || connection.isClosed()) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            connectionSince = System.nanoTime();
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // gone already
            }
            connection = null;
        }
        headHash = null;
    }
}
