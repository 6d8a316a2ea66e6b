package org.renkei.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.identity.Profession;

/** The rules of the access decision, one by one, without Spring or a database. */
class AccessPolicyTest {

    private static final UUID PARTICIPANT = UUID.randomUUID();
    private static final UUID FACILITY = UUID.randomUUID();

    /** Everything in order: the facility permitted, active, the user active. */
    private static final AccessPolicy.Facts GOOD = new AccessPolicy.Facts(true, true, true, true, true, false);

    private static Actor staff(AuthLevel level) {
        return new Actor(UUID.randomUUID(), "nurse", "看護 花子", level, Actor.AccountKind.STAFF, FACILITY,
                UUID.randomUUID(), Profession.NURSE);
    }

    private static final Actor CARD = staff(AuthLevel.USER_PKI_CARD);
    private static final Actor OPERATOR = new Actor(UUID.randomUUID(), "operator", "運営事務局",
            AuthLevel.OPERATOR_PASSWORD, Actor.AccountKind.OPERATOR, null);
    private static final Actor ADMINISTRATOR = new Actor(UUID.randomUUID(), "admin", "管理責任者",
            AuthLevel.FACILITY_ADMIN_PASSWORD, Actor.AccountKind.FACILITY_ADMINISTRATOR, FACILITY);

    private static Reason decide(Actor actor, Action action, DataKind kind, AccessPolicy.Facts facts) {
        return AccessPolicy.decide(AccessRequest.of(actor, PARTICIPANT, action, kind), facts);
    }

    private static Reason view(AccessPolicy.Facts facts) {
        return decide(CARD, Action.VIEW, DataKind.CENTRE_RECORD, facts);
    }

    @Test
    @DisplayName("CON-02 a user of a permitted, active facility may see the participant's records")
    void permitted() {
        assertThat(view(GOOD)).isEqualTo(Reason.CONSENT_PERMITS);
        assertThat(Reason.CONSENT_PERMITS.permits()).isTrue();
        for (DataKind kind : DataKind.values()) {
            for (Action action : Action.values()) {
                assertThat(decide(CARD, action, kind, GOOD)).as("%s %s", action, kind)
                        .isEqualTo(Reason.CONSENT_PERMITS);
            }
        }
    }

    @Test
    @DisplayName("CON-02 a facility the participant did not permit sees nothing")
    void notPermitted() {
        assertThat(view(new AccessPolicy.Facts(true, true, true, true, false, false)))
                .isEqualTo(Reason.FACILITY_NOT_PERMITTED);
    }

    @Test
    @DisplayName("CON-03 a denial wins over a permission")
    void denialWins() {
        assertThat(view(new AccessPolicy.Facts(true, true, true, true, true, true))).isEqualTo(Reason.FACILITY_DENIED);
        assertThat(view(new AccessPolicy.Facts(true, true, true, true, false, true))).isEqualTo(Reason.FACILITY_DENIED);
    }

    @Test
    @DisplayName("CON-01 a participant that does not exist is not found")
    void noSuchParticipant() {
        assertThat(view(new AccessPolicy.Facts(true, true, false, false, false, false)))
                .isEqualTo(Reason.NO_SUCH_PARTICIPANT);
    }

    @Test
    @DisplayName("CON-06 after a withdrawal sharing stops at every facility, the permission kept on file or not")
    void withdrawn() {
        assertThat(view(new AccessPolicy.Facts(true, true, true, false, true, false))).isEqualTo(Reason.WITHDRAWN);
        assertThat(view(new AccessPolicy.Facts(true, true, true, false, true, true))).isEqualTo(Reason.WITHDRAWN);
    }

    @Test
    @DisplayName("FAC-04 FAC-05 a facility that is not active (withdrawn, suspended) loses every permission at once")
    void facilityNotActive() {
        assertThat(view(new AccessPolicy.Facts(false, true, true, true, true, false)))
                .isEqualTo(Reason.FACILITY_NOT_ACTIVE);
        // its users are withdrawn with it: the facility is still the reason given
        assertThat(view(new AccessPolicy.Facts(false, false, true, true, true, false)))
                .isEqualTo(Reason.FACILITY_NOT_ACTIVE);
    }

    @Test
    @DisplayName("USR-07 a suspended or withdrawn user may not access anything")
    void userNotActive() {
        assertThat(view(new AccessPolicy.Facts(true, false, true, true, true, false)))
                .isEqualTo(Reason.USER_NOT_ACTIVE);
    }

