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
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.TestCalendars;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingDuration;

/**
 * When the overdue timers fire, on the working-day calendar. A household business dossier accepted on
 * Monday 2 March 2026 at 09:00 (3 working days: appraisal 14 h, approval 6 h) is the example.
 */
class OverdueTimersTest {
  private final WorkingCalendar calendar = TestCalendars.defaultCalendar();

  private OverdueTimers timersAt(String now) {
    return new OverdueTimers(calendar, null, OverdueProperties.defaults(),
        Clock.fixed(vn(now), ZoneId.of("Asia/Ho_Chi_Minh")));
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
  void the_apology_leaves_time_to_sign_before_the_last_working_day() {
    var scope = dossier("2026-03-02T09:00", "2026-03-05T09:00");
    OverdueTimers timers = timersAt("2026-03-02T09:00");
    // last moment for the letter: Wednesday 09:00; minus the 4 h lead: Tuesday 15:00
    assertThat(timers.latestApologyAt(vn("2026-03-05T09:00"))).isEqualTo(vn("2026-03-04T09:00"));
    assertThat(at(timers.apologyAt(scope))).isEqualTo(vn("2026-03-03T15:00"));
    // the appraisal stage ends later (Tuesday 17:00): the letter deadline wins
    assertThat(at(timers.apologyAt(scope, Date.from(vn("2026-03-03T17:00"))))).isEqualTo(vn("2026-03-03T15:00"));
  }

  @Test
  void a_stage_that_runs_late_early_in_a_long_procedure_needs_the_apology_at_its_deadline() {
    var scope = dossier("2026-03-02T07:30", "2026-03-13T17:30"); // 10 working days
    assertThat(at(timersAt("2026-03-02T07:30").apologyAt(scope, Date.from(vn("2026-03-11T17:30")))))
        .isEqualTo(vn("2026-03-11T17:30"));
  }

  @Test
  void a_one_day_procedure_is_not_apologised_for_before_halfway() {
    var scope = dossier("2026-03-02T07:30", "2026-03-02T17:30");
    assertThat(at(timersAt("2026-03-02T07:30").apologyAt(scope))).isEqualTo(vn("2026-03-02T11:30"));
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
