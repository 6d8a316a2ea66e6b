package org.renkei.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.renkei.TestRegion.OPERATOR;
import static org.renkei.TestRegion.today;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.TestRegion;
import org.renkei.filing.Filing;
import org.renkei.filing.FilingDesk;
import org.renkei.filing.FilingId;
import org.renkei.filing.FilingKind;
import org.renkei.filing.FilingSchedule;
import org.renkei.filing.FilingStatus;
import org.renkei.filing.RefusalReason;
import org.renkei.notice.FacilityNotices;
import org.renkei.notice.Notice;
import org.renkei.platform.web.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@RenkeiTest
class FacilityLifecycleTests {

    @Autowired FacilityRegistry registry;
    @Autowired FilingDesk filings;
    @Autowired FilingSchedule schedule;
    @Autowired FacilityNotices notices;
    @Autowired JdbcClient jdbc;

    @Test
    @DisplayName("FAC-02 a new application is applying until accepted, then active from its effective date")
    void joinTakesEffectOnTheEffectiveDate() {
        FacilityId id = registry.applyToJoin(FacilityKind.CLINIC, TestRegion.medicalCode(FacilityKind.CLINIC),
                TestRegion.details("みなみ内科クリニック"), today(), today().plusDays(30), OPERATOR);
        assertThat(registry.get(id).status()).isEqualTo(FacilityStatus.APPLYING);
        Filing application = only(id, FilingKind.FACILITY_NEW);
        assertThat(application.decideBy()).isEqualTo(today().plusDays(30));

        Filing accepted = filings.accept(application.id(), OPERATOR);

        assertThat(accepted.status()).isEqualTo(FilingStatus.ACCEPTED);
        assertThat(accepted.effectiveOn()).isEqualTo(today().plusDays(30));
        assertThat(registry.get(id).status()).isEqualTo(FacilityStatus.APPLYING);
        schedule.runFor(today().plusDays(29));
        assertThat(registry.get(id).status()).isEqualTo(FacilityStatus.APPLYING);

        schedule.runFor(today().plusDays(30));
        schedule.runFor(today().plusDays(31));

        Facility joined = registry.get(id);
        assertThat(joined.status()).isEqualTo(FacilityStatus.ACTIVE);
        assertThat(joined.joinedOn()).isEqualTo(today().plusDays(30));
        assertThat(only(id, FilingKind.FACILITY_NEW).status()).isEqualTo(FilingStatus.EFFECTIVE);
        assertThat(registry.history(id)).extracting(Facility.HistoryEntry::status)
                .containsExactly(FacilityStatus.ACTIVE, FacilityStatus.APPLYING);
    }

    @Test
    @DisplayName("FAC-02 the effective-date job is idempotent: running it twice, or for a missed day, changes nothing more")
    void effectiveDateJobIsIdempotent() {
        FacilityId id = registry.applyToJoin(FacilityKind.PHARMACY, TestRegion.medicalCode(FacilityKind.PHARMACY),
                TestRegion.details("ひがし薬局"), today(), today().plusDays(31), OPERATOR);
        FilingId application = only(id, FilingKind.FACILITY_NEW).id();
        filings.accept(application, OPERATOR);
        // after downtime the job runs days late, twice
        schedule.runFor(today().plusDays(40));
        schedule.runFor(today().plusDays(40));
        assertThat(filings.takeEffectIfDue(application, today().plusDays(41))).isFalse();
        assertThat(registry.get(id).joinedOn()).isEqualTo(today().plusDays(31));
        assertThat(registry.history(id)).hasSize(2);
    }

