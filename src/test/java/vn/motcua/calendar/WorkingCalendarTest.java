package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.calendar.TestCalendars.vn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

class WorkingCalendarTest {

  private final WorkingCalendar calendar = TestCalendars.defaultCalendar();

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
    // Tết 2025: 25 Jan–2 Feb off
    "2025-01-24T08:00, 1, 2025-02-03T08:00",
    "2025-01-24T07:30, 1, 2025-01-24T17:30",
    "2025-01-24T17:30, 1, 2025-02-03T17:30",
    "2025-01-23T10:00, 2, 2025-02-03T10:00",
    // Tết 2026: 14–22 Feb off
    "2026-02-13T15:30, 1, 2026-02-23T15:30",
    "2026-02-12T12:00, 3, 2026-02-24T11:30",
    "2026-02-02T07:30, 20, 2026-03-06T17:30",
    // Tết 2027 (computed, unconfirmed): 5–11 Feb off
    "2027-02-04T17:30, 1, 2027-02-12T17:30",
    // 30 April – 1 May 2025 with make-up Saturday 26 Apr, 2 May swapped
    "2025-04-25T16:00, 1, 2025-04-26T16:00",
    "2025-04-26T00:00, 1, 2025-04-26T17:30",
    "2025-04-29T09:00, 1, 2025-05-05T09:00",
    // 2024: 29 Apr–1 May off, make-up Saturday 4 May
    "2024-04-26T17:30, 1, 2024-05-02T17:30",
    "2024-04-26T17:30, 3, 2024-05-04T17:30",
    // 2 September
    "2025-08-29T13:30, 1, 2025-09-03T11:30",
    "2024-08-30T17:30, 1, 2024-09-04T17:30",
    "2026-08-21T17:30, 1, 2026-08-22T17:30",
    "2026-08-28T10:00, 1, 2026-09-03T10:00",
    // Hùng Kings: 2026 on Sunday → Monday 27 Apr off; 2025 Monday 7 Apr
    "2026-04-24T17:30, 1, 2026-04-28T17:30",
    "2025-04-04T17:30, 1, 2025-04-08T17:30",
    // year ends
    "2024-12-31T17:30, 1, 2025-01-02T17:30",
    "2025-12-31T17:30, 1, 2026-01-02T17:30",
    "2025-12-31T10:00, 1, 2026-01-02T10:00",
    "2026-12-31T16:00, 1, 2027-01-04T16:00",
    // weekends, lunch break, N = 0
    "2026-03-06T17:30, 1, 2026-03-09T17:30",
    "2026-03-07T10:00, 1, 2026-03-09T17:30",
    "2026-03-06T11:30, 1, 2026-03-09T11:30",
    "2026-03-02T07:30, 5, 2026-03-06T17:30",
    "2026-03-07T10:00, 0, 2026-03-09T07:30",
  })
  void addWorkingDays(String start, int n, String expected) {
    Instant from = vn(start);
    Instant result = calendar.addWorkingDays(from, n);
    assertThat(result).isEqualTo(vn(expected));
    assertThat(calendar.workingDaysBetween(from, result)).isEqualTo(n);
    if (n > 0) {
      assertThat(calendar.addWorkingDays(calendar.subtractWorkingDays(result, n), n)).isEqualTo(result);
    }
  }

  @ParameterizedTest(name = "{0} - {1} working days = {2}")
  @CsvSource({
    "2026-03-05T17:30, 1, 2026-03-04T17:30",
    "2026-03-05T10:00, 1, 2026-03-04T10:00",
    "2026-02-23T17:30, 1, 2026-02-13T17:30", // back across Tết 2026
    "2026-02-23T07:30, 1, 2026-02-12T17:30",
    "2025-05-05T09:00, 3, 2025-04-26T09:00", // back across 30/4–1/5 onto the make-up Saturday
  })
  void subtractWorkingDays(String end, int n, String expected) {
    assertThat(calendar.subtractWorkingDays(vn(end), n)).isEqualTo(vn(expected));
  }

  @ParameterizedTest(name = "working time at or after {0} starts {1}")
  @CsvSource({
    "2026-03-05T09:00, 2026-03-05T09:00", // Thursday morning: at once
    "2026-03-05T07:00, 2026-03-05T07:30", // before opening
    "2026-03-05T11:30, 2026-03-05T13:30", // lunch break
    "2026-03-05T12:00, 2026-03-05T13:30",
    "2026-03-05T15:45, 2026-03-05T15:45", // after the cut-off is still office time
    "2026-03-05T17:30, 2026-03-06T07:30", // closing: next morning
    "2026-03-07T09:00, 2026-03-09T07:30", // Saturday: Monday
    "2026-02-13T17:45, 2026-02-23T07:30", // before Tết 2026: after the holiday
  })
  void nextOfficeTime(String at, String expected) {
    assertThat(calendar.nextOfficeTime(vn(at))).isEqualTo(vn(expected));
    assertThat(calendar.nextOfficeTime(vn(at))).isEqualTo(calendar.addWorkingTime(vn(at), Duration.ZERO));
  }

  @Test
  void workingTimeBetween() {
    assertThat(calendar.workingTimeBetween(vn("2026-03-06T10:00"), vn("2026-03-09T10:00")))
        .isEqualTo(Duration.ofHours(8));
    assertThat(calendar.workingTimeBetween(vn("2026-03-09T10:00"), vn("2026-03-06T10:00")))
        .isZero();
    assertThat(calendar.workingDaysBetween(vn("2026-03-06T10:00"), vn("2026-03-09T09:59")))
        .isZero();
    assertThat(calendar.addWorkingTime(vn("2026-03-06T11:00"), Duration.ofHours(1)))
        .isEqualTo(vn("2026-03-06T14:00"));
  }

  @Test
  void nextWorkingDay() {
    assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 2, 13))).isEqualTo(LocalDate.of(2026, 2, 23));
    assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 8, 21))).isEqualTo(LocalDate.of(2026, 8, 22));
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 8, 22))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
  }

  @Test
  void cutOffFridayAfternoonCountsFromMonday() {
    assertThat(calendar.startOfCounting(vn("2026-03-06T15:30"))).isEqualTo(vn("2026-03-09T07:30"));
    assertThat(calendar.startOfCounting(vn("2026-03-06T15:00"))).isEqualTo(vn("2026-03-06T15:00"));
    assertThat(calendar.startOfCounting(vn("2026-03-07T09:00"))).isEqualTo(vn("2026-03-09T07:30"));
    // Friday before Tết 2026: the next working day is Monday 23 Feb
    assertThat(calendar.startOfCounting(vn("2026-02-13T15:30"))).isEqualTo(vn("2026-02-23T07:30"));
    // Friday 29 Aug 2025 before the National Day holiday: Wednesday 3 Sep
    assertThat(calendar.startOfCounting(vn("2025-08-29T16:10"))).isEqualTo(vn("2025-09-03T07:30"));
  }

  @Test
  void sameDayDeadline() {
    assertThat(calendar.endOfSameDayDeadline(vn("2026-03-06T14:00"))).isEqualTo(vn("2026-03-06T17:30"));
    assertThat(calendar.endOfSameDayDeadline(vn("2026-03-06T15:30"))).isEqualTo(vn("2026-03-09T17:30"));
    assertThat(calendar.endOfSameDayDeadline(vn("2026-02-13T15:01"))).isEqualTo(vn("2026-02-23T17:30"));
    assertThat(calendar.endOfSameDayDeadline(vn("2026-08-22T09:00"))).isEqualTo(vn("2026-08-22T17:30"));
  }

  @Test
  void a_paper_dossier_is_transferred_the_same_working_day_before_the_cut_off() {
    assertThat(calendar.transferDeadline(vn("2026-03-06T10:00"))).isEqualTo(vn("2026-03-06T17:30"));
    assertThat(calendar.transferDeadline(vn("2026-03-06T15:00"))).isEqualTo(vn("2026-03-06T17:30"));
  }

  /** Decree 61/2018 Art. 17 (Decree 118/2025): "đầu giờ ngày làm việc tiếp theo" after 15:00. [V] */
  @Test
  void a_paper_dossier_received_after_15_00_is_due_for_transfer_at_the_start_of_the_next_working_day() {
    assertThat(calendar.transferDeadline(vn("2026-03-06T15:30"))).isEqualTo(vn("2026-03-09T07:30"));
    assertThat(calendar.transferDeadline(vn("2026-03-07T09:00"))).as("a Saturday").isEqualTo(vn("2026-03-09T07:30"));
    assertThat(calendar.transferDeadline(vn("2026-02-13T16:00"))).as("before Tết 2026").isEqualTo(vn("2026-02-23T07:30"));
  }

  /** The lenient reading, end of the next working day, is an opt-in setting, unconfirmed [U]. */
  @Test
  void the_end_of_the_next_working_day_is_an_opt_in_reading_of_the_transfer_rule() {
    WorkingCalendar byClose = TestCalendars.calendar(new CalendarProperties(
        null, null, null, null, null, null, null, null, false, true));
    assertThat(byClose.transferDeadline(vn("2026-03-06T15:30"))).isEqualTo(vn("2026-03-09T17:30"));
    assertThat(byClose.transferDeadline(vn("2026-03-06T10:00"))).isEqualTo(vn("2026-03-06T17:30"));
  }

  @Test
  void badInput() {
    assertThatThrownBy(() -> calendar.addWorkingDays(vn("2026-03-06T10:00"), -1))
        .isInstanceOf(CalendarException.class)
        .hasMessageContaining("must not be negative")
        .satisfies(e -> assertThat(((CalendarException) e).userMessage()).contains("không được là số âm"));
    assertThatThrownBy(() -> calendar.subtractWorkingDays(vn("2026-03-06T10:00"), -3))
        .isInstanceOf(CalendarException.class);
    assertThatThrownBy(() -> calendar.addWorkingDays(null, 1))
        .isInstanceOf(CalendarException.class)
        .hasMessageContaining("start must not be null");
    assertThatThrownBy(() -> calendar.workingTimeBetween(vn("2026-03-06T10:00"), null))
        .isInstanceOf(CalendarException.class);
    assertThatThrownBy(() -> calendar.addWorkingTime(vn("2026-03-06T10:00"), Duration.ofHours(-1)))
        .isInstanceOf(CalendarException.class);
    assertThatThrownBy(() -> calendar.addWorkingDays(vn("2100-12-31T17:30"), 1))
        .isInstanceOf(CalendarException.class)
        .hasMessageContaining("2101");
    assertThatThrownBy(() -> calendar.startOfCounting(vn("1899-12-29T10:00")))
        .isInstanceOf(CalendarException.class)
        .satisfies(e -> assertThat(((CalendarException) e).userMessage())
            .isEqualTo("Năm 1899 nằm ngoài phạm vi lịch được hỗ trợ (1900–2100)."));
  }

  @Test
  void malformedHolidayFileKeepsThePreviousSchedule(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("holidays-vn.json");
    try (InputStream in = new ClassPathResource("calendar/holidays-vn.json").getInputStream()) {
      Files.write(file, in.readAllBytes());
    }
    WorkingCalendar cal = TestCalendars.calendar(
        CalendarProperties.withHolidayFile(file.toUri().toString()));
    assertThat(cal.lastReloadError()).isNull();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 8, 22))).isTrue(); // make-up Saturday from the file
    Instant before = cal.lastReloadAt();

    Files.writeString(file, "{ \"years\": { \"2026\": [ broken");
    assertThat(cal.reload()).isFalse();
    assertThat(cal.lastReloadError()).contains("holidays-vn.json").contains("invalid JSON");
    assertThat(cal.lastReloadAt()).isAfterOrEqualTo(before);
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 8, 22))).isTrue(); // previous schedule in force

    Files.writeString(file, """
        {"years": {"2026": {"days": [
          {"date": "2026-03-02", "kind": "DAY_OFF", "name": "Nghỉ đột xuất", "note": "test"}]}}}
        """);
    assertThat(cal.reload()).isTrue();
    assertThat(cal.lastReloadError()).isNull();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 3, 2))).isFalse();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 8, 22))).isFalse(); // 2026 replaced entirely
    assertThat(cal.dayInfo(LocalDate.of(2025, 4, 30)).entry().source()).isEqualTo(DaySource.COMPUTED);
    assertThat(cal.isWorkingDay(LocalDate.of(2025, 4, 26))).isFalse();
    assertThat(cal.reload()).isFalse(); // unchanged checksum: nothing to do
  }

  @Test
  void missingHolidayFileFallsBackToStatutoryDefaults() {
    WorkingCalendar cal = TestCalendars.calendar(CalendarProperties.withHolidayFile("file:/nonexistent/x.json"));
    assertThat(cal.lastReloadError()).contains("/nonexistent/x.json");
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 2, 17))).isFalse();
  }

  @Test
  void adminDaysTakeEffectAtOnce() {
    CalendarDayRepository repo = new CalendarDayRepository(TestCalendars.h2("wc", false));
    WorkingCalendar cal = new WorkingCalendar(CalendarProperties.defaults(),
        new org.springframework.core.io.DefaultResourceLoader(), repo);
    LocalDate day = LocalDate.of(2026, 3, 6);
    assertThat(cal.isWorkingDay(day)).isTrue();
    cal.saveAdminDay(new AdminDay(day, DayKind.DAY_OFF, "Nghỉ đột xuất", null, "admin",
        OffsetDateTime.now()));
    assertThat(cal.isWorkingDay(day)).isFalse();
    assertThat(cal.dayInfo(day).entry().source()).isEqualTo(DaySource.ADMIN);
    assertThat(cal.addWorkingDays(vn("2026-03-05T17:30"), 1)).isEqualTo(vn("2026-03-09T17:30"));
    assertThat(cal.deleteAdminDay(day)).isTrue();
    assertThat(cal.isWorkingDay(day)).isTrue();
    assertThat(cal.deleteAdminDay(day)).isFalse();
  }
}
