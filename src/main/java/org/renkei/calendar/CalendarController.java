package org.renkei.calendar;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.renkei.platform.time.JapanTime;
import org.renkei.platform.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's calendar page: a year's national holidays and operator holidays, with forms to add and remove
 * operator holidays. A refused form comes back with the reason (status 400) and what was entered.
 */
@Controller
@RequestMapping("/operator/calendar")
class CalendarController {

    private static final String VIEW = "calendar/calendar";

    private final BusinessCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;

    CalendarController(BusinessCalendar calendar, MessageSource messages, Clock clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String show(@RequestParam(required = false) Integer year, Model model) {
        fill(model, year != null ? year : currentYear());
        return VIEW;
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) Integer year, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            OperatorHoliday added = calendar.addOperatorHoliday(parse(day), name);
            redirect.addFlashAttribute("notice", messages.getMessage("calendar.operatorHoliday.added",
                    new Object[] {JapanTime.date(added.day()), added.name()}, locale));
            return redirectToYear(added.day().getYear());
        } catch (InvalidInputException e) {
            model.addAttribute("dayInput", day);
            model.addAttribute("nameInput", name);
            return refused(e, year, model, locale, response);
        }
    }

    @PostMapping("/remove")
    String remove(@RequestParam(defaultValue = "") String day, @RequestParam(required = false) Integer year,
            Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            LocalDate removed = parse(day);
            calendar.removeOperatorHoliday(removed);
            redirect.addFlashAttribute("notice", messages.getMessage("calendar.operatorHoliday.removed",
                    new Object[] {JapanTime.date(removed)}, locale));
            return redirectToYear(removed.getYear());
        } catch (InvalidInputException e) {
            return refused(e, year, model, locale, response);
        }
    }

    private String refused(InvalidInputException e, Integer year, Model model, Locale locale,
            HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        fill(model, year != null && JapaneseHolidays.covers(year) ? year : currentYear());
        return VIEW;
    }

    private void fill(Model model, int year) {
        model.addAttribute("nationalHolidays", calendar.nationalHolidays(year));
        model.addAttribute("operatorHolidays", calendar.operatorHolidays(year));
        model.addAttribute("year", year);
        model.addAttribute("previousYear", year > JapaneseHolidays.FIRST_YEAR ? year - 1 : null);
        model.addAttribute("nextYear", year < JapaneseHolidays.LAST_YEAR ? year + 1 : null);
        model.addAttribute("firstDay", LocalDate.of(JapaneseHolidays.FIRST_YEAR, 1, 1));
        model.addAttribute("lastDay", LocalDate.of(JapaneseHolidays.LAST_YEAR, 12, 31));
        model.addAttribute("maxNameLength", BusinessCalendar.MAX_NAME_LENGTH);
    }

    private int currentYear() {
        int year = JapanTime.today(clock).getYear();
        return Math.max(JapaneseHolidays.FIRST_YEAR, Math.min(JapaneseHolidays.LAST_YEAR, year));
    }

    private static String redirectToYear(int year) {
        return "redirect:/operator/calendar?year=" + year;
    }

    /** A date as an HTML date input sends it ({@code 2026-12-29}). */
    private static LocalDate parse(String day) {
        if (day.isBlank()) {
            throw new InvalidInputException("calendar.operatorHoliday.dateRequired");
        }
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("calendar.operatorHoliday.dateInvalid", day);
        }
    }
}
