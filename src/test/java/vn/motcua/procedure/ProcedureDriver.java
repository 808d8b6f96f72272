package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.*;
import static vn.motcua.overdue.OverdueVariables.*;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;

/**
 * Works a dossier through whatever tasks its procedure gives, the way officers do in Tasklist: each task
 * is completed through the engine REST API by a demo officer of its candidate group, with the values a
 * careful officer would enter. A scenario queues other answers for given tasks (a send-back, a return by
 * a partner agency), used once each, in order.
 */
class ProcedureDriver {
  /** Tasks about a dossier that do not move it: reminders and escalations. */
  static final Set<String> ALERT_TASKS = Set.of("Task_RemindOfficer", "Task_RemindLeader", "Task_DirectOverdue",
      "Task_SuperviseOverdue");

  private final TestRestTemplate rest;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final DossierService dossiers;
  private final WorkingCalendar calendar;
  private final Map<String, Deque<String>> answers = new HashMap<>();
  private boolean completeAlerts;

  ProcedureDriver(TestRestTemplate rest, TaskService taskService, IdentityService identityService,
      DossierService dossiers, WorkingCalendar calendar) {
    this.rest = rest;
    this.taskService = taskService;
    this.identityService = identityService;
    this.dossiers = dossiers;
    this.calendar = calendar;
  }

  /** Registers a dossier of the procedure at the Minh Xuân counter as mc.hung, as the officer's page does. */
  Dossier register(String procedureKey) {
    String body = """
        {"procedureKey": "%s", "channel": "DIRECT",
         "applicant": {"name": "Nguyễn Văn An", "idNumber": "001203004567", "phone": "0912345678",
                       "email": "an.nguyen@example.vn", "address": "Tổ 5, phường Minh Xuân, tỉnh Tuyên Quang"},
         "requestSummary": "Yêu cầu giải quyết thủ tục hành chính"}
        """.formatted(procedureKey);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map> response = rest.withBasicAuth("mc.hung", "demo")
        .postForEntity("/api/dossiers", new HttpEntity<>(body, headers), Map.class);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    return dossiers.getByCode((String) response.getBody().get("code"));
  }

  /** The next completion of {@code taskKey} sends these variables (JSON members) instead of the defaults. */
  ProcedureDriver answer(String taskKey, String variablesJson) {
    answers.computeIfAbsent(taskKey, k -> new ArrayDeque<>()).add(variablesJson);
    return this;
  }

  /** Reminders and escalations are acknowledged too (their blocks then end normally). */
  ProcedureDriver completingAlerts() {
    this.completeAlerts = true;
    return this;
  }

  static String var(String name, Object value) {
    if (value instanceof String s) {
      return "\"" + name + "\": {\"value\": \"" + s.replace("\"", "\\\"") + "\", \"type\": \"String\"}";
    }
    return "\"" + name + "\": {\"value\": " + value + "}";
  }

  static String vars(String... parts) {
    return String.join(", ", parts);
  }

  List<Task> openTasks(Dossier d) {
    return taskService.createTaskQuery().processVariableValueEquals(DOSSIER_ID, d.id()).orderByTaskCreateTime().asc().list();
  }

  List<Task> openTasks(Dossier d, String key) {
    return taskService.createTaskQuery().processVariableValueEquals(DOSSIER_ID, d.id()).taskDefinitionKey(key).list();
  }

