package org.renkei.access;

import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;

/**
 * The rules of the access decision, as one pure function of the request and of the facts the view knows about it
 * at that moment. No I/O, no clock, no state: the same request and facts give the same reason, always. Facts that
 * depend on time (whether an emergency activation or grant has not yet expired) are worked out by the view for
 * the instant of the request and come in as plain booleans.
 *
 * <p>The checks run in this order, and the first that fails gives the reason:
 * <ol>
 * <li><b>Session</b>: a facility administrator's session (no staff record), or a staff session without its
 * facility and staff record, may not touch participant data ({@link Reason#NOT_ALLOWED_FOR_SESSION}). The
 * operator's staff may find and view participants' profiles and consent, nothing else — never a record.</li>
 * <li><b>Standing</b> (staff): the user's facility is active (FAC-04, FAC-05: a withdrawn or suspended
 * facility's permissions stop at once, without any participant's form), then the user is active (USR-07).</li>
 * <li><b>Authentication</b>: storing and changing data need an IC-card login (DOC-02).</li>
 * <li><b>Purpose</b>: care is open. Emergency is open only to find participants' profiles, in an IC-card session
 * (EMG-03) of a user who pressed the emergency button with a reason and whose activation has not expired
 * (EMG-01, EMG-04). Disaster access is not yet open (DIS).</li>
 * <li><b>Participant</b>: exists (CON-01) — the operator's administration stops here —, then has not withdrawn
 * (CON-06). A withdrawal stops emergency access too.</li>
 * <li><b>Emergency search</b>: a request for the emergency purpose that got this far is permitted
 * ({@link Reason#EMERGENCY_SEARCH}), whatever the consent says: the user may find any participant.</li>
 * <li><b>Consent</b>: the facility is not denied (a denial wins, CON-03), then it is permitted (CON-02). Where
 * the consent step would deny, an unexpired emergency grant of this user for this participant permits instead
 * ({@link Reason#EMERGENCY_GRANT}) — only to find and view (read-only: never store, change, print or export) and
 * only in an IC-card session (EMG-01, EMG-03, EMG-04).</li>
 * </ol>
 * The checks that do not depend on the participant come first, so a session that may not use the network at all
 * gets the same answer whichever participant it names.
 *
 * <p>Later inputs join this function, not code elsewhere: the device class (DEV-01, DEV-02: centre records only
 * from the notebook PCs of hospitals, clinics, dental clinics and pharmacies; PHR data also from tablets and
 * smartphones) comes with the request and is checked after the authentication step against the data kind; a
 * disaster grant (DIS-03) comes as a further fact, as the emergency activation and grant do.
 */
final class AccessPolicy {

    private AccessPolicy() {
    }

    /**
     * What the view knows at the moment of the decision that the request does not say.
     *
     * @param facilityActive the acting user's facility is active
     * @param userActive the acting user's staff record is active
     * @param participantKnown the participant exists (was ever registered)
     * @param participating the participant takes part (has not withdrawn)
     * @param facilityPermitted the participant permitted the acting user's facility
     * @param facilityDenied the participant said not to share with the acting user's facility
     * @param emergencySearch the acting user pressed the emergency button and that activation has not expired
     * @param emergencyGrant the acting user has an unexpired emergency grant for this participant
     */
    record Facts(boolean facilityActive, boolean userActive, boolean participantKnown, boolean participating,
            boolean facilityPermitted, boolean facilityDenied, boolean emergencySearch, boolean emergencyGrant) {

        /** Facts without any emergency access. */
        Facts(boolean facilityActive, boolean userActive, boolean participantKnown, boolean participating,
                boolean facilityPermitted, boolean facilityDenied) {
            this(facilityActive, userActive, participantKnown, participating, facilityPermitted, facilityDenied,
                    false, false);
        }
    }

    static Reason decide(AccessRequest request, Facts facts) {
        Actor actor = request.actor();
        Actor.AccountKind who = actor.kind();
        if (who == Actor.AccountKind.OPERATOR) {
            return operator(request, facts);
        }
        if (who != Actor.AccountKind.STAFF || actor.staffId() == null || actor.facilityId() == null) {
            return Reason.NOT_ALLOWED_FOR_SESSION;
        }
        if (!facts.facilityActive()) {
            return Reason.FACILITY_NOT_ACTIVE;
        }
        if (!facts.userActive()) {
            return Reason.USER_NOT_ACTIVE;
        }
        if (needsCard(request.action()) && !isCard(actor.authLevel())) {
            return Reason.CARD_REQUIRED;
        }
        if (!purposeOpen(request, facts)) {
            return Reason.PURPOSE_NOT_OPEN;
        }
        if (!facts.participantKnown()) {
            return Reason.NO_SUCH_PARTICIPANT;
        }
        if (!facts.participating()) {
            return Reason.WITHDRAWN;
        }
        if (request.purpose() == Purpose.EMERGENCY) {
            return Reason.EMERGENCY_SEARCH;
        }
        if (facts.facilityDenied()) {
            return grantOpens(request, facts) ? Reason.EMERGENCY_GRANT : Reason.FACILITY_DENIED;
        }
        if (!facts.facilityPermitted()) {
            return grantOpens(request, facts) ? Reason.EMERGENCY_GRANT : Reason.FACILITY_NOT_PERMITTED;
        }
        return Reason.CONSENT_PERMITS;
    }

    /**
     * Care is open to every staff session; the emergency purpose only to find participants' profiles, with a card,
     * while an activation is open.
     */
    private static boolean purposeOpen(AccessRequest request, Facts facts) {
        if (request.purpose() == Purpose.CARE) {
            return true;
        }
        return request.purpose() == Purpose.EMERGENCY && mayUseEmergency(request.actor())
                && request.action() == Action.FIND && request.kind() == DataKind.PARTICIPANT_PROFILE
                && facts.emergencySearch();
    }

    /** An emergency grant opens finding and viewing, read-only, in a card session (EMG-03, EMG-04). */
    private static boolean grantOpens(AccessRequest request, Facts facts) {
        return facts.emergencyGrant() && mayUseEmergency(request.actor())
                && (request.action() == Action.VIEW || request.action() == Action.FIND);
    }

    private static boolean mayUseEmergency(Actor actor) {
        return actor.authLevel() != null && actor.authLevel().mayUseEmergencyAccess();
    }

    /** The operator's staff administer participants and their consent: they find and view them, nothing more. */
    private static Reason operator(AccessRequest request, Facts facts) {
        boolean administration = (request.action() == Action.FIND || request.action() == Action.VIEW)
                && (request.kind() == DataKind.PARTICIPANT_PROFILE || request.kind() == DataKind.CONSENT);
        if (!administration) {
            return Reason.NOT_ALLOWED_FOR_SESSION;
        }
        if (request.purpose() != Purpose.CARE) {
            return Reason.PURPOSE_NOT_OPEN;
        }
        if (!facts.participantKnown()) {
            return Reason.NO_SUCH_PARTICIPANT;
        }
        return Reason.OPERATOR_ADMINISTRATION;
    }

    /** Storing or changing participant data needs an IC-card login (DOC-02). */
    static boolean needsCard(Action action) {
        return action == Action.STORE || action == Action.UPDATE;
    }

    private static boolean isCard(AuthLevel level) {
        return level != null && level.isCard();
    }
}
