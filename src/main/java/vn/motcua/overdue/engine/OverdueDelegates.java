package vn.motcua.overdue.engine;

import static vn.motcua.dossier.engine.Delegates.actor;
import static vn.motcua.dossier.engine.Delegates.currentUser;
import static vn.motcua.dossier.engine.Delegates.dossierId;
import static vn.motcua.dossier.engine.Delegates.string;
import static vn.motcua.overdue.OverdueVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierClock;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierVariables;
import vn.motcua.dossier.Format;
import vn.motcua.overdue.AlertKind;
import vn.motcua.overdue.ApologyRules;
import vn.motcua.overdue.ApologyLetter;
import vn.motcua.overdue.OverdueService;
import vn.motcua.overdue.OverdueTimers;
import vn.motcua.overdue.OverdueService.Outcome;
import vn.motcua.overdue.OverdueService.Raised;
import vn.motcua.overdue.Stage;
import vn.motcua.organisation.Role;
import vn.motcua.security.SystemAccess;

/**
 * The thin delegates and listeners of the shared overdue blocks (processes/blocks/stage-alert.bpmn,
 * apology.bpmn, apology-delivery.bpmn). The rules are in {@link OverdueService}.
 */
@Configuration
public class OverdueDelegates {
  /** Priority of a stage task after a warning and after its deadline (Camunda's default is 50). */
  static final int WARNED_PRIORITY = 75;
  static final int OVERDUE_PRIORITY = 100;

  /**
   * A stage timer fired: records the alert once and tells the block who gets its tasks. The kind comes
   * from the input {@code alertKind}.
   */
  @Bean
  JavaDelegate raiseAlertDelegate(OverdueService overdue, StageLocator locator, TaskService taskService,
      IdentityService identityService, DossierService dossiers, OverdueTimers timers) {
    return execution -> {
      AlertKind kind = AlertKind.valueOf(string(execution, ALERT_KIND));
      Stage stage = locator.locate(execution);
      if (kind == AlertKind.APOLOGY) {
        execution.setVariableLocal(APOLOGY_REASON_ONLY, false);
        if (!timers.apologyNeeded(execution, stage.dueAt())) {
          // the projection is checked again when the timer fires: a dossier on track gets no apology
          execution.setVariableLocal(ALERT_OUTCOME, Outcome.SKIPPED.name());
          execution.setVariableLocal(ALERT_MESSAGE, OverdueService.ON_TRACK);
          return;
        }
      }
      Raised raised = overdue.raise(kind, dossierId(execution), stage, execution.getProcessInstanceId());
      // a warning's or an overdue report's routing is read only while the block starts, in this transaction
      boolean routingOnly = kind != AlertKind.APOLOGY;
      execution.setVariableLocal(ALERT_OUTCOME, Variables.stringValue(raised.outcome().name(), routingOnly));
      execution.setVariableLocal(ALERT_MESSAGE, raised.message());
      if (kind == AlertKind.APOLOGY && raised.outcome() == Outcome.DUPLICATE) {
        // another partner in parallel is late too: it gives its reason for the one letter
        overdue.askPartnerReason(dossierId(execution), stage, execution.getProcessInstanceId()).ifPresent(a -> {
          stageVariables(execution, stage, dossiers, false);
          apologyVariables(execution, stage, overdue, dossiers);
          execution.setVariableLocal(APOLOGY_REASON_ONLY, true);
        });
        return;
      }
      if (raised.outcome() != Outcome.NEW) {
        return;
      }
      execution.setVariableLocal(ALERT_ID, raised.alert().id());
      stageVariables(execution, stage, dossiers, routingOnly);
      execution.setVariableLocal(ALERT_FIRST_USERS, Variables.stringValue(String.join(",", raised.firstUsers()), routingOnly));
      execution.setVariableLocal(ALERT_FIRST_GROUPS, Variables.stringValue(String.join(",", raised.firstGroups()), routingOnly));
      execution.setVariableLocal(ALERT_SECOND_GROUPS, Variables.stringValue(String.join(",", raised.secondGroups()), routingOnly));
      if (kind == AlertKind.APOLOGY) {
        apologyVariables(execution, stage, overdue, dossiers);
      } else if (stage.taskId() != null) {
        int priority = kind == AlertKind.WARNING ? WARNED_PRIORITY : OVERDUE_PRIORITY;
        SystemAccess.run(identityService, () -> taskService.setPriority(stage.taskId(), priority));
      }
    };
  }

