package org.renkei.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FilingRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    @DisplayName("FAC-02 a facility application is due 30 days before the wished date and decided within 30 days")
    void facilityDueRules() {
        assertThat(FilingRules.datesProblem(FilingKind.FACILITY_NEW, TODAY, TODAY.plusDays(30), TODAY)).isEmpty();
        assertThat(FilingRules.datesProblem(FilingKind.FACILITY_NEW, TODAY, TODAY.plusDays(29), TODAY))
                .contains("filing.wished.tooSoon.facility");
        assertThat(FilingRules.decideBy(FilingKind.FACILITY_CHANGE, TODAY)).isEqualTo(TODAY.plusDays(30));
    }

    @Test
    @DisplayName("USR-01 a user application is due 15 days before the wished date and decided within 15 days")
    void userDueRules() {
        assertThat(FilingRules.datesProblem(FilingKind.STAFF_ADD, TODAY, TODAY.plusDays(15), TODAY)).isEmpty();
        assertThat(FilingRules.datesProblem(FilingKind.STAFF_WITHDRAWAL, TODAY, TODAY.plusDays(14), TODAY))
                .contains("filing.wished.tooSoon.staff");
        assertThat(FilingRules.decideBy(FilingKind.STAFF_ADD, TODAY)).isEqualTo(TODAY.plusDays(15));
    }

    @Test
    @DisplayName("FAC-02 a wished date in the past or a receipt in the future is refused")
    void pastAndFutureDates() {
        assertThat(FilingRules.datesProblem(FilingKind.FACILITY_NEW, TODAY.minusDays(60), TODAY.minusDays(1), TODAY))
                .contains("filing.wished.past");
        assertThat(FilingRules.datesProblem(FilingKind.FACILITY_NEW, TODAY.plusDays(1), TODAY.plusDays(40), TODAY))
                .contains("filing.received.future");
        assertThat(FilingRules.datesProblem(FilingKind.FACILITY_NEW, null, TODAY, TODAY)).contains("filing.dates.missing");
    }

    @Test
    @DisplayName("FAC-02 an application accepted after its wished date takes effect on the day of the decision")
    void effectiveDate() {
        assertThat(FilingRules.effectiveOn(TODAY.plusDays(5), TODAY)).isEqualTo(TODAY.plusDays(5));
        assertThat(FilingRules.effectiveOn(TODAY.minusDays(5), TODAY)).isEqualTo(TODAY);
    }

    @Test
    @DisplayName("FAC-06 joining can be refused only for a reason of eligibility, and every refusal records details")
    void openParticipation() {
        assertThat(FilingRules.refusalProblem(FilingKind.FACILITY_NEW, RefusalReason.OTHER, "気に入らない"))
                .contains("filing.refusal.openParticipation");
        assertThat(FilingRules.refusalProblem(FilingKind.FACILITY_NEW, RefusalReason.OUTSIDE_REGION, " "))
                .contains("filing.refusal.details.missing");
        assertThat(FilingRules.refusalProblem(FilingKind.FACILITY_NEW, null, "x"))
                .contains("filing.refusal.reason.missing");
        assertThat(FilingRules.refusalProblem(FilingKind.FACILITY_NEW, RefusalReason.OUTSIDE_REGION, "県外の施設"))
                .isEmpty();
        assertThat(FilingRules.refusalProblem(FilingKind.STAFF_ADD, RefusalReason.OTHER, "在籍確認できず")).isEmpty();
    }
}
