package org.renkei.calendar;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.Month.APRIL;
import static java.time.Month.AUGUST;
import static java.time.Month.DECEMBER;
import static java.time.Month.FEBRUARY;
import static java.time.Month.JANUARY;
import static java.time.Month.JULY;
import static java.time.Month.MARCH;
import static java.time.Month.MAY;
import static java.time.Month.NOVEMBER;
import static java.time.Month.OCTOBER;
import static java.time.Month.SEPTEMBER;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.renkei.calendar.Holiday.Kind;

/**
 * Japan's national holidays (国民の祝日) and the rest days the Holidays Act (国民の祝日に関する法律) derives from
 * them, computed by the rules of the law for the years {@value #FIRST_YEAR}–{@value #LAST_YEAR}:
 * <ul>
 * <li>holidays on a fixed date, each for the years its law was in force (e.g. 山の日 from 2016; 天皇誕生日 on
 * December 23 until 2018, on February 23 from 2020, none in 2019);</li>
 * <li>Happy Monday holidays on the n-th Monday of their month (成人の日, 海の日, 敬老の日, 体育の日/スポーツの日);</li>
 * <li>the equinox days by the standard approximation of the equinoxes (valid 1980–2099);</li>
 * <li>the one-time holidays of 2019 (即位の日, 即位礼正殿の儀) and the holidays moved for the Tokyo Olympics in
 * 2020 and 2021;</li>
 * <li>振替休日: for a national holiday on a Sunday, the next day that is not a national holiday (from 2007;
 * until 2006 only the Monday after, if that was not a national holiday itself);</li>
 * <li>国民の休日: a day between two national holidays that is not one itself (until 2006 not a Sunday or a
 * substitute holiday either).</li>
 * </ul>
 * The equinox days are officially fixed each February for the following year; for this range the approximation
 * gives the same days. A holiday added by a future amendment or special act needs a new rule here.
 * Pure and immutable: every year of the range is computed once when the class loads.
 */
public final class JapaneseHolidays {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2035;

    /** The 2005 amendment: from 2007 a Sunday holiday moves to the nearest following non-holiday. */
    private static final int NEAREST_DAY_SUBSTITUTE_FROM = 2007;

    private static final List<Rule> RULES = List.of(
            fixed("元日", "New Year's Day", JANUARY, 1),
            nthMonday("成人の日", "Coming of Age Day", JANUARY, 2),
            fixed("建国記念の日", "National Foundation Day", FEBRUARY, 11),
            fixed("天皇誕生日", "The Emperor's Birthday", FEBRUARY, 23).from(2020),
            new Rule("春分の日", "Vernal Equinox Day", Kind.NATIONAL, year -> true,
                    year -> LocalDate.of(year, MARCH, vernalEquinoxDay(year))),
            fixed("みどりの日", "Greenery Day", APRIL, 29).until(2006),
            fixed("昭和の日", "Showa Day", APRIL, 29).from(2007),
            fixed("憲法記念日", "Constitution Memorial Day", MAY, 3),
            fixed("みどりの日", "Greenery Day", MAY, 4).from(2007),
            fixed("こどもの日", "Children's Day", MAY, 5),
            fixed("海の日", "Marine Day", JULY, 20).until(2002),
            nthMonday("海の日", "Marine Day", JULY, 3).from(2003).except(2020, 2021),
            fixed("海の日", "Marine Day", JULY, 23).only(2020),
            fixed("海の日", "Marine Day", JULY, 22).only(2021),
            fixed("山の日", "Mountain Day", AUGUST, 11).from(2016).except(2020, 2021),
            fixed("山の日", "Mountain Day", AUGUST, 10).only(2020),
            fixed("山の日", "Mountain Day", AUGUST, 8).only(2021),
            fixed("敬老の日", "Respect for the Aged Day", SEPTEMBER, 15).until(2002),
            nthMonday("敬老の日", "Respect for the Aged Day", SEPTEMBER, 3).from(2003),
            new Rule("秋分の日", "Autumnal Equinox Day", Kind.NATIONAL, year -> true,
                    year -> LocalDate.of(year, SEPTEMBER, autumnalEquinoxDay(year))),
            nthMonday("体育の日", "Health and Sports Day", OCTOBER, 2).until(2019),
            nthMonday("スポーツの日", "Sports Day", OCTOBER, 2).from(2020).except(2020, 2021),
            fixed("スポーツの日", "Sports Day", JULY, 24).only(2020),
            fixed("スポーツの日", "Sports Day", JULY, 23).only(2021),
            fixed("文化の日", "Culture Day", NOVEMBER, 3),
            fixed("勤労感謝の日", "Labor Thanksgiving Day", NOVEMBER, 23),
            fixed("天皇誕生日", "The Emperor's Birthday", DECEMBER, 23).until(2018),
            special("即位の日", "Enthronement Day", 2019, MAY, 1),
            special("即位礼正殿の儀", "Enthronement Ceremony Day", 2019, OCTOBER, 22));

    private static final Map<Integer, List<Holiday>> BY_YEAR = new HashMap<>();
    private static final Map<LocalDate, Holiday> BY_DATE = new HashMap<>();

