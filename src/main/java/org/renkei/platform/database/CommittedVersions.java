package org.renkei.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
 */
@Component
public final class CommittedVersions {

    private static final Pattern TABLE = Pattern.compile("[a-z_]+");
    private static final ThreadLocal<Held> REQUEST = new ThreadLocal<>();

    /** A safe request's first read, and which reader made it. */
    static final class Held {
        private Object owner;
        private long[] values;
    }

    private final DataSource dataSource;
    private final List<String> tables = new ArrayList<>();
    private volatile SharedRead<long[]> read;

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
    }

    private long[] values() {
        Held held = REQUEST.get();
        if (held != null && held.owner == this && held.values != null) {
            return held.values;
        }
        long[] values = read.read();
        if (held != null && held.owner == null) {
            held.owner = this;
            held.values = values;
        }
        return values;
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

    private Supplier<long[]> query(List<String> counters) {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < counters.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(select version from ").append(counters.get(i)).append(')');
        }
        String text = sql.toString();
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
