package org.renkei.consent;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.renkei.access.AccessDecisions;
import org.renkei.access.AccessRequest;
import org.renkei.access.Action;
import org.renkei.access.DataKind;
import org.renkei.access.Decision;
import org.renkei.audit.AuditAction;
import org.renkei.audit.AuditEvent;
import org.renkei.audit.AuditPurpose;
import org.renkei.audit.AuditTrail;
import org.renkei.access.Purpose;
import org.renkei.facility.FacilityId;
import org.renkei.identity.Actor;
import org.renkei.platform.time.JapanTime;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Finding participants (the master patient index, PAR-05) — every answer passes the access decision: staff find
 * only participants who permitted their facility, by their own patient number or by name and birth date, and a
 * participant they may not see is exactly as absent as one who does not exist. The operator sees everyone's
 * registration data (not their records).
 */
@Service
public class ParticipantDirectory {

    /** The most participants one search returns. */
    public static final int SEARCH_LIMIT = 50;

    private final Participants participants;
    private final AccessDecisions access;
    private final AuditTrail audit;

    ParticipantDirectory(Participants participants, AccessDecisions access, AuditTrail audit) {
        this.participants = participants;
        this.access = access;
        this.audit = audit;
    }

    /** The participant, if this person may see who they are; otherwise not found. */
    public Participant get(Actor actor, ParticipantId id, DataKind kind) {
        return find(actor, id, kind).orElseThrow(() -> new NotFoundException("participant"));
    }

    public Optional<Participant> find(Actor actor, ParticipantId id, DataKind kind) {
        Decision decision = access.decide(AccessRequest.of(actor, id.value(), Action.VIEW, kind));
        if (decision.denied()) {
            return Optional.empty();
        }
        Optional<Participant> found = participants.find(id);
        if (found.isPresent()) {
            audit.record(AuditEvent.of(AuditAction.VIEW).by(actor).participant(id.value())
                    .resource(kind == DataKind.CONSENT ? "Consent" : "Patient", id.value())
                    .purpose(decision.auditPurpose()).build());
        }
        return found;
    }

    /** Every participant a search showed, in the audit trail before they are shown (AUD-01). */
    private void searched(Actor actor, List<Participant> shown, AuditPurpose purpose) {
        List<AuditEvent> events = new ArrayList<>(shown.size());
        for (Participant p : shown) {
            events.add(AuditEvent.of(AuditAction.SEARCH).by(actor).participant(p.id().value())
                    .resource("Patient", p.id().value()).purpose(purpose).build());
        }
        audit.recordAll(events);
    }

    /** A participant by the patient number at the person's own facility (PAR-05). */
    public Optional<Participant> byOwnPatientNumber(Actor actor, String patientNumber) {
        return actor.facilityId() == null ? Optional.empty()
                : byPatientNumber(actor, new FacilityId(actor.facilityId()), patientNumber);
    }

    /**
     * A participant by the patient number at a facility (PAR-05): staff only at their own facility (any other
     * facility's numbers find nobody, so that a facility cannot probe where a patient attends), the operator at
     * any facility.
     */
    public Optional<Participant> byPatientNumber(Actor actor, FacilityId facility, String patientNumber) {
        boolean ownFacility = facility.value().equals(actor.facilityId());
        if (!(actor.isOperator() || ownFacility) || patientNumber == null || patientNumber.isBlank()) {
            return Optional.empty();
        }
        List<Participant> found = participants.byPatientNumber(facility, patientNumber.strip())
                .flatMap(participants::find).map(List::of).orElse(List.of());
        List<Participant> shown = access.permitted(actor, Action.FIND, DataKind.PARTICIPANT_PROFILE, found,
                p -> p.id().value());
        searched(actor, shown, null);
        return shown.stream().findFirst();
    }

    /**
     * A search by name (kanji or katakana, from the start of the family name) and birth date. Staff must give
     * both and find only participants who permitted their facility; the operator may search by either.
     */
    public List<Participant> search(Actor actor, String name, LocalDate birthDate) {
        boolean hasName = name != null && !name.isBlank();
        FacilityId permittedAt = null;
        if (actor.isOperator()) {
            if (!hasName && birthDate == null) {
                throw new InvalidInputException("consent.search.criteria");
            }
        } else {
            if (!hasName || birthDate == null) {
                throw new InvalidInputException("consent.search.nameAndBirthDate");
            }
            if (actor.facilityId() == null) {
                return List.of();
            }
            permittedAt = new FacilityId(actor.facilityId());
        }
        List<Participant> found = participants.search(name, birthDate, permittedAt, SEARCH_LIMIT);
        List<Participant> shown = access.permitted(actor, Action.FIND, DataKind.PARTICIPANT_PROFILE, found,
                p -> p.id().value());
        searched(actor, shown, null);
        return shown;
    }

