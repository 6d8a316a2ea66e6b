package org.renkei.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.renkei.TestRegion.OPERATOR;
import static org.renkei.TestRegion.today;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.facility.FacilityStatus;
import org.renkei.filing.FilingDesk;
import org.renkei.filing.FilingId;
import org.renkei.filing.FilingSchedule;
import org.renkei.identity.Actor;
import org.renkei.identity.AuthLevel;
import org.renkei.staff.StaffId;
import org.renkei.staff.StaffRegistry;
import org.renkei.staff.StaffStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The application's access decision, on the state the other modules change. */
@RenkeiTest
class AccessDecisionsTests {

    @Autowired AccessDecisions decisions;
    @Autowired AccessChanges changes;
    @Autowired FacilityRegistry facilities;
    @Autowired StaffRegistry staff;
    @Autowired FilingDesk filings;
    @Autowired FilingSchedule schedule;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    AccessTestData data;

    @BeforeEach
    void setUp() {
        data = new AccessTestData(facilities, filings, staff, jdbc, changes);
    }

    private Reason view(Actor actor, UUID participant) {
        return decisions.decide(AccessRequest.of(actor, participant, Action.VIEW, DataKind.CENTRE_RECORD)).reason();
    }

    @Test
    @DisplayName("FAC-04 from a withdrawal's effective date the facility and its users see nothing, without any participant's form")
    void withdrawalStopsPermissions() {
        FacilityId leaving = data.clinic();
        FacilityId staying = data.clinic();
        Actor nurse = data.nurse(leaving);
        Actor otherNurse = data.nurse(staying);
        UUID participant = tx.execute(s -> data.join(leaving, staying));
        FilingId withdrawal = facilities.applyToWithdraw(leaving, today(), today().plusDays(30), OPERATOR);
        filings.accept(withdrawal, OPERATOR);
        schedule.runFor(today().plusDays(29));
        assertThat(view(nurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);

        schedule.runFor(today().plusDays(30));

        assertThat(facilities.get(leaving).status()).isEqualTo(FacilityStatus.WITHDRAWN);
        assertThat(staff.get(new StaffId(nurse.staffId())).status()).isEqualTo(StaffStatus.WITHDRAWN);
        assertThat(view(nurse, participant)).isEqualTo(Reason.FACILITY_NOT_ACTIVE);
        assertThat(decisions.permits(AccessRequest.of(nurse, participant, Action.FIND, DataKind.PARTICIPANT_PROFILE)))
                .isFalse();
        // the participant's consent is untouched, and still works at the other facility
        assertThat(view(otherNurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);
    }

    @Test
    @DisplayName("FAC-05 a suspended facility loses its permissions at once, and gets them back when reinstated")
    void suspensionStopsPermissionsAtOnce() {
        FacilityId clinic = data.clinic();
        Actor nurse = data.nurse(clinic);
        UUID participant = tx.execute(s -> data.join(clinic));
        assertThat(view(nurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);

        facilities.suspend(clinic, "目的外利用", OPERATOR);
        assertThat(view(nurse, participant)).isEqualTo(Reason.FACILITY_NOT_ACTIVE);

        facilities.reinstate(clinic, OPERATOR);
        assertThat(view(nurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);
    }

    @Test
    @DisplayName("USR-07 a suspended user is refused at once, other users of the facility are not")
    void suspendedUser() {
        FacilityId clinic = data.clinic();
        Actor nurse = data.nurse(clinic);
        Actor colleague = data.nurse(clinic);
        UUID participant = tx.execute(s -> data.join(clinic));

        staff.suspend(new StaffId(nurse.staffId()), "カード紛失", OPERATOR);

        assertThat(view(nurse, participant)).isEqualTo(Reason.USER_NOT_ACTIVE);
        assertThat(view(colleague, participant)).isEqualTo(Reason.CONSENT_PERMITS);
    }

    @Test
    @DisplayName("CON-08 CON-03 CON-06 registered forms decide at the next request: joining permits, a denial wins, a withdrawal stops everything")
    void formsTakeEffectWhenRegistered() {
        FacilityId clinic = data.clinic();
        Actor nurse = data.nurse(clinic);
        UUID participant = tx.execute(s -> data.join(clinic));
        assertThat(view(nurse, participant)).isEqualTo(Reason.CONSENT_PERMITS);

        tx.executeWithoutResult(s -> data.deny(participant, clinic));
        assertThat(view(nurse, participant)).isEqualTo(Reason.FACILITY_DENIED);

        tx.executeWithoutResult(s -> data.withdraw(participant));
        assertThat(view(nurse, participant)).isEqualTo(Reason.WITHDRAWN);
    }

    @Test
    @DisplayName("CON-01 a list keeps only the participants the user may see, in their order; an unknown one is dropped like an unpermitted one")
    void permittedFiltersAList() {
        FacilityId clinic = data.clinic();
        FacilityId other = data.clinic();
        Actor nurse = data.nurse(clinic);
        UUID first = tx.execute(s -> data.join(clinic));
        UUID elsewhere = tx.execute(s -> data.join(other));
        UUID second = tx.execute(s -> data.join(clinic, other));
        UUID denied = tx.execute(s -> {
            UUID p = data.join(clinic);
            data.deny(p, clinic);
            return p;
        });
        UUID unknown = UUID.randomUUID();
        assertThat(view(nurse, unknown)).isEqualTo(Reason.NO_SUCH_PARTICIPANT);

        List<UUID> candidates = List.of(second, unknown, elsewhere, denied, first);
        assertThat(decisions.permitted(nurse, Action.FIND, DataKind.PARTICIPANT_PROFILE, candidates,
                Function.identity())).containsExactly(second, first);
    }

    @Test
    @DisplayName("DOC-02 a temporary password session may view but not store; the operator administers consent but sees no record")
    void sessions() {
        FacilityId clinic = data.clinic();
        Actor nurse = data.nurse(clinic);
        Actor temporary = new Actor(UUID.randomUUID(), "temp", nurse.displayName(), AuthLevel.TEMPORARY_PASSWORD,
                Actor.AccountKind.STAFF, nurse.facilityId(), nurse.staffId(), nurse.profession());
        UUID participant = tx.execute(s -> data.join(clinic));

        assertThat(decisions.decide(AccessRequest.of(temporary, participant, Action.STORE, DataKind.CENTRE_RECORD))
                .reason()).isEqualTo(Reason.CARD_REQUIRED);
        assertThat(decisions.permits(AccessRequest.of(temporary, participant, Action.VIEW, DataKind.CENTRE_RECORD)))
                .isTrue();
        assertThat(decisions.permits(AccessRequest.of(nurse, participant, Action.STORE, DataKind.CENTRE_RECORD)))
                .isTrue();
        assertThat(decisions.decide(AccessRequest.of(OPERATOR, participant, Action.VIEW, DataKind.CONSENT)).reason())
                .isEqualTo(Reason.OPERATOR_ADMINISTRATION);
        assertThat(decisions.decide(AccessRequest.of(OPERATOR, participant, Action.VIEW, DataKind.CENTRE_RECORD))
                .reason()).isEqualTo(Reason.NOT_ALLOWED_FOR_SESSION);
    }
}
