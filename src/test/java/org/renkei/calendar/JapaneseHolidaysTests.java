package org.renkei.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.renkei.calendar.Holiday.Kind;

class JapaneseHolidaysTests {

    /**
     * The Cabinet Office (内閣府) list of national holidays and rest days for 2020–2027, as its table
     * "国民の祝日・休日月日,国民の祝日・休日名称" writes them: substitute holidays and citizens' holidays both appear as
     * 休日.
     */
    private static final String CABINET_OFFICE_2020_2027 = """
            2020/1/1,元日
            2020/1/13,成人の日
            2020/2/11,建国記念の日
            2020/2/23,天皇誕生日
            2020/2/24,休日
            2020/3/20,春分の日
            2020/4/29,昭和の日
            2020/5/3,憲法記念日
            2020/5/4,みどりの日
            2020/5/5,こどもの日
            2020/5/6,休日
            2020/7/23,海の日
            2020/7/24,スポーツの日
            2020/8/10,山の日
            2020/9/21,敬老の日
            2020/9/22,秋分の日
            2020/11/3,文化の日
            2020/11/23,勤労感謝の日

            2021/1/1,元日
            2021/1/11,成人の日
            2021/2/11,建国記念の日
            2021/2/23,天皇誕生日
            2021/3/20,春分の日
            2021/4/29,昭和の日
            2021/5/3,憲法記念日
            2021/5/4,みどりの日
            2021/5/5,こどもの日
            2021/7/22,海の日
            2021/7/23,スポーツの日
            2021/8/8,山の日
            2021/8/9,休日
            2021/9/20,敬老の日
            2021/9/23,秋分の日
            2021/11/3,文化の日
            2021/11/23,勤労感謝の日

            2022/1/1,元日
            2022/1/10,成人の日
            2022/2/11,建国記念の日
            2022/2/23,天皇誕生日
            2022/3/21,春分の日
            2022/4/29,昭和の日
            2022/5/3,憲法記念日
            2022/5/4,みどりの日
            2022/5/5,こどもの日
            2022/7/18,海の日
            2022/8/11,山の日
            2022/9/19,敬老の日
            2022/9/23,秋分の日
            2022/10/10,スポーツの日
            2022/11/3,文化の日
            2022/11/23,勤労感謝の日

            2023/1/1,元日
            2023/1/2,休日
            2023/1/9,成人の日
            2023/2/11,建国記念の日
            2023/2/23,天皇誕生日
            2023/3/21,春分の日
            2023/4/29,昭和の日
            2023/5/3,憲法記念日
            2023/5/4,みどりの日
            2023/5/5,こどもの日
            2023/7/17,海の日
            2023/8/11,山の日
            2023/9/18,敬老の日
            2023/9/23,秋分の日
            2023/10/9,スポーツの日
            2023/11/3,文化の日
            2023/11/23,勤労感謝の日

            2024/1/1,元日
            2024/1/8,成人の日
            2024/2/11,建国記念の日
            2024/2/12,休日
            2024/2/23,天皇誕生日
            2024/3/20,春分の日
            2024/4/29,昭和の日
            2024/5/3,憲法記念日
            2024/5/4,みどりの日
            2024/5/5,こどもの日
            2024/5/6,休日
            2024/7/15,海の日
            2024/8/11,山の日
            2024/8/12,休日
            2024/9/16,敬老の日
            2024/9/22,秋分の日
            2024/9/23,休日
            2024/10/14,スポーツの日
            2024/11/3,文化の日
            2024/11/4,休日
            2024/11/23,勤労感謝の日

            2025/1/1,元日
            2025/1/13,成人の日
            2025/2/11,建国記念の日
            2025/2/23,天皇誕生日
            2025/2/24,休日
            2025/3/20,春分の日
            2025/4/29,昭和の日
            2025/5/3,憲法記念日
            2025/5/4,みどりの日
            2025/5/5,こどもの日
            2025/5/6,休日
            2025/7/21,海の日
            2025/8/11,山の日
            2025/9/15,敬老の日
            2025/9/23,秋分の日
            2025/10/13,スポーツの日
            2025/11/3,文化の日
            2025/11/23,勤労感謝の日
            2025/11/24,休日

            2026/1/1,元日
            2026/1/12,成人の日
            2026/2/11,建国記念の日
            2026/2/23,天皇誕生日
            2026/3/20,春分の日
            2026/4/29,昭和の日
            2026/5/3,憲法記念日
            2026/5/4,みどりの日
            2026/5/5,こどもの日
            2026/5/6,休日
            2026/7/20,海の日
            2026/8/11,山の日
            2026/9/21,敬老の日
            2026/9/22,休日
            2026/9/23,秋分の日
            2026/10/12,スポーツの日
            2026/11/3,文化の日
            2026/11/23,勤労感謝の日

            2027/1/1,元日
            2027/1/11,成人の日
            2027/2/11,建国記念の日
            2027/2/23,天皇誕生日
            2027/3/21,春分の日
            2027/3/22,休日
            2027/4/29,昭和の日
            2027/5/3,憲法記念日
            2027/5/4,みどりの日
            2027/5/5,こどもの日
            2027/7/19,海の日
            2027/8/11,山の日
            2027/9/20,敬老の日
            2027/9/23,秋分の日
            2027/10/11,スポーツの日
            2027/11/3,文化の日
            2027/11/23,勤労感謝の日
            """;

