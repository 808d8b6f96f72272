package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * What the calendar says about one date.
 *
 * @param date the date
 * @param dayOfWeek its day of the week
 * @param workingDay true when offices work that day (Mon–Fri not off, or a make-up day)
 * @param entry the special-day entry for that date, or null for an ordinary day
 */
public record DayInfo(LocalDate date, DayOfWeek dayOfWeek, boolean workingDay, CalendarDay entry) {

  public boolean dayOff() {
    return entry != null && entry.kind() == DayKind.DAY_OFF;
  }

  public boolean makeupWorkingDay() {
    return entry != null && entry.kind() == DayKind.MAKEUP_WORKING_DAY;
  }

  public boolean weekend() {
    return dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
  }
}
