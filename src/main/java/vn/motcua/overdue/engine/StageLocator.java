package vn.motcua.overdue.engine;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierVariables;
import vn.motcua.engine.EngineLookups;
import vn.motcua.engine.EngineLookups.OpenTask;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.overdue.OverdueVariables;
import vn.motcua.overdue.Stage;

/**
 * Finds the stage a timer belongs to, from the model: the activity the timer boundary event is attached
 * to, before the delegate itself or before the call activity that called the block. So a process admin
 * attaches a timer and a call activity, and passes nothing: the stage's name, unit, officer and deadline
 * come from its open task (or from the inputs {@code stageUnit} and {@code stageDueAt} when the stage is
 * not a user task).
 */
@Component
public class StageLocator {
  private final OrganisationDirectory directory;

  public StageLocator(OrganisationDirectory directory) {
    this.directory = directory;
  }

  public Stage locate(DelegateExecution execution) {
    DelegateExecution caller = execution;
    BoundaryEvent boundary = boundaryBefore(execution);
    if (boundary == null && execution.getSuperExecution() != null) {
      caller = execution.getSuperExecution();
      boundary = boundaryBefore(caller);
    }
    if (boundary == null) {
      throw new IllegalStateException("Activity " + execution.getCurrentActivityId() + " of "
          + execution.getProcessDefinitionId() + " must follow a timer boundary event, directly or through the call"
          + " activity that calls its block (see docs/overdue.md)");
    }
    Activity attached = boundary.getAttachedTo();
    // the stage's open task, read by the engine's own command (no authorization applies inside it)
    OpenTask task = EngineLookups.openTask(caller.getProcessInstanceId(), attached.getId()).orElse(null);
    String group = task == null ? null : task.candidateGroups().stream()
        .filter(g -> directory.parseGroup(g).isPresent()).findFirst().orElse(null);
    String unit = string(execution, OverdueVariables.STAGE_UNIT);
    if (unit == null && group != null) {
      unit = directory.parseGroup(group).map(ur -> ur.agency().key()).orElse(null);
    }
    if (unit == null) {
      unit = string(execution, DossierVariables.COMPETENT_UNIT);
    }
    Instant due = task != null && task.dueDate() != null ? task.dueDate().toInstant() : null;
    if (due == null && execution.getVariable(OverdueVariables.STAGE_DUE_AT) instanceof Date d) {
      due = d.toInstant();
    }
    if (due == null) {
      throw new IllegalStateException("Stage " + attached.getId() + " has no deadline: give its task a due date or"
          + " pass stageDueAt to the block");
    }
    return new Stage(attached.getId(), attached.getName(), unit, group, task == null ? null : task.assignee(),
        task == null ? null : task.id(), due);
  }

  private static BoundaryEvent boundaryBefore(DelegateExecution execution) {
    FlowElement element = execution.getBpmnModelElementInstance();
    if (element instanceof FlowNode node) {
      for (SequenceFlow flow : node.getIncoming()) {
        if (flow.getSource() instanceof BoundaryEvent boundary) {
          return boundary;
        }
      }
    }
    return null;
  }

  private static String string(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
