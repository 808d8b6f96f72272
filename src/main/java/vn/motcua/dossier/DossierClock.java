package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;

/**
 * Moves a dossier's deadlines inside the engine: deadline variables, the due dates of open tasks and
 * every pending timer, across the dossier's whole process tree (the procedure and its called blocks),
 * so that Tasklist and Cockpit show the new dates.
 */
@Component
public class DossierClock {
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final WorkingCalendar calendar;

  public DossierClock(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
      WorkingCalendar calendar) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.calendar = calendar;
  }

  /** The process instance and all instances it called, transitively. */
  public List<String> tree(String rootProcessInstanceId) {
    List<String> result = new ArrayList<>();
    List<String> frontier = List.of(rootProcessInstanceId);
    while (!frontier.isEmpty()) {
      result.addAll(frontier);
      List<String> next = new ArrayList<>();
      for (String id : frontier) {
        for (ProcessInstance sub : runtimeService.createProcessInstanceQuery().superProcessInstanceId(id).list()) {
          next.add(sub.getId());
        }
      }
      frontier = next;
    }
    return result;
  }

  /** The names of the dossier's deadline variables: the appointment and one per stage of its procedure. */
  public List<String> deadlineNames(String rootProcessInstanceId) {
    LinkedHashSet<String> names = new LinkedHashSet<>(List.of(DossierVariables.DEADLINES));
    Object declared = runtimeService.getVariable(rootProcessInstanceId, DossierVariables.DEADLINE_VARIABLES);
    if (declared != null) {
      for (String name : declared.toString().split(",")) {
        if (!name.isBlank()) {
          names.add(name.strip());
        }
      }
    }
    return List.copyOf(names);
  }

  /** Stops the timers of a paused dossier from firing while it waits. */
  public void suspendTimers(String rootProcessInstanceId) {
    for (String id : tree(rootProcessInstanceId)) {
      for (Job job : managementService.createJobQuery().processInstanceId(id).timers().active().list()) {
        managementService.suspendJobById(job.getId());
      }
    }
  }

  /**
   * Shifts every deadline of the dossier by the given working time: the deadline variables, the due
   * dates of open tasks and the due dates of pending timers, which are re-activated.
   */
  public void shift(String rootProcessInstanceId, Duration workingTime) {
    move(rootProcessInstanceId, workingTime, null);
  }

  /**
   * Sets new deadline variables (a restarted count) everywhere in the tree they exist, moves open tasks'
   * due dates by the change of the appointment, and re-evaluates every pending timer's own expression.
   */
  public void reschedule(String rootProcessInstanceId, Map<String, ?> deadlines, Instant oldAppointment,
      Instant newAppointment) {
    Duration delta = oldAppointment == null ? Duration.ZERO : calendar.workingTimeBetween(oldAppointment, newAppointment);
    for (String id : tree(rootProcessInstanceId)) {
      for (Map.Entry<String, ?> e : deadlines.entrySet()) {
        if (runtimeService.getVariableLocal(id, e.getKey()) != null) {
          runtimeService.setVariableLocal(id, e.getKey(), e.getValue());
        }
      }
      if (!delta.isZero()) {
        moveTaskDues(id, delta);
      }
      for (Job job : managementService.createJobQuery().processInstanceId(id).timers().list()) {
        managementService.recalculateJobDuedate(job.getId(), false);
      }
    }
  }

  /**
   * Re-appoints the dossier after an apology letter: the appointment variable takes the new date, the
   * stage deadlines and the due dates of open tasks move by the working time between the two dates, and
   * every pending timer re-evaluates its own expression against the moved deadlines.
   */
  public void reappoint(String rootProcessInstanceId, Instant oldAppointment, Instant newAppointment) {
    move(rootProcessInstanceId, calendar.workingTimeBetween(oldAppointment, newAppointment), newAppointment);
  }

  /**
   * Moves every deadline variable and open task's due date of the dossier's tree by a working time.
   *
   * @param newAppointment null for a pause ({@link #shift}): the appointment moves like the other
   *     deadlines, and the (suspended) timers move by the same working time and are re-activated; else a
   *     re-appointment ({@link #reappoint}): the appointment takes exactly this date and the timers
   *     re-evaluate their own expressions
   */
  private void move(String rootProcessInstanceId, Duration workingTime, Instant newAppointment) {
    List<String> names = deadlineNames(rootProcessInstanceId);
    for (String id : tree(rootProcessInstanceId)) {
      for (String name : names) {
        Object value = runtimeService.getVariableLocal(id, name);
        if (value instanceof Date date) {
          Instant moved = newAppointment != null && DossierVariables.APPOINTMENT_AT.equals(name) ? newAppointment
              : calendar.addWorkingTime(date.toInstant(), workingTime);
          runtimeService.setVariableLocal(id, name, Date.from(moved));
        }
      }
      moveTaskDues(id, workingTime);
      for (Job job : managementService.createJobQuery().processInstanceId(id).timers().list()) {
        if (newAppointment != null) {
          managementService.recalculateJobDuedate(job.getId(), false);
          continue;
        }
        if (job.getDuedate() != null) {
          managementService.setJobDuedate(job.getId(),
              Date.from(calendar.addWorkingTime(job.getDuedate().toInstant(), workingTime)));
        }
        if (job.isSuspended()) {
          managementService.activateJobById(job.getId());
        }
      }
    }
  }

  /** Moves the due date of every open task of one process instance by a working time. */
  private void moveTaskDues(String processInstanceId, Duration workingTime) {
    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
      if (task.getDueDate() != null) {
        task.setDueDate(Date.from(calendar.addWorkingTime(task.getDueDate().toInstant(), workingTime)));
        taskService.saveTask(task);
      }
    }
  }

  /**
   * The root of a dossier's process tree, from any execution in it. Only a process instance knows the
   * call activity that called it, so the walk goes from process instance to process instance.
   */
  public static String rootOf(DelegateExecution execution) {
    var instance = execution.getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance.getId();
  }
}
