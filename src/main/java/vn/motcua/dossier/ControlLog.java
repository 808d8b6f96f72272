package vn.motcua.dossier;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.OfficeZone;

/**
 * The processing-control log (phiếu kiểm soát, form 05) as the dossier's tasks come and go: every handoff
 * opens a row and moves the dossier's current unit, officer and stage. The engine adapter
 * ({@code dossier.engine.ControlLogRecorder}) tells it of the tasks; it writes in the caller's transaction.
 */
@Component
public class ControlLog {
  private final ControlLogRepository log;
  private final DossierRepository dossiers;
  private final DossierService service;

  ControlLog(ControlLogRepository log, DossierRepository dossiers, DossierService service) {
    this.log = log;
    this.dossiers = dossiers;
    this.service = service;
  }

  /**
   * A task hands the dossier over to {@code toUnit} ({@code null}: it stays with its current unit): a row
   * given by the unit that handed the dossier on — the receiver of the last step done, not the unit of a
   * task opened meanwhile (a partner agency working in parallel) — and the officer who closed that step
   * (the current unit and the registering officer at first).
   */
  public void handedOver(long dossierId, String stepKey, String stepName, String taskId, String toUnit,
      String assignee, Instant due, Instant now) {
    Dossier d = service.get(dossierId);
    String unit = toUnit == null ? d.currentUnit() : toUnit;
    Optional<ControlLogEntry> handedOn = ControlLogEntry.lastDone(log.controlLog(dossierId));
    String fromUnit = handedOn.map(ControlLogEntry::toUnit).orElse(d.currentUnit());
    String fromOfficer = handedOn.map(ControlLogEntry::doneBy).orElse(d.createdBy());
    log.openControlStep(dossierId, stepKey, stepName, taskId, fromUnit, fromOfficer, unit, assignee, now, due);
    dossiers.updateHolder(dossierId, unit, assignee, stepName, now);
  }

  /** An officer took the task: its row and the dossier's current officer. */
  public void assigned(long dossierId, String taskId, String assignee, Instant now) {
    log.assignControlStep(taskId, assignee);
    Dossier d = service.get(dossierId);
    dossiers.updateHolder(dossierId, d.currentUnit(), assignee, null, now);
  }

  /** The task's due date moved (a pause, a restart, an apology). */
  public void dueChanged(String taskId, Instant due) {
    log.setControlStepDue(taskId, due);
  }

  /**
   * The task ended: its row is closed with the outcome ({@code CANCELLED}: deleted, no result class) by
   * {@code doneBy}, asked only when the task has a row.
   */
  public void closed(String taskId, Instant now, String outcome, Supplier<String> doneBy) {
    closed(taskId, now, outcome, doneBy, null);
  }

  /**
   * The same, for a step whose time may be the applicant's: with {@code applicantsTime} (the note saying
   * so, e.g. the wait for the payment of financial obligations) the row gets no result class.
   */
  public void closed(String taskId, Instant now, String outcome, Supplier<String> doneBy, String applicantsTime) {
    log.controlStepOfTask(taskId).ifPresent(step -> {
      OutcomeClass result = "CANCELLED".equals(outcome) || applicantsTime != null ? null
          : OutcomeClass.of(now, step.stageDueAt(), OfficeZone.get());
      log.closeControlStep(step.id(), now, doneBy.get(), result, outcome, applicantsTime);
    });
  }
}
