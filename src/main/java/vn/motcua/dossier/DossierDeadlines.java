package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.procedure.Procedure;

/**
 * Computes a dossier's deadlines in working time.
 *
 * <p>The statutory time counts from the receipt of a complete, valid dossier (Decree 61/2018 Art. 15,
 * 18): from the acceptance, or, after a supplement requested during appraisal, from the moment the
 * complete dossier is back (the count restarts from zero). Same-day procedures (0 days) end at the
 * close of the day counting starts, the next working day after the 15:00 cut-off (Decree 63/2024); an
 * electronic package received in the last working hour before closing counts from the next working day.
 * Stage shares come from the model ({@code stage.<name>Hours}) in the order of {@code procedure.stages}
 * (parallel stages share a start); without them appraisal gets 60% and approval 25% of the statutory
 * time, and the rest is for return.
 */
@Service
public class DossierDeadlines {
  private final WorkingCalendar calendar;

  public DossierDeadlines(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  public DeadlinePlan plan(Procedure procedure, Instant completeAt) {
    Map<String, Instant> due = new LinkedHashMap<>();
    if (procedure.statutoryDays() <= 0) {
      Instant start = calendar.startOfCounting(completeAt);
      Instant end = calendar.endOfSameDayDeadline(completeAt);
      Duration total = calendar.workingTimeBetween(start, end);
      Instant appraisal = calendar.addWorkingTime(start, total.multipliedBy(60).dividedBy(100));
      due.put("appraisal", appraisal);
      due.put("approval", calendar.addWorkingTime(appraisal, total.multipliedBy(25).dividedBy(100)));
      return new DeadlinePlan(start, due, end);
    }
    Instant start = procedure.electronicPackage() ? calendar.startOfCountingElectronicPackage(completeAt)
        : calendar.nextOfficeTime(completeAt);
    Instant appointment = calendar.addWorkingDays(start, procedure.statutoryDays());
    List<String> problems = procedure.problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Procedure " + procedure.key() + ": " + String.join("; ", problems));
    }
    Instant cursor = start;
    for (List<String> group : procedure.stageOrder()) {
      Instant groupEnd = cursor;
      for (String stage : group) {
        Instant stageDue = calendar.addWorkingTime(cursor, Duration.ofHours(procedure.hoursOf(stage)));
        due.put(stage, stageDue);
        if (stageDue.isAfter(groupEnd)) {
          groupEnd = stageDue;
        }
      }
      cursor = groupEnd;
    }
    return new DeadlinePlan(start, due, appointment);
  }

  /**
   * A stage's own deadline (issue 18, "a clock per stage"): its share of the statutory time
   * ({@code stage.<name>Hours}, see {@link Procedure#hoursOf}) counted in working time from the moment the
   * dossier reached the unit holding the stage, whatever happened before; {@code null} when the model
   * gives the stage no share (the plan's date then stands). For a same-day procedure the share is the
   * stage's part (appraisal 60%, approval 25%) of that day's working time.
   */
  public Instant stageDue(Procedure procedure, String stage, Instant reachedAt) {
    Instant start = calendar.nextOfficeTime(reachedAt);
    if (procedure.statutoryDays() <= 0) {
      Duration total = calendar.workingTimeBetween(calendar.startOfCounting(reachedAt),
          calendar.endOfSameDayDeadline(reachedAt));
      int percent = switch (stage) {
        case "appraisal" -> 60;
        case "approval" -> 25;
        default -> 0;
      };
      return percent == 0 ? null : calendar.addWorkingTime(calendar.startOfCounting(reachedAt),
          total.multipliedBy(percent).dividedBy(100));
    }
    int hours = procedure.hoursOf(stage);
    return hours <= 0 ? null : calendar.addWorkingTime(start, Duration.ofHours(hours));
  }

  /**
   * The deadline of the hand-over of the result by the One-Stop Division that received the dossier: the
   * appointment, or, when the result reached it later, the part of the statutory time no stage has
   * (the return's share) counted from that moment. A result that came late is the resolving unit's
   * lateness, not the One-Stop Division's.
   */
  public Instant returnDue(Procedure procedure, Instant appointment, Instant reachedAt) {
    long shares = 0;
    for (List<String> group : procedure.stageOrder()) {
      shares += group.stream().mapToInt(procedure::hoursOf).max().orElse(0);
    }
    long rest = procedure.statutoryDays() <= 0 ? 0 : Math.max(0, procedure.statutoryDays() * 8L - shares);
    Instant own = calendar.addWorkingTime(calendar.nextOfficeTime(reachedAt), Duration.ofHours(rest));
    return appointment == null || own.isAfter(appointment) ? own : appointment;
  }

  /** Whether a supplement may still be requested during appraisal: within 3 working days of receipt. */
  public boolean withinAppraisalSupplementWindow(Instant countingFrom, Instant now) {
    return countingFrom != null && calendar.workingTimeBetween(countingFrom, now).compareTo(Duration.ofHours(24)) <= 0;
  }

  public WorkingCalendar calendar() {
    return calendar;
  }
}