  /** The variables an officer enters for a task by default. */
  String defaults(Dossier d, Task task) {
    return switch (task.getTaskDefinitionKey()) {
      case "Task_CheckDossier" -> var(RECEPTION_DECISION, COMPLETE);
      case "Task_Appraise" -> vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL),
          var(APPRAISAL_OPINION, "Hồ sơ đủ điều kiện theo quy định."), var(RESULT_TEXT, "Kết quả giải quyết số 01/KQ"));
      case "Task_Approve" -> var(APPROVAL_DECISION, APPROVE);
      case "Task_ReturnResult" -> vars(var(DELIVERY_METHOD, "COUNTER"), var(RECEIVER_NAME, "Nguyễn Văn An"),
          var(RATING, "3"));
      case "Task_SendSupplementRequest" -> var("supplementSent", true);
      case "Task_PartnerProcess" -> vars(var(PARTNER_DECISION, PARTNER_DONE),
          var(PARTNER_RESULT, "Đã xử lý, số " + task.getId().substring(0, 8)));
      case "Task_FieldInspection" -> vars(var("inspectionTime", "09:00 ngày 03/03/2026"),
          var("inspectionPlace", "Thửa đất số 12, tổ 5, phường Minh Xuân"),
          var("inspectionParticipants", "Chuyên viên địa chính, chủ hộ, tổ trưởng tổ dân phố"),
          var("inspectionFindings", "Hiện trạng phù hợp với hồ sơ thiết kế, không lấn chiếm"));
      case "Task_CollectFee" -> var("feeReceiptNumber", "BL-" + task.getId().substring(0, 8));
      case "Task_ConfirmPayment" -> vars(var(PAYMENT_CONFIRMED, true), var("paymentNote", "Chứng từ số 123/2026"));
      case "Task_DraftApology" -> vars(var(APOLOGY_REASON, "Cần thêm thời gian xác minh thông tin hồ sơ"),
          var(NEW_APPOINTMENT_DATE, newAppointmentDate(d)));
      case "Task_PartnerReasonForApology" -> var(PARTNER_DELAY_REASON, "Chờ kết quả tra cứu từ cơ sở dữ liệu của ngành");
      case "Task_SignApology" -> var(APOLOGY_SIGN_DECISION, SIGN);
      case "Task_DeliverApology" -> vars(var(APOLOGY_DELIVERY_METHOD, "PHONE"),
          var(APOLOGY_DELIVERY_NOTE, "Đã gọi điện thông báo cho người nộp"));
      case "Task_DirectOverdue" -> var(OVERDUE_INSTRUCTION, "Đề nghị hoàn thành trong ngày làm việc tiếp theo");
      default -> task.getTaskDefinitionKey().startsWith("Task_Fix")
          ? var(FIX_NOTE, "Đã điều chỉnh thông tin theo yêu cầu của cơ quan phối hợp") : "";
    };
  }

  /** Two working days after the later of today and the current appointment. */
  String newAppointmentDate(Dossier d) {
    Dossier now = dossiers.get(d.id());
    LocalDate today = LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
        calendar.properties().zone());
    LocalDate old = LocalDate.ofInstant(now.appointmentAt(), calendar.properties().zone());
    LocalDate from = old.isAfter(today) ? old : today;
    return calendar.nextWorkingDay(calendar.nextWorkingDay(from)).toString();
  }

  /** A demo officer who may work the task: its assignee, a candidate user, or a member of a candidate group. */
  String officerFor(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        return link.getUserId();
      }
      var members = identityService.createUserQuery().memberOfGroup(link.getGroupId()).orderByUserId().asc().list();
      if (!members.isEmpty()) {
        return members.get(0).getId();
      }
    }
    throw new AssertionError("No demo officer may work task " + task.getTaskDefinitionKey() + " ("
        + taskService.getIdentityLinksForTask(task.getId()) + ")");
  }

  ResponseEntity<String> complete(Task task, String variablesJson) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(officerFor(task), "demo").postForEntity("/engine-rest/task/" + task.getId() + "/complete",
        new HttpEntity<>("{\"variables\": {" + variablesJson + "}}", headers), String.class);
  }

  /** Completes one task (the queued answer or the defaults) and checks the engine took it. */
  void work(Dossier d, Task task) {
    Deque<String> queued = answers.get(task.getTaskDefinitionKey());
    String variables = queued != null && !queued.isEmpty() ? queued.poll() : defaults(d, task);
    ResponseEntity<String> response = complete(task, variables);
    assertThat(response.getStatusCode().value()).as(task.getTaskDefinitionKey() + ": " + response.getBody())
        .isEqualTo(204);
  }

  /** Works the dossier's tasks, oldest first, until none is left (or only reminders, when they are not worked). */
  void driveToEnd(Dossier d) {
    for (int step = 0; step < 60; step++) {
      Task next = openTasks(d).stream()
          .filter(t -> completeAlerts || !ALERT_TASKS.contains(t.getTaskDefinitionKey()))
          .findFirst().orElse(null);
      if (next == null) {
        return;
      }
      work(d, next);
    }
    throw new AssertionError("The dossier still has tasks after 60 steps: " + openTasks(d));
  }

  /** Works tasks until one with this key is open; returns it. */
  Task driveUntil(Dossier d, String taskKey) {
    for (int step = 0; step < 60; step++) {
      List<Task> wanted = openTasks(d, taskKey);
      if (!wanted.isEmpty()) {
        return wanted.get(0);
      }
      Task next = openTasks(d).stream().filter(t -> !ALERT_TASKS.contains(t.getTaskDefinitionKey())).findFirst()
          .orElseThrow(() -> new AssertionError("No open task before " + taskKey));
      work(d, next);
    }
    throw new AssertionError(taskKey + " never came");
  }
}