  /**
   * The stage's facts on the block. {@code routingOnly} (Block_StageAlert's warning and overdue report): the
   * unit and the due date, read only by the reminder tasks' definitions as the block starts, are transient
   * variables, kept in this transaction and never written (docs/performance.md, "Timer storm"); what the
   * task form shows and the close delegate reads is stored. The apology block reads them again later.
   */
  private static void stageVariables(DelegateExecution execution, Stage stage, DossierService dossiers,
      boolean routingOnly) {
    execution.setVariableLocal(ALERT_STAGE_NAME, stage.name());
    execution.setVariableLocal(ALERT_UNIT, Variables.stringValue(stage.unit(), routingOnly));
    execution.setVariableLocal(ALERT_UNIT_NAME, dossiers.unitName(stage.unit()));
    execution.setVariableLocal(ALERT_DUE_TEXT, Format.dateTime(stage.dueAt()));
    execution.setVariableLocal(ALERT_DUE_AT, Variables.dateValue(Date.from(stage.dueAt()), routingOnly));
  }

  /** The apology's agency (the resolving one), the late partner if any, and the letter's deadlines. */
  private static void apologyVariables(DelegateExecution execution, Stage stage, OverdueService overdue,
      DossierService dossiers) {
    Dossier d = dossiers.get(dossierId(execution));
    ApologyRules.Deadlines due = overdue.apologyDeadlines(d.appointmentAt());
    String lead = overdue.apologyAgency(d);
    boolean partnerLate = stage.unit() != null && !stage.unit().equals(lead);
    execution.setVariableLocal(APOLOGY_UNIT, lead);
    execution.setVariableLocal(APOLOGY_UNIT_NAME, dossiers.unitName(lead));
    execution.setVariableLocal(APOLOGY_PARTNER_LATE, partnerLate);
    execution.setVariableLocal(PARTNER_REASON_GROUPS, partnerLate
        ? String.join(",", Role.SPECIALIST.groupOf(stage.unit()), Role.LEADER.groupOf(stage.unit())) : "");
    // reasons partners gave before (a partner's stage ended while the letter was being written) are kept
    String reasons = overdue.partnerDelayReasons(d.id());
    if (reasons != null) {
      execution.setVariableLocal(PARTNER_DELAY_REASON, reasons);
      execution.setVariableLocal(APOLOGY_REASON, reasons);
    }
    execution.setVariableLocal(APPOINTMENT_TEXT, Format.dateTime(d.appointmentAt()));
    execution.setVariableLocal(APOLOGY_DRAFT_DUE_AT, Date.from(due.draftBy()));
    execution.setVariableLocal(APOLOGY_SIGN_DUE_AT, Date.from(due.signBy()));
  }

  /** The alert's tasks are done. */
  @Bean
  JavaDelegate closeAlertDelegate(OverdueService overdue) {
    return execution -> {
      Object id = execution.getVariable(ALERT_ID);
      if (id instanceof Number n) {
        overdue.alertDone(n.longValue());
      }
    };
  }

  /**
   * Complete listener of the alert tasks: a note (a leader's instruction on a late stage) goes on the
   * dossier's record when it is given, once, even though the next task's form shows it again.
   */
  @Bean
  TaskListener alertNoteListener(OverdueService overdue) {
    return task -> {
      String note = string(task, OVERDUE_INSTRUCTION);
      Object id = task.getVariable(ALERT_ID);
      if (note == null || note.isBlank() || !(id instanceof Number n) || note.equals(string(task, ALERT_NOTE_RECORDED))) {
        return;
      }
      overdue.alertNote(n.longValue(), currentUser(task, task.getAssignee()), note);
      task.getExecution().getProcessInstance().setVariableLocal(ALERT_NOTE_RECORDED, note);
    };
  }

  /**
   * End listener of the alert blocks: when the stage completes first, the engine cancels the block, and
   * the open alert is closed as cancelled. After a normal end the alert is already closed: no change.
   */
  @Bean
  ExecutionListener alertClosedListener(OverdueService overdue) {
    return execution -> {
      Object id = execution.getVariable(ALERT_ID);
      if (id instanceof Number n) {
        overdue.alertCancelled(n.longValue());
      }
    };
  }