    @Test
    @DisplayName("DOC-02 storing and changing records need an IC-card login; a password session may only look")
    void storingNeedsCard() {
        for (AuthLevel level : new AuthLevel[] {AuthLevel.PROVISIONAL_PASSWORD, AuthLevel.TEMPORARY_PASSWORD}) {
            Actor password = staff(level);
            assertThat(decide(password, Action.STORE, DataKind.CENTRE_RECORD, GOOD)).isEqualTo(Reason.CARD_REQUIRED);
            assertThat(decide(password, Action.UPDATE, DataKind.PHR_RECORD, GOOD)).isEqualTo(Reason.CARD_REQUIRED);
            assertThat(decide(password, Action.VIEW, DataKind.CENTRE_RECORD, GOOD)).isEqualTo(Reason.CONSENT_PERMITS);
            assertThat(decide(password, Action.FIND, DataKind.PARTICIPANT_PROFILE, GOOD))
                    .isEqualTo(Reason.CONSENT_PERMITS);
        }
        for (AuthLevel level : new AuthLevel[] {AuthLevel.HPKI_CARD, AuthLevel.USER_PKI_CARD}) {
            assertThat(decide(staff(level), Action.STORE, DataKind.CENTRE_RECORD, GOOD))
                    .isEqualTo(Reason.CONSENT_PERMITS);
        }
    }

    @Test
    @DisplayName("EMG-01 DIS-03 emergency and disaster access are not open without their grants")
    void emergencyNotOpenWithoutGrant() {
        for (Purpose purpose : new Purpose[] {Purpose.EMERGENCY, Purpose.DISASTER}) {
            var request = new AccessRequest(CARD, PARTICIPANT, Action.VIEW, DataKind.CENTRE_RECORD, purpose);
            assertThat(AccessPolicy.decide(request, GOOD)).isEqualTo(Reason.PURPOSE_NOT_OPEN);
            assertThat(AccessPolicy.decide(request, new AccessPolicy.Facts(true, true, true, true, false, false)))
                    .isEqualTo(Reason.PURPOSE_NOT_OPEN);
            var find = new AccessRequest(CARD, PARTICIPANT, Action.FIND, DataKind.PARTICIPANT_PROFILE, purpose);
            assertThat(AccessPolicy.decide(find, NOT_PERMITTED)).isEqualTo(Reason.PURPOSE_NOT_OPEN);
        }
    }

    /** The facility not permitted; an open emergency activation, no grant. */
    private static final AccessPolicy.Facts NOT_PERMITTED = new AccessPolicy.Facts(true, true, true, true, false,
            false);
    private static final AccessPolicy.Facts SEARCHING = new AccessPolicy.Facts(true, true, true, true, false, false,
            true, false);
    private static final AccessPolicy.Facts GRANTED = new AccessPolicy.Facts(true, true, true, true, false, false,
            false, true);

    private static AccessRequest emergencyFind(Actor actor) {
        return new AccessRequest(actor, PARTICIPANT, Action.FIND, DataKind.PARTICIPANT_PROFILE, Purpose.EMERGENCY);
    }

    @Test
    @DisplayName("EMG-01 after the emergency button a card user may find any participant who takes part, and only find their profile")
    void emergencySearch() {
        assertThat(AccessPolicy.decide(emergencyFind(CARD), SEARCHING)).isEqualTo(Reason.EMERGENCY_SEARCH);
        assertThat(Reason.EMERGENCY_SEARCH.permits()).isTrue();
        assertThat(AccessPolicy.decide(emergencyFind(staff(AuthLevel.HPKI_CARD)), SEARCHING))
                .isEqualTo(Reason.EMERGENCY_SEARCH);
        // denied or permitted alike
        assertThat(AccessPolicy.decide(emergencyFind(CARD), new AccessPolicy.Facts(true, true, true, true, true, true,
                true, false))).isEqualTo(Reason.EMERGENCY_SEARCH);
        // never a withdrawn or unknown participant
        assertThat(AccessPolicy.decide(emergencyFind(CARD), new AccessPolicy.Facts(true, true, true, false, false,
                false, true, false))).isEqualTo(Reason.WITHDRAWN);
        assertThat(AccessPolicy.decide(emergencyFind(CARD), new AccessPolicy.Facts(true, true, false, false, false,
                false, true, false))).isEqualTo(Reason.NO_SUCH_PARTICIPANT);
        // the emergency purpose opens nothing else
        for (DataKind kind : DataKind.values()) {
            for (Action action : Action.values()) {
                if (action == Action.FIND && kind == DataKind.PARTICIPANT_PROFILE) {
                    continue;
                }
                assertThat(AccessPolicy.decide(new AccessRequest(CARD, PARTICIPANT, action, kind,
                        Purpose.EMERGENCY), SEARCHING)).as("%s %s", action, kind).isEqualTo(Reason.PURPOSE_NOT_OPEN);
            }
        }
        // and a search does not open the records
        assertThat(view(SEARCHING)).isEqualTo(Reason.FACILITY_NOT_PERMITTED);
    }