    static {
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            List<Holiday> holidays = compute(year);
            BY_YEAR.put(year, holidays);
            holidays.forEach(h -> BY_DATE.put(h.date(), h));
        }
    }

    private JapaneseHolidays() {
    }

    /** Whether the year is one this calendar knows the holidays of. */
    public static boolean covers(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /**
     * Every holiday of the year in date order, substitute and citizens' holidays included.
     *
     * @throws IllegalArgumentException for a year outside {@value #FIRST_YEAR}–{@value #LAST_YEAR}
     */
    public static List<Holiday> holidaysIn(int year) {
        requireCovered(year);
        return BY_YEAR.get(year);
    }

    /**
     * The holiday on the given day, if it is one.
     *
     * @throws IllegalArgumentException for a day outside the years {@value #FIRST_YEAR}–{@value #LAST_YEAR}
     */
    public static Optional<Holiday> holiday(LocalDate day) {
        requireCovered(day.getYear());
        return Optional.ofNullable(BY_DATE.get(day));
    }

    /**
     * Whether the day is a holiday by law (national, substitute or citizens' holiday). Saturdays and Sundays are
     * not holidays in this sense.
     *
     * @throws IllegalArgumentException for a day outside the years {@value #FIRST_YEAR}–{@value #LAST_YEAR}
     */
    public static boolean isHoliday(LocalDate day) {
        return holiday(day).isPresent();
    }

    /** The day of March of the vernal equinox, by the approximation valid for 1980–2099. */
    static int vernalEquinoxDay(int year) {
        return equinoxDay(20.8431, year);
    }

    /** The day of September of the autumnal equinox, by the approximation valid for 1980–2099. */
    static int autumnalEquinoxDay(int year) {
        return equinoxDay(23.2488, year);
    }

    private static int equinoxDay(double base, int year) {
        if (year < 1980 || year > 2099) {
            throw new IllegalArgumentException("the equinox approximation holds for 1980-2099, not " + year);
        }
        int sinceBase = year - 1980;
        return (int) Math.floor(base + 0.242194 * sinceBase - sinceBase / 4);
    }

    private static void requireCovered(int year) {
        if (!covers(year)) {
            throw new IllegalArgumentException(
                    "Japanese holidays are known for " + FIRST_YEAR + "-" + LAST_YEAR + ", not for " + year);
        }
    }

    private static List<Holiday> compute(int year) {
        TreeMap<LocalDate, Holiday> national = new TreeMap<>();
        for (Rule rule : RULES) {
            if (rule.appliesIn().test(year)) {
                LocalDate date = rule.date().apply(year);
                Holiday previous = national.put(date,
                        new Holiday(date, rule.japaneseName(), rule.englishName(), rule.kind()));
                if (previous != null) {
                    throw new IllegalStateException("two national holidays on " + date);
                }
            }
        }

        TreeMap<LocalDate, Holiday> all = new TreeMap<>(national);
        for (Holiday holiday : national.values()) {
            if (holiday.date().getDayOfWeek() == SUNDAY) {
                substituteFor(holiday, national, year).ifPresent(day -> all.put(day,
                        new Holiday(day, "振替休日", "Substitute Holiday", Kind.SUBSTITUTE)));
            }
        }

        for (LocalDate day : national.keySet()) {
            LocalDate between = day.plusDays(1);
            boolean sandwiched = national.containsKey(day.plusDays(2)) && !all.containsKey(between);
            boolean allowed = year >= NEAREST_DAY_SUBSTITUTE_FROM || between.getDayOfWeek() != SUNDAY;
            if (sandwiched && allowed) {
                all.put(between, new Holiday(between, "国民の休日", "Citizens' Holiday", Kind.CITIZENS));
            }
        }
        return List.copyOf(all.values());
    }

    private static Optional<LocalDate> substituteFor(Holiday sundayHoliday, Map<LocalDate, Holiday> national,
            int year) {
        LocalDate day = sundayHoliday.date().plusDays(1);
        if (year >= NEAREST_DAY_SUBSTITUTE_FROM) {
            while (national.containsKey(day)) {
                day = day.plusDays(1);
            }
            return Optional.of(day);
        }
        return national.containsKey(day) ? Optional.empty() : Optional.of(day);
    }

    private static Rule fixed(String japaneseName, String englishName, Month month, int dayOfMonth) {
        return new Rule(japaneseName, englishName, Kind.NATIONAL, year -> true,
                year -> LocalDate.of(year, month, dayOfMonth));
    }

    private static Rule nthMonday(String japaneseName, String englishName, Month month, int ordinal) {
        return new Rule(japaneseName, englishName, Kind.NATIONAL, year -> true,
                year -> LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, MONDAY)));
    }

    private static Rule special(String japaneseName, String englishName, int year, Month month, int dayOfMonth) {
        return new Rule(japaneseName, englishName, Kind.SPECIAL, y -> y == year,
                y -> LocalDate.of(y, month, dayOfMonth));
    }

    /** One holiday of the law: its names, the years it applies in, and its date in such a year. */
    private record Rule(String japaneseName, String englishName, Kind kind, IntPredicate appliesIn,
            IntFunction<LocalDate> date) {

        Rule from(int firstYear) {
            return restrictedTo(year -> year >= firstYear);
        }

        Rule until(int lastYear) {
            return restrictedTo(year -> year <= lastYear);
        }

        Rule only(int theYear) {
            return restrictedTo(year -> year == theYear);
        }

        Rule except(int... years) {
            return restrictedTo(year -> Arrays.stream(years).noneMatch(y -> y == year));
        }

        private Rule restrictedTo(IntPredicate condition) {
            return new Rule(japaneseName, englishName, kind, appliesIn.and(condition), date);
        }
    }
}
