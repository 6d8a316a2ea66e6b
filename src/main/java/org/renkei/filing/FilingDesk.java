package org.renkei.filing;

import org.renkei.audit.AuditAction;
import org.renkei.audit.AuditEvent;
import org.renkei.audit.AuditTrail;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.renkei.filing.FilingEvents.FilingDecidedLate;
import org.renkei.filing.FilingEvents.FilingRefused;
import org.renkei.identity.Actor;
import org.renkei.platform.time.JapanTime;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's desk for applications: receives them (checking the due rules), decides them, and answers
 * what is waiting. Deciding and taking effect happen in one transaction with the owning feature's change.
 */
@Service
public class FilingDesk {

    private final Filings filings;
    private final ObjectProvider<FilingHandler> handlers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    /** Handlers are looked up when needed: they belong to features that themselves use this desk. */
    FilingDesk(Filings filings, ObjectProvider<FilingHandler> handlers, ApplicationEventPublisher events, Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.filings = filings;
        this.handlers = handlers;
        this.events = events;
        this.clock = clock;
    }

    /** What a received paper application says. */
    public record Receipt(FilingKind kind, UUID facilityId, UUID staffId, String subject, LocalDate receivedOn,
            LocalDate wishedOn, String payload) {
    }

    /**
     * Records a received application after checking its dates and that no application of the same kind for the
     * same facility or person is still open. Call inside the owning feature's transaction.
     */
    @Transactional
    public FilingId receive(Receipt receipt, Actor receivedBy) {
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMINISTRATION).by(receivedBy).resource("Filing", null).detail("received").build());
        LocalDate today = JapanTime.today(clock);
        FilingRules.datesProblem(receipt.kind(), receipt.receivedOn(), receipt.wishedOn(), today)
                .ifPresent(problem -> {
                    throw new InvalidInputException(problem, receipt.kind().leadDays());
                });
        if (filings.hasOpen(receipt.kind(), receipt.facilityId(), receipt.staffId())) {
            throw new InvalidInputException("filing.duplicate");
        }
        var id = new FilingId(UUID.randomUUID());
        filings.insert(new Filing(id, receipt.kind(), receipt.facilityId(), receipt.staffId(), receipt.subject(),
                receipt.receivedOn(), receipt.wishedOn(), FilingRules.decideBy(receipt.kind(), receipt.receivedOn()),
                FilingStatus.PENDING, null, null, null, null, null, null, receipt.payload(), who(receivedBy),
                clock.instant()));
        return id;
    }

    /** Accepts an application; if its effective date has come, it takes effect at once. */
    @Transactional
    public Filing accept(FilingId id, Actor operator) {
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMINISTRATION).by(operator).resource("Filing", id.value()).detail("accepted").build());
        requireOperator(operator);
        Filing filing = pending(id);
        LocalDate today = JapanTime.today(clock);
        LocalDate effectiveOn = FilingRules.effectiveOn(filing.wishedOn(), today);
        filings.decide(id, FilingStatus.ACCEPTED, today, who(operator), null, null, effectiveOn, clock.instant());
        Filing accepted = filings.find(id).orElseThrow();
        if (accepted.decidedLate()) {
            events.publishEvent(new FilingDecidedLate(id, filing.kind(), filing.facilityId(), filing.subject(),
                    filing.decideBy(), today));
        }
        if (!effectiveOn.isAfter(today)) {
            takeEffect(accepted);
            return filings.find(id).orElseThrow();
        }
        return accepted;
    }

    /** Refuses an application with a recorded reason (FAC-06); the facility is told (FAC-02). */
    @Transactional
    public Filing refuse(FilingId id, RefusalReason reason, String details, Actor operator) {
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMINISTRATION).by(operator).resource("Filing", id.value()).detail("refused").build());
        requireOperator(operator);
        Filing filing = pending(id);
        FilingRules.refusalProblem(filing.kind(), reason, details).ifPresent(problem -> {
            throw new InvalidInputException(problem);
        });
        LocalDate today = JapanTime.today(clock);
        filings.decide(id, FilingStatus.REFUSED, today, who(operator), reason, details.strip(), null,
                clock.instant());
        Filing refused = filings.find(id).orElseThrow();
        handler(filing.kind()).refused(refused);
        events.publishEvent(new FilingRefused(id, filing.kind(), filing.facilityId(), filing.subject(), reason,
                details.strip()));
        if (refused.decidedLate()) {
            events.publishEvent(new FilingDecidedLate(id, filing.kind(), filing.facilityId(), filing.subject(),
                    filing.decideBy(), today));
        }
        return refused;
    }

    /**
     * Lets one accepted application take effect if it is still waiting for it; returns whether it did. Safe to
     * call twice or concurrently: the row is locked and only an ACCEPTED application moves on.
     */
    @Transactional
    public boolean takeEffectIfDue(FilingId id, LocalDate today) {
        Optional<Filing> locked = filings.lock(id);
        if (locked.isEmpty() || locked.get().status() != FilingStatus.ACCEPTED
                || locked.get().effectiveOn().isAfter(today)) {
            return false;
        }
        takeEffect(locked.get());
        return true;
    }

    private void takeEffect(Filing filing) {
        handler(filing.kind()).takeEffect(filing);
        filings.markEffective(filing.id(), clock.instant());
    }

    public Optional<Filing> find(FilingId id) {
        return filings.find(id);
    }

    public List<Filing> withStatus(FilingStatus status, int limit) {
        return filings.byStatus(status, limit);
    }

    public List<Filing> ofFacility(UUID facilityId) {
        return filings.ofFacility(facilityId);
    }

    public List<Filing> ofStaff(UUID staffId) {
        return filings.ofStaff(staffId);
    }

    public long countPending() {
        return filings.countPending();
    }

    public long countOverdue() {
        return filings.countOverdue(JapanTime.today(clock));
    }

    private Filing pending(FilingId id) {
        Filing filing = filings.lock(id).orElseThrow(() -> new NotFoundException("application"));
        if (filing.status() != FilingStatus.PENDING) {
            throw new InvalidInputException("filing.alreadyDecided");
        }
        return filing;
    }

    private FilingHandler handler(FilingKind kind) {
        return handlers.orderedStream().filter(h -> h.handles(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No handler for " + kind));
    }

    private static void requireOperator(Actor actor) {
        if (actor == null || !actor.isOperator()) {
            throw new InvalidInputException("filing.operatorOnly");
        }
    }

    private static String who(Actor actor) {
        return actor == null ? "system" : actor.displayName() + " (" + actor.username() + ")";
    }
}
