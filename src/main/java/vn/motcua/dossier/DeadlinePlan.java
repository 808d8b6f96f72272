package vn.motcua.dossier;

import java.time.Instant;
import java.util.Map;

/**
 * The deadlines of a dossier counted from the moment its complete dossier was received: each stage's
 * deadline in the order the procedure declares its stages ({@code procedure.stages}), and the
 * appointment date printed on the receipt.
 *
 * @param stageDue the deadline of each stage by stage name (appraisal, approval, verification, ...), in
 *     order
 */
public record DeadlinePlan(Instant countingFrom, Map<String, Instant> stageDue, Instant appointmentAt) {
  public Instant appraisalDueAt() {
    return stageDue.get("appraisal");
  }

  public Instant approvalDueAt() {
    return stageDue.get("approval");
  }

  /** The process variable that carries a stage's deadline: {@code appraisal} → {@code appraisalDueAt}. */
  public static String variableOf(String stage) {
    return stage + "DueAt";
  }
}
