package vn.motcua.dossier.engine;

import static vn.motcua.dossier.DossierVariables.*;
import static vn.motcua.dossier.engine.Delegates.actor;
import static vn.motcua.dossier.engine.Delegates.date;
import static vn.motcua.dossier.engine.Delegates.dossierId;
import static vn.motcua.dossier.engine.Delegates.string;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.calendar.DeadlineExpressions;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DeadlinePlan;
import vn.motcua.dossier.DossierClock;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.EngineClock;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.procedure.Procedure;
import vn.motcua.procedure.ProcedureCatalogue;
import vn.motcua.security.SystemAccess;

/**
 * The thin delegates of the shared building blocks, wired in the models by
 * {@code camunda:delegateExpression="${name}"} (element templates in processes/.camunda). Each reads
 * typed variables, calls one service method and writes the result back.
 */
@Configuration
public class DossierDelegates {

  private static Procedure procedure(ProcedureCatalogue catalogue, DelegateExecution execution) {
    String key = string(execution, PROCEDURE_KEY);
    return catalogue.findForRunning(key).orElseThrow(() -> new IllegalStateException("Procedure " + key + " is not deployed"));
  }

  /** Receipt with appointment date (form 01): sets the deadline variables. */
  @Bean
  JavaDelegate issueReceiptDelegate(DossierService dossiers, ProcedureCatalogue catalogue) {
    return execution -> {
      DeadlinePlan plan = dossiers.accept(dossierId(execution), procedure(catalogue, execution), actor(execution));
      setPlan(execution, plan);
      execution.setVariable(RECEPTION_OUTCOME, ACCEPTED);
    };
  }

  static void setPlan(DelegateExecution execution, DeadlinePlan plan) {
    DossierWorkflow.deadlineVariables(plan).forEach(execution::setVariable);
  }

  /** The one supplement request (form 02); the stage comes from the input parameter supplementStage. */
  @Bean
  JavaDelegate requestSupplementDelegate(DossierService dossiers) {
    return execution -> {
      String stage = string(execution, "supplementStage");
      String items = "appraisal".equals(stage) ? string(execution, SUPPLEMENT_ITEMS) : string(execution, MISSING_ITEMS);
      dossiers.requestSupplement(dossierId(execution), stage == null ? "reception" : stage, items, actor(execution));
      Object count = execution.getVariable(SUPPLEMENT_COUNT);
      execution.setVariable(SUPPLEMENT_COUNT, (count instanceof Number n ? n.intValue() : 0) + 1);
    };
  }

  /** Written refusal of reception (form 03). */
  @Bean
  JavaDelegate refuseReceptionDelegate(DossierService dossiers) {
    return execution -> {
      dossiers.refuseReception(dossierId(execution), string(execution, REFUSAL_REASON), actor(execution));
      execution.setVariable(RECEPTION_OUTCOME, REFUSED);
    };
  }

  /**
   * Transfer to the competent (lead) agency (Decree 61/2018 Art. 17, Decree 118/2025): an online dossier at
   * once, a paper one the same working day or at the start of the next one after the cut-off. Once per
   * dossier: a procedure whose partner agencies work before the resolution block transfers first
   * ({@code Task_TransferToLead}), and the block's own transfer then finds {@code transferredAt} set.
   */
  @Bean
  JavaDelegate transferDelegate(DossierService dossiers, WorkingCalendar calendar, EngineClock clock) {
    return execution -> {
      if (execution.getVariable(TRANSFERRED_AT) != null) {
        return;
      }
      long id = dossierId(execution);
      Instant now = clock.instant();
      Instant received = dossiers.completeReceivedAt(id); // after a supplement: its receipt
      Instant due = DeadlineExpressions.isOnline(execution.getVariable(CHANNEL)) ? now
          : calendar.transferDeadline(received);
      execution.setVariable(TRANSFER_DUE_AT, date(due));
      dossiers.transfer(id, due, actor(execution));
      execution.setVariable(TRANSFERRED_AT, date(now));
    };
  }

  /** The count restarts from zero once the supplemented dossier is complete. */
  @Bean
  JavaDelegate restartClockDelegate(DossierWorkflow workflow) {
    return execution -> {
      DeadlinePlan plan = workflow.restartClock(dossierId(execution), DossierClock.rootOf(execution), actor(execution));
      setPlan(execution, plan);
    };
  }

  /**
   * The decision: approved, or refused in writing with reasons. In an inter-agency procedure the model
   * passes {@code finalDecision = false}: an approval is then the lead agency's part only, and the
   * dossier is resolved after the partner agencies ({@code recordInterAgencyResultDelegate}).
   */
  @Bean
  JavaDelegate recordDecisionDelegate(DossierService dossiers) {
    return execution -> {
      String conclusion = string(execution, APPRAISAL_CONCLUSION);
      String decision = PROPOSE_REFUSAL.equals(conclusion) ? REFUSED : APPROVED;
      String text = REFUSED.equals(decision) ? string(execution, APPRAISAL_OPINION) : string(execution, RESULT_TEXT);
      if (APPROVED.equals(decision) && Boolean.FALSE.equals(execution.getVariable(FINAL_DECISION))) {
        dossiers.recordStageApproval(dossierId(execution), text, actor(execution));
      } else {
        dossiers.recordDecision(dossierId(execution), decision, text, actor(execution));
      }
      execution.setVariable(DECISION, decision);
    };
  }

