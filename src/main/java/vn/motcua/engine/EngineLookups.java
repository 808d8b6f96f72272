package vn.motcua.engine;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Lookups inside the engine's current command, for delegates and listeners that run thousands of times at once
 * (a storm of stage warnings, docs/performance.md): Camunda's public queries build their SQL from a large dynamic
 * statement on every call, while the engine reads a process instance's tasks with a plain one, through the
 * command's entity cache. Used only where a delegate already runs inside the engine.
 */
public final class EngineLookups {
  private EngineLookups() {}

  /** An open user task: its id, assignee, due date and candidate groups. */
  public record OpenTask(String id, String assignee, Date dueDate, List<String> candidateGroups) {}

  /**
   * The open task of activity {@code activityId} in process instance {@code processInstanceId}, the one with the
   * smallest id if there are several (a multi-instance stage), as the delegate's own command sees it.
   */
  public static Optional<OpenTask> openTask(String processInstanceId, String activityId) {
    // the smallest id first, as the task query's default order had it
    List<TaskEntity> tasks = new ArrayList<>(command().getTaskManager().findTasksByProcessInstanceId(processInstanceId));
    tasks.sort(java.util.Comparator.comparing(TaskEntity::getId));
    for (TaskEntity task : tasks) {
      if (activityId.equals(task.getTaskDefinitionKey())) {
        List<String> groups = new ArrayList<>();
        for (IdentityLinkEntity link : task.getIdentityLinks()) {
          if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
            groups.add(link.getGroupId());
          }
        }
        return Optional.of(new OpenTask(task.getId(), task.getAssignee(), task.getDueDate(), List.copyOf(groups)));
      }
    }
    return Optional.empty();
  }

  /**
   * True when the execution was created in the current command and not yet written: nothing in the database
   * refers to it yet (no grant on a process instance that starts now).
   */
  public static boolean createdInThisCommand(DelegateExecution execution) {
    CommandContext command = Context.getCommandContext();
    return command != null && execution instanceof ExecutionEntity entity
        && command.getDbEntityManager().getDbEntityCache().isTransient(entity);
  }

  private static CommandContext command() {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      throw new IllegalStateException("EngineLookups: only inside the engine's command (a delegate or listener)");
    }
    return command;
  }
}
