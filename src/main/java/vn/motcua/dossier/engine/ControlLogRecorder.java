package vn.motcua.dossier.engine;

import static vn.motcua.dossier.DossierVariables.DOSSIER_ID;

import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.ControlLog;
import vn.motcua.dossier.EngineClock;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.procedure.ModelProperties;

/**
 * Writes the processing-control log (phiếu kiểm soát, form 05) from the engine's own task events,
 * published by the Camunda Spring Boot eventing bridge inside the engine's transaction: every user task
 * of a dossier process is a handoff to the unit of its candidate group, so no model can forget a row
 * (tasks marked {@code control.handoff=false} are not handoffs: reminders, escalations, apologies).
 * It also keeps the dossier's current unit, officer and stage up to date, both through
 * {@link ControlLog} (the dossier feature's writer of its tables); this class only reads the engine's task.
 */
@Component
public class ControlLogRecorder {
  private final ControlLog log;
  private final OrganisationDirectory directory;
  private final EngineClock clock;

  public ControlLogRecorder(ControlLog log, OrganisationDirectory directory, EngineClock clock) {
    this.log = log;
    this.directory = directory;
    this.clock = clock;
  }

  @EventListener
  public void onTaskEvent(DelegateTask task) {
    Object id = task.getVariable(DOSSIER_ID);
    if (!(id instanceof Number number)) {
      return;
    }
    if (!isHandoff(task)) {
      return;
    }
    long dossierId = number.longValue();
    Instant now = clock.instant();
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_CREATE -> created(dossierId, task, now);
      case TaskListener.EVENTNAME_ASSIGNMENT -> log.assigned(dossierId, task.getId(), task.getAssignee(), now);
      case TaskListener.EVENTNAME_UPDATE -> log.dueChanged(task.getId(),
          task.getDueDate() == null ? null : task.getDueDate().toInstant());
      case TaskListener.EVENTNAME_COMPLETE -> closed(task, now, outcomeOf(task));
      case TaskListener.EVENTNAME_DELETE -> closed(task, now, "CANCELLED");
      default -> { }
    }
  }

  private void created(long dossierId, DelegateTask task, Instant now) {
    Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    log.handedOver(dossierId, task.getTaskDefinitionKey(), task.getName(), task.getId(), candidateUnit(task).orElse(null),
        task.getAssignee(), due, now);
  }

  private void closed(DelegateTask task, Instant now, String outcome) {
    log.closed(task.getId(), now, outcome, () -> {
      if (task.getAssignee() != null) {
        return task.getAssignee();
      }
      return Delegates.currentUser(task, "system");
    }, waitsForApplicant(task) ? APPLICANTS_TIME : null);
  }

  /** Note on a step whose time is the applicant's (form 05): not classed early, on time or late. */
  static final String APPLICANTS_TIME = "Thời gian chờ người nộp thực hiện, không tính vào thời hạn giải quyết";

  /**
   * Whether the task waits for the applicant (the model says {@code control.waitingFor=APPLICANT}: e.g.
   * the tax authority confirming the payment of financial obligations): its time is the citizen's.
   */
  private static boolean waitsForApplicant(DelegateTask task) {
    return task.getBpmnModelElementInstance() != null
        && "APPLICANT".equals(ModelProperties.first(task.getBpmnModelElementInstance(), "control.waitingFor"));
  }

  /**
   * Whether a task hands the dossier over. Reminders, escalations and the apology tasks say
   * {@code control.handoff=false} in the model: they are about the dossier, it does not move to them.
   */
  private static boolean isHandoff(DelegateTask task) {
    return task.getBpmnModelElementInstance() == null
        || !"false".equals(ModelProperties.first(task.getBpmnModelElementInstance(), "control.handoff"));
  }

  /** The outcome a task records: the value of the variable its model names in {@code control.outcomeVariable}. */
  private static String outcomeOf(DelegateTask task) {
    String variable = task.getBpmnModelElementInstance() == null ? null
        : ModelProperties.first(task.getBpmnModelElementInstance(), "control.outcomeVariable");
    if (variable == null) {
      return "DONE";
    }
    Object value = task.getVariable(variable);
    return value == null ? "DONE" : value.toString();
  }

  private Optional<String> candidateUnit(DelegateTask task) {
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        Optional<String> unit = directory.parseGroup(link.getGroupId()).map(ur -> ur.agency().key());
        if (unit.isPresent()) {
          return unit;
        }
      }
    }
    return Optional.empty();
  }
}
