package org.renkei.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.renkei.audit.AuditAction;
import org.renkei.audit.AuditEvent;
import org.renkei.audit.AuditTrail;
import org.renkei.facility.FacilityId;
import org.renkei.identity.Actor;
import org.renkei.identity.CardRevocationReason;
import org.renkei.identity.NetworkCardAuthority;
import org.renkei.platform.web.InvalidInputException;
import org.renkei.platform.web.NotFoundException;
import org.renkei.staff.StaffMember;
import org.renkei.staff.StaffRegistry;
import org.renkei.staff.StaffStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting and tracking incidents (AUD-05). A facility administrator reports for their own facility, and may stop
 * the user concerned at once (USR-07): in the same transaction as the report the user is suspended (which ends
 * their sessions and makes every access decision deny) and, for a lost card, their network user cards are revoked.
 * The operator moves an incident forward — reported, investigating, closed — each step with a note. Every act is
 * audited ({@link AuditAction#INCIDENT}), durably before the transaction commits: no act without its entry.
 */
@Service
public class IncidentDesk {

    static final int DESCRIPTION_MAX = 4000;
    static final int DEVICE_MAX = 200;
    static final int NOTE_MAX = 4000;
    /** A report may name a time this little after now (clocks differ). */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    private final Incidents incidents;
    private final StaffRegistry staff;
    private final NetworkCardAuthority cards;
    private final AuditTrail audit;
    private final Clock clock;

    IncidentDesk(Incidents incidents, StaffRegistry staff, NetworkCardAuthority cards, AuditTrail audit, Clock clock) {
        this.incidents = incidents;
        this.staff = staff;
        this.cards = cards;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A facility administrator — or a user logged in with an IC card — reports an incident of their own facility;
     * nothing is stored if a rule is broken. Only the administrator may stop a user's access with the report.
     */
    @Transactional
    public UUID report(IncidentReport report, Actor actor) {
        if (!mayReport(actor)) {
            throw new InvalidInputException("incident.report.notAllowed");
        }
        if (report.suspendUser() && actor.kind() != Actor.AccountKind.FACILITY_ADMINISTRATOR) {
            throw new InvalidInputException("incident.suspend.administratorOnly");
        }
        FacilityId facility = new FacilityId(actor.facilityId());
        Instant now = clock.instant();
        if (report.kind() == null) {
            throw new InvalidInputException("incident.kind.missing");
        }
        if (report.noticedAt() == null) {
            throw new InvalidInputException("incident.noticedAt.missing");
        }
        if (report.noticedAt().isAfter(now.plus(CLOCK_SLACK))) {
            throw new InvalidInputException("incident.noticedAt.future");
        }
        String description = text(report.description());
        if (description == null) {
            throw new InvalidInputException("incident.description.missing");
        }
        if (description.length() > DESCRIPTION_MAX) {
            throw new InvalidInputException("incident.description.tooLong", DESCRIPTION_MAX);
        }
        String device = text(report.device());
        if (device != null && device.length() > DEVICE_MAX) {
            throw new InvalidInputException("incident.device.tooLong", DEVICE_MAX);
        }
        StaffMember concerned = null;
        if (report.staff() != null) {
            concerned = staff.find(report.staff()).filter(m -> m.facility().equals(facility))
                    .orElseThrow(() -> new InvalidInputException("incident.staff.notOwn"));
        }
        if (report.suspendUser() && concerned == null) {
            throw new InvalidInputException("incident.suspend.noUser");
        }

        UUID id = UUID.randomUUID();
        boolean suspended = false;
        int revoked = 0;
        if (report.suspendUser()) {
            if (concerned.status() == StaffStatus.ACTIVE) {
                staff.suspend(concerned.id(), "incident " + id + ": " + report.kind(), actor);
                suspended = true;
            }
            if (report.kind() == IncidentKind.LOST_CARD) {
                revoked = cards.revokeAllOf(concerned.id().value(), CardRevocationReason.KEY_COMPROMISE,
                        who(actor) + " (incident " + id + ")");
            }
        }
        incidents.insert(new Incident(id, facility, report.kind(), report.noticedAt(), description,
                concerned == null ? null : concerned.id(), device, IncidentStatus.REPORTED, suspended, revoked, now,
                who(actor), now));
        incidents.addStep(id, now, IncidentStatus.REPORTED, null, who(actor));
        audit.record(AuditEvent.of(AuditAction.INCIDENT).by(actor).resource("Incident", id)
                .detail("reported kind=" + report.kind()
                        + (concerned == null ? "" : ", user=" + concerned.id())
                        + (suspended ? ", user suspended" : "") + (revoked > 0 ? ", cards revoked=" + revoked : ""))
                .build());
        return id;
    }

    /** Whether this person may report incidents: a facility administrator, or a user with an IC-card login. */
    public static boolean mayReport(Actor actor) {
        if (actor == null || actor.facilityId() == null) {
            return false;
        }
        return actor.kind() == Actor.AccountKind.FACILITY_ADMINISTRATOR
                || (actor.isStaff() && actor.authLevel() != null && actor.authLevel().isCard());
    }

    /** The operator puts the incident in a state (forward only; the same state adds a note), with a note. */
    @Transactional
    public void advance(UUID id, IncidentStatus to, String note, Actor operator) {
        if (operator == null || !operator.isOperator()) {
            throw new InvalidInputException("incident.operatorOnly");
        }
        Incident incident = incidents.lock(id).orElseThrow(() -> new NotFoundException("incident"));
        if (to == null) {
            throw new InvalidInputException("incident.status.missing");
        }
        if (!incident.status().mayMoveTo(to)) {
            throw new InvalidInputException("incident.status.notAllowed");
        }
        String text = text(note);
        if (text == null) {
            throw new InvalidInputException("incident.note.missing");
        }
        if (text.length() > NOTE_MAX) {
            throw new InvalidInputException("incident.note.tooLong", NOTE_MAX);
        }
        Instant now = clock.instant();
        incidents.updateStatus(id, to, now);
        incidents.addStep(id, now, to, text, who(operator));
        audit.record(AuditEvent.of(AuditAction.INCIDENT).by(operator).resource("Incident", id)
                .detail(incident.status() == to ? "noted in " + to : incident.status() + " -> " + to).build());
    }

    /** Every incident, open ones first (the oldest first), for the operator. */
    public List<Incident> all(Actor operator) {
        requireOperator(operator);
        return incidents.all();
    }

    /** The administrator's own facility's incidents. */
    public List<Incident> ofOwnFacility(Actor administrator) {
        if (administrator == null || administrator.facilityId() == null) {
            return List.of();
        }
        return incidents.ofFacility(new FacilityId(administrator.facilityId()));
    }

    /** An incident for the operator or its own facility's administrator; not found for anyone else. */
    public Incident get(UUID id, Actor actor) {
        return incidents.find(id).filter(i -> actor != null
                        && (actor.isOperator() || actor.administers(i.facility().value())))
                .orElseThrow(() -> new NotFoundException("incident"));
    }

    public List<Incident.Step> steps(UUID id, Actor actor) {
        get(id, actor);
        return incidents.steps(id);
    }

    private static void requireOperator(Actor actor) {
        if (actor == null || !actor.isOperator()) {
            throw new InvalidInputException("incident.operatorOnly");
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String who(Actor actor) {
        return actor.displayName() + " (" + actor.username() + ")";
    }
}
