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
import vn.motcua.dossier.DossierVariables;
import vn.motcua.procedure.Procedure;
import vn.motcua.procedure.ProcedureCatalogue;

/**
 * The dates of the overdue timers, for timer boundary events in the models, as bean {@code overdue}:
 *
 * <pre>
 *   ${overdue.warningAt(execution, appraisalDueAt)}   warning before the stage deadline
 *   ${overdue.warningBefore(appraisalDueAt, '4h')}    the same with an explicit lead
 *   ${overdue.apologyAt(execution, appraisalDueAt)}   when an apology letter is needed
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

  public OverdueTimers(WorkingCalendar calendar, ProcedureCatalogue catalogue, OverdueProperties properties,
      Clock clock) {
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

  /** When an apology letter is needed, for a stage that is not a user task or for the dossier as a whole. */
  public Date apologyAt(VariableScope scope) {
    return apologyAt(scope, null);
  }

  /**
   * When a dossier still in a stage needs an apology letter (Decree 61/2018 Art. 19(3): the letter goes out
   * no later than one working day before the appointment). The earlier of the stage deadline (a stage
   * that runs late puts the appointment at risk) and the last moment that leaves the responsible unit the
   * apology lead ({@code overdue.apologyLead}, default 4h) before that day; never earlier than halfway
   * through the statutory time, so that short procedures are not apologised for at once.
   */
  public Date apologyAt(VariableScope scope, Object stageDue) {
    Instant appointment = instant(scope.getVariable(DossierVariables.APPOINTMENT_AT), DossierVariables.APPOINTMENT_AT);
    Object from = scope.getVariable(DossierVariables.COUNTING_FROM);
    Duration lead = lead(setting(scope, "apologyLead", properties.apologyLead()));
    Instant limit = calendar.subtractWorkingTime(latestApologyAt(appointment), lead);
    Instant at = limit;
    if (stageDue != null) {
      Instant due = instant(stageDue, "stageDue");
      at = due.isBefore(limit) ? due : limit;
    }
    if (from != null) {
      Instant start = instant(from, DossierVariables.COUNTING_FROM);
      Instant halfway = calendar.addWorkingTime(start, calendar.workingTimeBetween(start, appointment).dividedBy(2));
      if (at.isBefore(halfway)) {
        at = halfway;
      }
    }
    return Date.from(at);
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
    String value = catalogue.find(key.toString()).map(p -> p.overdueSetting(name)).orElse(null);
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
