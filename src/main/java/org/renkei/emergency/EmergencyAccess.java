package org.renkei.emergency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.renkei.access.AccessChanges;
import org.renkei.access.AccessDecisions;
import org.renkei.access.AccessRequest;
import org.renkei.access.Action;
import org.renkei.access.DataKind;
import org.renkei.access.Decision;
import org.renkei.access.Purpose;
import org.renkei.audit.AuditAction;
import org.renkei.audit.AuditEvent;
import org.renkei.audit.AuditPurpose;
import org.renkei.audit.AuditTrail;
import org.renkei.consent.Participant;
import org.renkei.consent.ParticipantDirectory;
import org.renkei.consent.ParticipantId;
import org.renkei.consent.Sex;
import org.renkei.facility.Facility;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.identity.Actor;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffMember;
import org.renkei.staff.StaffRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Emergency access (EMG-01…EMG-04), step by step: the button pressed with a reason (an activation), the search
 * over all participants, one participant opened (a grant), and the operator's review.
 *
 * <p>Only a staff member logged in with an IC card (EMG-03) at a facility of a kind that gives emergency care
 * ({@code renkei.emergency.facility-kinds}) may press the button; any other attempt is refused and audited as
 * refused. An activation lets the user search for {@code renkei.emergency.search-duration}; a grant opens one
 * participant's data, read-only and for this user only, for {@code renkei.emergency.grant-duration}. Both are
 * written with a change to the access journal in the same transaction, and the access decision — not this class —
 * decides every access they open. Each step is audited (purpose EMERGENCY) and durable before anything is shown.
 */
@Service
public class EmergencyAccess {

    /** The most reviewed activations the review page lists. */
    static final int REVIEWED_SHOWN = 50;

    private static final int REASON_TEXT_MAX = 1000;
    private static final int NOTE_MAX = 2000;

