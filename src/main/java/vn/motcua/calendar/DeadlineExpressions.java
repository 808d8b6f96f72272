package vn.motcua.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.Date;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Working-day arithmetic for BPMN expressions, available as the bean {@code deadline} in Camunda
 * Modeler on timers (timeDate), task due dates and follow-up dates, e.g.
 *
 * <pre>
 * ${deadline.workingDaysAfter(receivedAt, 3)}       due date: 3 working days after the receipt
 * ${deadline.workingDaysBefore(appointmentAt, 1)}   timer: 1 working day before the appointment
 * ${deadline.sameDay(receivedAt)}                   same-day procedure, 15:00 cut-off applied
 * </pre>
 *
 * <p>Time arguments may be {@link Date}, {@link Calendar}, {@link Instant}, {@link OffsetDateTime},
 * {@link ZonedDateTime}, {@link LocalDateTime} (in the calendar's zone), {@link LocalDate} (the opening
 * time of that day) or an ISO-8601 string of any of these. Results are {@link Date}s, which Camunda
 * accepts for timers and due dates. See {@link WorkingCalendar} for the counting rules.
 */
@Component("deadline")
public class DeadlineExpressions {

  /** The value of the process variable {@code channel} for a dossier submitted online. */
  static final String ONLINE = "ONLINE";

  private final WorkingCalendar calendar;
  private final ReceptionProperties reception;

  public DeadlineExpressions(WorkingCalendar calendar) {
    this(calendar, ReceptionProperties.defaults());
  }

  @Autowired
  public DeadlineExpressions(WorkingCalendar calendar, ReceptionProperties reception) {
    this.calendar = calendar;
    this.reception = reception;
  }

  /** {@code n} working days after {@code start}. */
  public Date workingDaysAfter(Object start, int n) {
    return Date.from(calendar.addWorkingDays(toInstant(start, "start"), n));
  }

  /** {@code n} working days before {@code end} (e.g. the apology-letter reminder, Decree 61/2018 Art. 19). */
  public Date workingDaysBefore(Object end, int n) {
    return Date.from(calendar.subtractWorkingDays(toInstant(end, "end"), n));
  }

  /** {@code hours} working hours after {@code start}. */
  public Date workingHoursAfter(Object start, int hours) {
    return Date.from(calendar.addWorkingTime(toInstant(start, "start"), hours(hours)));
  }

  /** {@code hours} working hours before {@code end}. */
  public Date workingHoursBefore(Object end, int hours) {
    return Date.from(calendar.subtractWorkingTime(toInstant(end, "end"), hours(hours)));
  }

  /** Deadline of a same-day procedure: today's close, or the next working day's after 15:00. */
  public Date sameDay(Object receivedAt) {
    return Date.from(calendar.endOfSameDayDeadline(toInstant(receivedAt, "receivedAt")));
  }

  /** Deadline to transfer a paper dossier to the competent agency (Decree 61/2018 Art. 17, Decree 118/2025). */
  public Date transferBy(Object receivedAt) {
    return Date.from(calendar.transferDeadline(toInstant(receivedAt, "receivedAt")));
  }

  /**
   * Deadline of the reception check (the One-Stop Division accepts, asks for the supplement or refuses):
   * an online dossier within {@code motcua.reception.online-check-within} (8 working hours) of its
   * submission; a paper one by its transfer deadline (the same working day, the start of the next one
   * after 15:00). The reception block passes {@code checkFrom}, the moment the check stage was entered:
   * the submission, or the arrival of the supplement (the applicant's wait is not the division's).
   */
  public Date receptionCheckBy(Object channel, Object receivedAt) {
    Instant received = toInstant(receivedAt, "receivedAt");
    return Date.from(isOnline(channel) ? calendar.addWorkingTime(received, reception.onlineCheckWithin())
        : calendar.transferDeadline(received));
  }

  /**
   * When the One-Stop Division's staff are alerted of a dossier not yet checked: an online dossier
   * {@code motcua.reception.online-alert-within} (2 working hours) after its submission; a paper one at
   * its check deadline (checked at the counter, it gets no earlier reminder; the escalation covers it).
   */
  public Date receptionAlertAt(Object channel, Object receivedAt) {
    Instant received = toInstant(receivedAt, "receivedAt");
    return Date.from(isOnline(channel) ? calendar.addWorkingTime(received, reception.onlineAlertWithin())
        : calendar.transferDeadline(received));
  }

  /** Whether the process variable {@code channel} says the dossier came online (electronically). */
  public static boolean isOnline(Object channel) {
    return channel != null && ONLINE.equals(channel.toString());
  }

  /** When counting starts for a dossier received at {@code receivedAt} (15:00 cut-off). */
  public Date startOfCounting(Object receivedAt) {
    return Date.from(calendar.startOfCounting(toInstant(receivedAt, "receivedAt")));
  }

  private static Duration hours(int hours) {
    if (hours < 0) {
      throw CalendarException.negative("hours", hours);
    }
    return Duration.ofHours(hours);
  }

  /** Converts a supported time value to an instant. */
  Instant toInstant(Object value, String what) {
    if (value == null) {
      throw CalendarException.missing(what);
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Calendar cal) {
      return cal.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof ZonedDateTime zdt) {
      return zdt.toInstant();
    }
    if (value instanceof LocalDateTime ldt) {
      return ldt.atZone(calendar.properties().zone()).toInstant();
    }
    if (value instanceof LocalDate ld) {
      return calendar.openingOf(ld);
    }
    if (value instanceof CharSequence text) {
      return parse(text.toString().trim(), what);
    }
    throw new CalendarException(
        "Unsupported time value for " + what + ": " + value.getClass().getName()
            + " (expected java.util.Date, Instant, OffsetDateTime, ZonedDateTime, LocalDateTime,"
            + " LocalDate or an ISO-8601 string)",
        "Kiểu dữ liệu thời gian không được hỗ trợ (" + what + ": " + value.getClass().getSimpleName()
            + ").");
  }

  private Instant parse(String text, String what) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next format
    }
    try {
      return ZonedDateTime.parse(text).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next format
    }
    try {
      return LocalDateTime.parse(text).atZone(calendar.properties().zone()).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next format
    }
    try {
      return calendar.openingOf(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      throw new CalendarException(
          "Cannot parse " + what + " '" + text + "' as an ISO-8601 date or date-time",
          "Không đọc được thời điểm '" + text + "' (định dạng ISO-8601, ví dụ 2026-02-23T08:00:00+07:00).",
          e);
    }
  }
}
