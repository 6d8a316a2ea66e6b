package org.renkei.platform.database;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A small value read fresh from the database for every caller, by one query for all the callers that ask while
 * another such query runs. Each caller gets the result of a query that <em>started after it asked</em>, so it
 * sees every change committed before its call, as with a query of its own; the callers that arrive while a query
 * runs wait for it to end and then share the next one. Under load, a version number read before every request
 * costs one round trip per batch of requests instead of one per request.
 *
 * @param <T> what the query reads
 */
final class SharedRead<T> {

    private final Supplier<T> query;
    private final ReentrantLock lock = new ReentrantLock();
    /** Whether a round's query runs now. */
    private boolean running;
    /** The round the callers who arrive while a query runs join; its first caller will run its query. */
    private Round<T> open;

    /**
     * One query and the callers who asked before it started. Each of them is woken exactly once, when the
     * value is there; the round's first caller once more before, when it may start the query.
     */
    private static final class Round<T> {
        final CountDownLatch mayStart = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        T value;
        RuntimeException failure;

        T result() {
            awaitUninterruptibly(done);
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }

    /** @param query reads the value; runs in the thread of one of the callers, outside the lock */
    SharedRead(Supplier<T> query) {
        this.query = query;
    }

    /**
     * The value as committed when this call began (or later).
     *
     * @throws RuntimeException what the query threw, to every caller of its round
     */
    T read() {
        Round<T> round;
        boolean first;
        boolean now;
        lock.lock();
        try {
            if (!running) {
                running = true;
                round = new Round<>();
                first = true;
                now = true;
            } else if (open == null) {
                round = new Round<>();
                open = round;
                first = true;
                now = false;
            } else {
                round = open;
                first = false;
                now = false;
            }
        } finally {
            lock.unlock();
        }
        if (first) {
            if (!now) {
                awaitUninterruptibly(round.mayStart);
            }
            run(round);
        }
        return round.result();
    }

    /**
     * Runs the round's query, then lets the callers of the round have its value and the first caller of the next
     * round (who asked while this query ran) start that round's query.
     */
    private void run(Round<T> round) {
        T value = null;
        RuntimeException failure = null;
        try {
            value = query.get();
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException(e);
            throw e;
        } finally {
            Round<T> next;
            lock.lock();
            try {
                next = open;
                open = null;
                running = next != null;
            } finally {
                lock.unlock();
            }
            round.value = value;
            round.failure = failure;
            round.done.countDown();
            if (next != null) {
                next.mayStart.countDown();
            }
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
