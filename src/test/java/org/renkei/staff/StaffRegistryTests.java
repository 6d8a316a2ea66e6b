package org.renkei.staff;

import org.renkei.identity.Profession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.renkei.staff.TestFacilities.OPERATOR;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.facility.FacilityId;
import org.renkei.facility.FacilityRegistry;
import org.renkei.facility.FacilityStatus;
import org.renkei.filing.Filing;
import org.renkei.filing.FilingDesk;
import org.renkei.filing.FilingKind;
import org.renkei.filing.FilingSchedule;
import org.renkei.filing.FilingStatus;
import org.renkei.filing.RefusalReason;
import org.renkei.platform.time.JapanTime;
import org.renkei.platform.web.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RenkeiTest
@RecordApplicationEvents
class StaffRegistryTests {

    @Autowired
    StaffRegistry registry;

    @Autowired
    FacilityRegistry facilityRegistry;

    @Autowired
    FilingDesk desk;

    @Autowired
    FilingSchedule schedule;

    @Autowired
    ApplicationEvents events;

    TestFacilities facilities;
    LocalDate today;

    @BeforeEach
    void setUp() {
        facilities = new TestFacilities(facilityRegistry, desk);
        today = LocalDate.now(JapanTime.ZONE);
    }

    private NewStaff doctor(String kana) {
        return new NewStaff("熊本", "一郎", kana, "イチロウ", Profession.DOCTOR, "ichiro@example.jp");
    }

    private Filing openFiling(StaffId id, FilingKind kind) {
        return desk.ofStaff(id.value()).stream()
                .filter(f -> f.kind() == kind && f.status() == FilingStatus.PENDING).findFirst().orElseThrow();
    }

    /** A user who became active today (the add application was received 15 days ago). */
    private StaffId activeUser(FacilityId facility, Profession profession) {
        StaffId id = registry.applyToAdd(facility,
                new NewStaff("阿蘇", "花子", TestFacilities.uniqueKana(), "ハナコ", profession, null),
                today.minusDays(15), today, OPERATOR);
        desk.accept(openFiling(id, FilingKind.STAFF_ADD).id(), OPERATOR);
        assertThat(registry.get(id).status()).isEqualTo(StaffStatus.ACTIVE);
        return id;
    }

    @Test
    @DisplayName("USR-01 a user add application accepted takes effect on its effective date, once")
    void addTakesEffectOnItsDate() {
        FacilityId facility = facilities.activeHospital("追加テスト病院");
        LocalDate wished = today.plusDays(20);

        StaffId id = registry.applyToAdd(facility, doctor(TestFacilities.uniqueKana()), today, wished, OPERATOR);

        StaffMember applying = registry.get(id);
        assertThat(applying.status()).isEqualTo(StaffStatus.APPLYING);
        assertThat(applying.facility()).isEqualTo(facility);
        assertThat(registry.ofFacility(facility)).extracting(StaffMember::id).containsExactly(id);
        Filing filing = openFiling(id, FilingKind.STAFF_ADD);
        assertThat(filing.subject()).isEqualTo("追加テスト病院 / 熊本 一郎");
        assertThat(filing.facilityId()).isEqualTo(facility.value());
        assertThat(filing.decideBy()).isEqualTo(today.plusDays(15));

        desk.accept(filing.id(), OPERATOR);
        assertThat(registry.get(id).status()).isEqualTo(StaffStatus.APPLYING);

        schedule.runFor(wished.minusDays(1));
        assertThat(registry.get(id).status()).isEqualTo(StaffStatus.APPLYING);

        schedule.runFor(wished);
        StaffMember active = registry.get(id);
        assertThat(active.status()).isEqualTo(StaffStatus.ACTIVE);
        assertThat(active.joinedOn()).isEqualTo(wished);
        assertThat(events.stream(StaffStatusChanged.class).filter(e -> e.staff().equals(id)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.from()).isEqualTo(StaffStatus.APPLYING);
                    assertThat(e.to()).isEqualTo(StaffStatus.ACTIVE);
                });
        int historyLines = registry.history(id).size();

