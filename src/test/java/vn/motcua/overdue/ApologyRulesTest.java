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

  // ---------- when the apology is due (issue 18, finding 6) ----------

  private static final java.time.Duration LEAD = java.time.Duration.ofHours(4);

  private Instant apologyAt(String now, String stageDue, int restHours, String appointment) {
    return ApologyRules.apologyAt(calendar, vn(now), vn(stageDue), java.time.Duration.ofHours(restHours),
        vn(appointment), LEAD);
  }

  private boolean atRisk(String now, String stageDue, int restHours, String appointment) {
    return ApologyRules.atRisk(calendar, vn(now), vn(stageDue), java.time.Duration.ofHours(restHours),
        vn(appointment), LEAD);
  }

  @Test
  void an_on_track_dossier_is_not_apologised_for_at_the_letters_last_moment() {
    // household business, appraisal due Tuesday 17:00, then approval 6 h and return 4 h to Thursday 09:00:
    // at Tuesday 15:00 (the last moment that leaves 4 h before the letter's limit) the stage is on track
    assertThat(atRisk("2026-03-03T15:00", "2026-03-03T17:00", 10, "2026-03-05T09:00")).isFalse();
    assertThat(apologyAt("2026-03-02T09:00", "2026-03-03T17:00", 10, "2026-03-05T09:00"))
        .isEqualTo(vn("2026-03-03T17:00"));
    // still open at its deadline, the stages left cannot finish by the appointment
    assertThat(atRisk("2026-03-03T17:00", "2026-03-03T17:00", 10, "2026-03-05T09:00")).isTrue();
  }

  @Test
  void a_stage_whose_own_share_ends_too_late_for_the_rest_is_apologised_for_at_once() {
    // the approval reached the unit late (its 6 h end Wednesday 17:00); the return needs 4 h: Thursday 11:00
    assertThat(atRisk("2026-03-04T09:00", "2026-03-04T17:00", 4, "2026-03-05T09:00")).isTrue();
    assertThat(apologyAt("2026-03-04T09:00", "2026-03-04T17:00", 4, "2026-03-05T09:00"))
        .isEqualTo(vn("2026-03-04T09:00"));
  }

  @Test
  void a_stage_late_at_the_last_moment_for_a_letter_on_time_is_apologised_for_then() {
    // approval entered early (due Tuesday 08:30) with the return's 4 h after Wednesday 15:00 as the critical
    // moment: late by Tuesday 15:00, the last moment leaving 4 h before Wednesday 09:00
    assertThat(apologyAt("2026-03-02T10:00", "2026-03-03T08:30", 4, "2026-03-05T09:00"))
        .isEqualTo(vn("2026-03-03T15:00"));
    assertThat(atRisk("2026-03-03T10:00", "2026-03-03T08:30", 4, "2026-03-05T09:00")).isFalse();
    assertThat(atRisk("2026-03-03T15:00", "2026-03-03T08:30", 4, "2026-03-05T09:00")).isTrue();
    // on track at that moment (due Wednesday 10:00): at its own deadline, the letter's moment being past
    assertThat(apologyAt("2026-03-02T10:00", "2026-03-04T10:00", 4, "2026-03-05T09:00"))
        .isEqualTo(vn("2026-03-04T10:00"));
    // due after the critical moment (Wednesday 15:00): at once
    assertThat(apologyAt("2026-03-02T10:00", "2026-03-04T16:00", 4, "2026-03-05T09:00"))
        .isEqualTo(vn("2026-03-02T10:00"));
  }

  @Test
  void an_early_stage_of_a_long_procedure_is_apologised_for_when_the_stages_left_need_all_the_time_left() {
    // due Monday 12:00, 40 h of later stages before Monday 9 March 17:30: late at 12:00 but the dossier can
    // still be on time until 17:30 (the critical moment), long before the letter's last moment (Friday)
    assertThat(apologyAt("2026-03-02T08:00", "2026-03-02T12:00", 40, "2026-03-09T17:30"))
        .isEqualTo(vn("2026-03-02T17:30"));
    assertThat(atRisk("2026-03-02T15:00", "2026-03-02T12:00", 40, "2026-03-09T17:30")).isFalse();
  }

  @Test
  void a_same_day_procedure_is_apologised_for_when_its_stage_runs_late_never_halfway_before() {
    // birth registration received Monday 09:00, due back 17:30: the letter's legal moment is already past,
    // so the apology comes as soon as the dossier is late (the appraisal's deadline), not at a halfway clamp
    assertThat(apologyAt("2026-03-02T09:00", "2026-03-02T13:54", 2, "2026-03-02T17:30"))
        .isEqualTo(vn("2026-03-02T13:54"));
    assertThat(atRisk("2026-03-02T13:45", "2026-03-02T13:54", 2, "2026-03-02T17:30")).isFalse();
  }

  @Test
  void a_letter_signed_after_one_working_day_before_the_appointment_is_marked_late() {
    assertThat(ApologyRules.signedLate(calendar, vn("2026-03-04T09:00"), appointment)).isFalse();
    assertThat(ApologyRules.signedLate(calendar, vn("2026-03-04T09:01"), appointment)).isTrue();
    assertThat(ApologyRules.signedLate(calendar, vn("2026-03-05T08:00"), appointment)).isTrue();
  }
}
