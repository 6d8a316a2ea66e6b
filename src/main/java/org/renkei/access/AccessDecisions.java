package org.renkei.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.renkei.audit.AuditAction;
import org.renkei.audit.AuditEvent;
import org.renkei.audit.AuditPurpose;
import org.renkei.audit.AuditTrail;
import org.renkei.facility.FacilityRegistry;
import org.renkei.identity.Actor;
import org.renkei.platform.database.CommittedVersions;
import org.renkei.staff.StaffRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The one access decision. Every path to participant data asks it, and nothing else decides.
 *
 * <p>A decision is the pure {@link AccessPolicy} applied to the request and to this node's in-memory
 * {@link AccessView} of consent, facility and user state and users' emergency access, at the instant of the
 * request by the application's {@link Clock} (an emergency activation or grant is open until it expires). Before
 * deciding, the view is brought up to date with every change committed so far on any node (one primary-key read
 * of the journal's version, and a catch-up when behind; see {@link ViewSync}). Changes still uncommitted — even those of the caller's own transaction — are
 * never seen: a decision reflects committed state only. Without the database there is no decision: the version
 * read fails and so does the call.
 *
 * <p><b>Callers must not tell a denied request apart from an unknown participant.</b> The {@link Reason} is for
 * the audit log and for the caller's own logic; a search must leave out the participants it may not see (use
 * {@link #permitted}), and a direct request for one must be answered exactly as for a participant that does not
 * exist (CON-01), so that nobody learns that a patient takes part in the network at all.
 */
@Service
public class AccessDecisions {

    private final ViewSync view;
    private final Clock clock;
    private final AuditTrail audit;

    AccessDecisions(AccessJournal journal, ConsentSource consent, EmergencySource emergency,
            FacilityRegistry facilities, StaffRegistry staff, PlatformTransactionManager transactions,
            CommittedVersions versions, Clock clock, AuditTrail audit) {
        this.view = new ViewSync(journal, consent, emergency, facilities, staff, transactions,
                versions.counter(AccessJournal.VERSION_TABLE));
        this.clock = clock;
        this.audit = audit;
    }

    /** Loads the view when the application is ready, rather than in the first request. */
    @EventListener(ApplicationReadyEvent.class)
    void load() {
        view.current();
    }

    /**
     * May this person do this, now? PERMIT or DENY with the reason (see {@link AccessPolicy} for the order). A
     * denial is written to the audit trail (AUD-01) — without waiting, as it shows nothing. Leaving candidates out
     * of a list ({@link #permitted}) is not a denial: the list's own audit entry names what it showed.
     */
    public Decision decide(AccessRequest request) {
        Decision decision = new Decision(view.current().decide(request, clock.instant()));
        if (decision.denied()) {
            audit.recordLater(AuditEvent.of(AuditAction.ACCESS_DENIED).by(request.actor()).denied()
                    .participant(request.participant()).resource(request.kind().name(), null)
                    .purpose(request.purpose() == Purpose.CARE ? null : AuditPurpose.valueOf(request.purpose().name()))
                    .detail("action=" + request.action() + " reason=" + decision.reason()).build());
        }
        return decision;
    }

    public boolean permits(AccessRequest request) {
        return decide(request).permitted();
    }

    /**
     * The candidates whose participant this person may access for the action and kind, in their order; the others
     * are left out without a trace. One look at the journal for the whole list.
     */
    public <T> List<T> permitted(Actor actor, Action action, DataKind kind, List<T> candidates,
            Function<T, UUID> participantOf) {
        return permitted(actor, action, kind, Purpose.CARE, candidates, participantOf);
    }

    /** As {@link #permitted(Actor, Action, DataKind, List, Function)}, for the given purpose. */
    public <T> List<T> permitted(Actor actor, Action action, DataKind kind, Purpose purpose, List<T> candidates,
            Function<T, UUID> participantOf) {
        AccessView current = view.current();
        var now = clock.instant();
        List<T> result = new ArrayList<>(candidates.size());
        for (T candidate : candidates) {
            var request = new AccessRequest(actor, participantOf.apply(candidate), action, kind, purpose);
            if (current.decide(request, now).permits()) {
                result.add(candidate);
            }
        }
        return Collections.unmodifiableList(result);
    }
}