        schedule.runFor(wished);
        assertThat(registry.get(id)).isEqualTo(active);
        assertThat(registry.history(id)).hasSize(historyLines);
        assertThat(events.stream(StaffStatusChanged.class).filter(e -> e.staff().equals(id))).hasSize(1);
        assertThat(desk.find(filing.id()).orElseThrow().status()).isEqualTo(FilingStatus.EFFECTIVE);
    }

    @Test
    @DisplayName("USR-01 a refused user add application leaves the person refused")
    void refusal() {
        FacilityId facility = facilities.activeHospital("不承認テスト病院");
        StaffId id = registry.applyToAdd(facility, doctor(TestFacilities.uniqueKana()), today, today.plusDays(15),
                OPERATOR);

        desk.refuse(openFiling(id, FilingKind.STAFF_ADD).id(), RefusalReason.NOT_ELIGIBLE, "施設の職員ではない",
                OPERATOR);

        assertThat(registry.get(id).status()).isEqualTo(StaffStatus.REFUSED);
        assertThat(registry.history(id).get(0).note()).contains("施設の職員ではない");
        assertThat(events.stream(StaffStatusChanged.class).filter(e -> e.staff().equals(id)))
                .singleElement().extracting(StaffStatusChanged::to).isEqualTo(StaffStatus.REFUSED);
    }

    @Test
    @DisplayName("USR-01 a user withdrawal application takes effect on its effective date")
    void withdrawal() {
        FacilityId facility = facilities.activeHospital("削除テスト病院");
        StaffId id = activeUser(facility, Profession.NURSE);
        assertThat(registry.get(id).joinedOn()).isEqualTo(today);

        var filingId = registry.applyToWithdraw(id, today, today.plusDays(15), OPERATOR);
        Filing filing = desk.find(filingId).orElseThrow();
        assertThat(filing.kind()).isEqualTo(FilingKind.STAFF_WITHDRAWAL);
        assertThat(filing.staffId()).isEqualTo(id.value());
        assertThat(filing.subject()).startsWith("削除テスト病院 / 阿蘇 花子");

        desk.accept(filingId, OPERATOR);
        assertThat(registry.get(id).status()).isEqualTo(StaffStatus.ACTIVE);
        schedule.runFor(today.plusDays(15));

        StaffMember withdrawn = registry.get(id);
        assertThat(withdrawn.status()).isEqualTo(StaffStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawnOn()).isEqualTo(today.plusDays(15));
        assertThatThrownBy(() -> registry.applyToWithdraw(id, today, today.plusDays(15), OPERATOR))
                .isInstanceOf(InvalidInputException.class).hasMessage("staff.withdrawal.notMember");
    }

    @Test
    @DisplayName("USR-01 only an active or suspended user can be withdrawn, and not twice at once")
    void withdrawalNeedsAMember() {
        FacilityId facility = facilities.activeHospital("削除不可テスト病院");
        StaffId applying = registry.applyToAdd(facility, doctor(TestFacilities.uniqueKana()), today,
                today.plusDays(15), OPERATOR);
        assertThatThrownBy(() -> registry.applyToWithdraw(applying, today, today.plusDays(15), OPERATOR))
                .isInstanceOf(InvalidInputException.class).hasMessage("staff.withdrawal.notMember");

        StaffId active = activeUser(facility, Profession.CLERK);
        registry.applyToWithdraw(active, today, today.plusDays(15), OPERATOR);
        assertThatThrownBy(() -> registry.applyToWithdraw(active, today, today.plusDays(20), OPERATOR))
                .isInstanceOf(InvalidInputException.class).hasMessage("filing.duplicate");
        assertThat(desk.ofStaff(active.value())).hasSize(2);
    }

    @Test
    @DisplayName("FAC-05 a facility administrator suspends and reinstates a user of their own facility at once")
    void ownAdministratorSuspends() {
        FacilityId facility = facilities.activeHospital("停止テスト病院");
        StaffId id = activeUser(facility, Profession.PHARMACIST);
        var administrator = TestFacilities.administratorOf(facility);

        registry.suspend(id, "  端末の紛失  ", administrator);

        StaffMember suspended = registry.get(id);
        assertThat(suspended.status()).isEqualTo(StaffStatus.SUSPENDED);
        assertThat(suspended.suspensionReason()).isEqualTo("端末の紛失");
        assertThat(registry.history(id).get(0).actor()).contains(administrator.username());
        assertThat(registry.history(id).get(0).note()).contains("端末の紛失");

        registry.reinstate(id, administrator);

        StaffMember reinstated = registry.get(id);
        assertThat(reinstated.status()).isEqualTo(StaffStatus.ACTIVE);
        assertThat(reinstated.suspensionReason()).isNull();
        assertThat(events.stream(StaffStatusChanged.class).filter(e -> e.staff().equals(id)))
                .extracting(StaffStatusChanged::from, StaffStatusChanged::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(StaffStatus.APPLYING, StaffStatus.ACTIVE),
                        org.assertj.core.groups.Tuple.tuple(StaffStatus.ACTIVE, StaffStatus.SUSPENDED),
                        org.assertj.core.groups.Tuple.tuple(StaffStatus.SUSPENDED, StaffStatus.ACTIVE));
    }

    @Test
    @DisplayName("FAC-05 the operator may suspend any user; a suspension needs a reason and an active user")
    void operatorSuspends() {
        FacilityId facility = facilities.activeHospital("運営停止テスト病院");
        StaffId id = activeUser(facility, Profession.CARE_MANAGER);

        assertThatThrownBy(() -> registry.suspend(id, " ", OPERATOR))
                .isInstanceOf(InvalidInputException.class).hasMessage("staff.suspension.reason.missing");
        assertThatThrownBy(() -> registry.reinstate(id, OPERATOR))
                .isInstanceOf(InvalidInputException.class).hasMessage("staff.reinstate.notSuspended");
        assertThat(registry.get(id).status()).isEqualTo(StaffStatus.ACTIVE);

        registry.suspend(id, "禁止行為の疑い", OPERATOR);
        assertThat(registry.get(id).status()).isEqualTo(StaffStatus.SUSPENDED);
        assertThatThrownBy(() -> registry.suspend(id, "二重", OPERATOR))
                .isInstanceOf(InvalidInputException.class).hasMessage("staff.suspension.notActive");
        registry.reinstate(id, OPERATOR);
        assertThat(registry.get(id).status()).isEqualTo(StaffStatus.ACTIVE);
    }

    @Test
    @DisplayName("FAC-05 the administrator of another facility can neither suspend nor reinstate a user")
    void otherAdministratorMayNot() {
        FacilityId facility = facilities.activeHospital("自施設テスト病院");
        FacilityId other = facilities.activeHospital("他施設テスト病院");
        StaffId id = activeUser(facility, Profession.DOCTOR);
        var stranger = TestFacilities.administratorOf(other);
        int historyLines = registry.history(id).size();

        assertThatThrownBy(() -> registry.suspend(id, "他施設から", stranger))
                .isInstanceOf(InvalidInputException.class).hasMessage("staff.suspension.notAllowed");
        assertThat(registry.get(id).status()).isEqualTo(StaffStatus.ACTIVE);

        registry.suspend(id, "自施設で停止", OPERATOR);
        assertThatThrownBy(() -> registry.reinstate(id, stranger))
                .isInstanceOf(InvalidInputException.class).hasMessage("staff.suspension.notAllowed");
        assertThat(registry.get(id).status()).isEqualTo(StaffStatus.SUSPENDED);
        assertThat(registry.history(id)).hasSize(historyLines + 1);
    }

    @Test
    @DisplayName("USR-01 bad kana, a wished date too soon or a facility not active write nothing")
    void badInputWritesNothing() {
        FacilityId facility = facilities.activeHospital("入力テスト病院");

        assertThatThrownBy(() -> registry.applyToAdd(facility, doctor("くまもと"), today, today.plusDays(15),
                OPERATOR)).isInstanceOf(InvalidInputException.class).hasMessage("staff.familyNameKana.notKatakana");
        assertThatThrownBy(() -> registry.applyToAdd(facility,
                new NewStaff("熊本", "一郎", "クマモト", "イチロウ", null, null), today, today.plusDays(15), OPERATOR))
                .isInstanceOf(InvalidInputException.class).hasMessage("staff.profession.missing");
        assertThatThrownBy(() -> registry.applyToAdd(facility, doctor("クマモト"), today, today.plusDays(14),
                OPERATOR)).isInstanceOf(InvalidInputException.class).hasMessage("filing.wished.tooSoon.staff");
        assertThatThrownBy(() -> registry.applyToAdd(facility, doctor("クマモト"), today, today.plusDays(15),
                TestFacilities.administratorOf(facility)))
                .isInstanceOf(InvalidInputException.class).hasMessage("staff.operatorOnly");
        assertThat(registry.ofFacility(facility)).isEmpty();
        assertThat(desk.ofFacility(facility.value())).noneMatch(f -> f.kind().concernsStaff());

        FacilityId applying = facilities.applyingHospital("申請中テスト病院");
        assertThat(facilityRegistry.get(applying).status()).isEqualTo(FacilityStatus.APPLYING);
        assertThatThrownBy(() -> registry.applyToAdd(applying, doctor("クマモト"), today, today.plusDays(15),
                OPERATOR)).isInstanceOf(InvalidInputException.class).hasMessage("staff.facility.notActive");
        assertThat(registry.ofFacility(applying)).isEmpty();
        assertThat(desk.ofFacility(applying.value())).noneMatch(f -> f.kind().concernsStaff());
    }

    @Test
    @DisplayName("FAC-04 when a facility withdraws, its users are withdrawn with it on the same date")
    void facilityWithdrawalWithdrawsItsUsers() {
        FacilityId facility = facilities.activeHospital("撤回テスト病院");
        StaffId active = activeUser(facility, Profession.DOCTOR);
        StaffId suspended = activeUser(facility, Profession.NURSE);
        registry.suspend(suspended, "調査中", OPERATOR);
        StaffId applying = registry.applyToAdd(facility, doctor(TestFacilities.uniqueKana()), today,
                today.plusDays(15), OPERATOR);
        FacilityId neighbour = facilities.activeHospital("近隣テスト病院");
        StaffId neighbourUser = activeUser(neighbour, Profession.DOCTOR);

        LocalDate withdrawnOn = today.plusDays(30);
        desk.accept(facilityRegistry.applyToWithdraw(facility, today, withdrawnOn, OPERATOR), OPERATOR);
        schedule.runFor(withdrawnOn);

        assertThat(facilityRegistry.get(facility).status()).isEqualTo(FacilityStatus.WITHDRAWN);
        for (StaffId id : new StaffId[] {active, suspended, applying}) {
            StaffMember member = registry.get(id);
            assertThat(member.status()).isEqualTo(StaffStatus.WITHDRAWN);
            assertThat(member.withdrawnOn()).isEqualTo(withdrawnOn);
            assertThat(member.suspensionReason()).isNull();
        }
        assertThat(registry.get(neighbourUser).status()).isEqualTo(StaffStatus.ACTIVE);
    }
}
