package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class WorkingCalendarProperties {

  private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
  // 2024-01-01T00:00+07:00 .. 2027-12-31T23:59:59+07:00, leaving room for 60 days into 2028
  private static final long FROM = 1704042000L;
  private static final long TO = 1830272399L;

  private final WorkingCalendar calendar = TestCalendars.defaultCalendar();

  @Property(tries = 1000)
  void addingNWorkingDaysSpansExactlyNWorkingDays(
      @ForAll @LongRange(min = FROM, max = TO) long epochSecond,
      @ForAll @IntRange(min = 0, max = 60) int n) {
    Instant t = Instant.ofEpochSecond(epochSecond);
    Instant result = calendar.addWorkingDays(t, n);
    assertThat(calendar.workingDaysBetween(t, result)).isEqualTo(n);
    assertThat(calendar.workingTimeBetween(t, result)).isEqualTo(Duration.ofHours(8L * n));
    assertThat(result).isAfterOrEqualTo(t);
    if (n >= 1) {
      LocalDateTime local = LocalDateTime.ofInstant(result, VN);
      assertThat(calendar.isWorkingDay(local.toLocalDate())).isTrue();
      LocalTime time = local.toLocalTime();
      boolean morning = time.isAfter(LocalTime.of(7, 30)) && !time.isAfter(LocalTime.of(11, 30));
      boolean afternoon = time.isAfter(LocalTime.of(13, 30)) && !time.isAfter(LocalTime.of(17, 30));
      assertThat(morning || afternoon).as("inside office hours: %s", local).isTrue();
    }
  }

  @Property(tries = 500)
  void subtractingUndoesAdding(
      @ForAll @LongRange(min = FROM, max = TO) long epochSecond,
      @ForAll @IntRange(min = 1, max = 60) int n) {
    Instant t = Instant.ofEpochSecond(epochSecond);
    Instant end = calendar.addWorkingDays(t, n);
    Instant back = calendar.subtractWorkingDays(end, n);
    assertThat(back).isBeforeOrEqualTo(end);
    // back is the same working-time position as t: no working time between them
    Instant lo = back.isBefore(t) ? back : t;
    Instant hi = back.isBefore(t) ? t : back;
    assertThat(calendar.workingTimeBetween(lo, hi)).isZero();
    assertThat(calendar.workingDaysBetween(back, end)).isEqualTo(n);
    assertThat(calendar.addWorkingDays(back, n)).isEqualTo(end);
  }

  @Property(tries = 500)
  void startOfCountingIsNeverEarlierAndNeverOnADayOff(
      @ForAll @LongRange(min = FROM, max = TO) long epochSecond) {
    Instant t = Instant.ofEpochSecond(epochSecond);
    Instant start = calendar.startOfCounting(t);
    assertThat(start).isAfterOrEqualTo(t);
    assertThat(calendar.isWorkingDay(LocalDateTime.ofInstant(start, VN).toLocalDate())).isTrue();
    assertThat(calendar.endOfSameDayDeadline(t)).isAfter(start);
  }
}
