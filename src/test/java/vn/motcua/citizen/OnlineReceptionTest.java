package vn.motcua.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.COMPLETE;
import static vn.motcua.dossier.DossierVariables.INCOMPLETE;
import static vn.motcua.dossier.DossierVariables.MISSING_ITEMS;
import static vn.motcua.dossier.DossierVariables.RECEPTION_DECISION;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.ControlLogEntry;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.OutcomeClass;
import vn.motcua.overdue.Alert;
import vn.motcua.overdue.AlertKind;
import vn.motcua.overdue.AlertStatus;
import vn.motcua.overdue.OverdueService;

/**
 * Finding 2 of issue 18: an online dossier's reception check has a deadline (8 working hours by default,
 * {@code motcua.reception.online-check-within}), the One-Stop Division's staff are alerted within 2 working
 * hours ({@code motcua.reception.online-alert-within}), a check past the deadline is escalated and charged
 * to the receiving One-Stop Division, and the checked dossier goes to the agency at once.
 */
@MotCuaSpringTest
class OnlineReceptionTest extends CitizenApiSupport {
  @Autowired OverdueService overdue;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;

  private Dossier submitOnline(String key) {
    ResponseEntity<Map> response = submit(newClient(), key,
        submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Lê Thị Bình", "0987111222"),
        files("Giấy đề nghị đăng ký hộ kinh doanh.pdf", PDF));
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    return dossiers.getByCode((String) response.getBody().get("code"));
  }

  private List<Task> tasks(Dossier d, String key) {
    return taskService.createTaskQuery().processVariableValueEquals("dossierId", d.id()).taskDefinitionKey(key).list();
  }

