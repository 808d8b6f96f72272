package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.ControlLogEntry;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.dossier.Format;
import vn.motcua.dossier.OutcomeClass;
import vn.motcua.dossier.ResponsibleUnits;
import vn.motcua.overdue.AlertKind;
import vn.motcua.overdue.OverdueService;

/**
 * Who is charged (domain.md; issue 18, findings 5 and "a clock per stage"): every stage counts from the
 * moment the dossier reached the unit holding it, and its lateness is that unit's — in form 05 (the
 * control log), in the dossier's record (its responsible units with the working time each lost) and in
 * report 06a (column "Quá hạn do đơn vị gây ra"), whatever happened before it. Every procedure, each of
 * its units delayed in turn, worked by the demo officers through the engine REST API.
 */
@MotCuaSpringTest
class WhoIsChargedTest extends DossierTestSupport {
  static final String REPORT = "/api/reports/resolution?from=2026-06-01&to=2026-08-31";

  @Autowired IdentityService identityService;
  @Autowired WorkingCalendar calendar;
  @Autowired OverdueService overdue;
  ProcedureDriver driver;

  static Stream<String> procedures() {
    return ProcedurePathsTest.PROCEDURES.stream();
  }

  @BeforeEach
  void newDriver() {
    driver = new ProcedureDriver(rest, taskService, identityService, dossiers, calendar);
    clockAt("2026-06-01T09:00"); // a Monday
  }

  private Dossier register(String procedureKey) {
    return driver.register(procedureKey);
  }

  /** The newborn package's partners confirm they received the electronic dossier (within 2 working hours). */
  private void acknowledgeEveryPartner(Dossier d) {
    for (String ack : List.of("Task_AcknowledgeResidence", "Task_AcknowledgeInsurance")) {
      driver.openTasks(d, ack).forEach(t -> driver.work(d, t));
    }
  }

  /** The row of form 05 of an open task. */
  private ControlLogEntry rowOf(Dossier d, Task task) {
    return dossiers.controlLog(d.id()).stream().filter(e -> task.getId().equals(e.taskId())).findFirst().orElseThrow();
  }

