package vn.motcua.bench;

import static vn.motcua.dossier.DossierVariables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.NewDocument;
import vn.motcua.dossier.RegistrationCheck.RegisterCommand;
import vn.motcua.dossier.engine.DossierWorkflow;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.security.Officer;

/**
 * The officers of the bench: register a household business dossier at a commune's counter through
 * {@link DossierWorkflow#register} (as {@code POST /api/dossiers} does, with the officer's identity), and
 * complete tasks with the engine's {@link TaskService} as the officer of the task's candidate group, with
 * the officer's engine authentication set (as the REST API's authentication filter does), so that
 * authorization checks, form validators, delegates and the control log all run. The values entered are
 * those of {@code ProcedureDriver} (the procedure path tests).
 */
final class Officers {
  static final String PROCEDURE = "Procedure_HouseholdBusinessRegistration";
  static final Set<String> ALERT_TASKS = Set.of("Task_RemindOfficer", "Task_RemindLeader", "Task_DirectOverdue",
      "Task_SuperviseOverdue");

  private final DossierWorkflow workflow;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final OrganisationDirectory directory;

  Officers(BenchSystem system) {
    this.workflow = system.bean(DossierWorkflow.class);
    this.taskService = system.bean(TaskService.class);
    this.identityService = system.bean(IdentityService.class);
    this.directory = system.bean(OrganisationDirectory.class);
  }

  Officer officer(String unit, String role) {
    String group = unit + "." + role;
    return new Officer(BenchSystem.officer(unit, role), List.of(group),
        directory.parseGroup(group).stream().toList());
  }

  Dossier register(String unit, int n) {
    Applicant applicant = new Applicant("Nguyễn Văn An", String.format("0012%08d", n % 100_000_000), "0912345678",
        "an.nguyen@example.vn", "Tổ 5, phường Minh Xuân, tỉnh Tuyên Quang", null);
    RegisterCommand command = new RegisterCommand(PROCEDURE, unit, Channel.DIRECT, applicant,
        "Đăng ký hộ kinh doanh tạp hóa Bình An",
        List.of(new NewDocument("Giấy đề nghị đăng ký hộ kinh doanh", 1, null),
            new NewDocument("Bản sao căn cước của chủ hộ", 1, null)));
    Officer officer = officer(unit, "reception");
    identityService.setAuthentication(officer.userId(), officer.groupIds());
    try {
      return workflow.register(command, officer);
    } catch (vn.motcua.web.ApiException e) {
      throw new IllegalStateException(e.getMessage() + " " + e.fields(), e);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The numbers of the fee receipts the bench's reception officers give, one per dossier. */
  private static final java.util.concurrent.atomic.AtomicLong FEE_RECEIPTS = new java.util.concurrent.atomic.AtomicLong();

  /** The variables an officer enters (ProcedureDriver's defaults for the household business path). */
  static Map<String, Object> values(String taskKey) {
    Map<String, Object> v = new HashMap<>();
    switch (taskKey) {
      case "Task_CheckDossier" -> {
        v.put(RECEPTION_DECISION, COMPLETE);
        // the bench scans no paper: the reason the digitisation check asks for (docs/signatures.md)
        v.put("undigitisedReason", "Chạy đo hiệu năng: không quét giấy tờ");
      }
      // the household business fee (block "Nộp lệ phí"), paid in cash at the counter
      case "Task_CollectFee" -> v.put("feeReceiptNumber", "BL-" + FEE_RECEIPTS.incrementAndGet());
      case "Task_Appraise" -> {
        v.put(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL);
        v.put(APPRAISAL_OPINION, "Hồ sơ đủ điều kiện theo quy định.");
        v.put(RESULT_TEXT, "Kết quả giải quyết số 01/KQ");
      }
      case "Task_Approve" -> v.put(APPROVAL_DECISION, APPROVE);
      case "Task_ReturnResult" -> {
        v.put(DELIVERY_METHOD, "COUNTER");
        v.put(RECEIVER_NAME, "Nguyễn Văn An");
        v.put(RATING, "3");
      }
      default -> throw new IllegalStateException("The bench does not work task " + taskKey);
    }
    return v;
  }

  /** The candidate group of the task ({@code <unit>.<role>}). */
  String group(Task task, TaskService tasks) {
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        return link.getGroupId();
      }
    }
    throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " has no candidate group");
  }

  /**
   * The role of the commune's officer who works each task of the household business procedure, as its
   * model's candidate groups say (the lifecycle test checks them): an officer knows which of his tasks to
   * open; the engine refuses the completion if the bench is wrong.
   */
  private static final Map<String, String> ROLE_OF_TASK = Map.of("Task_CheckDossier", "reception",
      "Task_CollectFee", "reception", "Task_Appraise", "specialist", "Task_Approve", "leader",
      "Task_ReturnResult", "reception");

  /** Completes the task as the officer of its candidate group, with the engine authentication set. */
  void complete(Task task) {
    complete(task, null);
  }

  /** Completes the task as the officer of {@code unit} with the task's role; other tasks via their candidate group. */
  void complete(Task task, String unit) {
    String role = unit == null ? null : ROLE_OF_TASK.get(task.getTaskDefinitionKey());
    String group = role == null ? group(task, taskService) : unit + "." + role;
    int dot = group.lastIndexOf('.');
    String user = BenchSystem.officer(group.substring(0, dot), group.substring(dot + 1));
    identityService.setAuthentication(user, List.of(group));
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          taskService.complete(task.getId(), values(task.getTaskDefinitionKey()));
          return;
        } catch (OptimisticLockingException e) {
          // a timer of the same dossier fired meanwhile (the job executor runs): an officer would click again
          if (attempt == 5) {
            throw e;
          }
        }
      }
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The dossier's open work tasks (reminders and escalations left aside), found by its business key. */
  List<Task> openTasks(String code) {
    return taskService.createTaskQuery().processInstanceBusinessKey(code).list().stream()
        .filter(t -> !ALERT_TASKS.contains(t.getTaskDefinitionKey())).toList();
  }

  /** Works the dossier's tasks until none is left; returns the number of tasks completed. */
  int driveToEnd(String code) {
    return driveToEnd(code, null);
  }

  /** Works the tasks of a dossier registered and resolved at {@code unit} until none is left. */
  int driveToEnd(String code, String unit) {
    for (int step = 0; step < 30; step++) {
      List<Task> open = openTasks(code);
      if (open.isEmpty()) {
        return step;
      }
      complete(open.get(0), unit);
    }
    throw new IllegalStateException("Dossier " + code + " still has tasks after 30 steps");
  }

  /** Works tasks until the open one has this key. */
  void driveUntil(String code, String taskKey) {
    for (int step = 0; step < 30; step++) {
      List<Task> open = openTasks(code);
      if (open.isEmpty()) {
        throw new IllegalStateException(taskKey + " never came for " + code);
      }
      if (open.get(0).getTaskDefinitionKey().equals(taskKey)) {
        return;
      }
      complete(open.get(0));
    }
    throw new IllegalStateException(taskKey + " never came for " + code);
  }
}
