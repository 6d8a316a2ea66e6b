package org.renkei.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.renkei.platform.database.CommittedVersions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Where every feature writes its audit entries (AUD-01).
 *
 * <p>{@link #record} returns only when the entry is durable in the chain (appended and committed by the node's
 * audit writer, batched with other requests' entries); call it <b>before</b> anything of the access is shown or
 * sent, so that no access is ever seen without its entry. If the entry cannot be made durable within
 * {@code renkei.audit.durable-timeout}, it throws {@link AuditUnavailableException} and the request must fail.
 * {@link #recordLater} queues an entry without waiting, for acts that show nothing (a refusal, a failed login).
 * {@link #recordView} reads, decides and records a view of one subject in the writer's round: one wait in all.
 *
 * <p>The request's client address and id are added from the current HTTP request when the event has none.
 */
@Service
@EnableConfigurationProperties(AuditSettings.class)
public class AuditTrail implements SmartLifecycle {

    private final AuditWriter writer;
    private final CommittedVersions versions;
    private final long timeoutMillis;

    AuditTrail(DataSource dataSource, Clock clock, AuditSettings settings, AuditWitness witness,
            CommittedVersions versions) {
        this.writer = new AuditWriter(dataSource, clock, settings.batchSize(), settings.batchWait(), witness,
                versions);
        this.versions = versions;
        this.timeoutMillis = settings.durableTimeout().toMillis();
    }

    /**
     * A view of one subject, read, decided and recorded in the audit writer's round: the writer reads the round's
     * subjects in one statement ({@code subjects}), begun after this call, and with it the version counters; this
     * request's versions are confirmed with those (its rechecks run there if it went ahead on others), then
     * {@code decision} gives the view's entry, or null when nothing is to be shown. Returns the subject once its entry
     * is durable; empty when it is not there or nothing is shown. One wait in all, where a read of its own and then
     * {@link #record} are two. Only outside a transaction: the subject is read on a connection of the writer's.
     *
     * @param decision runs in the writer's thread for this request: a pure decision on the subject (the access
     *     decision and the event), quick, without waits
     * @throws org.renkei.platform.database.RecheckRefusedException if a check this request went ahead on no longer
     *     passes
     * @throws AuditUnavailableException if the entry could not be made durable in time
     */
    public <S> Optional<S> recordView(UUID id, ViewedSubjects<S> subjects, Function<S, AuditEvent> decision) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a view is read in the audit writer's round only outside a transaction");
        }
        var view = new AuditWriter.View<>(id, subjects, decision, versions.currentRequest(),
                RequestContextHolder.getRequestAttributes());
        writer.enqueue(new AuditWriter.Pending(null, null, view));
        // the view's own failures (the read, a refused recheck) reach the caller as they are
        return await(List.of(view.shown), true).get(0);
    }

    /** Appends the event and returns when it is durable. */
    public AuditEntry record(AuditEvent event) {
        CompletableFuture<AuditEntry> appended = new CompletableFuture<>();
        writer.enqueue(new AuditWriter.Pending(withRequest(event), appended));
        return await(List.of(appended), false).get(0);
    }

    /** Appends the events (in this order, though others' may come between) and returns when all are durable. */
    public List<AuditEntry> recordAll(Collection<AuditEvent> events) {
        List<CompletableFuture<AuditEntry>> appended = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            CompletableFuture<AuditEntry> future = new CompletableFuture<>();
            writer.enqueue(new AuditWriter.Pending(withRequest(event), future));
            appended.add(future);
        }
        return await(appended, false);
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

    /**
     * What the futures give, waited for until {@code renkei.audit.durable-timeout}; a failure is an
     * {@link AuditUnavailableException}, except — with {@code passOnFailures} — another runtime exception, as it is.
     */
    private <T> List<T> await(List<CompletableFuture<T>> futures, boolean passOnFailures) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        List<T> entries = new ArrayList<>(futures.size());
        try {
            for (CompletableFuture<T> future : futures) {
                long left = Math.max(0, deadline - System.nanoTime());
                entries.add(future.get(left, TimeUnit.NANOSECONDS));
            }
            return entries;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while the audit entry was written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuditUnavailableException
                    || (passOnFailures && e.getCause() instanceof RuntimeException)) {
                throw (RuntimeException) e.getCause();
            }
            throw new AuditUnavailableException("the audit entry could not be written", e.getCause());
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
