package org.renkei.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.renkei.RenkeiTest;
import org.renkei.platform.time.JapanTime;
import org.renkei.platform.web.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@RenkeiTest
class CalendarPageTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    Clock clock;

    private static RequestPostProcessor operator() {
        return user("operator").roles("OPERATOR");
    }

    @Test
    @DisplayName("PAR-02 the calendar page lists a year's national holidays in Japanese and English")
    void listsNationalHolidays() throws Exception {
        mvc.perform(get("/operator/calendar").param("year", "2026").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2026年の国民の祝日・休日")))
                .andExpect(content().string(containsString("2026-01-12（令和8年）")))
                .andExpect(content().string(containsString("成人の日")))
                .andExpect(content().string(containsString("Coming of Age Day")))
                .andExpect(content().string(containsString("2026-09-22（令和8年）")))
                .andExpect(content().string(containsString("国民の休日")))
                .andExpect(content().string(containsString("振替休日")));

        int thisYear = JapanTime.today(clock).getYear();
        mvc.perform(get("/operator/calendar").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(thisYear + "年の国民の祝日・休日")));

        mvc.perform(get("/operator/calendar").param("year", "2026").param("lang", "en").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("National holidays of 2026")));
    }

    @Test
    @DisplayName("PAR-02 the calendar page is for the operator only")
    void operatorsOnly() throws Exception {
        mvc.perform(get("/operator/calendar")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/operator/calendar").with(user("admin").roles("FACILITY_ADMIN")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/operator/calendar").param("day", "2034-12-27").param("name", "x")
                        .with(operator()))
                .andExpect(status().isForbidden());
        assertThat(calendar.operatorHolidays(2034)).noneMatch(h -> h.day().equals(LocalDate.of(2034, 12, 27)));
    }

    @Test
    @DisplayName("PAR-02 the operator adds and removes an operator holiday on the calendar page")
    void addAndRemove() throws Exception {
        LocalDate day = LocalDate.of(2034, 12, 29);
        assertThat(calendar.isBusinessDay(day)).isTrue();

        mvc.perform(post("/operator/calendar").param("day", "2034-12-29").param("name", " 年末年始 ")
                        .param("year", "2026").with(operator()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/operator/calendar?year=2034"))
                .andExpect(flash().attribute("notice", containsString("年末年始")));
        assertThat(calendar.isBusinessDay(day)).isFalse();
        assertThat(calendar.operatorHolidays(2034)).anySatisfy(h -> {
            assertThat(h.day()).isEqualTo(day);
            assertThat(h.name()).isEqualTo("年末年始");
        });
        mvc.perform(get("/operator/calendar").param("year", "2034").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2034-12-29（令和16年）")))
                .andExpect(content().string(containsString("年末年始")));

        mvc.perform(post("/operator/calendar/remove").param("day", "2034-12-29").param("year", "2034")
                        .with(operator()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/operator/calendar?year=2034"));
        assertThat(calendar.isBusinessDay(day)).isTrue();
        mvc.perform(get("/operator/calendar").param("year", "2034").with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("2034-12-29（令和16年）"))));
    }

    @Test
    @DisplayName("PAR-02 bad input is refused on the page with the reason and changes nothing")
    void refusesBadInput() throws Exception {
        var before = calendar.operatorHolidays(2034);
        mvc.perform(post("/operator/calendar").param("day", "2034-12-28").param("name", "  ")
                        .param("year", "2034").with(operator()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("運営者休業日の名称を入力してください。")))
                .andExpect(content().string(containsString("2034年の国民の祝日・休日")))
                .andExpect(content().string(containsString("value=\"2034-12-28\"")));
        mvc.perform(post("/operator/calendar").param("day", "2034-11-03").param("name", "休業")
                        .with(operator()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("既に国民の祝日・休日（文化の日）です。")));
        mvc.perform(post("/operator/calendar").param("day", "2034-11-03").param("name", "Closed")
                        .param("lang", "en").with(operator()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is already a national holiday (Culture Day).")));
        mvc.perform(post("/operator/calendar").param("day", "2034-12-30").param("name", "休業")
                        .param("lang", "ja").with(operator()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("土曜日または日曜日")));
        mvc.perform(post("/operator/calendar").param("day", "2034-13-01").param("name", "休業")
                        .with(operator()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("日付として読めません")));
        mvc.perform(post("/operator/calendar").param("day", "2036-01-07").param("name", "休業")
                        .with(operator()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("2000年から2035年まで")));
        mvc.perform(post("/operator/calendar").param("day", "2034-12-28").param("name", "x".repeat(101))
                        .with(operator()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("100文字以内")));
        mvc.perform(post("/operator/calendar/remove").param("day", "2034-12-28").with(operator()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("運営者休業日ではありません")));
        mvc.perform(get("/operator/calendar").param("year", "1999").with(operator()))
                .andExpect(status().isBadRequest());
        assertThat(calendar.operatorHolidays(2034)).isEqualTo(before);
    }

    @Test
    @DisplayName("PAR-02 a day can be an operator holiday only once")
    void refusesDuplicate() {
        LocalDate day = LocalDate.of(2033, 12, 29);
        calendar.addOperatorHoliday(day, "年末年始");
        try {
            assertThatThrownBy(() -> calendar.addOperatorHoliday(day, "別名"))
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).messageKey())
                    .isEqualTo("calendar.operatorHoliday.exists");
            assertThat(calendar.operatorHolidays(2033)).filteredOn(h -> h.day().equals(day))
                    .singleElement().extracting(OperatorHoliday::name).isEqualTo("年末年始");
        } finally {
            calendar.removeOperatorHoliday(day);
        }
    }

    @Test
    @DisplayName("CON-07 business-day deadlines skip operator holidays")
    void addBusinessDaysHonoursOperatorHolidays() {
        LocalDate friday = LocalDate.of(2035, 6, 8);
        LocalDate monday = LocalDate.of(2035, 6, 11);
        assertThat(calendar.addBusinessDays(friday, 3)).isEqualTo(LocalDate.of(2035, 6, 13));
        calendar.addOperatorHoliday(monday, "臨時休業");
        try {
            assertThat(calendar.isBusinessDay(monday)).isFalse();
            assertThat(calendar.addBusinessDays(friday, 3)).isEqualTo(LocalDate.of(2035, 6, 14));
            assertThat(calendar.businessDaysBetween(friday, LocalDate.of(2035, 6, 14))).isEqualTo(3);
        } finally {
            calendar.removeOperatorHoliday(monday);
        }
        assertThat(calendar.addBusinessDays(friday, 3)).isEqualTo(LocalDate.of(2035, 6, 13));
    }

    @Test
    @DisplayName("CON-07 business days are not guessed outside 2000-2035")
    void refusesDaysOutsideCalendar() {
        assertThatThrownBy(() -> calendar.isBusinessDay(LocalDate.of(2036, 1, 7)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> calendar.addBusinessDays(LocalDate.of(2035, 12, 28), 5))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> calendar.operatorHolidays(1999)).isInstanceOf(InvalidInputException.class);
    }
}
