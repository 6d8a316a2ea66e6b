package org.renkei.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Version counters the database counts up at commit whenever something a node keeps in memory changes (the
 * access view's {@code access_version}, the card checks' {@code standing_version}), read <em>together</em>: one
 * query gives every counter, on a pooled connection of its own in autocommit — never inside a transaction of the
 * caller's, so always what has committed — and callers asking at the same time share it ({@link SharedRead}).
 *
 * <p>Each read sees every change committed before its call. Within one request of a safe method (GET, HEAD; see
 * {@link RequestVersions}) the first read holds for the rest of the request: every decision the request makes
 * then rests on the same committed state, at least as new as the request's start — one read and one wait per
 * request instead of one for each counter.
 *
 * <p><b>Confirmed later.</b> In such a request a check whose result is remembered per version (a card's standing)
 * may go ahead on the versions this node last read ({@link Counter#tentativelyAt}), with a recheck: the request
 * then confirms its versions before it decides or shows anything — with the first statement that reads data, which
 * selects the counters along ({@link #columns()}, {@link #valuesFrom}, {@link #onBehalfOf}), else by the usual read at its first
 * decision, at the latest before its answer's first byte ({@link RequestVersions}). If the confirmed versions differ
 * from the ones the check went ahead on, every recheck runs on the confirmed ones before anything else; one that
 * fails ({@link RecheckRefusedException}) fails the request, and so does every later read in it. So a request still
 * rests on what committed before it began, and the usual request, on a node that is current, waits for no read of
 * its own.
 */
@Component
public final class CommittedVersions {

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");
    private static final ThreadLocal<Held> REQUEST = new ThreadLocal<>();

    /**
     * A safe request's first read, and which reader made it; the versions it went ahead on before that read and the
     * rechecks to run should they differ; the recheck's refusal, once one refused.
     */
    static final class Held {
        private Object owner;
        private long[] values;
        private long[] tentative;
        private final List<Runnable> rechecks = new ArrayList<>(1);
        private RecheckRefusedException refused;
    }

    private final DataSource dataSource;
    private final List<String> tables = new ArrayList<>();
    private volatile SharedRead<long[]> read;
    /** The counters as a select list, in their order. */
    private volatile String columns = "";
    /** The values this node read last (null before the first read). */
    private volatile long[] lastRead;

    public CommittedVersions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The counter kept in {@code table} (one row, column {@code version}); asked for once, when a feature starts.
     */
    public synchronized Counter counter(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("not a counter table: " + table);
        }
        int index = tables.indexOf(table);
        if (index < 0) {
            tables.add(table);
            index = tables.size() - 1;
            read = new SharedRead<>(query(List.copyOf(tables)));
            columns = selectList(tables);
        }
        return new Counter(index);
    }

    /** One counter: its value as committed when this call (or this safe request) began, or later. */
    public final class Counter {

        private final int index;

        private Counter(int index) {
            this.index = index;
        }

        public long current() {
            long[] values = values();
            // a read made before this counter was added (only while the features start)
            return index < values.length ? values[index] : read.read()[index];
        }

        /**
         * Whether this safe request may go ahead on {@code version} as this counter's value without reading it now:
         * true when the request already rests on it, or has read nothing yet and {@code version} is the value this
         * node read last — then {@code recheck} runs should the request's confirmed versions differ from those it
         * went ahead on, and must throw {@link RecheckRefusedException} if the check no longer passes on them.
         * False (and nothing registered) otherwise, and outside a safe request: then read {@link #current()}.
         */
        public boolean tentativelyAt(long version, Runnable recheck) {
            Held held = REQUEST.get();
            if (held == null || (held.owner != null && held.owner != CommittedVersions.this)) {
                return false;
            }
            if (held.values != null) {
                return index < held.values.length && held.values[index] == version;
            }
            long[] assumed = held.tentative != null ? held.tentative : lastRead;
            if (assumed == null || index >= assumed.length || assumed[index] != version) {
                return false;
            }
            held.owner = CommittedVersions.this;
            held.tentative = assumed;
            held.rechecks.add(recheck);
            return true;
        }
    }

    private long[] values() {
        Held held = REQUEST.get();
        if (held != null && held.owner == this && held.refused != null) {
            throw held.refused;
        }
        if (held != null && held.owner == this && held.values != null) {
            return held.values;
        }
        long[] values = read.read();
        lastRead = values;
        if (held != null && (held.owner == null || held.owner == this)) {
            held.owner = this;
            confirm(held, values);
        }
        return values;
    }

    /**
     * The request's versions, confirmed: if it went ahead on others, its rechecks run now, on these (a refusal
     * sticks to the request).
     */
    private static void confirm(Held held, long[] values) {
        held.values = values;
        if (held.tentative == null || Arrays.equals(held.tentative, values)) {
            held.rechecks.clear();
            return;
        }
        List<Runnable> rechecks = List.copyOf(held.rechecks);
        held.rechecks.clear();
        try {
            for (Runnable recheck : rechecks) {
                recheck.run();
            }
        } catch (RecheckRefusedException e) {
            held.refused = e;
            throw e;
        } catch (RuntimeException e) {
            // a recheck that could not be made has not passed: nothing more of this request goes ahead
            held.refused = new RecheckRefusedException("a check could not be made again: " + e.getClass().getName(),
                    null, null);
            throw e;
        }
    }

    /**
     * The current request's hold on its versions, for work done for it in another thread ({@link #onBehalfOf});
     * null outside a safe request.
     */
    public RequestHold currentRequest() {
        Held held = REQUEST.get();
        return held == null ? null : new RequestHold(held);
    }

    /** A request's hold on its versions, handed to a thread that works for the request. */
    public static final class RequestHold {
        private final Held held;

        private RequestHold(Held held) {
            this.held = held;
        }
    }

    /**
     * The {@link #columns()} a statement selected, from column {@code first} on: values for {@link #onBehalfOf}
     * when that statement served several requests.
     */
    public long[] valuesFrom(ResultSet row, int first) throws SQLException {
        long[] values = new long[tables.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.getLong(first + i);
        }
        return values;
    }

    /**
     * Works for a request in this thread — its own, or another while it waits — on versions a statement read that
     * began after the request began, outside any transaction that changed what the counters count: the request's
     * versions are confirmed with them first (if it went ahead on others, its rechecks run now, on these), and the
     * work's decisions rest on the request's versions. Without a request ({@code hold} null), the work's decisions rest on the values.
     *
     * @throws RecheckRefusedException if a check the request went ahead on no longer passes (the refusal sticks to
     *     the request)
     */
    public <T> T onBehalfOf(RequestHold hold, long[] values, Supplier<T> work) {
        Held own = REQUEST.get();
        Held held = hold != null ? hold.held : new Held();
        REQUEST.set(held);
        try {
            if (held.refused != null && held.owner == this) {
                throw held.refused;
            }
            if (held.owner == null || held.owner == this) {
                held.owner = this;
                if (held.values == null) {
                    lastRead = values;
                    confirm(held, values);
                }
            }
            return work.get();
        } finally {
            if (own == null) {
                REQUEST.remove();
            } else {
                REQUEST.set(own);
            }
        }
    }

    /**
     * Whether the current request went ahead on versions it has not confirmed yet; then its first statement that
     * reads data should select {@link #columns()} along and confirm them with {@link #onBehalfOf}.
     */
    public boolean awaitsConfirmation() {
        Held held = REQUEST.get();
        return held != null && held.owner == this && held.values == null && held.tentative != null;
    }

    /** Every counter as one select list ({@code (select version from …), …}), in the order {@link #valuesFrom} reads. */
    public String columns() {
        return columns;
    }

    /**
     * Confirms the current safe request's versions if it went ahead on unconfirmed ones (by a read now); before its
     * answer's first byte. The refusal of a recheck, if one refused, else null.
     */
    static RecheckRefusedException confirmHeldRequest() {
        Held held = REQUEST.get();
        if (held == null || !(held.owner instanceof CommittedVersions owner)) {
            return null;
        }
        if (held.refused == null && held.values == null && held.tentative != null) {
            try {
                owner.values();
            } catch (RecheckRefusedException e) {
                return e;
            }
        }
        return held.refused;
    }

    /**
     * Opens the holder of a safe request's first read on this thread; gives the one it replaces (of an outer
     * dispatch, else null) for {@link #restore}.
     */
    static Held holdForRequest() {
        Held outer = REQUEST.get();
        REQUEST.set(new Held());
        return outer;
    }

    static void restore(Held outer) {
        if (outer == null) {
            REQUEST.remove();
        } else {
            REQUEST.set(outer);
        }
    }

    private static String selectList(List<String> counters) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < counters.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(select version from ").append(counters.get(i)).append(')');
        }
        return sql.toString();
    }

    private Supplier<long[]> query(List<String> counters) {
        String text = "select " + selectList(counters);
        return () -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(text);
                    ResultSet row = statement.executeQuery()) {
                row.next(); // a select without "from" gives exactly one row
                long[] values = new long[counters.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.getLong(i + 1);
                }
                return values;
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException(text + " could not be read", e);
            }
        };
    }
}
