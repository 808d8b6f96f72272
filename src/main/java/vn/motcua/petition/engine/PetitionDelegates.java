package vn.motcua.petition.engine;

import static vn.motcua.petition.engine.PetitionVariables.*;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.dossier.Format;
import vn.motcua.dossier.engine.Delegates;
import vn.motcua.petition.PetitionService;
import vn.motcua.petition.PetitionStep;

/**
 * The thin delegates and listeners of the petition process (processes/petition.bpmn); the rules are in
 * {@link PetitionService}.
 */
@Configuration
public class PetitionDelegates {

  static long petitionId(VariableScope scope) {
    Object id = scope.getVariable(PETITION_ID);
    if (id instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalStateException("Process variable petitionId is missing or not a number: " + id);
  }

  static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString();
  }

  /**
   * On the steps' user tasks: at creation the step is recorded with its unit and deadline (the task's due
   * date); at completion the officer's form is checked (a problem refuses the completion with a Vietnamese
   * message, HTTP 400) and recorded, and the step is closed, late or not.
   */
  @Bean
  TaskListener petitionStepListener(PetitionService petitions) {
    return task -> {
      PetitionStep step = PetitionStep.ofTask(task.getTaskDefinitionKey())
          .orElseThrow(() -> new IllegalStateException("No petition step for task " + task.getTaskDefinitionKey()));
      long id = petitionId(task);
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        String unit = step == PetitionStep.CLASSIFY ? string(task, RECEIVING_UNIT) : string(task, HANDLING_UNIT);
        petitions.stepStarted(id, step, unit, task.getId(), task.getDueDate().toInstant());
        return;
      }
      if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        return;
      }
      String actor = Delegates.currentUser(task, "system");
      switch (step) {
        case CLASSIFY -> classified(petitions, task, id, actor);
        case PROCESS -> processed(petitions, task, id, actor);
        case DECIDE -> decided(petitions, task, id, actor);
        default -> throw new IllegalStateException("Not a task step: " + step);
      }
      petitions.stepDone(task.getId(), actor);
    };
  }

  private static void classified(PetitionService petitions, DelegateTask task, long id, String actor) {
    String c = string(task, CLASSIFICATION);
    String problem = petitions.classificationProblem(id, c, string(task, CATEGORY), string(task, COMPETENT_UNIT),
        string(task, DUPLICATE_OF), string(task, OUT_OF_SCOPE_ANSWER));
    if (problem != null) {
      throw new BadUserRequestException(problem);
    }
    petitions.classify(id, c.strip(), string(task, CATEGORY), string(task, CLASSIFICATION_NOTE), actor);
    task.getExecution().setVariable(CLASSIFICATION, c.strip());
  }

  private static void processed(PetitionService petitions, DelegateTask task, long id, String actor) {
    Map<String, String> review = new LinkedHashMap<>();
    PetitionService.REVIEW.keySet().forEach(k -> review.put(k, string(task, k)));
    String outcome = string(task, PROCESS_OUTCOME);
    String problem = petitions.processProblem(outcome, string(task, CLARIFICATION_QUESTIONS), review,
        string(task, PROPOSED_ANSWER));
    if (problem != null) {
      throw new BadUserRequestException(problem);
    }
    task.getExecution().setVariable(PROCESS_OUTCOME, outcome.strip());
    if (PetitionService.ProcessOutcome.PROPOSE.name().equals(outcome.strip())) {
      petitions.proposed(id, review, string(task, PROPOSED_ANSWER), actor);
    }
  }

  private static void decided(PetitionService petitions, DelegateTask task, long id, String actor) {
    String decision = string(task, DECISION);
    String problem = petitions.decisionProblem(decision, string(task, SEND_BACK_REASON), string(task, PROPOSED_ANSWER));
    if (problem != null) {
      throw new BadUserRequestException(problem);
    }
    task.getExecution().setVariable(DECISION, decision.strip());
    if (PetitionService.Decision.SEND_BACK.name().equals(decision.strip())) {
      petitions.sentBack(id, string(task, SEND_BACK_REASON), actor);
    }
  }

  /**
   * On each timer boundary event of a step ({@code BoundaryEvent_<Step>DueSoon} or {@code ...Overdue}): tells
   * the token which step and which kind of alert it carries.
   */
  @Bean
  ExecutionListener petitionAlertListener() {
    return execution -> {
      String activity = execution.getCurrentActivityId();
      String name = activity.substring(activity.indexOf('_') + 1);
      boolean overdue = name.endsWith("Overdue");
      String step = name.substring(0, name.length() - (overdue ? "Overdue".length() : "DueSoon".length()));
      execution.setVariableLocal(ALERT_KIND, overdue ? "OVERDUE" : "WARNING");
      execution.setVariableLocal(ALERT_STEP, step.toUpperCase(java.util.Locale.ROOT));
    };
  }

  /** Records the reminder or the escalation on the open step and names who is told. */
  @Bean
  JavaDelegate raisePetitionAlertDelegate(PetitionService petitions) {
    return execution -> {
      long id = petitionId(execution);
      PetitionStep step = PetitionStep.valueOf(string(execution, ALERT_STEP));
      boolean overdue = "OVERDUE".equals(string(execution, ALERT_KIND));
      var s = petitions.alert(id, step, overdue).orElseThrow(() -> new IllegalStateException(
          "Petition " + id + " has no open step " + step + " for its timer"));
      String groups = overdue ? petitions.escalationGroups(s.unit())
          : (step == PetitionStep.CLASSIFY ? s.unit() + ".reception"
              : s.unit() + (step == PetitionStep.PROCESS ? ".specialist" : ".leader"));
      execution.setVariableLocal(ALERT_GROUPS, groups);
      execution.setVariableLocal(ALERT_UNIT_NAME, petitions.unitName(s.unit()));
      execution.setVariableLocal(ALERT_DUE_TEXT, Format.dateTime(s.dueAt()));
      execution.setVariableLocal(ALERT_MESSAGE, (overdue ? "Quá hạn: " : "Sắp đến hạn: ") + step.label()
          + " — phản ánh " + string(execution, PETITION_CODE) + ", hạn " + Format.dateTime(s.dueAt()));
    };
  }

  @Bean
  JavaDelegate forwardPetitionDelegate(PetitionService petitions) {
    return execution -> {
      String unit = string(execution, COMPETENT_UNIT).strip();
      petitions.forward(petitionId(execution), unit, Delegates.actor(execution));
      execution.setVariable(HANDLING_UNIT, unit);
      execution.setVariable(HANDLING_UNIT_NAME, petitions.unitName(unit));
    };
  }

  @Bean
  JavaDelegate linkDuplicateDelegate(PetitionService petitions) {
    return execution -> petitions.linkDuplicate(petitionId(execution), string(execution, DUPLICATE_OF),
        Delegates.actor(execution));
  }

  @Bean
  JavaDelegate answerOutOfScopeDelegate(PetitionService petitions) {
    return execution -> petitions.answerOutOfScope(petitionId(execution), string(execution, OUT_OF_SCOPE_ANSWER),
        Delegates.actor(execution));
  }

  @Bean
  JavaDelegate requestClarificationDelegate(PetitionService petitions) {
    return execution -> petitions.requestClarification(petitionId(execution),
        string(execution, CLARIFICATION_QUESTIONS), Delegates.actor(execution));
  }

  /** After the petitioner's clarification, or when their time ran out. */
  @Bean
  JavaDelegate clarificationEndedDelegate(PetitionService petitions) {
    return execution -> {
      Object text = execution.getVariable(CLARIFICATION_TEXT);
      petitions.clarificationEnded(petitionId(execution), text != null, Delegates.actor(execution));
      execution.removeVariable(CLARIFICATION_TEXT);
    };
  }

  @Bean
  JavaDelegate answerPetitionDelegate(PetitionService petitions) {
    return execution -> petitions.answer(petitionId(execution), string(execution, PROPOSED_ANSWER),
        Delegates.actor(execution));
  }

  @Bean
  JavaDelegate publishPetitionDelegate(PetitionService petitions) {
    return execution -> petitions.publish(petitionId(execution), Delegates.actor(execution));
  }

  @Bean
  JavaDelegate archivePetitionDelegate(PetitionService petitions) {
    return execution -> petitions.archive(petitionId(execution), Delegates.actor(execution));
  }

}
