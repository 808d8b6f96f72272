package vn.motcua.dossier.engine;

import static vn.motcua.dossier.DossierVariables.COMPETENT_UNIT;
import static vn.motcua.dossier.DossierVariables.RECEIVING_UNIT;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.engine.EngineLookups;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.security.EngineGrants;

/**
 * When a task is created, lets the units the dossier belongs to watch it in the engine: its receiving and
 * competent unit (process variables) and the unit of the task's candidate groups. The grants themselves,
 * and which roles of a unit get them, are {@link EngineGrants} and the access policy; this class only reads
 * the engine's task and the process instances above it (a block called by the procedure).
 */
@Component
public class UnitWorkGrants {
  private final EngineGrants grants;
  private final OrganisationDirectory directory;

  public UnitWorkGrants(EngineGrants grants, OrganisationDirectory directory) {
    this.grants = grants;
    this.directory = directory;
  }

  @EventListener
  public void onTaskEvent(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getExecution() == null) {
      return;
    }
    Set<String> units = new LinkedHashSet<>();
    for (String variable : List.of(RECEIVING_UNIT, COMPETENT_UNIT)) {
      if (task.getVariable(variable) instanceof String unit) {
        units.add(unit);
      }
    }
    Set<String> candidateGroups = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        candidateGroups.add(link.getGroupId());
        directory.parseGroup(link.getGroupId()).ifPresent(ur -> units.add(ur.agency().key()));
      }
    }
    if (units.isEmpty()) {
      return;
    }
    List<String> instances = instancesOf(task.getExecution());
    // a process instance started in this transaction (the block that made the task) has no grant yet: no query
    Set<String> started = new LinkedHashSet<>();
    DelegateExecution instance = task.getExecution().getProcessInstance();
    if (instance != null && EngineLookups.createdInThisCommand(instance)) {
      started.add(instance.getProcessInstanceId());
    }
    grants.grantUnitWork(task.getId(), candidateGroups, instances, started, units);
  }

  /** The task's process instance and every instance above it (call activities), up to the dossier's. */
  static List<String> instancesOf(DelegateExecution execution) {
    List<String> ids = new ArrayList<>();
    DelegateExecution instance = execution.getProcessInstance();
    while (instance != null && ids.size() < 20) {
      ids.add(instance.getProcessInstanceId());
      DelegateExecution above = instance.getSuperExecution();
      instance = above == null ? null : above.getProcessInstance();
    }
    return ids;
  }
}
