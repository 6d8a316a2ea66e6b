package org.renkei.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BusinessDaysTests {

    private static final Predicate<LocalDate> NO_HOLIDAYS = day -> false;

    /** Friday 2026-11-13; the following Monday is 11-16, Wednesday 11-18. */
    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 13);

    @Test
    @DisplayName("CON-07 received on a Friday, the 3rd business day is the following Wednesday")
    void fridayPlusThree() {
        assertThat(FRIDAY.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(BusinessDays.add(FRIDAY, 1, NO_HOLIDAYS)).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(BusinessDays.add(FRIDAY, 3, NO_HOLIDAYS)).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(BusinessDays.add(FRIDAY, 5, NO_HOLIDAYS)).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(BusinessDays.add(FRIDAY, 6, NO_HOLIDAYS)).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    @DisplayName("CON-07 a holiday in between pushes the deadline back by a day")
    void holidayInBetween() {
        Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 11, 16));
        assertThat(BusinessDays.add(FRIDAY, 3, holidays::contains)).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(BusinessDays.isBusinessDay(LocalDate.of(2026, 11, 16), holidays::contains)).isFalse();
        assertThat(BusinessDays.isBusinessDay(LocalDate.of(2026, 11, 17), holidays::contains)).isTrue();
    }

    @Test
    @DisplayName("CON-07 Saturdays and Sundays are never business days; the start day never counts")
    void weekendsAndStart() {
        assertThat(BusinessDays.isBusinessDay(LocalDate.of(2026, 11, 14), NO_HOLIDAYS)).isFalse();
        assertThat(BusinessDays.isBusinessDay(LocalDate.of(2026, 11, 15), NO_HOLIDAYS)).isFalse();
        LocalDate saturday = LocalDate.of(2026, 11, 14);
        assertThat(BusinessDays.add(saturday, 1, NO_HOLIDAYS)).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(BusinessDays.add(saturday, 0, NO_HOLIDAYS)).isEqualTo(saturday);
        assertThat(BusinessDays.add(FRIDAY, 0, NO_HOLIDAYS)).isEqualTo(FRIDAY);
    }

    @Test
    @DisplayName("CON-07 Golden Week 2026 by the national holidays: Thursday April 30 plus 3 is Friday May 8")
    void goldenWeek() {
        LocalDate received = LocalDate.of(2026, 4, 30);
        assertThat(BusinessDays.add(received, 1, JapaneseHolidays::isHoliday)).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(BusinessDays.add(received, 2, JapaneseHolidays::isHoliday)).isEqualTo(LocalDate.of(2026, 5, 7));
        assertThat(BusinessDays.add(received, 3, JapaneseHolidays::isHoliday)).isEqualTo(LocalDate.of(2026, 5, 8));
    }

    @Test
    @DisplayName("CON-07 counting business days between two dates is the inverse of adding them")
    void between() {
        Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 11, 16));
        for (int n = 0; n <= 30; n++) {
            LocalDate end = BusinessDays.add(FRIDAY, n, holidays::contains);
            assertThat(BusinessDays.between(FRIDAY, end, holidays::contains)).isEqualTo(n);
            assertThat(BusinessDays.between(end, FRIDAY, holidays::contains)).isEqualTo(-n);
        }
        assertThat(BusinessDays.between(FRIDAY, LocalDate.of(2026, 11, 15), NO_HOLIDAYS)).isZero();
    }

    @Test
    @DisplayName("CON-07 a negative count or a calendar without business days is refused")
    void refusals() {
        assertThatThrownBy(() -> BusinessDays.add(FRIDAY, -1, NO_HOLIDAYS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessDays.add(FRIDAY, 1, day -> true))
                .isInstanceOf(IllegalStateException.class);
    }
}
