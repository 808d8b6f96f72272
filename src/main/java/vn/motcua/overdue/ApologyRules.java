package vn.motcua.overdue;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.motcua.calendar.DayInfo;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingDuration;
import vn.motcua.dossier.Format;

/**
 * The rules of an apology letter with a new appointment date (Decree 61/2018 Art. 19(3)): a dossier is
 * re-appointed once only; the letter gives the reason; the new date is a working day after today and
 * after the old appointment date. Pure: no database, no engine.
 */
public final class ApologyRules {
  static final String ONCE_ONLY = "Hồ sơ đã được xin lỗi và hẹn lại ngày trả kết quả một lần. Theo Nghị định"
      + " số 118/2025/NĐ-CP, mỗi hồ sơ chỉ được hẹn lại một lần; hồ sơ trễ hạn mới sẽ được tính là trễ hạn.";

  private ApologyRules() {}

  /**
   * Why a letter may not be issued, by field ({@code apologyReason}, {@code newAppointmentDate}, or
   * {@code dossier} for the once-only rule); empty when it may.
   */
  public static Map<String, String> check(WorkingCalendar calendar, Instant now, Instant oldAppointment,
      int apologyCount, String reason, String newDate) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (apologyCount > 0) {
      errors.put("dossier", ONCE_ONLY);
    }
    if (reason == null || reason.strip().length() < 10) {
      errors.put("apologyReason", "Cần nêu rõ lý do chậm trễ (ít nhất 10 ký tự).");
    }
    LocalDate date = parseDate(newDate);
    if (date == null) {
      errors.put("newAppointmentDate", newDate == null || newDate.isBlank()
          ? "Cần chọn ngày hẹn trả kết quả mới."
          : "Ngày hẹn trả kết quả mới không hợp lệ: '" + newDate + "'.");
      return errors;
    }
    var zone = calendar.properties().zone();
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate old = oldAppointment == null ? null : oldAppointment.atZone(zone).toLocalDate();
    if (!date.isAfter(today)) {
      errors.put("newAppointmentDate", "Ngày hẹn mới (" + Format.day(date) + ") phải sau ngày hôm nay ("
          + Format.day(today) + ").");
    } else if (old != null && !date.isAfter(old)) {
      errors.put("newAppointmentDate", "Ngày hẹn mới (" + Format.day(date) + ") phải sau ngày hẹn trả cũ ("
          + Format.day(old) + ").");
    } else if (!calendar.isWorkingDay(date)) {
      DayInfo info = calendar.dayInfo(date);
      String why = info.entry() != null ? info.entry().name() : info.weekend() ? "ngày nghỉ cuối tuần" : "ngày nghỉ";
      errors.put("newAppointmentDate", "Ngày " + Format.day(date) + " không phải ngày làm việc (" + why
          + "); cần chọn một ngày làm việc.");
    }
    return errors;
  }

  /** A date from a form: {@code 2026-03-10}, {@code 2026-03-10T00:00:00[offset]} or {@code 10/03/2026}. */
  public static LocalDate parseDate(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    try {
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(t);
      }
      if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
        return LocalDate.parse(t, DateTimeFormatter.ofPattern("d/M/yyyy"));
      }
      if (t.length() > 10 && t.charAt(10) == 'T') {
        try {
          return OffsetDateTime.parse(t).toLocalDate();
        } catch (DateTimeException e) {
          return LocalDateTime.parse(t).toLocalDate();
        }
      }
    } catch (DateTimeException e) {
      return null;
    }
    return null;
  }

  /**
   * The last moment an apology letter may reach the applicant: one working day before the appointment
   * (Decree 61/2018 Art. 19(3)).
   */
  public static Instant latestLetterAt(WorkingCalendar calendar, Instant appointment) {
    return calendar.subtractWorkingTime(appointment, WorkingDuration.workingDay(calendar.properties()));
  }

  /**
   * Whether a letter signed at {@code signedAt} for the appointment {@code appointment} came after the legal
   * limit (later than one working day before the appointment). Such a letter is accepted, and marked.
   */
  public static boolean signedLate(WorkingCalendar calendar, Instant signedAt, Instant appointment) {
    return signedAt.isAfter(latestLetterAt(calendar, appointment));
  }

  /**
   * The last moment an apology may be opened for its letter to be drafted and signed ({@code lead}) and still
   * go out by its legal limit.
   */
  public static Instant openBy(WorkingCalendar calendar, Instant appointment, java.time.Duration lead) {
    return calendar.subtractWorkingTime(latestLetterAt(calendar, appointment), lead);
  }

  /**
   * The latest moment a stage may end for the stages after it, with their shares ({@code rest}: the later
   * stages' and the return's working time), to finish by the appointment.
   */
  public static Instant criticalAt(WorkingCalendar calendar, Instant appointment, java.time.Duration rest) {
    return calendar.subtractWorkingTime(appointment, rest);
  }

  /**
   * Whether a dossier whose stage (due {@code stageDue}, {@code rest} after it) is still open at {@code now}
   * needs an apology: the projection {@code max(now, stageDue) + rest} passes the appointment (the stage's
   * own share ends too late, or the stage is still open at the critical moment), or the stage is past its
   * own deadline at the last moment that leaves the lead for a letter on time. A dossier on track never
   * needs one.
   */
  public static boolean atRisk(WorkingCalendar calendar, Instant now, Instant stageDue, java.time.Duration rest,
      Instant appointment, java.time.Duration lead) {
    Instant critical = criticalAt(calendar, appointment, rest);
    if (stageDue.isAfter(critical) || !now.isBefore(critical)) {
      return true;
    }
    return !now.isBefore(stageDue) && !now.isBefore(openBy(calendar, appointment, lead));
  }

  /**
   * When the apology timer of a stage fires: the first moment {@link #atRisk} holds if the stage is still
   * open then, {@code now} when it holds already. No clamp: a moment past the legal limit fires at once.
   */
  public static Instant apologyAt(WorkingCalendar calendar, Instant now, Instant stageDue, java.time.Duration rest,
      Instant appointment, java.time.Duration lead) {
    Instant critical = criticalAt(calendar, appointment, rest);
    if (stageDue.isAfter(critical)) {
      return now;
    }
    Instant open = openBy(calendar, appointment, lead);
    Instant lateAtLastMoment = stageDue.isAfter(open) ? stageDue : open;
    return lateAtLastMoment.isBefore(critical) ? lateAtLastMoment : critical;
  }

  /** When an apology opened {@code now} must be drafted and signed (and handed over by). */
  public record Deadlines(Instant draftBy, Instant signBy) {}

  /**
   * The letter is signed, and handed over, by its latest moment, or within 2 working hours when that is
   * already past; the draft is due halfway to the signature.
   */
  public static Deadlines deadlines(WorkingCalendar calendar, Instant now, Instant appointment) {
    Instant latest = latestLetterAt(calendar, appointment);
    Instant signBy = latest.isAfter(now) ? latest : calendar.addWorkingTime(now, Duration.ofHours(2));
    Instant draftBy = calendar.addWorkingTime(now, calendar.workingTimeBetween(now, signBy).dividedBy(2));
    return new Deadlines(draftBy, signBy);
  }

  /** The appointment a new date gives: the close of office hours that day. */
  public static Instant appointmentOn(WorkingCalendar calendar, LocalDate date) {
    return calendar.closingOf(date);
  }
}