  /**
   * The head of the agency signed: the letter is numbered and recorded, the dossier's deadlines, task due
   * dates and timers move to the new date, and the One-Stop Division gets the letter to hand over.
   */
  @Bean
  JavaDelegate issueApologyDelegate(OverdueService overdue, DossierService dossiers, DossierClock clock,
      RuntimeService runtimeService, IdentityService identityService) {
    return execution -> {
      long dossierId = dossierId(execution);
      Dossier before = dossiers.get(dossierId);
      Object alertId = execution.getVariable(ALERT_ID);
      String signedBy = actor(execution);
      String draftedBy = string(execution, APOLOGY_DRAFTED_BY);
      String agency = string(execution, APOLOGY_UNIT);
      String signedAs = string(execution, APOLOGY_SIGNED_AS);
      ApologyLetter letter = overdue.issueApology(alertId instanceof Number n ? n.longValue() : 0, dossierId,
          agency == null ? string(execution, ALERT_UNIT) : agency, string(execution, APOLOGY_REASON),
          string(execution, NEW_APPOINTMENT_DATE), draftedBy == null ? signedBy : draftedBy, signedBy,
          signedAs == null ? null : Role.valueOf(signedAs));
      String root = DossierClock.rootOf(execution);
      Instant deliverBy = overdue.apologyDeadlines(before.appointmentAt()).signBy();
      SystemAccess.run(identityService, () -> {
        clock.reappoint(root, letter.originalAppointmentAt(), letter.newAppointmentAt());
        runtimeService.createMessageCorrelation(MESSAGE_APOLOGY_ISSUED)
            .processInstanceBusinessKey(before.code())
            .setVariables(Variables.createVariables()
                .putValue(DossierVariables.DOSSIER_ID, dossierId)
                .putValue(DossierVariables.DOSSIER_CODE, before.code())
                .putValue(DossierVariables.PROCEDURE_NAME, before.procedureName())
                .putValue(DossierVariables.APPLICANT_NAME, before.applicant().name())
                .putValue(DossierVariables.APPLICANT_PHONE, before.applicant().phone())
                .putValue(DossierVariables.RECEIVING_UNIT, before.receivingUnit())
                .putValue(APOLOGY_LETTER_ID, letter.id())
                .putValue(APOLOGY_NUMBER, letter.number())
                .putValue(APOLOGY_REASON, letter.reason())
                .putValue(APPOINTMENT_TEXT, Format.dateTime(letter.originalAppointmentAt()))
                .putValue(NEW_APPOINTMENT_TEXT, Format.dateTime(letter.newAppointmentAt()))
                .putValue(ALERT_UNIT_NAME, dossiers.unitName(letter.agency()))
                .putValue(APOLOGY_DELIVER_BY, Date.from(deliverBy)))
            .correlateStartMessage();
      });
      execution.setVariableLocal(APOLOGY_LETTER_ID, letter.id());
      execution.setVariableLocal(APOLOGY_NUMBER, letter.number());
    };
  }

  /** The One-Stop Division handed the letter over. */
  @Bean
  JavaDelegate apologyDeliveredDelegate(OverdueService overdue) {
    return execution -> {
      Object id = execution.getVariable(APOLOGY_LETTER_ID);
      overdue.recordApologyDelivery(((Number) id).longValue(), string(execution, APOLOGY_DELIVERY_METHOD),
          string(execution, APOLOGY_DELIVERY_NOTE), actor(execution));
    };
  }

  // ---------- form validators (complete task listeners) ----------

  private static void refuseUnless(Map<String, String> errors) {
    if (!errors.isEmpty()) {
      throw new BadUserRequestException(String.join(" ", errors.values()));
    }
  }

  /** The draft: a reason, and a new date that is a working day after today and after the old date; once only. */
  @Bean
  TaskListener apologyDraftValidator(OverdueService overdue) {
    return task -> {
      refuseUnless(overdue.apologyErrors(dossierId(task), string(task, APOLOGY_REASON), string(task, NEW_APPOINTMENT_DATE)));
      task.setVariable(APOLOGY_DRAFTED_BY, currentUser(task, task.getAssignee()));
    };
  }

