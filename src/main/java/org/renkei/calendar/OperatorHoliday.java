package org.renkei.calendar;

import java.time.Instant;
import java.time.LocalDate;

/** A day the operator is closed on besides weekends and national holidays (e.g. 年末年始), and its name. */
public record OperatorHoliday(LocalDate day, String name, Instant createdAt) {
}
