package vn.motcua.dossier.engine;

import static vn.motcua.dossier.DossierVariables.APPOINTMENT_AT;
import static vn.motcua.dossier.DossierVariables.COUNTING_FROM;
import static vn.motcua.dossier.DossierVariables.PROCEDURE_KEY;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DeadlinePlan;
import vn.motcua.dossier.DossierDeadlines;
import vn.motcua.dossier.EngineClock;
import vn.motcua.procedure.ModelProperties;
import vn.motcua.procedure.Procedure;
import vn.motcua.procedure.ProcedureCatalogue;

/**
 * The clock of a stage (issue 18): a stage counts from the moment the dossier reached the unit that holds
 * it, with the share of the statutory time the procedure's model gives it ({@code stage.<name>Hours}), so
 * a unit is late only by its own time, whatever happened before it.
 *
 * <p>In a model: a stage sub-process with the extension property {@code stage.clock} (the stage's name,
 * e.g. {@code appraisal}) and this bean as its start execution listener (element template "Giai đoạn có
 * thời hạn riêng"). At the stage's start it sets {@code <stage>DueAt}, which the stage's task due date and
 * its three timers read. Entered again while the count has not restarted (a send-back by the leader), the
 * stage keeps its deadline; after a supplement (a new {@code countingFrom}) it counts again from the new
 * receipt. The hand-over of the result reads {@link #returnDue}.
 */
@Component("stageClock")
public class StageClock implements ExecutionListener {
  /** The extension property of a stage sub-process that names its stage. */
  public static final String PROPERTY = "stage.clock";

  private final DossierDeadlines deadlines;
  private final ProcedureCatalogue catalogue;
  private final EngineClock clock;

  public StageClock(DossierDeadlines deadlines, ProcedureCatalogue catalogue, EngineClock clock) {
    this.deadlines = deadlines;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    BaseElement element = execution.getBpmnModelElementInstance();
    String stage = element == null ? null : ModelProperties.first(element, PROPERTY);
    if (stage == null || stage.isBlank()) {
      throw new IllegalStateException("The stage clock of " + execution.getCurrentActivityId()
          + " needs the extension property " + PROPERTY + " (the stage's name)");
    }
    start(execution, stage.strip());
  }

  /** Starts the stage's clock now, unless the stage is entered again under the same count. */
  void start(DelegateExecution execution, String stage) {
    String dueVariable = DeadlinePlan.variableOf(stage);
    String countVariable = stage + "ClockCount";
    Object counting = execution.getVariable(COUNTING_FROM);
    if (execution.getVariable(dueVariable) != null && counting != null
        && Objects.equals(execution.getVariable(countVariable), counting)) {
      return;
    }
    Optional<Procedure> procedure = procedure(execution);
    Instant due = procedure.map(p -> deadlines.stageDue(p, stage, clock.instant())).orElse(null);
    if (due == null) {
      return; // no share in the model: the plan's date stands
    }
    execution.setVariable(dueVariable, Date.from(due));
    execution.setVariable(countVariable, counting);
  }

  /** A stage's own deadline from now (for blocks that set it themselves, e.g. a partner agency's part). */
  public Optional<Instant> dueFromNow(DelegateExecution execution, String stage) {
    return dueFrom(execution, stage, clock.instant());
  }

  /** The stage's deadline counted from {@code from}, the moment its unit received the dossier. */
  public Optional<Instant> dueFrom(DelegateExecution execution, String stage, Instant from) {
    return procedure(execution).map(p -> deadlines.stageDue(p, stage, from));
  }

  /**
   * The due date of the hand-over of the result ({@code camunda:dueDate="${stageClock.returnDue(execution)}"}):
   * the appointment, or the return's own share from now when the result came after it.
   */
  public Date returnDue(DelegateExecution execution) {
    Instant appointment = execution.getVariable(APPOINTMENT_AT) instanceof Date d ? d.toInstant() : null;
    Instant now = clock.instant();
    return Date.from(procedure(execution).map(p -> deadlines.returnDue(p, appointment, now))
        .orElse(appointment == null ? now : appointment));
  }

  private Optional<Procedure> procedure(DelegateExecution execution) {
    Object key = execution.getVariable(PROCEDURE_KEY);
    return key == null ? Optional.empty() : catalogue.findForRunning(key.toString());
  }
}