  /**
   * The late partner's reason: at least 10 characters; it goes on the dossier's record and is shown to the
   * lead agency's specialist who drafts the letter.
   */
  @Bean
  TaskListener partnerDelayReasonValidator(OverdueService overdue) {
    return task -> {
      String reason = string(task, PARTNER_DELAY_REASON);
      if (reason == null || reason.strip().length() < 10) {
        throw new BadUserRequestException("Cần nêu rõ lý do chậm trễ của cơ quan phối hợp (ít nhất 10 ký tự).");
      }
      IdentityService identity = task.getProcessEngineServices().getIdentityService();
      long dossierId = dossierId(task);
      overdue.recordPartnerDelayReason(dossierId, string(task, ALERT_UNIT), reason,
          currentUser(task, task.getAssignee()));
      String reasons = overdue.partnerDelayReasons(dossierId);
      task.setVariable(PARTNER_DELAY_REASON, reasons);
      String draft = string(task, APOLOGY_REASON);
      if (draft == null || draft.isBlank() || reasons.startsWith(draft)) {
        // the lead agency's draft starts from the partners' reasons, in their names
        task.setVariable(APOLOGY_REASON, reasons);
      }
      // a draft already being written (this partner was late second) gets the reason too
      TaskService tasks = task.getProcessEngineServices().getTaskService();
      String line = string(task, ALERT_UNIT_NAME) + ": " + reason.strip();
      SystemAccess.run(identity, () -> {
        for (var open : tasks.createTaskQuery().processVariableValueEquals(DossierVariables.DOSSIER_ID, dossierId)
            .taskDefinitionKey("Task_DraftApology").list()) {
          Object current = tasks.getVariable(open.getId(), APOLOGY_REASON);
          if (current == null || !current.toString().contains(line)) {
            tasks.setVariable(open.getId(), APOLOGY_REASON, current == null || current.toString().isBlank() ? line
                : current + "\n" + line);
          }
          tasks.setVariable(open.getId(), PARTNER_DELAY_REASON, reasons);
        }
      });
    };
  }

  /**
   * The signature: only the head of the apologising agency or a deputy authorised to sign for the head; sign
   * (the date is checked again, it may have passed) or send back with a reason.
   */
  @Bean
  TaskListener apologySignValidator(OverdueService overdue) {
    return (DelegateTask task) -> {
      var identity = task.getProcessEngineServices().getIdentityService();
      String user = currentUser(task, null);
      String agency = string(task, APOLOGY_UNIT);
      if (user != null && agency != null) {
        java.util.List<String> groups = SystemAccess.run(identity, () -> identity.createGroupQuery().groupMember(user)
            .list().stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
        Role capacity = overdue.signingCapacity(agency, groups).orElseThrow(() -> new BadUserRequestException(
            "Chỉ Thủ trưởng cơ quan giải quyết hồ sơ hoặc cấp phó được ủy quyền ký thay mới được ký phiếu xin lỗi."));
        task.setVariable(APOLOGY_SIGNED_AS, capacity.name());
      }
      String decision = string(task, APOLOGY_SIGN_DECISION);
      if (SEND_BACK.equals(decision)) {
        String comment = string(task, APOLOGY_SIGN_COMMENT);
        if (comment == null || comment.strip().length() < 10) {
          throw new BadUserRequestException("Cần ghi rõ lý do trả lại dự thảo phiếu xin lỗi (ít nhất 10 ký tự).");
        }
        return;
      }
      if (!SIGN.equals(decision)) {
        throw new BadUserRequestException("Cần chọn: ký phiếu xin lỗi hoặc trả lại để soạn lại.");
      }
      refuseUnless(overdue.apologyErrors(dossierId(task), string(task, APOLOGY_REASON), string(task, NEW_APPOINTMENT_DATE)));
    };
  }

  /** The delivery: how the letter reached the applicant. */
  @Bean
  TaskListener apologyDeliveryValidator() {
    return task -> {
      String method = string(task, APOLOGY_DELIVERY_METHOD);
      if (method == null || !OverdueService.DELIVERY_METHODS.contains(method)) {
        throw new BadUserRequestException("Cần chọn hình thức gửi phiếu xin lỗi cho người nộp hồ sơ.");
      }
    };
  }
}
