package org.renkei.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * A small value read fresh from the database for every caller, by one query for all the callers that ask while
 * another such query runs. Each caller gets the result of a query that <em>started after it asked</em>, so it
 * sees every change committed before its call, as with a query of its own; the callers that arrive while a query
 * runs wait for it to end and then share the next one. Under load, a version number read before every request
 * costs one round trip per batch of requests instead of one per request.
 *
 * @param <T> what the query reads
 */
public final class SharedRead<T> {

    private final Supplier<T> query;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ended = lock.newCondition();
    private boolean running;
    private Round<T> open;

    /** One query and the callers who asked before it started. */
    private static final class Round<T> {
        boolean started;
        boolean done;
        T value;
        RuntimeException failure;
    }

    /** @param query reads the value; runs in the thread of one of the callers, outside the lock */
    public SharedRead(Supplier<T> query) {
        this.query = query;
    }

    /**
     * A number — the first column of the one row the query gives — read on a pooled connection of its own in
     * autocommit: never inside a transaction of the caller's, so always what has committed.
     */
    public static SharedRead<Long> committedNumber(DataSource dataSource, String sql) {
        return new SharedRead<>(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new EmptyResultDataAccessException(sql + " gave no row", 1);
                }
                return row.getLong(1);
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException(sql + " could not be read", e);
            }
        });
    }

    /**
     * The value as committed when this call began (or later).
     *
     * @throws RuntimeException what the query threw, to every caller of its round
     */
    public T read() {
        lock.lock();
        try {
            Round<T> mine = open;
            if (mine == null) {
                mine = new Round<>();
                open = mine;
            }
            while (running && !mine.started) {
                ended.awaitUninterruptibly();
            }
            if (!mine.started) {
                run(mine);
            }
            while (!mine.done) {
                ended.awaitUninterruptibly();
            }
            if (mine.failure != null) {
                throw mine.failure;
            }
            return mine.value;
        } finally {
            lock.unlock();
        }
    }

    /** Runs the round's query, with the lock held on entry and exit but not while the query runs. */
    private void run(Round<T> round) {
        round.started = true;
        running = true;
        open = null;
        T value = null;
        RuntimeException failure = null;
        lock.unlock();
        try {
            value = query.get();
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException(e);
            throw e;
        } finally {
            lock.lock();
            round.value = value;
            round.failure = failure;
            round.done = true;
            running = false;
            ended.signalAll();
        }
    }
}
