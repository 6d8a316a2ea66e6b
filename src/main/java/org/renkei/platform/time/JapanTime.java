package org.renkei.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as the operator reads them: Japan's time zone, the Gregorian date with the Japanese era beside it
 * (e.g. {@code 2026-11-22（令和8年）}). Times are stored in UTC and shown in JST.
 */
public final class JapanTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private static final DateTimeFormatter ERA_YEAR =
            DateTimeFormatter.ofPattern("GGGGy年", Locale.JAPAN).withChronology(JapaneseChronology.INSTANCE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private JapanTime() {
    }

    /** Today in Japan according to the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** {@code 2026-11-22（令和8年）}; an empty string for no date. */
    public static String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return date + "（" + ERA_YEAR.format(JapaneseDate.from(date)) + "）";
    }

    /** {@code 2026-11-22 09:30} in JST; an empty string for no instant. */
    public static String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DATE_TIME.format(ZonedDateTime.ofInstant(instant, ZONE));
    }
}
