package org.renkei.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.renkei.platform.time.JapanTime;
import org.renkei.platform.web.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * The operator's business days: every day that is not a Saturday, a Sunday, a national holiday (with its
 * substitute and citizens' holidays, see {@link JapaneseHolidays}) or one of the operator's own holidays.
 * Deadlines counted in business days (e.g. "register a consent form within 3 business days of receipt") are
 * computed here. Covers the years {@value JapaneseHolidays#FIRST_YEAR}–{@value JapaneseHolidays#LAST_YEAR};
 * a day outside them is refused as invalid input.
 */
@Service
public class BusinessCalendar {

    /** The longest name an operator holiday may have. */
    public static final int MAX_NAME_LENGTH = 100;

    private final OperatorHolidays operatorHolidays;
    private final Clock clock;

    BusinessCalendar(OperatorHolidays operatorHolidays, Clock clock) {
        this.operatorHolidays = operatorHolidays;
        this.clock = clock;
    }

    /**
     * Whether the operator works on that day.
     *
     * @throws InvalidInputException for a day outside the years the calendar covers
     */
    public boolean isBusinessDay(LocalDate day) {
        requireCovered(day);
        return BusinessDays.isBusinessDay(day, closedDays());
    }

    /**
     * The {@code n}-th business day after {@code start}; {@code start} itself never counts. Received on a Friday,
     * the 3rd business day is the following Wednesday unless a holiday intervenes. {@code start} for
     * {@code n = 0}.
     *
     * @throws IllegalArgumentException for a negative {@code n}
     * @throws InvalidInputException when the count leaves the years the calendar covers
     */
    public LocalDate addBusinessDays(LocalDate start, int n) {
        requireCovered(start);
        return BusinessDays.add(start, n, closedDays());
    }

    /**
     * How many business days lie after {@code start} up to and including {@code end}; negative when {@code end}
     * is before {@code start}. {@code businessDaysBetween(s, addBusinessDays(s, n)) == n}.
     */
    public long businessDaysBetween(LocalDate start, LocalDate end) {
        requireCovered(start);
        requireCovered(end);
        return BusinessDays.between(start, end, closedDays());
    }

    /** The national holidays of the year (substitute and citizens' holidays included), in date order. */
    public List<Holiday> nationalHolidays(int year) {
        requireCovered(year);
        return JapaneseHolidays.holidaysIn(year);
    }

    /** The operator's own holidays of the year, in date order. */
    public List<OperatorHoliday> operatorHolidays(int year) {
        requireCovered(year);
        return operatorHolidays.inYear(year);
    }

    /**
     * Makes the day an operator holiday. Refused (nothing written) when the name is blank or too long, the day is
     * outside the calendar's years, a Saturday or Sunday, a national holiday, or already an operator holiday.
     */
    public OperatorHoliday addOperatorHoliday(LocalDate day, String name) {
        if (day == null) {
            throw new InvalidInputException("calendar.operatorHoliday.dateRequired");
        }
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("calendar.operatorHoliday.nameRequired");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("calendar.operatorHoliday.nameTooLong", String.valueOf(MAX_NAME_LENGTH));
        }
        requireCovered(day);
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            throw new InvalidInputException("calendar.operatorHoliday.weekend", JapanTime.date(day));
        }
        JapaneseHolidays.holiday(day).ifPresent(holiday -> {
            throw new InvalidInputException("calendar.operatorHoliday.nationalHoliday", JapanTime.date(day),
                    holiday.japaneseName(), holiday.englishName());
        });
        var holiday = new OperatorHoliday(day, trimmed, Instant.now(clock));
        if (!operatorHolidays.insertIfAbsent(holiday)) {
            throw new InvalidInputException("calendar.operatorHoliday.exists", JapanTime.date(day));
        }
        return holiday;
    }

    /** Makes the day a business day again. Refused when it is not an operator holiday. */
    public void removeOperatorHoliday(LocalDate day) {
        if (day == null) {
            throw new InvalidInputException("calendar.operatorHoliday.dateRequired");
        }
        if (!operatorHolidays.delete(day)) {
            throw new InvalidInputException("calendar.operatorHoliday.notFound", JapanTime.date(day));
        }
    }

    /**
     * Whether a day is closed besides weekends: a national holiday or an operator holiday. Reads the operator
     * holidays once per year asked about; refuses days outside the calendar's years.
     */
    private Predicate<LocalDate> closedDays() {
        Map<Integer, Set<LocalDate>> operatorDaysByYear = new HashMap<>();
        return day -> {
            requireCovered(day);
            return JapaneseHolidays.isHoliday(day)
                    || operatorDaysByYear.computeIfAbsent(day.getYear(), operatorHolidays::daysIn).contains(day);
        };
    }

    private static void requireCovered(LocalDate day) {
        requireCovered(day.getYear());
    }

    private static void requireCovered(int year) {
        if (!JapaneseHolidays.covers(year)) {
            throw new InvalidInputException("calendar.year.outOfRange", String.valueOf(JapaneseHolidays.FIRST_YEAR),
                    String.valueOf(JapaneseHolidays.LAST_YEAR));
        }
    }
}