    @Test
    @DisplayName("EMG-03 a password session gets nothing from the emergency button, nor from a grant its user holds")
    void emergencyNeedsCard() {
        for (AuthLevel level : new AuthLevel[] {AuthLevel.PROVISIONAL_PASSWORD, AuthLevel.TEMPORARY_PASSWORD}) {
            Actor password = staff(level);
            assertThat(AccessPolicy.decide(emergencyFind(password), SEARCHING)).isEqualTo(Reason.PURPOSE_NOT_OPEN);
            assertThat(decide(password, Action.VIEW, DataKind.CENTRE_RECORD, GRANTED))
                    .isEqualTo(Reason.FACILITY_NOT_PERMITTED);
        }
        assertThat(AccessPolicy.decide(emergencyFind(OPERATOR), SEARCHING)).isEqualTo(Reason.PURPOSE_NOT_OPEN);
    }

    @Test
    @DisplayName("EMG-01 EMG-04 an emergency grant opens the participant's data read-only, where the consent would deny it, also against a denial")
    void emergencyGrant() {
        for (DataKind kind : DataKind.values()) {
            for (Action action : Action.values()) {
                Reason expected = action == Action.VIEW || action == Action.FIND ? Reason.EMERGENCY_GRANT
                        : Reason.FACILITY_NOT_PERMITTED;
                assertThat(decide(CARD, action, kind, GRANTED)).as("%s %s", action, kind).isEqualTo(expected);
            }
        }
        assertThat(Reason.EMERGENCY_GRANT.permits()).isTrue();
        var deniedButGranted = new AccessPolicy.Facts(true, true, true, true, true, true, false, true);
        assertThat(view(deniedButGranted)).isEqualTo(Reason.EMERGENCY_GRANT);
        assertThat(decide(CARD, Action.STORE, DataKind.CENTRE_RECORD, deniedButGranted))
                .isEqualTo(Reason.FACILITY_DENIED);
        // consent that permits stays the reason
        assertThat(view(new AccessPolicy.Facts(true, true, true, true, true, false, false, true)))
                .isEqualTo(Reason.CONSENT_PERMITS);
        // a grant never opens a withdrawn participant, nor works for a suspended user or facility
        assertThat(view(new AccessPolicy.Facts(true, true, true, false, false, false, true, true)))
                .isEqualTo(Reason.WITHDRAWN);
        assertThat(view(new AccessPolicy.Facts(true, false, true, true, false, false, true, true)))
                .isEqualTo(Reason.USER_NOT_ACTIVE);
        assertThat(view(new AccessPolicy.Facts(false, true, true, true, false, false, true, true)))
                .isEqualTo(Reason.FACILITY_NOT_ACTIVE);
    }

    @Test
    @DisplayName("EMG-04 the view opens an emergency activation and a grant until they expire, and only for that user and participant")
    void viewExpiry() {
        var view = new AccessView(0);
        Actor nurse = CARD;
        view.facility(FACILITY, true);
        view.staff(nurse.staffId(), true);
        view.participant(new ParticipantConsent(PARTICIPANT, true, java.util.Set.of(), java.util.Set.of()));
        UUID other = UUID.randomUUID();
        view.participant(new ParticipantConsent(other, true, java.util.Set.of(), java.util.Set.of()));
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        view.emergency(new StaffEmergency(nurse.staffId(), now.plusSeconds(3600),
                java.util.Map.of(PARTICIPANT, now.plusSeconds(86_400))));
        var viewRecords = AccessRequest.of(nurse, PARTICIPANT, Action.VIEW, DataKind.CENTRE_RECORD);

        assertThat(view.decide(viewRecords, now)).isEqualTo(Reason.EMERGENCY_GRANT);
        assertThat(view.decide(viewRecords, now.plusSeconds(86_399))).isEqualTo(Reason.EMERGENCY_GRANT);
        assertThat(view.decide(viewRecords, now.plusSeconds(86_400))).isEqualTo(Reason.FACILITY_NOT_PERMITTED);
        assertThat(view.decide(AccessRequest.of(nurse, other, Action.VIEW, DataKind.CENTRE_RECORD), now))
                .isEqualTo(Reason.FACILITY_NOT_PERMITTED);
        Actor colleague = staff(AuthLevel.USER_PKI_CARD);
        view.staff(colleague.staffId(), true);
        assertThat(view.decide(AccessRequest.of(colleague, PARTICIPANT, Action.VIEW, DataKind.CENTRE_RECORD), now))
                .isEqualTo(Reason.FACILITY_NOT_PERMITTED);

        assertThat(view.decide(emergencyFind(nurse), now.plusSeconds(3599))).isEqualTo(Reason.EMERGENCY_SEARCH);
        assertThat(view.decide(emergencyFind(nurse), now.plusSeconds(3600))).isEqualTo(Reason.PURPOSE_NOT_OPEN);

        view.emergency(StaffEmergency.none(nurse.staffId()));
        assertThat(view.decide(viewRecords, now)).isEqualTo(Reason.FACILITY_NOT_PERMITTED);
    }