    private static final DateTimeFormatter CABINET_OFFICE_DATE = DateTimeFormatter.ofPattern("yyyy/M/d");

    @ParameterizedTest(name = "PAR-02 holidays of {0} match the Cabinet Office list")
    @ValueSource(ints = {2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027})
    @DisplayName("PAR-02 holidays of 2020-2027 match the Cabinet Office list, date by date and name by name")
    void matchesCabinetOfficeList(int year) {
        List<String> published = CABINET_OFFICE_2020_2027.lines()
                .map(String::strip)
                .filter(line -> line.startsWith(year + "/"))
                .toList();
        List<String> computed = JapaneseHolidays.holidaysIn(year).stream()
                .map(h -> CABINET_OFFICE_DATE.format(h.date()) + "," + cabinetOfficeName(h))
                .toList();
        assertThat(published).isNotEmpty();
        assertThat(computed).containsExactlyElementsOf(published);
    }

    @Test
    @DisplayName("PAR-02 a weekday between two national holidays is a citizens' holiday (2009, 2015, 2026, 2032)")
    void citizensHolidays() {
        for (LocalDate day : List.of(LocalDate.of(2009, 9, 22), LocalDate.of(2015, 9, 22), LocalDate.of(2026, 9, 22),
                LocalDate.of(2032, 9, 21))) {
            assertThat(JapaneseHolidays.holiday(day)).as(day.toString())
                    .hasValueSatisfying(h -> {
                        assertThat(h.kind()).isEqualTo(Kind.CITIZENS);
                        assertThat(h.japaneseName()).isEqualTo("国民の休日");
                        assertThat(h.englishName()).isEqualTo("Citizens' Holiday");
                    });
        }
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2020, 9, 23))).isFalse();
    }

    @Test
    @DisplayName("PAR-02 2019: enthronement days, the ten-day Golden Week and no Emperor's Birthday")
    void year2019() {
        assertThat(kindAndName(2019, 4, 29)).isEqualTo("NATIONAL 昭和の日");
        assertThat(kindAndName(2019, 4, 30)).isEqualTo("CITIZENS 国民の休日");
        assertThat(kindAndName(2019, 5, 1)).isEqualTo("SPECIAL 即位の日");
        assertThat(kindAndName(2019, 5, 2)).isEqualTo("CITIZENS 国民の休日");
        assertThat(kindAndName(2019, 5, 3)).isEqualTo("NATIONAL 憲法記念日");
        assertThat(kindAndName(2019, 5, 6)).isEqualTo("SUBSTITUTE 振替休日");
        assertThat(kindAndName(2019, 10, 22)).isEqualTo("SPECIAL 即位礼正殿の儀");
        assertThat(kindAndName(2019, 10, 14)).isEqualTo("NATIONAL 体育の日");
        assertThat(JapaneseHolidays.holidaysIn(2019)).noneMatch(h -> h.japaneseName().equals("天皇誕生日"));
        assertThat(JapaneseHolidays.holiday(LocalDate.of(2019, 5, 1)).orElseThrow().isNationalHoliday()).isTrue();
    }

    @Test
    @DisplayName("PAR-02 the Emperor's Birthday is December 23 until 2018 and February 23 from 2020")
    void emperorsBirthday() {
        assertThat(kindAndName(2018, 12, 23)).isEqualTo("NATIONAL 天皇誕生日");
        assertThat(kindAndName(2018, 12, 24)).isEqualTo("SUBSTITUTE 振替休日");
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2018, 2, 23))).isFalse();
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2020, 12, 23))).isFalse();
        assertThat(kindAndName(2020, 2, 23)).isEqualTo("NATIONAL 天皇誕生日");
        assertThat(kindAndName(2020, 2, 24)).isEqualTo("SUBSTITUTE 振替休日");
    }

    @Test
    @DisplayName("PAR-02 until 2006 a Sunday holiday moved only to the Monday after; from 2007 to the next non-holiday")
    void substituteHolidayRules() {
        assertThat(kindAndName(2006, 1, 2)).isEqualTo("SUBSTITUTE 振替休日");
        assertThat(kindAndName(2002, 5, 6)).isEqualTo("SUBSTITUTE 振替休日");
        // 2003: May 4 was a Sunday between two holidays, which the old law left a plain Sunday
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2003, 5, 4))).isFalse();
        // 2002: May 4 was a Saturday between two holidays, a citizens' holiday
        assertThat(kindAndName(2002, 5, 4)).isEqualTo("CITIZENS 国民の休日");
        // 2008: May 4 (Greenery Day) on a Sunday moves past Children's Day to Tuesday May 6
        assertThat(LocalDate.of(2008, 5, 4).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(kindAndName(2008, 5, 6)).isEqualTo("SUBSTITUTE 振替休日");
        assertThat(kindAndName(2025, 5, 6)).isEqualTo("SUBSTITUTE 振替休日");
    }

    @Test
    @DisplayName("PAR-02 holidays follow the law of their year: renamed, moved to Mondays, added")
    void lawChanges() {
        assertThat(kindAndName(2006, 4, 29)).isEqualTo("NATIONAL みどりの日");
        assertThat(kindAndName(2007, 4, 29)).isEqualTo("NATIONAL 昭和の日");
        assertThat(kindAndName(2007, 5, 4)).isEqualTo("NATIONAL みどりの日");
        assertThat(kindAndName(2000, 1, 10)).isEqualTo("NATIONAL 成人の日");
        assertThat(kindAndName(2002, 7, 20)).isEqualTo("NATIONAL 海の日");
        assertThat(kindAndName(2003, 7, 21)).isEqualTo("NATIONAL 海の日");
        assertThat(kindAndName(2002, 9, 15)).isEqualTo("NATIONAL 敬老の日");
        assertThat(kindAndName(2004, 9, 20)).isEqualTo("NATIONAL 敬老の日");
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2004, 9, 15))).isFalse();
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2015, 8, 11))).isFalse();
        assertThat(kindAndName(2016, 8, 11)).isEqualTo("NATIONAL 山の日");
        assertThat(JapaneseHolidays.holiday(LocalDate.of(2019, 10, 14)).orElseThrow().englishName())
                .isEqualTo("Health and Sports Day");
        assertThat(JapaneseHolidays.holiday(LocalDate.of(2022, 10, 10)).orElseThrow())
                .extracting(Holiday::japaneseName, Holiday::englishName)
                .containsExactly("スポーツの日", "Sports Day");
    }

    @Test
    @DisplayName("PAR-02 the Olympic years 2020 and 2021 moved Marine, Sports and Mountain Day")
    void olympicYears() {
        assertThat(kindAndName(2020, 7, 23)).isEqualTo("NATIONAL 海の日");
        assertThat(kindAndName(2020, 7, 24)).isEqualTo("NATIONAL スポーツの日");
        assertThat(kindAndName(2020, 8, 10)).isEqualTo("NATIONAL 山の日");
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2020, 7, 20))).isFalse();
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2020, 8, 11))).isFalse();
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2020, 10, 12))).isFalse();
        assertThat(kindAndName(2021, 7, 22)).isEqualTo("NATIONAL 海の日");
        assertThat(kindAndName(2021, 7, 23)).isEqualTo("NATIONAL スポーツの日");
        assertThat(kindAndName(2021, 8, 8)).isEqualTo("NATIONAL 山の日");
        assertThat(kindAndName(2021, 8, 9)).isEqualTo("SUBSTITUTE 振替休日");
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2021, 7, 19))).isFalse();
        assertThat(JapaneseHolidays.isHoliday(LocalDate.of(2021, 10, 11))).isFalse();
    }

    @Test
    @DisplayName("PAR-02 the equinox days follow the astronomical approximation")
    void equinoxes() {
        assertThat(JapaneseHolidays.vernalEquinoxDay(2024)).isEqualTo(20);
        assertThat(JapaneseHolidays.vernalEquinoxDay(2027)).isEqualTo(21);
        assertThat(JapaneseHolidays.autumnalEquinoxDay(2012)).isEqualTo(22);
        assertThat(JapaneseHolidays.autumnalEquinoxDay(2025)).isEqualTo(23);
        IntStream.rangeClosed(JapaneseHolidays.FIRST_YEAR, JapaneseHolidays.LAST_YEAR).forEach(year -> {
            assertThat(JapaneseHolidays.vernalEquinoxDay(year)).isBetween(19, 22);
            assertThat(JapaneseHolidays.autumnalEquinoxDay(year)).isBetween(22, 24);
        });
    }

    @Test
    @DisplayName("PAR-02 every year 2000-2035 is well formed: in date order, named, substitutes follow Sundays")
    void everyYearIsWellFormed() {
        for (int year = JapaneseHolidays.FIRST_YEAR; year <= JapaneseHolidays.LAST_YEAR; year++) {
            List<Holiday> holidays = JapaneseHolidays.holidaysIn(year);
            assertThat(holidays).as("holidays of %d", year).hasSizeBetween(15, 22);
            assertThat(holidays).extracting(Holiday::date).isSorted().doesNotHaveDuplicates()
                    .allMatch(date -> date.getYear() == holidays.get(0).date().getYear());
            assertThat(holidays).allSatisfy(h -> {
                assertThat(h.japaneseName()).isNotBlank();
                assertThat(h.englishName()).isNotBlank();
                assertThat(JapaneseHolidays.holiday(h.date())).contains(h);
            });
            for (Holiday h : holidays) {
                if (h.kind() == Kind.SUBSTITUTE) {
                    LocalDate before = h.date().minusDays(1);
                    while (before.getDayOfWeek() != DayOfWeek.SUNDAY) {
                        assertThat(JapaneseHolidays.holiday(before).map(Holiday::isNationalHoliday)).contains(true);
                        before = before.minusDays(1);
                    }
                    assertThat(JapaneseHolidays.holiday(before).map(Holiday::isNationalHoliday)).as(h.toString())
                            .contains(true);
                }
            }
        }
    }

    @Test
    @DisplayName("PAR-02 years outside 2000-2035 are refused, not guessed")
    void refusesYearsOutsideRange() {
        assertThatThrownBy(() -> JapaneseHolidays.holidaysIn(1999))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2000-2035");
        assertThatThrownBy(() -> JapaneseHolidays.holidaysIn(2036)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JapaneseHolidays.holiday(LocalDate.of(2036, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(JapaneseHolidays.covers(2035)).isTrue();
        assertThat(JapaneseHolidays.covers(2036)).isFalse();
    }

    private static String kindAndName(int year, int month, int day) {
        return JapaneseHolidays.holiday(LocalDate.of(year, month, day))
                .map(h -> h.kind() + " " + h.japaneseName())
                .orElse("no holiday");
    }

    private static String cabinetOfficeName(Holiday holiday) {
        return switch (holiday.kind()) {
            case NATIONAL -> holiday.japaneseName();
            case SPECIAL -> "休日（祝日扱い）";
            case SUBSTITUTE, CITIZENS -> "休日";
        };
    }
}
