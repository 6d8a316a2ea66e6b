package org.renkei.access;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.identity.Actor;
import org.springframework.stereotype.Service;

/**
 * The one access decision. Every path to participant data asks it. (Placeholder reading the database directly;
 * replaced by the in-memory view.)
 */
@Service
public class AccessDecisions {

    private final ConsentSource consent;
    private final FacilityRegistry facilities;

    AccessDecisions(ConsentSource consent, FacilityRegistry facilities) {
        this.consent = consent;
        this.facilities = facilities;
    }

    public Decision decide(AccessRequest request) {
        Actor actor = request.actor();
        if (actor.isOperator()) {
            return new Decision(request.kind() == DataKind.PARTICIPANT_PROFILE || request.kind() == DataKind.CONSENT
                    ? Reason.OPERATOR_ADMINISTRATION : Reason.NOT_ALLOWED_FOR_SESSION);
        }
        if (!actor.isStaff() || actor.facilityId() == null) {
            return new Decision(Reason.NOT_ALLOWED_FOR_SESSION);
        }
        var c = consent.consentOf(request.participant()).orElse(null);
        if (c == null) {
            return new Decision(Reason.NO_SUCH_PARTICIPANT);
        }
        if (!c.participating()) {
            return new Decision(Reason.WITHDRAWN);
        }
        if (c.denied().contains(actor.facilityId())) {
            return new Decision(Reason.FACILITY_DENIED);
        }
        if (!c.permitted().contains(actor.facilityId())) {
            return new Decision(Reason.FACILITY_NOT_PERMITTED);
        }
        if (!facilities.isActive(new FacilityId(actor.facilityId()))) {
            return new Decision(Reason.FACILITY_NOT_ACTIVE);
        }
        return new Decision(Reason.CONSENT_PERMITS);
    }

    public boolean permits(AccessRequest request) {
        return decide(request).permitted();
    }

    /** The candidates whose participant this person may access for the action and kind, in their order. */
    public <T> List<T> permitted(Actor actor, Action action, DataKind kind, List<T> candidates,
            Function<T, UUID> participantOf) {
        return candidates.stream()
                .filter(c -> permits(AccessRequest.of(actor, participantOf.apply(c), action, kind)))
                .toList();
    }
}
