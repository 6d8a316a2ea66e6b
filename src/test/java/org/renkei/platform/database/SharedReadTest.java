package org.renkei.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SharedReadTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(12);
    private final AtomicInteger started = new AtomicInteger();
    private volatile CountDownLatch release = new CountDownLatch(0);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    /** A query that counts how many times it started and answers that count, after waiting for the test. */
    private final SharedRead<Integer> read = new SharedRead<>(() -> {
        int number = started.incrementAndGet();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return number;
    });

    @Test
    @DisplayName("CON-02 USR-07 callers who ask while a version read runs share the next read, which starts after they asked")
    void callersWhileAQueryRunsShareTheNextOne() throws Exception {
        release = new CountDownLatch(1);
        Future<Integer> first = callers.submit(read::read);
        while (started.get() < 1) {
            Thread.onSpinWait();
        }
        List<Future<Integer>> later = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            later.add(callers.submit(read::read));
        }
        Thread.sleep(100); // all ten are waiting for the first read to end
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        for (Future<Integer> f : later) {
            assertThat(f.get(5, TimeUnit.SECONDS)).as("a read that started after the call").isEqualTo(2);
        }
        assertThat(started).hasValue(2);
    }

    @Test
    @DisplayName("CON-02 USR-07 a caller alone gets a read of its own, every time")
    void aloneEveryTime() {
        assertThat(read.read()).isEqualTo(1);
        assertThat(read.read()).isEqualTo(2);
    }

    @Test
    @DisplayName("CON-02 USR-07 a failed read fails its callers, and the next caller reads again")
    void failureReachesTheCallers() {
        AtomicInteger calls = new AtomicInteger();
        var failing = new SharedRead<Integer>(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database gone");
            }
            return 7;
        });
        assertThatThrownBy(failing::read).hasMessage("database gone");
        assertThat(failing.read()).isEqualTo(7);
    }
}