    @Test
    @DisplayName("FAC-02 a refusal records its reason, leaves the facility refused and notifies its contact persons")
    void refusalIsNotified() {
        FacilityId id = registry.applyToJoin(FacilityKind.CLINIC, TestRegion.medicalCode(FacilityKind.CLINIC),
                TestRegion.details("県外クリニック"), today(), today().plusDays(30), OPERATOR);
        Filing application = only(id, FilingKind.FACILITY_NEW);

        filings.refuse(application.id(), RefusalReason.OUTSIDE_REGION, "所在地が対象地域外のため", OPERATOR);

        assertThat(registry.get(id).status()).isEqualTo(FacilityStatus.REFUSED);
        Filing refused = only(id, FilingKind.FACILITY_NEW);
        assertThat(refused.status()).isEqualTo(FilingStatus.REFUSED);
        assertThat(refused.refusalReason()).isEqualTo(RefusalReason.OUTSIDE_REGION);
        assertThat(refused.decidedBy()).contains("operator");
        List<Notice> sent = notices.of(id.value());
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).kind()).isEqualTo("FILING_REFUSED");
        assertThat(sent.get(0).recipients()).isEqualTo("連絡 次郎");
        assertThat(sent.get(0).body()).contains("所在地が対象地域外のため").contains("対象地域外");
        assertThat(registry.publicList()).extracting(Facility::id).doesNotContain(id);
    }

    @Test
    @DisplayName("FAC-06 refusing an eligible facility for 'other' reasons is refused itself and changes nothing")
    void openParticipation() {
        FacilityId id = TestRegion.applying(registry, FacilityKind.HOSPITAL, "なかよし病院");
        Filing application = only(id, FilingKind.FACILITY_NEW);

        assertThatThrownBy(() -> filings.refuse(application.id(), RefusalReason.OTHER, "競合のため", OPERATOR))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("filing.refusal.openParticipation");
        assertThatThrownBy(() -> filings.refuse(application.id(), RefusalReason.NOT_ELIGIBLE, "  ", OPERATOR))
                .isInstanceOf(InvalidInputException.class);

        assertThat(only(id, FilingKind.FACILITY_NEW).status()).isEqualTo(FilingStatus.PENDING);
        assertThat(registry.get(id).status()).isEqualTo(FacilityStatus.APPLYING);
        assertThat(notices.of(id.value())).isEmpty();
    }

    @Test
    @DisplayName("FAC-03 a change application changes the facility's details and people on its effective date")
    void changeTakesEffect() {
        FacilityId id = TestRegion.active(registry, filings, FacilityKind.CLINIC, "にし整形外科");
        var changed = new FacilityDetails("にし整形外科・リハビリクリニック", "ニシセイケイゲカ", "860-0001",
                "熊本県熊本市中央区千葉城町2-2", "096-200-3000", List.of(
                        new FacilityPerson(FacilityPerson.Role.HEAD, "西 一郎", "院長", null, null),
                        new FacilityPerson(FacilityPerson.Role.ADMINISTRATOR, "西 一郎", "院長", null, null),
                        new FacilityPerson(FacilityPerson.Role.CONTACT, "新任 窓口", "事務", "096-200-3001", null),
                        new FacilityPerson(FacilityPerson.Role.CONTACT, "二人目 窓口", "事務", null, "b@example.jp"),
                        new FacilityPerson(FacilityPerson.Role.RECEPTION, "受付 四郎", "受付", null, null)));

        FilingId change = registry.applyForChange(id, changed, today(), today().plusDays(30), OPERATOR);
        assertThat(registry.get(id).name()).isEqualTo("にし整形外科");
        filings.accept(change, OPERATOR);
        schedule.runFor(today().plusDays(30));

        Facility after = registry.get(id);
        assertThat(after.name()).isEqualTo("にし整形外科・リハビリクリニック");
        assertThat(after.contacts()).extracting(FacilityPerson::name).containsExactly("新任 窓口", "二人目 窓口");
        assertThat(after.status()).isEqualTo(FacilityStatus.ACTIVE);
    }

    @Test
    @DisplayName("FAC-04 a withdrawal takes effect on its date: the facility is withdrawn and listed with its withdrawal date")
    void withdrawal() {
        FacilityId id = TestRegion.active(registry, filings, FacilityKind.DENTAL_CLINIC, "きた歯科医院");
        FilingId withdrawal = registry.applyToWithdraw(id, today(), today().plusDays(30), OPERATOR);
        filings.accept(withdrawal, OPERATOR);
        assertThat(registry.isActive(id)).isTrue();

        schedule.runFor(today().plusDays(30));

        Facility after = registry.get(id);
        assertThat(after.status()).isEqualTo(FacilityStatus.WITHDRAWN);
        assertThat(after.withdrawnOn()).isEqualTo(today().plusDays(30));
        assertThat(registry.isActive(id)).isFalse();
        assertThat(registry.publicList()).filteredOn(f -> f.id().equals(id)).singleElement()
                .satisfies(f -> {
                    assertThat(f.joinedOn()).isEqualTo(today());
                    assertThat(f.withdrawnOn()).isEqualTo(today().plusDays(30));
                });
    }

    @Test
    @DisplayName("FAC-05 the operator suspends a facility at once with a reason, and reinstates it")
    void suspension() {
        FacilityId id = TestRegion.active(registry, filings, FacilityKind.HOSPITAL, "停止テスト病院");
        assertThatThrownBy(() -> registry.suspend(id, " ", OPERATOR)).isInstanceOf(InvalidInputException.class);
        assertThat(registry.isActive(id)).isTrue();

        registry.suspend(id, "禁止行為（目的外閲覧）の調査のため", OPERATOR);
        assertThat(registry.get(id).status()).isEqualTo(FacilityStatus.SUSPENDED);
        assertThat(registry.get(id).suspensionReason()).isEqualTo("禁止行為（目的外閲覧）の調査のため");
        assertThat(registry.isActive(id)).isFalse();

        registry.reinstate(id, OPERATOR);
        assertThat(registry.get(id).status()).isEqualTo(FacilityStatus.ACTIVE);
        assertThat(registry.get(id).suspensionReason()).isNull();
    }

    @Test
    @DisplayName("FAC-01 bad applications — malformed code, incomplete people, past date, duplicate — write nothing")
    void badApplicationsWriteNothing() {
        long facilitiesBefore = count("facility");
        long filingsBefore = count("filing");
        String code = TestRegion.medicalCode(FacilityKind.CLINIC);
        String wrongCheckDigit = code.substring(0, 9) + ((code.charAt(9) - '0' + 1) % 10);
        var noReception = new FacilityDetails("受付なし医院", null, "860-0806", "熊本市", "096-123-4567",
                TestRegion.details("x").people().stream()
                        .filter(p -> p.role() != FacilityPerson.Role.RECEPTION).toList());

        assertThatThrownBy(() -> registry.applyToJoin(FacilityKind.CLINIC, wrongCheckDigit,
                TestRegion.details("検証番号違い医院"), today(), today().plusDays(30), OPERATOR))
                .hasMessage("facility.code.medical.checkDigit");
        assertThatThrownBy(() -> registry.applyToJoin(FacilityKind.CLINIC, code, noReception, today(),
                today().plusDays(30), OPERATOR))
                .hasMessage("facility.reception.missing");
        assertThatThrownBy(() -> registry.applyToJoin(FacilityKind.CLINIC, code, TestRegion.details("過去日医院"),
                today().minusDays(60), today().minusDays(1), OPERATOR))
                .hasMessage("filing.wished.past");
        assertThatThrownBy(() -> registry.applyToJoin(FacilityKind.CLINIC, code, TestRegion.details("急ぎ医院"),
                today(), today().plusDays(10), OPERATOR))
                .hasMessage("filing.wished.tooSoon.facility");
        assertThat(count("facility")).isEqualTo(facilitiesBefore);
        assertThat(count("filing")).isEqualTo(filingsBefore);

        registry.applyToJoin(FacilityKind.CLINIC, code, TestRegion.details("重複医院"), today(), today().plusDays(30),
                OPERATOR);
        assertThatThrownBy(() -> registry.applyToJoin(FacilityKind.CLINIC, code, TestRegion.details("重複医院"),
                today(), today().plusDays(30), OPERATOR))
                .hasMessage("facility.code.inUse");
        assertThat(count("facility")).isEqualTo(facilitiesBefore + 1);
    }

    @Test
    @DisplayName("FAC-03 a second change application while one is open is refused as a duplicate")
    void duplicateChange() {
        FacilityId id = TestRegion.active(registry, filings, FacilityKind.CLINIC, "重複変更クリニック");
        registry.applyForChange(id, TestRegion.details("新名称1"), today(), today().plusDays(30), OPERATOR);
        assertThatThrownBy(() -> registry.applyForChange(id, TestRegion.details("新名称2"), today(),
                today().plusDays(31), OPERATOR))
                .hasMessage("filing.duplicate");
    }

    @Test
    @DisplayName("FAC-02 an application undecided past its deadline is told to the facility once, and so is the late decision")
    void lateDecisionIsNotified() {
        FacilityId id = registry.applyToJoin(FacilityKind.HOSPITAL, TestRegion.medicalCode(FacilityKind.HOSPITAL),
                TestRegion.details("おそい病院"), today().minusDays(35), today(), OPERATOR);
        Filing application = only(id, FilingKind.FACILITY_NEW);
        assertThat(application.overdueOn(today())).isTrue();

        schedule.runFor(today());
        schedule.runFor(today());
        assertThat(notices.of(id.value())).extracting(Notice::kind).containsExactly("FILING_OVERDUE");

        filings.accept(application.id(), OPERATOR);
        assertThat(notices.of(id.value())).extracting(Notice::kind)
                .containsExactlyInAnyOrder("FILING_OVERDUE", "FILING_DECIDED_LATE");
        assertThat(registry.get(id).status()).isEqualTo(FacilityStatus.ACTIVE);
    }

    private Filing only(FacilityId id, FilingKind kind) {
        return filings.ofFacility(id.value()).stream().filter(f -> f.kind() == kind).findFirst().orElseThrow();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
