/**
 * The business-day calendar: Japan's national holidays computed by the rules of the Holidays Act ({@link
 * org.renkei.calendar.JapaneseHolidays}), the operator's own holidays that the operator keeps on the calendar
 * page, and the business-day arithmetic other features count deadlines with ({@link
 * org.renkei.calendar.BusinessCalendar}). Owns the {@code operator_holiday} table.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package org.renkei.calendar;
