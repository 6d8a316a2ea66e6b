package org.renkei.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A rest day set by Japan's national law: a national holiday, or one of the days the Holidays Act makes a rest
 * day besides them. Carries its Japanese name (as the Cabinet Office writes it) and an English name.
 */
public record Holiday(LocalDate date, String japaneseName, String englishName, Kind kind) {

    public enum Kind {
        /** A national holiday (国民の祝日) of article 2 of the Holidays Act. */
        NATIONAL,
        /** A one-time holiday set by a special act and treated as a national holiday (e.g. 即位の日 2019). */
        SPECIAL,
        /** A substitute holiday (振替休日, article 3(2)) for a national holiday falling on a Sunday. */
        SUBSTITUTE,
        /** A citizens' holiday (国民の休日, article 3(3)): a day between two national holidays. */
        CITIZENS
    }

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(japaneseName, "japaneseName");
        Objects.requireNonNull(englishName, "englishName");
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether this is a national holiday itself (or treated as one), rather than a rest day derived from one. */
    public boolean isNationalHoliday() {
        return kind == Kind.NATIONAL || kind == Kind.SPECIAL;
    }
}
