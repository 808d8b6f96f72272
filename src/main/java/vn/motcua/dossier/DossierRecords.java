package vn.motcua.dossier;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features write on a dossier's records: the dossier feature is the only writer of its tables
 * ({@code dossier}, {@code dossier_document}, {@code dossier_event}, {@code dossier_control_log}), and this is
 * its small API for the others (overdue, citizen). Each method writes in the caller's transaction; a write of
 * a report fact takes a sealed dossier out of the reports' roll-up first ({@link ReportFactsGuard}).
 * The rules that decide the values (when a stage is late, what an apology changes) stay with the caller.
 */
@Component
public class DossierRecords {
  private final DossierRepository dossiers;
  private final ControlLogRepository controlLog;

  DossierRecords(DossierRepository dossiers, ControlLogRepository controlLog) {
    this.dossiers = dossiers;
    this.controlLog = controlLog;
  }

  /**
   * Locks the dossier's row until the end of the caller's transaction: what is done on one dossier (timers,
   * a citizen's supplement) runs one at a time.
   */
  public void lock(long dossierId) {
    dossiers.lock(dossierId);
  }

  /** Adds an event to the dossier's history (the timeline the officer and the citizen read). */
  public void recordEvent(long dossierId, String type, Instant at, String actor, String reason, String details) {
    dossiers.recordEvent(dossierId, type, at, actor, reason, details);
  }

  /** A stage ran late: the open control-log row of its task is marked late (once); {@code null} task: none. */
  public void markStepLate(String taskId, Instant at) {
    if (taskId != null) {
      controlLog.markLate(taskId, at);
    }
  }

  /**
   * The dossier's lateness facts as decided by the caller: first late time and unit, the unit charged, count.
   * The caller read the values it builds on under {@link #lock}, in the same transaction (required).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void setLateness(long dossierId, Instant overdueAt, String overdueUnit, String responsibleUnit,
      int lateStageCount, Instant at) {
    dossiers.setLateness(dossierId, overdueAt, overdueUnit, responsibleUnit, lateStageCount, at);
  }

  /**
   * A new appointment given by an apology letter, with the first appointment kept and the number of letters.
   * The caller read the values it builds on under {@link #lock}, in the same transaction (required).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void setApology(long dossierId, Instant originalAppointment, Instant appointment, int apologyCount,
      Instant at) {
    dossiers.setApology(dossierId, originalAppointment, appointment, apologyCount, at);
  }
}
