package vn.motcua.overdue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.calendar.WorkingDuration;
import vn.motcua.dossier.DeadlinePlan;
import vn.motcua.dossier.DossierDeadlines;
import vn.motcua.dossier.DossierVariables;
import vn.motcua.procedure.Procedure;
import vn.motcua.procedure.ProcedureCatalogue;

/**
 * The dates of the overdue timers, for timer boundary events in the models, as bean {@code overdue}:
 *
 * <pre>
 *   ${overdue.warningAt(execution, appraisalDueAt)}   warning before the stage deadline
 *   ${overdue.warningBefore(appraisalDueAt, '4h')}    the same with an explicit lead
 *   ${overdue.apologyAt(execution, appraisalDueAt)}   when the dossier cannot be on time: the apology
 *   ${appraisalDueAt}                                 the stage deadline itself (escalation)
 * </pre>
 *
 * All times are working time on the province's calendar. A date already past makes the timer fire at
 * once. The engine re-evaluates these expressions when a dossier's deadlines move (pause, restart,
 * apology), so the timers follow.
 */
@Component("overdue")
public class OverdueTimers {
  private final WorkingCalendar calendar;
  private final ProcedureCatalogue catalogue;
  private final OverdueProperties properties;
  private final Clock clock;
  private final DossierDeadlines deadlines;

  public OverdueTimers(WorkingCalendar calendar, ProcedureCatalogue catalogue, OverdueProperties properties,
      Clock clock, DossierDeadlines deadlines) {
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.catalogue = catalogue;
    this.properties = properties;
    this.clock = clock;
  }

  /** The warning before a stage deadline, with the procedure's lead ({@code overdue.warningBefore}). */
  public Date warningAt(VariableScope scope, Object due) {
    return warningBefore(due, setting(scope, "warningBefore", properties.warningBefore()));
  }

  /**
   * The warning {@code lead} before {@code due}; when the stage is shorter than twice the lead, halfway
   * between now and the deadline. A deadline already past gives the deadline (the escalation covers it).
   */
  public Date warningBefore(Object due, String lead) {
    Instant deadline = instant(due, "due");
    Instant now = clock.instant();
    if (!deadline.isAfter(now)) {
      return Date.from(deadline);
    }
    Instant byLead = calendar.subtractWorkingTime(deadline, lead(lead));
    Instant halfway = calendar.addWorkingTime(now, calendar.workingTimeBetween(now, deadline).dividedBy(2));
    return Date.from(byLead.isAfter(halfway) ? byLead : halfway);
  }

  /**
   * The last moment an apology may be opened for the dossier as a whole: the apology lead
   * ({@code overdue.apologyLead}) before the letter's legal limit, one working day before the appointment.
   */
  public Date apologyAt(VariableScope scope) {
    Instant appointment = instant(scope.getVariable(DossierVariables.APPOINTMENT_AT), DossierVariables.APPOINTMENT_AT);
    return Date.from(ApologyRules.openBy(calendar, appointment, apologyLead(scope)));
  }

  /**
   * When a dossier still in a stage needs an apology letter (Decree 61/2018 Art. 19(3), Decree 118/2025: the
   * letter goes out no later than one working day before the appointment): the first moment the stages left
   * cannot finish by the appointment if the stage is still open ({@link ApologyRules#apologyAt}): at once when
   * the stage's own share already ends too late, at the critical moment when the stage is still open then, or
   * at the last moment that leaves the apology lead ({@code overdue.apologyLead}) when the stage is late by
   * then. A dossier on track is never apologised for; a moment already past fires at once.
   */
  public Date apologyAt(VariableScope scope, Object stageDue) {
    if (stageDue == null) {
      return apologyAt(scope);
    }
    Instant appointment = instant(scope.getVariable(DossierVariables.APPOINTMENT_AT), DossierVariables.APPOINTMENT_AT);
    Instant due = instant(stageDue, "stageDue");
    return Date.from(ApologyRules.apologyAt(calendar, clock.instant(), due, restAfter(scope, due, appointment),
        appointment, apologyLead(scope)));
  }

