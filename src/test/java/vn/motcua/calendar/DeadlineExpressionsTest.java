package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.calendar.TestCalendars.vn;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

class DeadlineExpressionsTest {

  private final DeadlineExpressions deadline = new DeadlineExpressions(TestCalendars.defaultCalendar());

  @Test
  void acceptsAllSupportedTimeTypes() {
    Date expected = Date.from(vn("2026-02-23T15:30"));
    assertThat(deadline.workingDaysAfter(Date.from(vn("2026-02-13T15:30")), 1)).isEqualTo(expected);
    assertThat(deadline.workingDaysAfter(vn("2026-02-13T15:30"), 1)).isEqualTo(expected);
    assertThat(deadline.workingDaysAfter(OffsetDateTime.parse("2026-02-13T15:30+07:00"), 1)).isEqualTo(expected);
    assertThat(deadline.workingDaysAfter(
        ZonedDateTime.of(2026, 2, 13, 15, 30, 0, 0, ZoneId.of("Asia/Ho_Chi_Minh")), 1)).isEqualTo(expected);
    assertThat(deadline.workingDaysAfter(LocalDateTime.of(2026, 2, 13, 15, 30), 1)).isEqualTo(expected);
    assertThat(deadline.workingDaysAfter("2026-02-13T08:30:00Z", 1)).isEqualTo(expected);
    assertThat(deadline.workingDaysAfter("2026-02-13T15:30", 1)).isEqualTo(expected);
    // a LocalDate means the opening of that day
    assertThat(deadline.workingDaysAfter(LocalDate.of(2026, 2, 13), 1))
        .isEqualTo(Date.from(vn("2026-02-13T17:30")));
    assertThat(deadline.workingDaysAfter("2026-02-13", 1)).isEqualTo(Date.from(vn("2026-02-13T17:30")));
  }

  @Test
  void modelerExamples() {
    assertThat(deadline.workingDaysBefore(vn("2026-02-24T17:30"), 1))
        .isEqualTo(Date.from(vn("2026-02-23T17:30")));
    assertThat(deadline.workingHoursAfter(vn("2026-03-06T16:30"), 2))
        .isEqualTo(Date.from(vn("2026-03-09T08:30")));
    assertThat(deadline.workingHoursBefore(vn("2026-03-09T08:30"), 2))
        .isEqualTo(Date.from(vn("2026-03-06T16:30")));
    assertThat(deadline.sameDay(vn("2026-03-06T15:30"))).isEqualTo(Date.from(vn("2026-03-09T17:30")));
    assertThat(deadline.transferBy(vn("2026-03-06T10:00"))).isEqualTo(Date.from(vn("2026-03-06T17:30")));
    assertThat(deadline.startOfCounting(vn("2026-03-06T15:30"))).isEqualTo(Date.from(vn("2026-03-09T07:30")));
  }

  /** Issue 18, finding 2: online 8 working hours to check and an alert after 2, both settings; paper by the transfer. */
  @Test
  void the_reception_check_of_an_online_dossier_is_due_in_8_working_hours_with_an_alert_after_2_both_settings() {
    assertThat(deadline.receptionCheckBy("ONLINE", vn("2026-03-06T16:30"))).isEqualTo(Date.from(vn("2026-03-09T16:30")));
    assertThat(deadline.receptionAlertAt("ONLINE", vn("2026-03-06T16:30"))).isEqualTo(Date.from(vn("2026-03-09T08:30")));
    assertThat(deadline.receptionCheckBy("DIRECT", vn("2026-03-06T15:30"))).isEqualTo(Date.from(vn("2026-03-09T07:30")));
    assertThat(deadline.receptionAlertAt("POSTAL", vn("2026-03-06T10:00"))).isEqualTo(Date.from(vn("2026-03-06T17:30")));
    DeadlineExpressions faster = new DeadlineExpressions(TestCalendars.defaultCalendar(),
        new ReceptionProperties(java.time.Duration.ofHours(4), java.time.Duration.ofHours(1)));
    assertThat(faster.receptionCheckBy("ONLINE", vn("2026-03-06T16:30"))).isEqualTo(Date.from(vn("2026-03-09T10:30")));
    assertThat(faster.receptionAlertAt("ONLINE", vn("2026-03-06T16:30"))).isEqualTo(Date.from(vn("2026-03-06T17:30")));
  }

  @Test
  void rejectsUnknownTypesAndBadValues() {
    assertThatThrownBy(() -> deadline.workingDaysAfter(42L, 1))
        .isInstanceOf(CalendarException.class)
        .hasMessageContaining("java.lang.Long");
    assertThatThrownBy(() -> deadline.workingDaysAfter("next Monday", 1))
        .isInstanceOf(CalendarException.class)
        .hasMessageContaining("next Monday");
    assertThatThrownBy(() -> deadline.workingDaysAfter(null, 1))
        .isInstanceOf(CalendarException.class);
    assertThatThrownBy(() -> deadline.workingHoursAfter(vn("2026-03-06T10:00"), -1))
        .isInstanceOf(CalendarException.class);
  }
}
