package vn.motcua.engine;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import vn.motcua.tasklist.TaskDossierView;

/**
 * The engine's history level ({@code camunda.bpm.history-level: motcua}): Camunda's {@code full} level
 * except for two kinds of variable history that record nothing the dossier's own history does not:
 * <ul>
 *   <li>the Tasklist summary {@value TaskDossierView#VARIABLE}, a rendering of the dossier tables written
 *       on every task;
 *   <li>the variables of the building blocks ({@code processes/blocks}, keys {@code Block_*}), which run
 *       only as call activities of a procedure: the call activities pass the dossier's variables in, so most
 *       are copies of the dossier process's variables, and what a block hands back (what it changed,
 *       {@code ${handBackChanged}}, for the reception, resolution, return and stop blocks; its out
 *       mappings for the others) reaches the dossier process's history when the block ends.
 * </ul>
 * Everything else — process, activity, task, incident, job, identity-link, operation-log and form-field
 * history, and every variable of the top-level processes — is produced as at {@code full}. Who did what on
 * which task is in the processing-control log ({@code dossier_control_log}) and the dossier's events.
 *
 * <p>Measured cost (docs/performance.md, "Lifecycle"): about half of the engine's writes per dossier were
 * variable history, most of it these copies.
 */
public final class DossierHistoryLevel implements HistoryLevel {
  /** Stored in ACT_GE_PROPERTY {@code historyLevel}; Camunda's own levels are 0 to 3. */
  public static final int ID = 30;
  public static final String NAME = "motcua";
  /** The keys of the building blocks (processes/blocks), which only run called by a procedure. */
  static final String BLOCK_PREFIX = "Block_";

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (entity instanceof VariableInstanceEntity variable && isVariableEvent(eventType)) {
      return keeps(variable.getName(), variable.getTaskId(), variable.getProcessDefinitionId());
    }
    return HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
  }

  static boolean isVariableEvent(HistoryEventType type) {
    return type == HistoryEventTypes.VARIABLE_INSTANCE_CREATE || type == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE
        || type == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL || type == HistoryEventTypes.VARIABLE_INSTANCE_DELETE
        || type == HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE;
  }

  /** Whether the history of a variable is kept: the same answer for every event of the variable's life. */
  static boolean keeps(String name, String taskId, String processDefinitionId) {
    if (taskId != null && TaskDossierView.VARIABLE.equals(name)) {
      return false;
    }
    // process definition ids are "<key>:<version>:<id>"; the blocks' keys start with Block_
    return processDefinitionId == null || !processDefinitionId.startsWith(BLOCK_PREFIX);
  }

  @Override
  public String toString() {
    return NAME + "(" + ID + ")";
  }
}