    /**
     * The emergency search (EMG-01): after the emergency button was pressed, participants of the whole network by
     * name (kanji or katakana, from the start of the family name), and by birth date and sex when given — whatever
     * their consent says, but never one who withdrew. Every answer passes the access decision for the emergency
     * purpose, which permits it only in an IC-card session with an open emergency activation; without one, nobody
     * is found.
     */
    public List<Participant> emergencySearch(Actor actor, String name, LocalDate birthDate, Sex sex) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("consent.search.emergencyName");
        }
        List<Participant> found = participants.search(name, birthDate, sex, null, SEARCH_LIMIT);
        List<Participant> shown = access.permitted(actor, Action.FIND, DataKind.PARTICIPANT_PROFILE, Purpose.EMERGENCY,
                found, p -> p.id().value());
        searched(actor, shown, AuditPurpose.EMERGENCY);
        return shown;
    }

    /**
     * A participant by card number (the current card or an earlier one), for anyone who may see them; a number
     * whose check digit is wrong is refused.
     */
    public Optional<Participant> byCardNumber(Actor actor, String cardNumber) {
        String number = CardNumbers.normalize(cardNumber);
        if (!CardNumbers.isValid(number)) {
            throw new InvalidInputException("consent.card.checkDigit");
        }
        return participants.byCard(number).map(Participants.CardHolder::participant)
                .flatMap(id -> find(actor, id, DataKind.PARTICIPANT_PROFILE));
    }

    /** The facilities the participant is linked to, with the patient number at each, for one who may see them. */
    public Map<FacilityId, FacilityLink> links(Actor actor, ParticipantId id) {
        get(actor, id, DataKind.CONSENT);
        return participants.links(id);
    }

    /** The participant's patient number at a facility, if linked. */
    public Optional<String> patientNumberAt(Actor actor, ParticipantId id, FacilityId facility) {
        get(actor, id, DataKind.PARTICIPANT_PROFILE);
        return Optional.ofNullable(participants.links(id).get(facility)).map(FacilityLink::patientNumber);
    }

    /** The participant's current registered consent. */
    public ConsentState consent(Actor actor, ParticipantId id) {
        get(actor, id, DataKind.CONSENT);
        return participants.state(id);
    }

    /** Every registered state, newest first (CON-09). */
    public List<HistoryEntry> history(Actor actor, ParticipantId id) {
        get(actor, id, DataKind.CONSENT);
        return participants.history(id);
    }

    /** The consent state at the end of a past day (Japan time), or NONE before the first registration (CON-09). */
    public ConsentState consentOn(Actor actor, ParticipantId id, LocalDate day) {
        get(actor, id, DataKind.CONSENT);
        var endOfDay = day.plusDays(1).atTime(LocalTime.MIDNIGHT).atZone(JapanTime.ZONE).toInstant();
        return participants.stateAt(id, endOfDay.minusNanos(1)).map(HistoryEntry::state).orElse(ConsentState.NONE);
    }

    /**
     * Groups of likely duplicates (same name, birth date and sex) for the operator (PAR-05), through the access
     * decision like any list, and in the audit trail as shown.
     */
    public List<List<Participant>> likelyDuplicates(Actor actor) {
        if (!actor.isOperator()) {
            throw new InvalidInputException("consent.operatorOnly");
        }
        List<List<Participant>> groups = new ArrayList<>();
        List<Participant> shown = new ArrayList<>();
        for (List<Participant> group : participants.likelyDuplicates()) {
            List<Participant> permitted = access.permitted(actor, Action.FIND, DataKind.PARTICIPANT_PROFILE, group,
                    p -> p.id().value());
            if (permitted.size() > 1) {
                groups.add(permitted);
                shown.addAll(permitted);
            }
        }
        searched(actor, shown, null);
        return groups;
    }
}