  /** The last partner agency is done: the inter-agency dossier is resolved with every agency's result. */
  @Bean
  JavaDelegate recordInterAgencyResultDelegate(DossierService dossiers) {
    return execution -> {
      StringBuilder text = new StringBuilder();
      String own = string(execution, RESULT_TEXT);
      if (own != null && !own.isBlank()) {
        text.append(own.strip());
      }
      for (String name : execution.getVariableNames()) {
        if (name.endsWith("PartnerResult") && execution.getVariable(name) != null) {
          text.append(text.isEmpty() ? "" : "; ").append(execution.getVariable(name));
        }
      }
      dossiers.recordDecision(dossierId(execution), APPROVED, text.toString(), actor(execution));
      execution.setVariable(DECISION, APPROVED);
    };
  }

  /**
   * A partner agency receives its part: its deadline is its stage's share counted from now, when it
   * receives the dossier (its own clock, whatever the units before it did); the plan's date of the stage
   * when the model gives it no share.
   */
  @Bean
  JavaDelegate partnerHandoffDelegate(DossierService dossiers, OrganisationDirectory directory,
      StageClock stageClock) {
    return execution -> {
      String stage = string(execution, PARTNER_STAGE);
      String unit = string(execution, PARTNER_UNIT);
      if (stage == null || unit == null || directory.find(unit).isEmpty()) {
        throw new IllegalStateException("Block_InterAgency needs partnerStage and a known partnerUnit, got "
            + stage + " / " + unit);
      }
      Object received = execution.getVariable(PARTNER_RECEIVED_AT);
      Object due = (received instanceof Date at ? stageClock.dueFrom(execution, stage, at.toInstant())
          : stageClock.dueFromNow(execution, stage)).map(Date::from).orElse(null);
      if (due == null) {
        due = execution.getVariable(DeadlinePlan.variableOf(stage));
      }
      if (!(due instanceof Date)) {
        due = execution.getVariable(APPOINTMENT_AT);
      }
      execution.setVariableLocal(PARTNER_DUE_AT, due);
      execution.setVariableLocal(PARTNER_UNIT_NAME, dossiers.unitName(unit));
      dossiers.interAgencySent(dossierId(execution), unit, string(execution, PARTNER_TASK),
          ((Date) due).toInstant(), actor(execution));
    };
  }

  /** A partner agency's result, or its return of the dossier with a reason. */
  @Bean
  JavaDelegate partnerResultDelegate(DossierService dossiers) {
    return execution -> {
      boolean returned = PARTNER_RETURN.equals(string(execution, PARTNER_DECISION));
      dossiers.interAgencyDone(dossierId(execution), string(execution, PARTNER_UNIT), string(execution, PARTNER_TASK),
          returned, returned ? string(execution, PARTNER_RETURN_REASON) : string(execution, PARTNER_RESULT),
          actor(execution));
    };
  }

  /** The applicant pays the financial obligations: the clock stops (status 6). */
  @Bean
  TaskListener pauseForPaymentListener(DossierService dossiers) {
    return task -> {
      long id = dossierId(task);
      // The model waits outside every stage here, so no stage timer runs; the timers of stages that just
      // ended are being deleted in this very transaction and must not be touched (optimistic locking).
      dossiers.pause(id, DossierStatus.AWAITING_FINANCIAL_OBLIGATIONS,
          "Chờ người nộp thực hiện nghĩa vụ tài chính theo thông báo của cơ quan thuế", "system");
    };
  }

  /** Payment confirmed: the clock runs again and every deadline moves by the time it waited. */
  @Bean
  TaskListener resumeAfterPaymentListener(DossierService dossiers, DossierClock clock,
      IdentityService identityService) {
    return task -> {
      long id = dossierId(task);
      Duration paused = dossiers.resume(id, "Đã hoàn thành nghĩa vụ tài chính",
          Delegates.currentUser(task, "system"));
      String root = DossierClock.rootOf(task.getExecution());
      SystemAccess.run(identityService, () -> clock.shift(root, paused));
    };
  }

  /** Return of the result and the citizen's evaluation. */
  @Bean
  JavaDelegate recordReturnDelegate(DossierService dossiers) {
    return execution -> {
      String rating = string(execution, RATING);
      dossiers.recordReturn(dossierId(execution), string(execution, DELIVERY_METHOD),
          rating == null || rating.isBlank() ? null : Integer.valueOf(rating), string(execution, RATING_COMMENT),
          actor(execution));
    };
  }

  /** Withdrawal or stop at the applicant's request, with the notice. */
  @Bean
  JavaDelegate recordStopDelegate(DossierService dossiers) {
    return execution -> {
      String kind = string(execution, STOP_KIND);
      String by = string(execution, STOP_BY);
      dossiers.recordStop(dossierId(execution),
          kind == null ? DossierStatus.WITHDRAWN : DossierStatus.valueOf(kind), string(execution, STOP_REASON),
          by != null ? by : actor(execution));
    };
  }

  /**
   * The One-Stop Division confirmed the applicant's online stop request (Decree 118/2025 Art. 21): the
   * dossier's procedure stops through its stop block, status 7.
   */
  @Bean
  JavaDelegate confirmStopRequestDelegate(DossierWorkflow workflow) {
    return execution -> workflow.confirmStopOnline(dossierId(execution), string(execution, STOP_REASON),
        actor(execution));
  }

  /** The online stop request came after a decision: not stopped, the reason told to the applicant. */
  @Bean
  JavaDelegate declineStopRequestDelegate(DossierService dossiers) {
    return execution -> dossiers.recordEvent(dossierId(execution), "STOP_REQUEST_DECLINED", actor(execution),
        string(execution, STOP_DECLINE_REASON), "Không dừng giải quyết hồ sơ theo yêu cầu trực tuyến");
  }
}
