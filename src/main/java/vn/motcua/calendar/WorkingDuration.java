package vn.motcua.calendar;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of working time written the way a process admin thinks of it: {@code 1d} (one working day),
 * {@code 4h}, {@code 1d4h}, {@code 30m}. A working day is the calendar's working hours per day (8 by
 * default), not 24 hours.
 */
public final class WorkingDuration {
  private static final Pattern FORMAT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?");

  private WorkingDuration() {}

  /**
   * Parses {@code text}; {@code hoursPerDay} is the length of a working day.
   *
   * @throws IllegalArgumentException with the expected format when the text is not one
   */
  public static Duration parse(String text, Duration workingDay) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("Empty working duration; expected e.g. 1d, 4h, 1d4h or 30m");
    }
    Matcher m = FORMAT.matcher(text.strip().toLowerCase(Locale.ROOT).replace(" ", ""));
    if (!m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
      throw new IllegalArgumentException("Not a working duration: '" + text + "'; expected e.g. 1d, 4h, 1d4h or 30m");
    }
    Duration result = Duration.ZERO;
    if (m.group(1) != null) {
      result = result.plus(workingDay.multipliedBy(Long.parseLong(m.group(1))));
    }
    if (m.group(2) != null) {
      result = result.plusHours(Long.parseLong(m.group(2)));
    }
    if (m.group(3) != null) {
      result = result.plusMinutes(Long.parseLong(m.group(3)));
    }
    return result;
  }

  /** The length of a working day under the given office hours. */
  public static Duration workingDay(CalendarProperties p) {
    return Duration.between(p.morningStart(), p.morningEnd()).plus(Duration.between(p.afternoonStart(), p.afternoonEnd()));
  }
}