    @Test
    @DisplayName("CON-09 the operator finds and views participants and their consent, whatever the consent says")
    void operatorAdministers() {
        var withdrawnNowhere = new AccessPolicy.Facts(false, false, true, false, false, false);
        for (Action action : new Action[] {Action.FIND, Action.VIEW}) {
            assertThat(decide(OPERATOR, action, DataKind.PARTICIPANT_PROFILE, withdrawnNowhere))
                    .isEqualTo(Reason.OPERATOR_ADMINISTRATION);
            assertThat(decide(OPERATOR, action, DataKind.CONSENT, withdrawnNowhere))
                    .isEqualTo(Reason.OPERATOR_ADMINISTRATION);
        }
        assertThat(decide(OPERATOR, Action.VIEW, DataKind.CONSENT, new AccessPolicy.Facts(false, false, false, false,
                false, false))).isEqualTo(Reason.NO_SUCH_PARTICIPANT);
        assertThat(Reason.OPERATOR_ADMINISTRATION.permits()).isTrue();
    }

    @Test
    @DisplayName("DOC-04 the operator never sees a participant's records, on the centre or the PHR server")
    void operatorSeesNoRecords() {
        for (DataKind kind : new DataKind[] {DataKind.CENTRE_RECORD, DataKind.PHR_RECORD}) {
            for (Action action : Action.values()) {
                assertThat(decide(OPERATOR, action, kind, GOOD)).isEqualTo(Reason.NOT_ALLOWED_FOR_SESSION);
            }
        }
        assertThat(decide(OPERATOR, Action.STORE, DataKind.CONSENT, GOOD)).isEqualTo(Reason.NOT_ALLOWED_FOR_SESSION);
        assertThat(decide(OPERATOR, Action.EXPORT, DataKind.PARTICIPANT_PROFILE, GOOD))
                .isEqualTo(Reason.NOT_ALLOWED_FOR_SESSION);
    }

    @Test
    @DisplayName("DOC-04 a facility administrator's session, which has no staff record, touches no participant data")
    void administratorSeesNothing() {
        for (DataKind kind : DataKind.values()) {
            assertThat(decide(ADMINISTRATOR, Action.VIEW, kind, GOOD)).isEqualTo(Reason.NOT_ALLOWED_FOR_SESSION);
        }
        Actor noStaffRecord = new Actor(UUID.randomUUID(), "x", "x", AuthLevel.USER_PKI_CARD,
                Actor.AccountKind.STAFF, FACILITY);
        assertThat(decide(noStaffRecord, Action.VIEW, DataKind.CENTRE_RECORD, GOOD))
                .isEqualTo(Reason.NOT_ALLOWED_FOR_SESSION);
    }

    @Test
    @DisplayName("CON-01 a session that may not use the network gets the same answer for every participant")
    void standingBeforeParticipant() {
        var suspendedUser = new AccessPolicy.Facts(true, false, true, true, true, false);
        var suspendedUserUnknownParticipant = new AccessPolicy.Facts(true, false, false, false, false, false);
        assertThat(view(suspendedUser)).isEqualTo(view(suspendedUserUnknownParticipant));
        var password = staff(AuthLevel.TEMPORARY_PASSWORD);
        assertThat(decide(password, Action.STORE, DataKind.CENTRE_RECORD, GOOD))
                .isEqualTo(decide(password, Action.STORE, DataKind.CENTRE_RECORD,
                        new AccessPolicy.Facts(true, true, false, false, false, false)));
        var emergency = new AccessRequest(CARD, PARTICIPANT, Action.VIEW, DataKind.CENTRE_RECORD, Purpose.EMERGENCY);
        assertThat(AccessPolicy.decide(emergency, GOOD)).isEqualTo(AccessPolicy.decide(emergency,
                new AccessPolicy.Facts(true, true, false, false, false, false)));
    }
}
