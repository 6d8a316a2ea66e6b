package org.renkei.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * The arithmetic of business days: a business day is a day that is neither a Saturday, a Sunday nor a holiday,
 * and which days are holidays is the caller's predicate. Pure; knows no database and no law.
 */
final class BusinessDays {

    /** More closed days in a row than this means the holiday predicate is broken, not the calendar. */
    private static final int MAX_CLOSED_IN_A_ROW = 366;

    private BusinessDays() {
    }

    static boolean isBusinessDay(LocalDate day, Predicate<LocalDate> isHoliday) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isHoliday.test(day);
    }

    /**
     * The {@code n}-th business day after {@code start} ({@code start} itself does not count, whether or not it is
     * a business day); {@code start} for {@code n = 0}. Received on a Friday, 3 business days later is the
     * following Wednesday when no holiday intervenes.
     */
    static LocalDate add(LocalDate start, int n, Predicate<LocalDate> isHoliday) {
        if (n < 0) {
            throw new IllegalArgumentException("business days to add must not be negative: " + n);
        }
        LocalDate day = start;
        int found = 0;
        int closedInARow = 0;
        while (found < n) {
            day = day.plusDays(1);
            if (isBusinessDay(day, isHoliday)) {
                found++;
                closedInARow = 0;
            } else if (++closedInARow > MAX_CLOSED_IN_A_ROW) {
                throw new IllegalStateException("no business day in the year after " + day.minusDays(closedInARow));
            }
        }
        return day;
    }

    /**
     * How many business days lie after {@code start} up to and including {@code end}: the inverse of {@link #add},
     * so {@code between(s, add(s, n)) == n}. Negative when {@code end} is before {@code start}.
     */
    static long between(LocalDate start, LocalDate end, Predicate<LocalDate> isHoliday) {
        if (end.isBefore(start)) {
            return -between(end, start, isHoliday);
        }
        long count = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(end); day = day.plusDays(1)) {
            if (isBusinessDay(day, isHoliday)) {
                count++;
            }
        }
        return count;
    }
}
