package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A special day of the calendar: a day off or a make-up working day.
 *
 * @param date the day
 * @param kind day off or make-up working day
 * @param name Vietnamese name, e.g. "Tết Nguyên đán", "Giỗ Tổ Hùng Vương", "Ngày làm bù"
 * @param note source note (legal document, "computed", …); may be null
 * @param source where the entry comes from
 */
public record CalendarDay(LocalDate date, DayKind kind, String name, String note, DaySource source) {
  public CalendarDay {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }
}
