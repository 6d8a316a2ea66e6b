package org.renkei.calendar;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored operator holidays. */
@Repository
class OperatorHolidays {

    private final JdbcClient jdbc;

    OperatorHolidays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the holiday unless its day is one already; says whether it was stored. */
    boolean insertIfAbsent(OperatorHoliday holiday) {
        return jdbc.sql("""
                insert into operator_holiday (day, name, created_at) values (:day, :name, :createdAt)
                on conflict (day) do nothing""")
                .param("day", holiday.day())
                .param("name", holiday.name())
                .param("createdAt", Timestamp.from(holiday.createdAt()))
                .update() == 1;
    }

    /** Removes the holiday of that day; says whether there was one. */
    boolean delete(LocalDate day) {
        return jdbc.sql("delete from operator_holiday where day = :day").param("day", day).update() == 1;
    }

    List<OperatorHoliday> inYear(int year) {
        return jdbc.sql("""
                select day, name, created_at from operator_holiday
                where day >= :from and day < :to order by day""")
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new OperatorHoliday(rs.getObject("day", LocalDate.class), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    Set<LocalDate> daysIn(int year) {
        return new HashSet<>(jdbc.sql("select day from operator_holiday where day >= :from and day < :to")
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .query(LocalDate.class)
                .list());
    }
}