  /** Whether the dossier in the stage due at {@code stageDue}, still open now, needs an apology letter. */
  public boolean apologyNeeded(VariableScope scope, Instant stageDue) {
    Instant appointment = instant(scope.getVariable(DossierVariables.APPOINTMENT_AT), DossierVariables.APPOINTMENT_AT);
    return ApologyRules.atRisk(calendar, clock.instant(), stageDue, restAfter(scope, stageDue, appointment),
        appointment, apologyLead(scope));
  }

  /**
   * The working time the stages after the one due at {@code stageDue} need: the later stages' shares and the
   * return's, from the procedure's plan. The stage is the one whose {@code <stage>DueAt} holds that date (or
   * the partner's {@code partnerStage}); a stage the plan does not know leaves exactly the time after its
   * deadline, so its apology comes at its deadline at the latest.
   */
  Duration restAfter(VariableScope scope, Instant stageDue, Instant appointment) {
    Object from = scope.getVariable(DossierVariables.COUNTING_FROM);
    Procedure procedure = procedure(scope);
    if (from != null && procedure != null && deadlines != null) {
      String stage = stageOf(scope, procedure, stageDue);
      if (stage != null) {
        DeadlinePlan plan = deadlines.plan(procedure, instant(from, DossierVariables.COUNTING_FROM));
        Instant groupEnd = null;
        for (List<String> group : procedure.stageOrder()) {
          if (group.contains(stage)) {
            for (String s : group) {
              Instant d = plan.stageDue().get(s);
              if (d != null && (groupEnd == null || d.isAfter(groupEnd))) {
                groupEnd = d;
              }
            }
          }
        }
        if (groupEnd != null) {
          return calendar.workingTimeBetween(groupEnd, plan.appointmentAt());
        }
      }
    }
    return stageDue.isBefore(appointment) ? calendar.workingTimeBetween(stageDue, appointment) : Duration.ZERO;
  }

  private static String stageOf(VariableScope scope, Procedure procedure, Instant stageDue) {
    for (List<String> group : procedure.stageOrder()) {
      for (String stage : group) {
        Object value = scope.getVariable(DeadlinePlan.variableOf(stage));
        if (value instanceof Date d && d.toInstant().equals(stageDue)) {
          return stage;
        }
      }
    }
    Object partner = scope.getVariable(DossierVariables.PARTNER_STAGE);
    if (partner != null && procedure.stageOrder().stream().anyMatch(g -> g.contains(partner.toString()))) {
      return partner.toString();
    }
    return null;
  }

  private Procedure procedure(VariableScope scope) {
    Object key = scope.getVariable(DossierVariables.PROCEDURE_KEY);
    return key == null || catalogue == null ? null : catalogue.findForRunning(key.toString()).orElse(null);
  }

  private Duration apologyLead(VariableScope scope) {
    return lead(setting(scope, "apologyLead", properties.apologyLead()));
  }

  /** The latest moment an apology letter may go out: one working day before the appointment. */
  public Instant latestApologyAt(Instant appointment) {
    return ApologyRules.latestLetterAt(calendar, appointment);
  }

  /** A comma-separated list as a list, for candidate users and groups ({@code ${overdue.list(alertGroups)}}). */
  public List<String> list(Object commaSeparated) {
    if (commaSeparated == null || commaSeparated.toString().isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private Duration workingDay() {
    return WorkingDuration.workingDay(calendar.properties());
  }

  private Duration lead(String text) {
    return WorkingDuration.parse(text, workingDay());
  }

  private String setting(VariableScope scope, String name, String fallback) {
    Object key = scope.getVariable(DossierVariables.PROCEDURE_KEY);
    if (key == null) {
      return fallback;
    }
    String value = catalogue.findForRunning(key.toString()).map(p -> p.overdueSetting(name)).orElse(null);
    return value == null ? fallback : value;
  }

  private static Instant instant(Object value, String name) {
    if (value instanceof Date d) {
      return d.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalArgumentException("Overdue timer: '" + name + "' must be a date, got " + value);
  }

  /** The lead settings of a procedure, checked when the catalogue is read: a wrong value fails early. */
  public void validate(Procedure procedure) {
    for (String name : List.of("warningBefore", "apologyLead")) {
      String value = procedure.overdueSetting(name);
      if (value != null) {
        lead(value);
      }
    }
  }
}