  private List<String> groups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
        .map(l -> l.getGroupId()).toList();
  }

  /** The officers of the alert tasks read them and mark them done, as in Tasklist. */
  private void acknowledge(Dossier d, String... keys) {
    for (String key : keys) {
      for (Task t : tasks(d, key)) {
        String user = identityService.createUserQuery().memberOfGroup(groups(t).get(0)).orderByUserId().asc().list()
            .get(0).getId();
        completeOk(user, t, "Task_DirectOverdue".equals(key)
            ? var("overdueInstruction", "Đề nghị kiểm tra hồ sơ trực tuyến ngay trong buổi sáng") : "");
      }
    }
  }

  @Test
  void an_online_dossier_not_checked_is_alerted_within_2_working_hours_and_escalated_to_the_one_stop_division_after_8() {
    clockAt("2026-09-14T09:00"); // Monday
    Dossier d = submitOnline("portal-issue18-online-0001");
    Task check = openTask(d);
    assertThat(check.getTaskDefinitionKey()).isEqualTo("Task_CheckDossier");
    // 09:00–11:30 and 13:30–17:30 are 6.5 working hours; 1.5 more on Tuesday
    assertThat(check.getDueDate().toInstant()).isEqualTo(at("2026-09-15T09:00"));
    assertThat(timer(d, "Event_CheckWarning")).isEqualTo(at("2026-09-14T11:00"));
    assertThat(timer(d, "Event_CheckOverdue")).isEqualTo(at("2026-09-15T09:00"));

    clockAt("2026-09-14T11:00");
    fireDueTimers(d);
    assertThat(overdue.alerts(d.id())).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(AlertKind.WARNING);
      assertThat(a.stageKey()).isEqualTo("Task_CheckDossier");
      assertThat(a.unit()).isEqualTo("tq-minhxuan");
    });
    assertThat(tasks(d, "Task_RemindOfficer")).singleElement()
        .satisfies(t -> assertThat(groups(t)).contains("tq-minhxuan.reception"));
    acknowledge(d, "Task_RemindOfficer", "Task_RemindLeader");

    clockAt("2026-09-15T09:01");
    fireDueTimers(d);
    Alert escalation = overdue.alerts(d.id()).stream().filter(a -> a.kind() == AlertKind.OVERDUE).findFirst().orElseThrow();
    assertThat(escalation.unit()).isEqualTo("tq-minhxuan");
    assertThat(escalation.stageKey()).isEqualTo("Task_CheckDossier");
    assertThat(tasks(d, "Task_DirectOverdue")).singleElement()
        .satisfies(t -> assertThat(groups(t)).contains("tq-minhxuan.leader"));
    assertThat(reload(d).overdueUnit()).isEqualTo("tq-minhxuan");
    ControlLogEntry checkRow = dossiers.controlLog(d.id()).stream().filter(e -> check.getId().equals(e.taskId()))
        .findFirst().orElseThrow();
    assertThat(checkRow.toUnit()).isEqualTo("tq-minhxuan");
    assertThat(checkRow.overdueAt()).isNotNull();
    acknowledge(d, "Task_DirectOverdue", "Task_SuperviseOverdue");

    // checked at last: the row is late, the dossier goes on to the agency
    completeOk("mc.hung", tasks(d, "Task_CheckDossier").get(0), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
    assertThat(tasks(d, "Task_DirectOverdue")).isEmpty();
    assertThat(tasks(d, "Task_RemindOfficer")).isEmpty();
    assertThat(overdue.alerts(d.id())).allSatisfy(a -> assertThat(a.status()).isNotEqualTo(AlertStatus.OPEN));
    assertThat(dossiers.controlLog(d.id()).stream().filter(e -> check.getId().equals(e.taskId())).findFirst()
        .orElseThrow().resultClass()).isEqualTo(OutcomeClass.LATE);
    assertThat(dossiers.events(d.id())).extracting(DossierEvent::type).contains("RECEIPT_ISSUED", "TRANSFERRED");
  }

  @Test
  void an_online_dossier_without_a_request_summary_shows_the_officer_the_procedure_requested() {
    clockAt("2026-09-14T09:00");
    String json = submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Lê Thị Bình", "0987111222")
        .replaceAll(",\\s*\"requestSummary\": \"[^\"]*\"", "");
    assertThat(json).doesNotContain("requestSummary");
    ResponseEntity<Map> response = submit(newClient(), "portal-issue26-summary-0001", json,
        files("Giấy đề nghị.pdf", PDF));
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    Dossier d = dossiers.getByCode((String) response.getBody().get("code"));
    assertThat(d.requestSummary()).isEqualTo("Đề nghị giải quyết thủ tục \"" + d.procedureName() + "\" (nộp trực tuyến)");
    assertThat(taskService.getVariable(openTask(d).getId(), "requestSummary")).isEqualTo(d.requestSummary());
  }

  @Test
  void an_online_dossier_checked_in_time_gets_no_alert() {
    clockAt("2026-09-14T09:00");
    Dossier d = submitOnline("portal-issue18-online-0002");
    clockAt("2026-09-14T10:30");
    fireDueTimers(d);
    completeOk("mc.hung", openTask(d), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
    ClockUtil.setCurrentTime(Date.from(at("2026-09-15T10:00")));
    fireDueTimers(d);
    assertThat(overdue.alerts(d.id())).extracting(Alert::stageKey).doesNotContain("Task_CheckDossier");
    assertThat(dossiers.controlLog(d.id()).get(0).resultClass()).isNotEqualTo(OutcomeClass.LATE);
  }

  @Test
  void an_online_dossier_back_from_its_supplement_is_checked_within_8_working_hours_of_the_supplement() {
    clockAt("2026-09-14T09:00"); // Monday
    Dossier d = submitOnline("portal-issue18-online-0004");
    clockAt("2026-09-14T09:30");
    completeOk("mc.hung", openTask(d), vars(var(RECEPTION_DECISION, INCOMPLETE),
        var(MISSING_ITEMS, "Thiếu bản sao giấy tờ tùy thân của chủ hộ kinh doanh")));
    clockAt("2026-09-16T10:00"); // Wednesday: the applicant brings the supplement
    ResponseEntity<Map> supplied = rest.withBasicAuth("mc.hung", "demo").postForEntity(
        "/api/dossiers/" + d.code() + "/supplement",
        new org.springframework.http.HttpEntity<>("{\"note\": \"Đã nộp bổ sung\"}", json()), Map.class);
    assertThat(supplied.getStatusCode().value()).isEqualTo(200);
    Task recheck = openTask(d);
    assertThat(recheck.getTaskDefinitionKey()).isEqualTo("Task_CheckDossier");
    assertThat(recheck.getDueDate().toInstant()).isEqualTo(at("2026-09-17T10:00"));
    assertThat(timer(d, "Event_CheckOverdue")).isEqualTo(at("2026-09-17T10:00"));
    assertThat(timer(d, "Event_CheckWarning")).isEqualTo(at("2026-09-16T14:00"));
    clockAt("2026-09-16T10:05");
    fireDueTimers(d);
    assertThat(overdue.alerts(d.id())).as("the applicant's two days are not the One-Stop Division's").isEmpty();
  }

  @Test
  void an_online_dossier_is_transferred_to_the_agency_at_once_even_after_15_00() {
    clockAt("2026-09-14T16:00");
    Dossier d = submitOnline("portal-issue18-online-0003");
    clockAt("2026-09-14T16:10");
    completeOk("mc.hung", openTask(d), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
    ControlLogEntry transfer = dossiers.controlLog(d.id()).stream().filter(e -> e.stepKey().equals("Transfer"))
        .findFirst().orElseThrow();
    assertThat(transfer.fromUnit()).isEqualTo("tq-minhxuan");
    assertThat(transfer.doneAt()).isEqualTo(at("2026-09-14T16:10"));
    assertThat(transfer.stageDueAt()).as("electronic dossiers go to the agency at once, not the next day")
        .isEqualTo(at("2026-09-14T16:10"));
    assertThat(transfer.resultClass()).isEqualTo(OutcomeClass.ON_TIME);
  }
}
