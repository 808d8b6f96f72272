package vn.motcua.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A day added by an administrator, stored in table {@code calendar_day}. */
public record AdminDay(
    LocalDate date,
    DayKind kind,
    String name,
    String note,
    String createdBy,
    OffsetDateTime createdAt) {

  public CalendarDay toCalendarDay() {
    return new CalendarDay(date, kind, name, note, DaySource.ADMIN);
  }
}
