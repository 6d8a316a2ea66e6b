package org.renkei.staff;

import org.renkei.audit.AuditAction;
import org.renkei.audit.AuditEvent;
import org.renkei.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.renkei.facility.Facility;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.filing.Filing;
import org.renkei.filing.FilingDesk;
import org.renkei.filing.FilingId;
import org.renkei.filing.FilingKind;
import org.renkei.identity.Actor;
import org.renkei.platform.time.JapanTime;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users of member facilities (USR-01). Adding and withdrawing go through the facility head's applications,
 * due 15 days ahead; suspension is immediate, by the operator or by the administrator of the user's own
 * facility (FAC-05).
 */
@Service
public class StaffRegistry {

    private static final List<StaffStatus> MEMBER_OR_APPLYING =
            List.of(StaffStatus.APPLYING, StaffStatus.ACTIVE, StaffStatus.SUSPENDED);

    private final StaffMembers staff;
    private final FacilityRegistry facilities;
    private final FilingDesk filings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    StaffRegistry(StaffMembers staff, FacilityRegistry facilities, FilingDesk filings,
            ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.staff = staff;
        this.facilities = facilities;
        this.filings = filings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A user add application (利用者追加届): the person is registered as applying until the operator accepts it
     * and its effective date comes. The facility must be active.
     */
    @Transactional
    public StaffId applyToAdd(FacilityId facility, NewStaff details, LocalDate receivedOn, LocalDate wishedOn,
            Actor operator) {
        requireOperator(operator);
        return file(facility, details, receivedOn, wishedOn, operator, "add application received");
    }

    /**
     * A user add application filed by the administrator of the person's own facility, as they confirm the person's
     * self-registration for a provisional account (USR-03): received today, wished for 15 days later, the
     * earliest the due rule allows. The operator decides it as any other.
     */
    @Transactional
    public StaffId applyToAddAsAdministrator(FacilityId facility, NewStaff details, Actor administrator) {
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMINISTRATION).by(administrator).resource("Facility", facility.value()).detail("staff addition application").build());
        if (administrator == null || !administrator.administers(facility.value())) {
            throw new InvalidInputException("staff.ownAdministratorOnly");
        }
        LocalDate today = JapanTime.today(clock);
        return file(facility, details, today, today.plusDays(FilingKind.STAFF_ADD.leadDays()), administrator,
                "add application filed by the facility administrator");
    }

    private StaffId file(FacilityId facility, NewStaff details, LocalDate receivedOn, LocalDate wishedOn,
            Actor receivedBy, String note) {
        if (details == null) {
            throw new InvalidInputException("staff.familyName.missing");
        }
        details.problem().ifPresent(problem -> {
            throw new InvalidInputException(problem);
        });
        Facility owner = facilities.find(facility).orElseThrow(() -> new NotFoundException("facility"));
        if (!owner.isActive()) {
            throw new InvalidInputException("staff.facility.notActive", owner.name());
        }
        var id = new StaffId(UUID.randomUUID());
        Instant now = clock.instant();
        staff.insert(id, facility, details, now);
        filings.receive(new FilingDesk.Receipt(FilingKind.STAFF_ADD, facility.value(), id.value(),
                subject(owner, details.familyName() + " " + details.givenName()), receivedOn, wishedOn, null),
                receivedBy);
        staff.recordHistory(id, now, StaffStatus.APPLYING, note, who(receivedBy));
        return id;
    }

    /** A user withdrawal application (利用者削除届): from its effective date the person is no longer a user. */
    @Transactional
    public FilingId applyToWithdraw(StaffId id, LocalDate receivedOn, LocalDate wishedOn, Actor operator) {
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMINISTRATION).by(operator).resource("Staff", id.value()).detail("withdrawal application").build());
        requireOperator(operator);
        StaffMember member = get(id);
        if (!member.status().isMember()) {
            throw new InvalidInputException("staff.withdrawal.notMember");
        }
        Facility owner = facilities.get(member.facility());
        return filings.receive(new FilingDesk.Receipt(FilingKind.STAFF_WITHDRAWAL, member.facility().value(),
                id.value(), subject(owner, member.fullName()), receivedOn, wishedOn, null), operator);
    }

    /**
     * Suspends a user at once (FAC-05), with a reason: by the operator, or by the administrator of the user's own
     * facility. Anyone else is refused and nothing changes.
     */
    @Transactional
    public void suspend(StaffId id, String reason, Actor actor) {
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMINISTRATION).by(actor).resource("Staff", id.value()).detail("suspended").build());
        StaffMember member = lockFor(id, actor);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("staff.suspension.reason.missing");
        }
        if (member.status() != StaffStatus.ACTIVE) {
            throw new InvalidInputException("staff.suspension.notActive");
        }
        Instant now = clock.instant();
        staff.updateStatus(id, StaffStatus.SUSPENDED, null, null, reason.strip(), now, now);
        changed(member, StaffStatus.SUSPENDED, "suspended: " + reason.strip(), who(actor), now);
    }

    /** Lifts a user's suspension; the same people may do it as may suspend. */
    @Transactional
    public void reinstate(StaffId id, Actor actor) {
        audit.recordAfterCommit(AuditEvent.of(AuditAction.ADMINISTRATION).by(actor).resource("Staff", id.value()).detail("reinstated").build());
        StaffMember member = lockFor(id, actor);
        if (member.status() != StaffStatus.SUSPENDED) {
            throw new InvalidInputException("staff.reinstate.notSuspended");
        }
        Instant now = clock.instant();
        staff.updateStatus(id, StaffStatus.ACTIVE, null, null, null, null, now);
        changed(member, StaffStatus.ACTIVE, "reinstated", who(actor), now);
    }

    public Optional<StaffMember> find(StaffId id) {
        return staff.find(id);
    }

    public StaffMember get(StaffId id) {
        return staff.find(id).orElseThrow(() -> new NotFoundException("staff member"));
    }

    /** A facility's users in every state, in kana order. */
    public List<StaffMember> ofFacility(FacilityId facility) {
        return staff.ofFacility(facility);
    }

    public List<StaffMember> all() {
        return staff.all();
    }

    /** Users whose name in kanji or katakana contains the text (spaces ignored). */
    public List<StaffMember> searchByName(String text) {
        return text == null || text.isBlank() ? all() : staff.searchByName(text.strip());
    }

    public List<StaffMember.HistoryEntry> history(StaffId id) {
        return staff.history(id);
    }

    // --- called by the filing handler when an application is decided or takes effect

    void added(Filing filing) {
        var id = new StaffId(filing.staffId());
        StaffMember member = staff.lock(id).orElseThrow();
        if (member.status() != StaffStatus.APPLYING) {
            return;
        }
        Instant now = clock.instant();
        staff.updateStatus(id, StaffStatus.ACTIVE, filing.effectiveOn(), null, null, null, now);
        changed(member, StaffStatus.ACTIVE, "joined on " + filing.effectiveOn(), filing.decidedBy(), now);
    }

    void refusedToAdd(Filing filing) {
        var id = new StaffId(filing.staffId());
        StaffMember member = staff.lock(id).orElseThrow();
        if (member.status() != StaffStatus.APPLYING) {
            return;
        }
        Instant now = clock.instant();
        staff.updateStatus(id, StaffStatus.REFUSED, null, null, null, null, now);
        changed(member, StaffStatus.REFUSED, "refused: " + filing.refusalReason() + " " + filing.refusalDetails(),
                filing.decidedBy(), now);
    }

    void withdrew(Filing filing) {
        var id = new StaffId(filing.staffId());
        StaffMember member = staff.lock(id).orElseThrow();
        if (!member.status().isMember()) {
            return;
        }
        Instant now = clock.instant();
        staff.updateStatus(id, StaffStatus.WITHDRAWN, null, filing.effectiveOn(), null, null, now);
        changed(member, StaffStatus.WITHDRAWN, "withdrew on " + filing.effectiveOn(), filing.decidedBy(), now);
    }

    /** The facility withdrew (FAC-04): its users, and those still applying, are withdrawn with it. */
    void facilityWithdrew(FacilityId facility, LocalDate withdrawnOn) {
        Instant now = clock.instant();
        for (StaffMember member : staff.lockOfFacility(facility, MEMBER_OR_APPLYING)) {
            staff.updateStatus(member.id(), StaffStatus.WITHDRAWN, null, withdrawnOn, null, null, now);
            changed(member, StaffStatus.WITHDRAWN, "facility withdrew on " + withdrawnOn, "system", now);
        }
    }

    private void changed(StaffMember member, StaffStatus to, String note, String actor, Instant now) {
        staff.recordHistory(member.id(), now, to, note, actor);
        events.publishEvent(new StaffStatusChanged(member.id(), member.status(), to, now));
    }

    /** Locks the user for a suspension or reinstatement by the operator or their own facility's administrator. */
    private StaffMember lockFor(StaffId id, Actor actor) {
        StaffMember member = staff.lock(id).orElseThrow(() -> new NotFoundException("staff member"));
        if (actor == null || !(actor.isOperator() || actor.administers(member.facility().value()))) {
            throw new InvalidInputException("staff.suspension.notAllowed");
        }
        return member;
    }

    private static String subject(Facility facility, String fullName) {
        return facility.name() + " / " + fullName;
    }

    private static void requireOperator(Actor actor) {
        if (actor == null || !actor.isOperator()) {
            throw new InvalidInputException("staff.operatorOnly");
        }
    }

    private static String who(Actor actor) {
        return actor.displayName() + " (" + actor.username() + ")";
    }
}
