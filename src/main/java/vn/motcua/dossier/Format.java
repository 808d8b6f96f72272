package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import vn.motcua.calendar.OfficeZone;

/** Vietnamese date formats used on slips and messages (hh:mm dd/MM/yyyy, form 05). */
public final class Format {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter TIME_DAY = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

  private Format() {}

  public static String dateTime(Instant instant) {
    return instant == null ? "—" : DATE_TIME.format(instant.atZone(OfficeZone.get()));
  }

  public static String date(Instant instant) {
    return instant == null ? "—" : DATE.format(instant.atZone(OfficeZone.get()));
  }

  /** "05/03/2026". */
  public static String day(LocalDate date) {
    return DATE.format(date);
  }

  /** "14:30 05/03/2026", the compact form of the control slip (form 05) and the reports; null when unset. */
  public static String timeDay(Instant instant) {
    return instant == null ? null : TIME_DAY.format(instant.atZone(OfficeZone.get()));
  }

  public static String hours(Duration d) {
    long minutes = d.toMinutes();
    return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.format("%.1f", minutes / 60.0);
  }
}
