package org.renkei.facility;

import org.renkei.audit.AuditAction;
import org.renkei.audit.AuditEvent;
import org.renkei.audit.AuditTrail;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.renkei.filing.Filing;
import org.renkei.filing.FilingDesk;
import org.renkei.filing.FilingId;
import org.renkei.filing.FilingKind;
import org.renkei.identity.Actor;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's registry of member facilities. Joining, changing and withdrawing go through applications
 * (FAC-02…FAC-04); suspension is the operator's immediate act (FAC-05).
 */
@Service
public class FacilityRegistry {

    private final Facilities facilities;
    private final FilingDesk filings;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditTrail audit;

    FacilityRegistry(Facilities facilities, FilingDesk filings, ApplicationEventPublisher events, ObjectMapper json,
            Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.facilities = facilities;
        this.filings = filings;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** A paper application to join (利用届, new): the facility is registered as applying (FAC-02). */
    @Transactional
    public FacilityId applyToJoin(FacilityKind kind, String code, FacilityDetails details, LocalDate receivedOn,
            LocalDate wishedOn, Actor operator) {
        requireOperator(operator);
        if (kind == null) {
            throw new InvalidInputException("facility.kind.missing");
        }
        String normalized = code == null ? null : code.strip();
        FacilityCodes.problem(kind, normalized).ifPresent(problem -> {
            throw new InvalidInputException(problem);
        });
        details.problem().ifPresent(problem -> {
            throw new InvalidInputException(problem);
        });
        if (facilities.codeInUse(normalized)) {
            throw new InvalidInputException("facility.code.inUse", normalized);
        }
        var id = new FacilityId(UUID.randomUUID());
        Instant now = clock.instant();
        facilities.insert(id, kind, normalized, details, now);
        filings.receive(new FilingDesk.Receipt(FilingKind.FACILITY_NEW, id.value(), null, details.name(),
                receivedOn, wishedOn, null), operator);
        facilities.recordHistory(id, now, FacilityStatus.APPLYING, "application received", who(operator));
        return id;
    }

    /** A change application (FAC-03): the new details take effect on the accepted effective date. */
    @Transactional
    public FilingId applyForChange(FacilityId id, FacilityDetails details, LocalDate receivedOn, LocalDate wishedOn,
            Actor operator) {
        requireOperator(operator);
        Facility facility = member(id);
        details.problem().ifPresent(problem -> {
            throw new InvalidInputException(problem);
        });
        return filings.receive(new FilingDesk.Receipt(FilingKind.FACILITY_CHANGE, id.value(), null, facility.name(),
                receivedOn, wishedOn, write(details)), operator);
    }

    /** A withdrawal application (FAC-04): from its effective date the facility can no longer use the network. */
    @Transactional
    public FilingId applyToWithdraw(FacilityId id, LocalDate receivedOn, LocalDate wishedOn, Actor operator) {
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMINISTRATION).by(operator).resource("Facility", id.value()).detail("withdrawal application").build());
        requireOperator(operator);
        Facility facility = member(id);
        return filings.receive(new FilingDesk.Receipt(FilingKind.FACILITY_WITHDRAWAL, id.value(), null,
                facility.name(), receivedOn, wishedOn, null), operator);
    }

    /** Suspends a facility at once for a prohibited act (FAC-05); its users can no longer log in. */
    @Transactional
    public void suspend(FacilityId id, String reason, Actor operator) {
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMINISTRATION).by(operator).resource("Facility", id.value()).detail("suspended").build());
        requireOperator(operator);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("facility.suspension.reason.missing");
        }
        Facility facility = facilities.lock(id).orElseThrow(() -> new NotFoundException("facility"));
        if (facility.status() != FacilityStatus.ACTIVE) {
            throw new InvalidInputException("facility.suspension.notActive");
        }
        Instant now = clock.instant();
        facilities.updateStatus(id, FacilityStatus.SUSPENDED, null, null, reason.strip(), now, now);
        changed(facility, FacilityStatus.SUSPENDED, "suspended: " + reason.strip(), who(operator), now);
    }

    /** Lifts a suspension. */
    @Transactional
    public void reinstate(FacilityId id, Actor operator) {
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMINISTRATION).by(operator).resource("Facility", id.value()).detail("reinstated").build());
        requireOperator(operator);
        Facility facility = facilities.lock(id).orElseThrow(() -> new NotFoundException("facility"));
        if (facility.status() != FacilityStatus.SUSPENDED) {
            throw new InvalidInputException("facility.reinstate.notSuspended");
        }
        Instant now = clock.instant();
        facilities.updateStatus(id, FacilityStatus.ACTIVE, null, null, null, null, now);
        changed(facility, FacilityStatus.ACTIVE, "reinstated", who(operator), now);
    }

    public Optional<Facility> find(FacilityId id) {
        return facilities.find(id);
    }

    public Facility get(FacilityId id) {
        return facilities.find(id).orElseThrow(() -> new NotFoundException("facility"));
    }

    public Optional<Facility> findByCode(String code) {
        return facilities.findByCode(code);
    }

    public boolean isActive(FacilityId id) {
        return facilities.find(id).map(Facility::isActive).orElse(false);
    }

    /** Every facility's name by id (one light query). */
    public Map<FacilityId, String> names() {
        return facilities.names();
    }

    public List<Facility> all() {
        return facilities.all();
    }

    public List<Facility> search(String nameOrCode) {
        return nameOrCode == null || nameOrCode.isBlank() ? all() : facilities.search(nameOrCode.strip());
    }

    /** Facilities that are or were members, for the public list (FAC-07). */
    public List<Facility> publicList() {
        return facilities.withStatus(List.of(FacilityStatus.ACTIVE, FacilityStatus.SUSPENDED, FacilityStatus.WITHDRAWN))
                .stream().filter(f -> f.joinedOn() != null).toList();
    }

    public List<Facility.HistoryEntry> history(FacilityId id) {
        return facilities.history(id);
    }

    // --- called by the filing handler when an application is decided or takes effect

    void joined(Filing filing) {
        var id = new FacilityId(filing.facilityId());
        Facility facility = facilities.lock(id).orElseThrow();
        if (facility.status() != FacilityStatus.APPLYING) {
            return;
        }
        Instant now = clock.instant();
        facilities.updateStatus(id, FacilityStatus.ACTIVE, filing.effectiveOn(), null, null, null, now);
        changed(facility, FacilityStatus.ACTIVE, "joined on " + filing.effectiveOn(), filing.decidedBy(), now);
    }

    void refusedToJoin(Filing filing) {
        var id = new FacilityId(filing.facilityId());
        Facility facility = facilities.lock(id).orElseThrow();
        Instant now = clock.instant();
        facilities.updateStatus(id, FacilityStatus.REFUSED, null, null, null, null, now);
        changed(facility, FacilityStatus.REFUSED, "refused: " + filing.refusalReason() + " " + filing.refusalDetails(),
                filing.decidedBy(), now);
    }

    void changedDetails(Filing filing) {
        var id = new FacilityId(filing.facilityId());
        Facility facility = facilities.lock(id).orElseThrow();
        if (!facility.status().isMember()) {
            return;
        }
        Instant now = clock.instant();
        facilities.updateDetails(id, read(filing.payload()), now);
        facilities.recordHistory(id, now, facility.status(), "details changed on " + filing.effectiveOn(),
                filing.decidedBy());
    }

    void withdrew(Filing filing) {
        var id = new FacilityId(filing.facilityId());
        Facility facility = facilities.lock(id).orElseThrow();
        if (!facility.status().isMember()) {
            return;
        }
        Instant now = clock.instant();
        facilities.updateStatus(id, FacilityStatus.WITHDRAWN, null, filing.effectiveOn(), null, null, now);
        changed(facility, FacilityStatus.WITHDRAWN, "withdrew on " + filing.effectiveOn(), filing.decidedBy(), now);
    }

    /** What a change application proposes. */
    FacilityDetails proposedDetails(Filing filing) {
        return read(filing.payload());
    }

    private void changed(Facility facility, FacilityStatus to, String note, String actor, Instant now) {
        facilities.recordHistory(facility.id(), now, to, note, actor);
        events.publishEvent(new FacilityStatusChanged(facility.id(), facility.status(), to, now));
    }

    private Facility member(FacilityId id) {
        Facility facility = get(id);
        if (!facility.status().isMember()) {
            throw new InvalidInputException("facility.notMember");
        }
        return facility;
    }

    private String write(FacilityDetails details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("facility details could not be written", e);
        }
    }

    private FacilityDetails read(String payload) {
        try {
            return json.readValue(payload, FacilityDetails.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored facility details could not be read", e);
        }
    }

    private static void requireOperator(Actor actor) {
        if (actor == null || !actor.isOperator()) {
            throw new InvalidInputException("facility.operatorOnly");
        }
    }

    private static String who(Actor actor) {
        return actor.displayName() + " (" + actor.username() + ")";
    }
}