  /** Report 06a's "late charged" per unit, province-wide (the provincial service centre's supervisor). */
  @SuppressWarnings("unchecked")
  private Map<String, Long> lateCharged() {
    ResponseEntity<Map> response = rest.withBasicAuth("gs.ha", "demo").getForEntity(REPORT, Map.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    Map<String, Long> result = new HashMap<>();
    for (Map<String, Object> unit : (List<Map<String, Object>>) response.getBody().get("units")) {
      Map<String, Number> counts = (Map<String, Number>) unit.get("counts");
      result.put((String) unit.get("unit"), counts.get("lateCharged").longValue());
    }
    return result;
  }

  /** Works the dossier to its end; every task of {@code delayed} is done an hour past its own deadline. */
  private Dossier drive(Dossier d, String delayed) {
    boolean first = true;
    for (int step = 0; step < 80; step++) {
      // the other units work on time first (a partner in parallel is not held up by the late one)
      List<Task> open = driver.openTasks(d).stream()
          .filter(t -> !ProcedureDriver.ALERT_TASKS.contains(t.getTaskDefinitionKey())).toList();
      Task next = open.stream().filter(t -> !rowOf(d, t).toUnit().equals(delayed)).findFirst()
          .orElse(open.isEmpty() ? null : open.get(0));
      if (next == null) {
        return reload(d);
      }
      ControlLogEntry row = rowOf(d, next);
      if (row.toUnit().equals(delayed) && row.stageDueAt() != null) {
        // the first delay also passes the appointment, so that the dossier itself is late when it can be
        Instant appointment = reload(d).appointmentAt();
        Instant late = row.stageDueAt();
        if (first && appointment != null && appointment.isAfter(late)) {
          late = appointment;
        }
        late = calendar.addWorkingTime(late, Duration.ofHours(1));
        if (late.isAfter(ClockUtil.getCurrentTime().toInstant())) {
          ClockUtil.setCurrentTime(Date.from(late));
        }
        first = false;
      }
      driver.work(d, next);
    }
    throw new AssertionError("The dossier still has tasks after 80 steps: " + driver.openTasks(d));
  }

  /** The units a dossier of the procedure passes through (those that hold a step of its form 05). */
  private Set<String> unitsOf(String procedure) {
    Dossier d = drive(register(procedure), null);
    List<ControlLogEntry> log = dossiers.controlLog(d.id());
    // on track: no row late, nobody charged, no apology
    assertThat(log).as("form 05 of an on-track dossier").noneMatch(e -> e.resultClass() == OutcomeClass.LATE);
    assertThat(dossiers.responsibleUnits(d.id())).isEmpty();
    assertThat(d.outcome()).isIn(OutcomeClass.EARLY, OutcomeClass.ON_TIME);
    return log.stream().map(ResponsibleUnits::chargedUnit).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  @ParameterizedTest
  @MethodSource("procedures")
  void an_on_track_dossier_never_sees_an_apology_task_even_when_each_unit_uses_its_whole_share(String procedure) {
    Dossier d = register(procedure);
    for (int step = 0; step < 80; step++) {
      List<Task> open = driver.openTasks(d).stream()
          .filter(t -> !ProcedureDriver.ALERT_TASKS.contains(t.getTaskDefinitionKey())).toList();
      if (open.isEmpty()) {
        break;
      }
      // the units work in parallel: the step due first is done first
      Dossier current = d;
      Task next = open.stream().min(Comparator.comparing(t -> Optional.ofNullable(rowOf(current, t).stageDueAt())
          .orElse(Instant.MAX))).orElseThrow();
      ControlLogEntry row = rowOf(d, next);
      // the unit works until five minutes before its own deadline; every timer due meanwhile fires
      if (row.stageDueAt() != null) {
        Instant late = row.stageDueAt().minus(Duration.ofMinutes(5));
        if (late.isAfter(ClockUtil.getCurrentTime().toInstant())) {
          ClockUtil.setCurrentTime(Date.from(late));
        }
      }
      fireDueTimers(d);
      assertThat(driver.openTasks(d, "Task_DraftApology")).as(procedure + " at " + row.stepKey()).isEmpty();
      assertThat(driver.openTasks(d, "Task_PartnerReasonForApology")).as(procedure + " at " + row.stepKey()).isEmpty();
      driver.work(d, next);
    }
    d = reload(d);
    assertThat(driver.openTasks(d)).as(procedure + " finished").isEmpty();
    assertThat(overdue.letters(d.id())).isEmpty();
    assertThat(dossiers.controlLog(d.id())).as(procedure).noneMatch(e -> e.resultClass() == OutcomeClass.LATE);
  }

  @ParameterizedTest
  @MethodSource("procedures")
  void a_dossier_delayed_by_each_of_its_units_in_turn_charges_exactly_that_unit(String procedure) {
    Set<String> units = unitsOf(procedure);
    assertThat(units).isNotEmpty();
    for (String unit : units) {
      clockAt("2026-06-01T09:00");
      Map<String, Long> before = lateCharged();
      Dossier d = drive(register(procedure), unit);
      List<ControlLogEntry> log = dossiers.controlLog(d.id());
      String what = procedure + " delayed by " + unit + ": " + log;
      assertThat(transferAfterLatePartner(log)).as("the transfer comes before every partner: " + what).isFalse();

      // form 05: the late rows are exactly the rows of that unit's stages
      assertThat(log).as(what).anyMatch(e -> e.resultClass() == OutcomeClass.LATE);
      assertThat(log.stream().filter(e -> e.resultClass() == OutcomeClass.LATE).map(ResponsibleUnits::chargedUnit))
          .as(what).containsOnly(unit);
      // the dossier's record: that unit alone, with the working time it lost
      assertThat(dossiers.responsibleUnits(d.id())).as(what).singleElement().satisfies(c -> {
        assertThat(c.unit()).isEqualTo(unit);
        assertThat(c.workingMinutesLate()).isPositive();
      });
      if (d.outcome() == OutcomeClass.LATE) {
        assertThat(d.responsibleUnit()).as(what).isEqualTo(unit);
      }
      // report 06a: counted late for that unit only, when the decision itself came late
      boolean resolvedLate = "LATE".equals(jdbc.queryForObject("SELECT resolution_class FROM dossier WHERE id = ?",
          String.class, d.id()));
      Map<String, Long> after = lateCharged();
      Set<String> all = new LinkedHashSet<>(before.keySet());
      all.addAll(after.keySet());
      for (String u : all) {
        long delta = after.getOrDefault(u, 0L) - before.getOrDefault(u, 0L);
        assertThat(delta).as(what + " — report 06a, late charged to " + u)
            .isEqualTo(u.equals(unit) && resolvedLate ? 1L : 0L);
      }
      if (resolvedLate) {
        assertThat(after.getOrDefault(unit, 0L)).isPositive();
      }
      printForm05(what, d, log);
      System.out.println("  report 06a " + REPORT + ", unit " + unit + ": lateCharged " + before.getOrDefault(unit, 0L)
          + " -> " + after.getOrDefault(unit, 0L) + (resolvedLate ? " (resolved late)" : " (decision on time)"));
    }
  }

  /** Form 05 and the dossier's record, as the closing note of issue 18 shows them. */
  private void printForm05(String what, Dossier d, List<ControlLogEntry> log) {
    StringBuilder out = new StringBuilder("=== " + what.substring(0, what.indexOf(':')) + " — " + d.code()
        + ", outcome " + d.outcome() + ", responsible " + d.responsibleUnit() + "\n");
    for (ControlLogEntry e : log) {
      out.append(String.format("  %-20s %-12s -> %-12s nhận %s  hạn %s  xong %s  %s%n", e.stepKey(), e.fromUnit(),
          e.toUnit(), Format.dateTime(e.handedAt()), e.stageDueAt() == null ? "—" : Format.dateTime(e.stageDueAt()),
          Format.dateTime(e.doneAt()), e.resultClass() == null ? "" : e.resultClass().label()));
    }
    dossiers.responsibleUnits(d.id()).forEach(c -> out.append(String.format("  charged %s: %d late stage(s), %.1f working hours%n",
        c.unit(), c.lateStages(), c.workingHoursLate())));
    System.out.print(out);
  }

  /** The transfer row comes after a late partner agency's row (finding 3: it must not). */
  private static boolean transferAfterLatePartner(List<ControlLogEntry> log) {
    boolean latePartner = false;
    for (ControlLogEntry e : log) {
      if ("Task_PartnerProcess".equals(e.stepKey()) && e.resultClass() == OutcomeClass.LATE) {
        latePartner = true;
      }
      if ("Transfer".equals(e.stepKey()) && latePartner) {
        return true;
      }
    }
    return false;
  }

  @Test
  void a_late_unit_does_not_make_the_next_units_stage_late() {
    Dossier d = register("Procedure_JudicialRecord");
    // the ward checks the dossier two working days late
    Task check = driver.openTasks(d, "Task_CheckDossier").get(0);
    Instant late = calendar.addWorkingTime(rowOf(d, check).stageDueAt(), Duration.ofHours(16));
    ClockUtil.setCurrentTime(Date.from(late));
    driver.work(d, check);
    // the fee is paid at the counter at once (the wait for the fee is the applicant's)
    driver.work(d, driver.openTasks(d, "Task_CollectFee").get(0));
    // the police count their 40 working hours from their own receipt, not from the plan made at the receipt
    Task police = driver.openTasks(d, "Task_PartnerProcess").get(0);
    ControlLogEntry row = rowOf(d, police);
    assertThat(row.toUnit()).isEqualTo("tq-ca");
    assertThat(row.handedAt()).isEqualTo(late);
    assertThat(police.getDueDate().toInstant()).isEqualTo(calendar.addWorkingTime(late, Duration.ofHours(40)));
    // at the date the plan gave them they are not late: no escalation, no alert for the police
    ClockUtil.setCurrentTime(Date.from(calendar.addWorkingTime(at("2026-06-01T09:00"), Duration.ofHours(41))));
    fireDueTimers(d);
    assertThat(overdue.alerts(d.id())).noneMatch(a -> a.kind() == AlertKind.OVERDUE && "tq-ca".equals(a.unit()));
    assertThat(dossiers.controlLog(d.id()).stream().filter(e -> police.getId().equals(e.taskId())).findFirst()
        .orElseThrow().overdueAt()).isNull();
  }

  @Test
  void parallel_partners_each_have_their_own_clock_alerts_and_rows() {
    Dossier d = register("Procedure_NewbornPackage");
    driver.driveUntil(d, "Task_PartnerProcess");
    acknowledgeEveryPartner(d);
    List<Task> partners = driver.openTasks(d, "Task_PartnerProcess");
    assertThat(partners).hasSize(2);
    List<ControlLogEntry> rows = partners.stream().map(t -> rowOf(d, t)).toList();
    // each partner's row follows its own acknowledgement of the electronic package: given by itself (or by
    // the lead agency that sent it), never by the other partner
    assertThat(rows).extracting(ControlLogEntry::toUnit).containsExactlyInAnyOrder("tq-ca", "tq-bhxh");
    assertThat(rows).allSatisfy(r -> assertThat(r.fromUnit()).isIn(r.toUnit(), reload(d).competentUnit()));
    // each counts its own share from its receipt
    // the birth registration is done on time at the ward: only the two partners run late
    for (int i = 0; i < 10; i++) {
      List<Task> own = driver.openTasks(d).stream()
          .filter(t -> !t.getTaskDefinitionKey().equals("Task_PartnerProcess"))
          .filter(t -> !ProcedureDriver.ALERT_TASKS.contains(t.getTaskDefinitionKey())).toList();
      if (own.isEmpty()) {
        break;
      }
      driver.work(d, own.get(0));
    }
    Instant latest = rows.stream().map(ControlLogEntry::stageDueAt).max(Instant::compareTo).orElseThrow();
    ClockUtil.setCurrentTime(Date.from(latest.plusSeconds(60)));
    fireDueTimers(d);
    // both are escalated: one alert per partner, each with its own unit
    assertThat(overdue.alerts(d.id()).stream().filter(a -> a.kind() == AlertKind.OVERDUE))
        .extracting(a -> a.unit()).containsExactlyInAnyOrder("tq-ca", "tq-bhxh");
    assertThat(dossiers.controlLog(d.id()).stream().filter(e -> "Task_PartnerProcess".equals(e.stepKey())))
        .allSatisfy(e -> assertThat(e.overdueAt()).isNotNull());
    driver.completingAlerts().driveToEnd(d);
    assertThat(dossiers.responsibleUnits(d.id())).extracting(ResponsibleUnits.Charge::unit)
        .containsExactlyInAnyOrder("tq-ca", "tq-bhxh");
  }
}
