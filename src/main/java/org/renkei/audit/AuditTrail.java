package org.renkei.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where every feature writes its audit entries (AUD-01).
 *
 * <p>{@link #record} returns only when the entry is durable in the chain (appended and committed by the node's
 * audit writer, batched with other requests' entries); call it <b>before</b> anything of the access is shown or
 * sent, so that no access is ever seen without its entry. If the entry cannot be made durable within
 * {@code renkei.audit.durable-timeout}, it throws {@link AuditUnavailableException} and the request must fail.
 * {@link #recordLater} queues an entry without waiting, for acts that show nothing (a refusal, a failed login).
 *
 * <p>The request's client address and id are added from the current HTTP request when the event has none.
 */
@Service
@EnableConfigurationProperties(AuditSettings.class)
public class AuditTrail implements SmartLifecycle {

    private final AuditWriter writer;
    private final long timeoutMillis;

    AuditTrail(DataSource dataSource, Clock clock, AuditSettings settings, AuditWitness witness) {
        this.writer = new AuditWriter(dataSource, clock, settings.batchSize(), settings.batchWait(), witness);
        this.timeoutMillis = settings.durableTimeout().toMillis();
    }

    /** Appends the event and returns when it is durable. */
    public AuditEntry record(AuditEvent event) {
        CompletableFuture<AuditEntry> appended = new CompletableFuture<>();
        writer.enqueue(new AuditWriter.Pending(withRequest(event), appended));
        return await(List.of(appended)).get(0);
    }

    /** Appends the events (in this order, though others' may come between) and returns when all are durable. */
    public List<AuditEntry> recordAll(Collection<AuditEvent> events) {
        List<CompletableFuture<AuditEntry>> appended = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            CompletableFuture<AuditEntry> future = new CompletableFuture<>();
            writer.enqueue(new AuditWriter.Pending(withRequest(event), future));
            appended.add(future);
        }
        return await(appended);
    }

    /**
     * Appends the event once the current transaction has committed, and returns from the commit when it is durable
     * (at once, outside a transaction): for stores and changes, which must not be audited if they roll back. A
     * crash between the commit and the append loses the entry; the stored data itself names who stored it when.
     */
    public void recordAfterCommit(AuditEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            record(event);
            return;
        }
        AuditEvent withRequest = withRequest(event);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                record(withRequest);
            }
        });
    }

    /** Queues the event for the next batch without waiting for it. */
    public void recordLater(AuditEvent event) {
        writer.enqueue(new AuditWriter.Pending(withRequest(event), null));
    }

    private static AuditEvent withRequest(AuditEvent event) {
        String[] request = AuditRequests.current();
        return event.withRequest(request[0], request[1]);
    }

    private List<AuditEntry> await(List<CompletableFuture<AuditEntry>> futures) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        List<AuditEntry> entries = new ArrayList<>(futures.size());
        try {
            for (CompletableFuture<AuditEntry> future : futures) {
                long left = Math.max(0, deadline - System.nanoTime());
                entries.add(future.get(left, TimeUnit.NANOSECONDS));
            }
            return entries;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while the audit entry was written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AuditUnavailableException unavailable ? unavailable
                    : new AuditUnavailableException("the audit entry could not be written", e.getCause());
        } catch (TimeoutException e) {
            throw new AuditUnavailableException("the audit entry was not durable in time", e);
        }
    }

    // --- lifecycle: the writer runs while the application does, and appends what is queued before it stops

    @Override
    public void start() {
        writer.start();
    }

    @Override
    public void stop() {
        writer.stop();
    }

    @Override
    public boolean isRunning() {
        return writer.isRunning();
    }

    @Override
    public int getPhase() {
        // started before, and stopped after, the web server and the schedulers that write entries
        return Integer.MIN_VALUE + 1000;
    }
}
