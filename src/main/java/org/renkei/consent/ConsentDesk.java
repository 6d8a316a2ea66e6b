package org.renkei.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.renkei.access.AccessChanges;
import org.renkei.audit.AuditAction;
import org.renkei.audit.AuditEvent;
import org.renkei.audit.AuditTrail;
import org.renkei.calendar.BusinessCalendar;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.identity.Actor;
import org.renkei.notice.FacilityNotices;
import org.renkei.platform.time.JapanTime;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The consent forms' desk: reception enters a form, it waits in the operator's queue, the operator registers it
 * (due within {@value #DUE_BUSINESS_DAYS} business days of receipt, PAR-02, CON-07) or rejects it with a reason.
 * Only a registered form changes a participant's consent; until then the previous state holds.
 */
@Service
public class ConsentDesk {

    /** Registration is due within this many business days of receipt (PAR-02, CON-07). */
    public static final int DUE_BUSINESS_DAYS = 3;

    /** The largest scanned image kept with a form. */
    public static final int MAX_SCAN_BYTES = 5 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ConsentDesk.class);

    private final ConsentForms forms;
    private final Participants participants;
    private final FacilityRegistry facilities;
    private final BusinessCalendar calendar;
    private final FacilityNotices notices;
    private final AccessChanges accessChanges;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuditTrail audit;

    ConsentDesk(ConsentForms forms, Participants participants, FacilityRegistry facilities, BusinessCalendar calendar,
            FacilityNotices notices, AccessChanges accessChanges, TransactionTemplate transactions, Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.forms = forms;
        this.participants = participants;
        this.facilities = facilities;
        this.calendar = calendar;
        this.notices = notices;
        this.accessChanges = accessChanges;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Records a paper form in the queue. Reception staff and the administrator enter forms received at their own
     * facility; the support centre enters faxed forms for any facility. A bad form is refused with its reason and
     * nothing is written.
     */
    @Transactional
    public UUID enter(FormEntry form, Actor actor) {
        String via;
        if (actor.isOperator()) {
            via = "FAX";
        } else if (actor.facilityId() != null && form.receivingFacility() != null
                && actor.facilityId().equals(form.receivingFacility().value())) {
            via = "FACILITY";
        } else {
            throw new InvalidInputException("consent.enter.notYourFacility");
        }
        if (form.scan() != null && form.scan().content().length > MAX_SCAN_BYTES) {
            throw new InvalidInputException("consent.scan.tooLarge", MAX_SCAN_BYTES / (1024 * 1024));
        }
        LocalDate today = JapanTime.today(clock);
        FormRules.Concerned concerned = concerned(form, null);
        check(form, today, concerned);
        UUID id = UUID.randomUUID();
        forms.insert(id, form, concerned == null ? null : concerned.participant().id(),
                calendar.addBusinessDays(form.receivedOn(), DUE_BUSINESS_DAYS), via, who(actor), clock.instant());
        log.info("Consent form {} ({}) entered via {}", id, form.kind(), via);
        audit.recordAfterCommit(AuditEvent.of(AuditAction.STORE).by(actor)
                .participant(concerned == null ? null : concerned.participant().id().value())
                .resource("ConsentForm", id).detail("kind=" + form.kind() + " via=" + via).build());
        return id;
    }

    /**
     * Registers a form: the participant's consent changes now, for every node's next access decision. The form is
     * checked again against the state as it is now.
     *
     * @return the participant the form concerns (a new one for a first new form)
     */
    @Transactional
    public ParticipantId register(UUID formId, Actor operator) {
        requireOperator(operator);
        ConsentForm form = forms.lock(formId).orElseThrow(() -> new NotFoundException("consent form"));
        if (!form.pending()) {
            throw new InvalidInputException("consent.register.notPending");
        }
        Instant now = clock.instant();
        LocalDate today = JapanTime.today(clock);
        FormEntry entry = entryOf(form);

        ParticipantId id;
        ConsentState before;
        String card;
        if (form.kind() == FormKind.NEW) {
            Optional<ParticipantId> earlier = earlierParticipant(entry);
            check(entry, today, null);
            if (earlier.isPresent()) {
                id = earlier.get();
                participants.lock(id);
                participants.rejoin(id, today, now);
                participants.updateDetails(id, entry.patient(), now);
                card = newCardNumber();
                participants.replaceCard(id, card, "rejoined", now);
            } else {
                id = new ParticipantId(UUID.randomUUID());
                card = newCardNumber();
                participants.insert(id, card, entry.patient(), today, now);
            }
            before = ConsentState.NONE;
        } else {
            id = form.participant();
            Participant participant = participants.lock(id).orElseThrow();
            FormRules.Concerned concerned = concerned(entry, id);
            check(entry, today, concerned);
            before = concerned.state();
            card = participant.cardNumber();
        }

        Set<FacilityId> permit = listed(entry, Listing.PERMIT);
        ConsentState after = switch (form.kind()) {
            case NEW -> before.joined(permit);
            case ADD -> before.added(permit);
            case CHANGE -> before.changed(listed(entry, Listing.DENY), listed(entry, Listing.LIFT));
            case WITHDRAWAL -> before.withdrawn();
            case CARD_REISSUE -> before;
        };
        switch (form.kind()) {
            case CHANGE -> {
                if (entry.patient() != null) {
                    participants.updateDetails(id, entry.patient(), now);
                }
            }
            case WITHDRAWAL -> participants.withdraw(id, today, entry.deletionRequested(), now);
            case CARD_REISSUE -> {
                card = newCardNumber();
                participants.replaceCard(id, card, "re-issued", now);
            }
            default -> {
            }
        }
        Map<FacilityId, String> numbers = new HashMap<>();
        entry.listed().forEach(l -> numbers.put(l.facility(), l.patientNumber()));
        Set<FacilityId> touched = new LinkedHashSet<>(after.permitted());
        touched.addAll(after.denied());
        touched.addAll(before.permitted());
        touched.addAll(before.denied());
        touched.addAll(numbers.keySet());
        for (FacilityId facility : touched) {
            participants.link(id, facility, numbers.get(facility), after.permitted().contains(facility),
                    after.denied().contains(facility), now);
        }
        participants.recordHistory(id, now, formId, after, card, who(operator));
        forms.registered(formId, id, form.kind() == FormKind.NEW || form.kind() == FormKind.CARD_REISSUE ? card : null,
                who(operator), now);
        accessChanges.participantChanged(id.value());
        log.info("Consent form {} ({}) registered for participant {}", formId, form.kind(), id);
        audit.recordAfterCommit(AuditEvent.of(AuditAction.CONSENT_REGISTRATION).by(operator).participant(id.value())
                .resource("ConsentForm", formId).detail("registered kind=" + form.kind()).build());
        return id;
    }

    /** Rejects a form with a reason; the receiving facility is told. Nothing else changes. */
    @Transactional
    public void reject(UUID formId, String reason, Actor operator) {
        requireOperator(operator);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("consent.reject.reason.missing");
        }
        ConsentForm form = forms.lock(formId).orElseThrow(() -> new NotFoundException("consent form"));
        if (!form.pending()) {
            throw new InvalidInputException("consent.register.notPending");
        }
        forms.rejected(formId, reason.strip(), who(operator), clock.instant());
        audit.recordAfterCommit(AuditEvent.of(AuditAction.CONSENT_REGISTRATION).by(operator)
                .participant(form.participant() == null ? null : form.participant().value())
                .resource("ConsentForm", formId).detail("rejected kind=" + form.kind()).build());
        notices.send(form.receivingFacility().value(), "CONSENT_FORM_REJECTED",
                "参加同意書等の返戻（" + kindJa(form.kind()) + "、" + form.receivedOn() + " 受付）",
                "受付日 " + form.receivedOn() + " の" + kindJa(form.kind()) + "は登録されませんでした。理由: "
                        + reason.strip() + "\n様式番号: " + formId);
    }

    /** The operator's queue: pending forms, the most urgent first. */
    public List<ConsentForm> queue(Actor operator) {
        requireOperator(operator);
        return forms.pending();
    }

    /** Any form, for the operator. */
    public ConsentForm form(UUID id, Actor operator) {
        requireOperator(operator);
        return find(id);
    }

    /** A form as its receiving facility sees it: only that facility's own forms. */
    public ConsentForm formOfFacility(UUID id, Actor actor) {
        return forms.find(id).filter(f -> f.receivingFacility().value().equals(actor.facilityId()))
                .orElseThrow(() -> new NotFoundException("consent form"));
    }

    /** The forms the person's facility entered or that were faxed for it, newest first. */
    public List<ConsentForm> formsOf(Actor actor) {
        return actor.facilityId() == null ? List.of() : forms.enteredAt(new FacilityId(actor.facilityId()), 200);
    }

    /** A participant's forms, for the operator. */
    public List<ConsentForm> formsOfParticipant(ParticipantId participant, Actor operator) {
        requireOperator(operator);
        return forms.ofParticipant(participant);
    }

    /** A form's scanned image, for the operator. */
    public Optional<FormEntry.Scan> scan(UUID formId, Actor operator) {
        requireOperator(operator);
        return forms.scan(formId);
    }

    private ConsentForm find(UUID id) {
        return forms.find(id).orElseThrow(() -> new NotFoundException("consent form"));
    }

    /**
     * What registering the form would meet now: the problem that would refuse it, and participants with the
     * same name, birth date and sex (likely duplicates, PAR-05).
     */
    @Transactional(readOnly = true)
    public Review review(UUID formId, Actor operator) {
        ConsentForm form = form(formId, operator);
        if (!form.pending()) {
            return new Review(Optional.empty(), List.of());
        }
        FormEntry entry = entryOf(form);
        LocalDate today = JapanTime.today(clock);
        Optional<FormRules.Problem> problem;
        List<Participant> similar = List.of();
        try {
            if (form.kind() == FormKind.NEW) {
                earlierParticipant(entry);
                similar = participants.sameIdentity(entry.patient());
                problem = FormRules.problem(entry, today, this::activeMember, null);
            } else {
                problem = FormRules.problem(entry, today, this::activeMember, concerned(entry, form.participant()));
            }
        } catch (InvalidInputException e) {
            problem = Optional.of(new FormRules.Problem(e.messageKey(), e.arguments()));
        }
        return new Review(problem.map(p -> new InvalidInputException(p.key(), p.arguments())), similar);
    }

    /** What registering a form would meet now. */
    public record Review(Optional<InvalidInputException> problem, List<Participant> similar) {
    }

    /** Tells each receiving facility about its forms that are past their due date (once per form). */
    @Scheduled(cron = "0 10 * * * *", zone = "Asia/Tokyo")
    @EventListener(ApplicationReadyEvent.class)
    void hourly() {
        notifyLate(JapanTime.today(clock));
    }

    /**
     * Tells receiving facilities about forms past their due date; returns how many were told. Each form's mark and
     * its notice are written together; safe to repeat and to run on several nodes.
     */
    public int notifyLate(LocalDate today) {
        int told = 0;
        for (ConsentForm form : forms.lateUnnotified(today)) {
            Boolean sent = transactions.execute(tx -> {
                if (!forms.markLateNotified(form.id(), clock.instant())) {
                    return false;
                }
                notices.send(form.receivingFacility().value(), "CONSENT_FORM_LATE",
                        "参加同意書等の登録遅延（" + kindJa(form.kind()) + "、" + form.receivedOn() + " 受付）",
                        "受付日 " + form.receivedOn() + " の" + kindJa(form.kind()) + "は登録期限 " + form.dueOn()
                                + " を過ぎていますが、まだ登録されていません。登録されるまでは以前の同意の状態が続きます。\n様式番号: "
                                + form.id());
                return true;
            });
            if (Boolean.TRUE.equals(sent)) {
                told++;
            }
        }
        return told;
    }

    // ---

    private void check(FormEntry form, LocalDate today, FormRules.Concerned concerned) {
        FormRules.problem(form, today, this::activeMember, concerned).ifPresent(p -> {
            throw new InvalidInputException(p.key(), p.arguments());
        });
    }

    private boolean activeMember(FacilityId id) {
        return facilities.isActive(id);
    }

    /** The participant a non-new form names: by the card, or on a re-issue by the receiving facility's number. */
    private FormRules.Concerned concerned(FormEntry form, ParticipantId known) {
        if (form.kind() == null || !form.kind().concernsParticipant()) {
            return null;
        }
        ParticipantId id = known;
        boolean invalidated = false;
        if (id == null && form.cardNumber() != null && CardNumbers.isValid(form.cardNumber())) {
            var holder = participants.byCard(form.cardNumber()).orElse(null);
            if (holder != null) {
                id = holder.participant();
                invalidated = holder.invalidated();
            }
        } else if (id == null && form.cardNumber() == null && form.patientNumber() != null
                && form.receivingFacility() != null) {
            id = participants.byPatientNumber(form.receivingFacility(), form.patientNumber()).orElse(null);
        }
        if (id == null) {
            return null;
        }
        Participant participant = participants.find(id).orElse(null);
        if (participant == null) {
            return null;
        }
        if (known != null && form.cardNumber() != null) {
            invalidated = participants.byCard(form.cardNumber()).map(Participants.CardHolder::invalidated).orElse(false);
        }
        return new FormRules.Concerned(participant, participants.state(id), participants.links(id), invalidated);
    }

    /**
     * For a new form: the participant some listed patient number already belongs to. One who withdrew joins
     * again; one who still takes part needs an add form instead.
     */
    private Optional<ParticipantId> earlierParticipant(FormEntry form) {
        Set<ParticipantId> found = new LinkedHashSet<>();
        for (ListedFacility listed : form.listed()) {
            if (listed.facility() != null && listed.patientNumber() != null) {
                participants.byPatientNumber(listed.facility(), listed.patientNumber()).ifPresent(found::add);
            }
        }
        if (found.size() > 1) {
            throw new InvalidInputException("consent.new.numbersOfSeveral");
        }
        for (ParticipantId id : found) {
            if (participants.find(id).map(Participant::participating).orElse(false)) {
                throw new InvalidInputException("consent.new.alreadyParticipant");
            }
        }
        return found.stream().findFirst();
    }

    private String newCardNumber() {
        for (int i = 0; i < 20; i++) {
            String number = CardNumbers.next();
            if (!participants.cardNumberUsed(number)) {
                return number;
            }
        }
        throw new IllegalStateException("no free participant card number found");
    }

    private static Set<FacilityId> listed(FormEntry entry, Listing listing) {
        Set<FacilityId> set = new LinkedHashSet<>();
        entry.listed().stream().filter(l -> l.listing() == listing).forEach(l -> set.add(l.facility()));
        return set;
    }

    static FormEntry entryOf(ConsentForm f) {
        return new FormEntry(f.kind(), f.receivingFacility(), f.explainedBy(), f.signer(), f.signerName(),
                f.signerRelationship(), f.identityDocument(), f.coSignerName(),
                f.signer() == Signer.FAMILY || f.signer() == Signer.RELATIVE, f.patient(), f.cardNumber(),
                f.patientNumber(), new ArrayList<>(f.listed()), f.deletionRequested(), f.receivedOn(), null);
    }

    static String kindJa(FormKind kind) {
        return switch (kind) {
            case NEW -> "参加同意書（新規）";
            case ADD -> "参加同意書（追加）";
            case CHANGE -> "変更届";
            case WITHDRAWAL -> "撤回届";
            case CARD_REISSUE -> "参加者カード再発行申請";
        };
    }

    private static void requireOperator(Actor actor) {
        if (actor == null || !actor.isOperator()) {
            throw new InvalidInputException("consent.operatorOnly");
        }
    }

    static String who(Actor actor) {
        return actor.displayName() + " (" + actor.username() + ")";
    }
}
