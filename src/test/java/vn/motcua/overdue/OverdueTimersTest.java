package vn.motcua.overdue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static vn.motcua.calendar.TestCalendars.vn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.TestCalendars;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingDuration;
import vn.motcua.dossier.DossierDeadlines;
import vn.motcua.procedure.Procedure;
import vn.motcua.procedure.ProcedureCatalogue;

/**
 * When the overdue timers fire, on the working-day calendar. A household business dossier accepted on
 * Monday 2 March 2026 at 09:00 (3 working days: appraisal 14 h, approval 6 h) is the example.
 */
class OverdueTimersTest {
  private final WorkingCalendar calendar = TestCalendars.defaultCalendar();

  private OverdueTimers timersAt(String now) {
    return new OverdueTimers(calendar, null, OverdueProperties.defaults(),
        Clock.fixed(vn(now), ZoneId.of("Asia/Ho_Chi_Minh")), null);
  }

  private static Instant at(Date d) {
    return d.toInstant();
  }

  private static VariableScope dossier(String countingFrom, String appointment) {
    Map<String, Object> vars = Map.of("countingFrom", Date.from(vn(countingFrom)),
        "appointmentAt", Date.from(vn(appointment)));
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(anyString())).thenAnswer(inv -> vars.get(inv.getArgument(0, String.class)));
    return scope;
  }

  @Test
  void the_warning_comes_one_working_day_before_a_long_stage_deadline() {
    // 8 working hours before Tuesday 17:00 is Monday 17:00, but that is before halfway: Tuesday 08:00
    assertThat(at(timersAt("2026-03-02T09:00").warningBefore(Date.from(vn("2026-03-03T17:00")), "1d")))
        .isEqualTo(vn("2026-03-03T08:00"));
    // a ten-day stage: one working day before
    assertThat(at(timersAt("2026-03-02T09:00").warningBefore(Date.from(vn("2026-03-13T17:00")), "1d")))
        .isEqualTo(vn("2026-03-12T17:00"));
    assertThat(at(timersAt("2026-03-02T09:00").warningBefore(Date.from(vn("2026-03-13T17:00")), "4h")))
        .isEqualTo(vn("2026-03-13T11:00"));
  }

  @Test
  void a_short_stage_is_warned_halfway_and_a_stage_already_late_at_its_deadline() {
    // 6 working hours from Wednesday 07:30 to 15:30: halfway is 11:30... of working time: 3 h in
    assertThat(at(timersAt("2026-03-04T07:30").warningBefore(Date.from(vn("2026-03-04T15:30")), "1d")))
        .isEqualTo(vn("2026-03-04T10:30"));
    assertThat(at(timersAt("2026-03-04T16:00").warningBefore(Date.from(vn("2026-03-04T15:30")), "1d")))
        .isEqualTo(vn("2026-03-04T15:30"));
  }

  @Test
  void the_apology_of_an_on_track_stage_waits_for_its_deadline_not_for_the_letters_last_moment() {
    var scope = dossier("2026-03-02T09:00", "2026-03-05T09:00");
    OverdueTimers timers = timersAt("2026-03-02T09:00");
    // last moment for the letter: Wednesday 09:00; minus the 4 h lead: Tuesday 15:00
    assertThat(timers.latestApologyAt(vn("2026-03-05T09:00"))).isEqualTo(vn("2026-03-04T09:00"));
    assertThat(at(timers.apologyAt(scope))).isEqualTo(vn("2026-03-03T15:00"));
    // the appraisal stage ends later (Tuesday 17:00) and is on track until then: no apology before
    assertThat(at(timers.apologyAt(scope, Date.from(vn("2026-03-03T17:00"))))).isEqualTo(vn("2026-03-03T17:00"));
  }

  @Test
  void a_stage_that_runs_late_early_in_a_long_procedure_needs_the_apology_at_its_deadline() {
    var scope = dossier("2026-03-02T07:30", "2026-03-13T17:30"); // 10 working days
    assertThat(at(timersAt("2026-03-02T07:30").apologyAt(scope, Date.from(vn("2026-03-11T17:30")))))
        .isEqualTo(vn("2026-03-11T17:30"));
  }

  @Test
  void a_one_day_procedure_is_not_clamped_to_halfway_its_letters_last_moment_is_already_past() {
    var scope = dossier("2026-03-02T07:30", "2026-03-02T17:30");
    assertThat(at(timersAt("2026-03-02T07:30").apologyAt(scope))).isEqualTo(vn("2026-02-27T11:30"));
  }

  @Test
  void the_stages_after_the_one_at_risk_count_with_their_shares_from_the_model() {
    ProcedureCatalogue catalogue = mock(ProcedureCatalogue.class);
    Procedure household = new Procedure("hkd", "Đăng ký hộ kinh doanh", "1.001612", "COMMUNE",
        Procedure.RECEIVING_UNIT, 3, 0, null, null, List.of(), List.of(), Map.of("appraisal", 14, "approval", 6),
        Procedure.DEFAULT_STAGES, Map.of(), null, null);
    when(catalogue.find("hkd")).thenReturn(Optional.of(household));
    Map<String, Object> vars = Map.of("procedureKey", "hkd", "countingFrom", Date.from(vn("2026-03-02T09:00")),
        "appointmentAt", Date.from(vn("2026-03-05T09:00")), "appraisalDueAt", Date.from(vn("2026-03-03T17:00")),
        "approvalDueAt", Date.from(vn("2026-03-04T15:00")));
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(anyString())).thenAnswer(inv -> vars.get(inv.getArgument(0, String.class)));
    OverdueTimers timers = new OverdueTimers(calendar, catalogue, OverdueProperties.defaults(),
        Clock.fixed(vn("2026-03-02T09:00"), ZoneId.of("Asia/Ho_Chi_Minh")), new DossierDeadlines(calendar));
    // approval 6 h and return 4 h after the appraisal; the return's 4 h after the approval
    assertThat(timers.restAfter(scope, vn("2026-03-03T17:00"), vn("2026-03-05T09:00"))).isEqualTo(Duration.ofHours(10));
    assertThat(timers.restAfter(scope, vn("2026-03-04T15:00"), vn("2026-03-05T09:00"))).isEqualTo(Duration.ofHours(4));
    assertThat(at(timers.apologyAt(scope, Date.from(vn("2026-03-03T17:00"))))).isEqualTo(vn("2026-03-03T17:00"));
    assertThat(timers.apologyNeeded(scope, vn("2026-03-03T17:00"))).isFalse();
  }

  @Test
  void leads_are_written_in_working_days_and_hours() {
    Duration day = WorkingDuration.workingDay(calendar.properties());
    assertThat(day).isEqualTo(Duration.ofHours(8));
    assertThat(WorkingDuration.parse("1d4h", day)).isEqualTo(Duration.ofHours(12));
    assertThat(WorkingDuration.parse(" 2D ", day)).isEqualTo(Duration.ofHours(16));
    assertThat(WorkingDuration.parse("90m", day)).isEqualTo(Duration.ofMinutes(90));
    assertThatThrownBy(() -> WorkingDuration.parse("PT4H", day)).hasMessageContaining("expected e.g. 1d");
    assertThatThrownBy(() -> WorkingDuration.parse("", day)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void candidate_lists_are_split_and_an_empty_list_stays_empty() {
    OverdueTimers timers = timersAt("2026-03-02T09:00");
    assertThat(timers.list("tq-minhxuan.leader, tq-ttpvhcc.supervisor")).containsExactly("tq-minhxuan.leader",
        "tq-ttpvhcc.supervisor");
    assertThat(timers.list("")).isEmpty();
    assertThat(timers.list(null)).isEmpty();
  }
}