    private final EmergencyStore store;
    private final EmergencySettings settings;
    private final AccessDecisions access;
    private final AccessChanges changes;
    private final ParticipantDirectory directory;
    private final FacilityRegistry facilities;
    private final StaffRegistry staff;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    EmergencyAccess(EmergencyStore store, EmergencySettings settings, AccessDecisions access, AccessChanges changes,
            ParticipantDirectory directory, FacilityRegistry facilities, StaffRegistry staff, AuditTrail audit,
            Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.settings = settings;
        this.access = access;
        this.changes = changes;
        this.directory = directory;
        this.facilities = facilities;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    // --- the button

    /**
     * Whether the staff member's facility gives emergency care and their profession is one that gives it, so that
     * the start page shows the button.
     */
    public boolean offeredTo(Actor actor) {
        return actor != null && actor.isStaff() && actor.facilityId() != null && emergencyFacility(actor)
                && settings.professions().contains(actor.profession());
    }

    /**
     * May this session press the button? A refusal (not a card session, not a facility that gives emergency care)
     * is audited as refused and thrown.
     */
    void requireButton(Actor actor, String step) {
        if (actor == null || !actor.isStaff() || actor.staffId() == null || actor.facilityId() == null) {
            refuse(actor, step, "NOT_STAFF", "emergency.refused.session", null);
        }
        if (actor.authLevel() == null || !actor.authLevel().mayUseEmergencyAccess()) {
            refuse(actor, step, "CARD_REQUIRED", "emergency.refused.card", null);
        }
        if (!emergencyFacility(actor)) {
            refuse(actor, step, "FACILITY_KIND", "emergency.refused.facility", null);
        }
        if (!settings.professions().contains(actor.profession())) {
            refuse(actor, step, "PROFESSION", "emergency.refused.profession", null);
        }
    }

    /**
     * The button pressed with a reason (EMG-01, EMG-04): an activation that lets the user find any participant for
     * a short time. Bad input (no reason, "other" without text) changes nothing.
     */
    Activation press(Actor actor, EmergencyReason reason, String reasonText) {
        requireButton(actor, "press");
        String text = reasonText == null || reasonText.isBlank() ? null : reasonText.strip();
        if (reason == null) {
            throw new InvalidInputException("emergency.reason.missing");
        }
        if (reason == EmergencyReason.OTHER && text == null) {
            throw new InvalidInputException("emergency.reason.text.missing");
        }
        if (text != null && text.length() > REASON_TEXT_MAX) {
            throw new InvalidInputException("emergency.reason.text.tooLong", REASON_TEXT_MAX);
        }
        Instant now = clock.instant();
        Activation activation = new Activation(UUID.randomUUID(), actor.staffId(), actor.displayName(),
                actor.accountId(), actor.authLevel().name(), actor.facilityId(), reason, text, now,
                now.plus(settings.searchDuration()), null, ReviewState.PENDING, null, null, null, null, false);
        tx.executeWithoutResult(s -> {
            store.insert(activation);
            changes.emergencyChanged(actor.staffId());
            audit.record(AuditEvent.of(AuditAction.EMERGENCY_ACCESS).by(actor)
                    .resource("EmergencyActivation", activation.id()).purpose(AuditPurpose.EMERGENCY)
                    .detail(reasonDetail("pressed", activation) + "; until=" + activation.expiresAt()).build());
        });
        return activation;
    }

    /** The user's activation that is open now, in a session that may use the button. */
    Optional<Activation> openActivation(Actor actor) {
        if (actor == null || actor.staffId() == null || actor.authLevel() == null
                || !actor.authLevel().mayUseEmergencyAccess()) {
            return Optional.empty();
        }
        return store.openActivation(actor.staffId(), clock.instant());
    }

    /**
     * The emergency search over all participants (EMG-01), through the access decision for the emergency purpose;
     * audited as an emergency search with the number of results.
     */
    List<Participant> search(Actor actor, String name, LocalDate birthDate, Sex sex) {
        requireButton(actor, "search");
        Activation activation = openActivation(actor)
                .orElseThrow(() -> refusal(actor, "search", "NO_ACTIVATION", "emergency.refused.noActivation", null));
        List<Participant> found = directory.emergencySearch(actor, name, birthDate, sex);
        audit.record(AuditEvent.of(AuditAction.SEARCH).by(actor).resource("EmergencyActivation", activation.id())
                .purpose(AuditPurpose.EMERGENCY)
                .detail("emergency search; birthDate=" + (birthDate != null) + "; sex=" + (sex != null)
                        + "; results=" + found.size())
                .build());
        return found;
    }

    /** Opens the participant's records for this user, read-only, for the configured time (EMG-01, EMG-04). */
    Grant open(Actor actor, UUID participant) {
        return open(actor, participant, settings.grantDuration());
    }

    /**
     * Opens the participant for the given time: only under an open activation, and only for a participant the
     * access decision lets this user find for the emergency purpose (anyone who takes part — never one who
     * withdrew). A refused participant is answered as not found (CON-01), and audited as refused.
     */
    Grant open(Actor actor, UUID participant, Duration duration) {
        requireButton(actor, "open");
        Activation activation = openActivation(actor)
                .orElseThrow(() -> refusal(actor, "open", "NO_ACTIVATION", "emergency.refused.noActivation",
                        participant));
        Decision decision = access.decide(new AccessRequest(actor, participant, Action.FIND,
                DataKind.PARTICIPANT_PROFILE, Purpose.EMERGENCY));
        if (decision.denied()) {
            audit.recordLater(AuditEvent.of(AuditAction.EMERGENCY_ACCESS).by(actor).participant(participant)
                    .resource("EmergencyActivation", activation.id()).purpose(AuditPurpose.EMERGENCY).denied()
                    .detail("open refused; decision=" + decision.reason()).build());
            throw new NotFoundException("participant");
        }
        Instant now = clock.instant();
        Grant grant = new Grant(UUID.randomUUID(), activation.id(), actor.staffId(), participant, now,
                now.plus(duration), null);
        tx.executeWithoutResult(s -> {
            store.insert(grant);
            changes.emergencyChanged(actor.staffId());
            audit.record(AuditEvent.of(AuditAction.EMERGENCY_ACCESS).by(actor).participant(participant)
                    .resource("EmergencyGrant", grant.id()).purpose(AuditPurpose.EMERGENCY)
                    .detail(reasonDetail("opened", activation) + "; activation=" + activation.id() + "; until="
                            + grant.expiresAt())
                    .build());
        });
        return grant;
    }

    /** The participants this user has open now, with their names (through the access decision). */
    List<OpenParticipant> openParticipants(Actor actor) {
        if (actor == null || actor.staffId() == null) {
            return List.of();
        }
        List<OpenParticipant> result = new ArrayList<>();
        for (Grant grant : store.openGrants(actor.staffId(), clock.instant())) {
            directory.find(actor, new ParticipantId(grant.participantId()),
                    DataKind.PARTICIPANT_PROFILE)
                    .ifPresent(p -> result.add(new OpenParticipant(p, grant.expiresAt())));
        }
        return result;
    }

    /** A participant the user has open, and until when. */
    record OpenParticipant(Participant participant, Instant until) {
    }

    // --- the operator's review (EMG-04)

    /** One activation as the review page shows it: who, where, why, and whom they opened. */
    record ReviewItem(Activation activation, String facilityName, List<ReviewedGrant> grants) {
    }

    /** A participant opened under an activation; the name only when the operator may see who they are. */
    record ReviewedGrant(Grant grant, String participantName) {
    }

    List<ReviewItem> pending(Actor operator) {
        requireOperator(operator);
        return items(operator, store.pending());
    }

    List<ReviewItem> reviewed(Actor operator) {
        requireOperator(operator);
        return items(operator, store.reviewed(REVIEWED_SHOWN));
    }

    /** The operator finds the emergency access justified. */
    void confirm(UUID activationId, String note, Actor operator) {
        requireOperator(operator);
        String text = clipNote(note);
        tx.executeWithoutResult(s -> {
            Activation a = pendingActivation(activationId);
            store.review(a.id(), ReviewState.CONFIRMED, operator.accountId(), operator.displayName(),
                    clock.instant(), text, false);
            audit.record(AuditEvent.of(AuditAction.ADMINISTRATION).by(operator)
                    .resource("EmergencyActivation", a.id()).detail("emergency review=CONFIRMED").build());
        });
    }

    /**
     * The operator flags the emergency access as misuse (a note is required): the activation and its grants end at
     * once, and the user is suspended when asked (USR-07, through the staff module).
     */
    void misuse(UUID activationId, String note, boolean suspendUser, Actor operator) {
        requireOperator(operator);
        String text = clipNote(note);
        if (text == null) {
            throw new InvalidInputException("emergency.review.note.missing");
        }
        tx.executeWithoutResult(s -> {
            Activation a = pendingActivation(activationId);
            Instant now = clock.instant();
            store.end(a.id(), now);
            changes.emergencyChanged(a.staffId());
            boolean suspended = false;
            if (suspendUser) {
                StaffMember member = staff.get(new StaffId(a.staffId()));
                if (member.isActive()) {
                    staff.suspend(member.id(), "emergency access misuse: " + text, operator);
                    suspended = true;
                }
            }
            store.review(a.id(), ReviewState.MISUSE, operator.accountId(), operator.displayName(), now, text,
                    suspended);
            audit.record(AuditEvent.of(AuditAction.ADMINISTRATION).by(operator)
                    .resource("EmergencyActivation", a.id())
                    .detail("emergency review=MISUSE; staff=" + a.staffId() + "; suspended=" + suspended).build());
        });
    }

    // --- helpers

    private boolean emergencyFacility(Actor actor) {
        return facilities.find(new FacilityId(actor.facilityId())).map(Facility::kind)
                .filter(settings.facilityKinds()::contains).isPresent();
    }

    private void refuse(Actor actor, String step, String why, String messageKey, UUID participant) {
        throw refusal(actor, step, why, messageKey, participant);
    }

    private EmergencyRefusedException refusal(Actor actor, String step, String why, String messageKey,
            UUID participant) {
        audit.recordLater(AuditEvent.of(AuditAction.EMERGENCY_ACCESS).by(actor).participant(participant)
                .purpose(AuditPurpose.EMERGENCY).denied().detail(step + " refused; reason=" + why).build());
        return new EmergencyRefusedException(messageKey);
    }

    private static String reasonDetail(String step, Activation a) {
        return step + "; reason=" + a.reason() + (a.reasonText() == null ? "" : "; text=" + a.reasonText());
    }

    private Activation pendingActivation(UUID id) {
        Activation a = store.lock(id).orElseThrow(() -> new NotFoundException("emergency activation"));
        if (a.reviewState() != ReviewState.PENDING) {
            throw new InvalidInputException("emergency.review.done");
        }
        return a;
    }

    private List<ReviewItem> items(Actor operator, List<Activation> activations) {
        var names = facilities.names();
        List<ReviewItem> items = new ArrayList<>(activations.size());
        for (Activation a : activations) {
            List<ReviewedGrant> grants = new ArrayList<>();
            for (Grant g : store.grantsOf(a.id())) {
                String name = directory.find(operator, new ParticipantId(g.participantId()),
                        DataKind.PARTICIPANT_PROFILE).map(p -> p.details().fullName()).orElse(null);
                grants.add(new ReviewedGrant(g, name));
            }
            items.add(new ReviewItem(a, names.getOrDefault(new FacilityId(a.facilityId()), ""), grants));
        }
        return items;
    }

    private static String clipNote(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String text = note.strip();
        if (text.length() > NOTE_MAX) {
            throw new InvalidInputException("emergency.review.note.tooLong", NOTE_MAX);
        }
        return text;
    }

    private static void requireOperator(Actor actor) {
        if (actor == null || !actor.isOperator()) {
            throw new InvalidInputException("emergency.operatorOnly");
        }
    }
}
