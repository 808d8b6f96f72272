package vn.motcua.petition;

import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.EngineClock;

/**
 * The deadlines of the petition process in working days ({@link WorkingCalendar}: weekends, holidays, office
 * hours), for the model's expressions: {@code camunda:dueDate="${petitionClock.dueAt('PROCESS')}"} and the
 * timer boundary events' {@code timeDate}. A step counts from the moment its unit receives the petition.
 */
@Component("petitionClock")
public class PetitionClock {
  private final WorkingCalendar calendar;
  private final PetitionProperties properties;
  private final EngineClock clock;

  public PetitionClock(WorkingCalendar calendar, PetitionProperties properties, EngineClock clock) {
    this.calendar = calendar;
    this.properties = properties;
    this.clock = clock;
  }

  /** The deadline of a step starting now. */
  public Date dueAt(String step) {
    return Date.from(due(PetitionStep.valueOf(step), clock.instant()));
  }

  /** When a step starting now is reminded: {@code warning-days-before} working days before its deadline. */
  public Date warningAt(String step) {
    Instant now = clock.instant();
    Instant due = due(PetitionStep.valueOf(step), now);
    Instant warning = calendar.subtractWorkingDays(due, properties.getWarningDaysBefore());
    return Date.from(warning.isAfter(now) ? warning : now);
  }

  public Instant due(PetitionStep step, Instant start) {
    return calendar.addWorkingDays(start, properties.days(step));
  }

  /** The answer's deadline for the competent unit from {@code start}: processing and decision. */
  public Instant answerDue(Instant start) {
    return calendar.addWorkingDays(start, properties.days(PetitionStep.PROCESS) + properties.days(PetitionStep.DECIDE));
  }

  /** A deadline moved by the working time the petitioner took to clarify (their time, not the agency's). */
  public Instant moveBy(Instant deadline, Instant waitFrom, Instant waitTo) {
    return calendar.addWorkingTime(deadline, calendar.workingTimeBetween(waitFrom, waitTo));
  }

  public Instant now() {
    return clock.instant();
  }
}
