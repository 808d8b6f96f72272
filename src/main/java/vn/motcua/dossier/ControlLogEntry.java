package vn.motcua.dossier;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One row of the processing-control slip (phiếu kiểm soát, form 05): a handoff and its result. */
public record ControlLogEntry(
    long id,
    String stepKey,
    String stepName,
    String taskId,
    String fromUnit,
    String fromOfficer,
    String toUnit,
    String toOfficer,
    Instant handedAt,
    Instant stageDueAt,
    Instant doneAt,
    String doneBy,
    OutcomeClass resultClass,
    String outcome,
    String note,
    Instant overdueAt) {

  /** The outcome of a row whose task was deleted (the stage or the dossier ended without it). */
  public static final String CANCELLED = "CANCELLED";

  /**
   * The last step done (by when it was done, then by row), cancelled ones aside: the unit and officer that
   * handed the dossier on last.
   */
  public static Optional<ControlLogEntry> lastDone(List<ControlLogEntry> log) {
    return log.stream().filter(e -> e.doneAt() != null && !CANCELLED.equals(e.outcome()))
        .max(Comparator.comparing(ControlLogEntry::doneAt).thenComparing(ControlLogEntry::id));
  }
}
