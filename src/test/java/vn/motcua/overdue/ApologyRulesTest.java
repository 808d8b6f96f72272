package vn.motcua.overdue;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.calendar.TestCalendars.vn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.TestCalendars;
import vn.motcua.calendar.WorkingCalendar;

/** The rules of the one apology letter, without the engine or a database. */
class ApologyRulesTest {
  private final WorkingCalendar calendar = TestCalendars.defaultCalendar();
  private final Instant now = vn("2026-03-03T15:00");          // Tuesday
  private final Instant appointment = vn("2026-03-05T09:00");  // Thursday
  private static final String REASON = "Cần xác minh thực tế địa điểm kinh doanh";

  private Map<String, String> check(int apologies, String reason, String date) {
    return ApologyRules.check(calendar, now, appointment, apologies, reason, date);
  }

  @Test
  void a_working_day_after_today_and_after_the_old_date_with_a_reason_is_accepted() {
    assertThat(check(0, REASON, "2026-03-10")).isEmpty();
    assertThat(check(0, REASON, "10/03/2026")).isEmpty();
    assertThat(check(0, REASON, "2026-03-10T00:00:00+07:00")).isEmpty();
  }

  @Test
  void a_holiday_is_refused_with_its_name() {
    Map<String, String> errors = check(0, REASON, "2026-04-30");
    assertThat(errors).containsOnlyKeys("newAppointmentDate");
    assertThat(errors.get("newAppointmentDate")).contains("30/04/2026", "không phải ngày làm việc");
  }

  @Test
  void a_weekend_day_is_refused() {
    assertThat(check(0, REASON, "2026-03-07").get("newAppointmentDate")).contains("ngày nghỉ cuối tuần");
  }

  @Test
  void today_or_a_past_date_is_refused() {
    assertThat(check(0, REASON, "2026-03-03").get("newAppointmentDate")).contains("phải sau ngày hôm nay");
    assertThat(check(0, REASON, "2026-02-27").get("newAppointmentDate")).contains("phải sau ngày hôm nay");
  }

  @Test
  void a_date_not_after_the_old_appointment_is_refused() {
    assertThat(check(0, REASON, "2026-03-04").get("newAppointmentDate")).contains("phải sau ngày hẹn trả cũ (05/03/2026)");
    assertThat(check(0, REASON, "2026-03-05").get("newAppointmentDate")).contains("phải sau ngày hẹn trả cũ");
  }

  @Test
  void a_missing_reason_or_date_is_refused() {
    Map<String, String> errors = check(0, "  ", null);
    assertThat(errors).containsOnlyKeys("apologyReason", "newAppointmentDate");
    assertThat(check(0, REASON, "ngày mai").get("newAppointmentDate")).contains("không hợp lệ");
  }

  @Test
  void a_second_apology_is_refused_whatever_the_date() {
    assertThat(check(1, REASON, "2026-03-10")).containsOnlyKeys("dossier");
    assertThat(check(1, REASON, "2026-03-10").get("dossier")).contains("chỉ được hẹn lại một lần");
  }

  @Test
  void the_new_appointment_is_the_close_of_office_hours_that_day() {
    assertThat(ApologyRules.appointmentOn(calendar, LocalDate.of(2026, 3, 10))).isEqualTo(vn("2026-03-10T17:30"));
  }

  @Test
  void the_letter_is_signed_by_one_working_day_before_the_appointment_and_drafted_halfway_there() {
    ApologyRules.Deadlines due = ApologyRules.deadlines(calendar, now, appointment);
    assertThat(ApologyRules.latestLetterAt(calendar, appointment)).isEqualTo(vn("2026-03-04T09:00"));
    assertThat(due.signBy()).isEqualTo(vn("2026-03-04T09:00"));
    // 4 working hours from Tuesday 15:00 to Wednesday 09:00: halfway is Tuesday 17:00
    assertThat(due.draftBy()).isEqualTo(vn("2026-03-03T17:00"));
    // already past that moment: two working hours from now
    ApologyRules.Deadlines late = ApologyRules.deadlines(calendar, vn("2026-03-04T14:00"), appointment);
    assertThat(late.signBy()).isEqualTo(vn("2026-03-04T16:00"));
  }
}
