package vn.motcua.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.dossier.DossierVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierStatus;

/**
 * Decree 118/2025 Art. 21 online: the applicant asks to stop processing (withdraw) the dossier with its code and
 * the lookup PIN, before a decision; the receiving One-Stop Division sees the request in Tasklist ("Xác nhận yêu
 * cầu dừng giải quyết hồ sơ của người nộp", process {@code Process_OnlineStopRequest}) and confirms it, and the
 * dossier ends withdrawn (status 7) through its procedure's stop block. A retry makes no second task; after a
 * decision the request is refused with 409 in Vietnamese.
 */
@MotCuaSpringTest
class OnlineStopRequestTest extends CitizenApiSupport {

  record Submitted(Dossier dossier, String pin, String client) {}

  private Submitted submitOnline(String phone) {
    String client = newClient();
    ResponseEntity<Map> submitted = submit(client, null,
        submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Phạm Thu Hà", phone), files("giay-de-nghi.pdf", PDF));
    assertThat(submitted.getStatusCode().value()).as(String.valueOf(submitted.getBody())).isEqualTo(201);
    return new Submitted(dossiers.getByCode((String) submitted.getBody().get("code")),
        (String) submitted.getBody().get("lookupPin"), client);
  }

  private ResponseEntity<Map> stopRequest(String client, String code, String secret, String reason) {
    HttpHeaders headers = from(client);
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = "{\"secret\": " + (secret == null ? "null" : "\"" + secret + "\"")
        + (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}";
    return rest.exchange("/api/public/dossiers/" + code + "/stop-request", HttpMethod.POST,
        new HttpEntity<>(body, headers), Map.class);
  }

  private List<Task> stopTasks(Dossier d) {
    return taskService.createTaskQuery().processDefinitionKey(PROCESS_ONLINE_STOP_REQUEST)
        .processInstanceBusinessKey(d.code()).list();
  }

  /** The dossier's own tasks (its procedure's tree), not the stop request's. */
  private List<Task> procedureTasks(Dossier d) {
    return taskService.createTaskQuery().processVariableValueEquals(DOSSIER_ID, d.id()).list().stream()
        .filter(t -> !t.getTaskDefinitionKey().equals("Task_ConfirmStopRequest")).toList();
  }

  private Task procedureTask(Dossier d) {
    List<Task> tasks = procedureTasks(d);
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private List<String> events(Dossier d) {
    return dossiers.events(d.id()).stream().map(DossierEvent::type).toList();
  }

  private void acceptAndAppraise(Dossier d) {
    completeOk("mc.hung", procedureTask(d), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
    completeOk("cv.minh", procedureTask(d), vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL),
        var(APPRAISAL_OPINION, "Hồ sơ đủ điều kiện."), var(RESULT_TEXT, "Giấy chứng nhận đăng ký hộ kinh doanh số 01")));
  }

  @Test
  void the_applicant_stops_processing_online_before_the_decision_and_the_one_stop_division_confirms_it() {
    clockAt("2026-09-14T09:00");
    Submitted s = submitOnline("0978333444");
    Dossier d = s.dossier();
    completeOk("mc.hung", procedureTask(d), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
    assertThat(procedureTask(d).getTaskDefinitionKey()).isEqualTo("Task_Appraise");

    // the phone number shows the progress only: it cannot end a dossier
    ResponseEntity<Map> withPhone = stopRequest(s.client(), d.code(), "0978333444", "Không kinh doanh nữa");
    assertThat(withPhone.getStatusCode().value()).isEqualTo(403);
    assertThat((String) withPhone.getBody().get("message")).contains("mã tra cứu");
    assertThat(stopTasks(d)).isEmpty();

    clockAt("2026-09-14T10:00");
    ResponseEntity<Map> asked = stopRequest(s.client(), d.code(), s.pin(), "Gia đình không kinh doanh nữa");
    assertThat(asked.getStatusCode().value()).as(String.valueOf(asked.getBody())).isEqualTo(202);
    assertThat(asked.getBody().get("replayed")).isEqualTo(false);
    assertThat((String) asked.getBody().get("message")).contains("Bộ phận Một cửa");
    // a retry (the portal sends again) answers the same request and makes no second task
    ResponseEntity<Map> retry = stopRequest(s.client(), d.code(), s.pin(), "Gia đình không kinh doanh nữa");
    assertThat(retry.getStatusCode().value()).isEqualTo(200);
    assertThat(retry.getBody().get("replayed")).isEqualTo(true);
    assertThat(retry.getBody().get("requestedAt")).isEqualTo(asked.getBody().get("requestedAt"));

    List<Task> tasks = stopTasks(d);
    assertThat(tasks).hasSize(1);
    Task confirm = tasks.get(0);
    assertThat(confirm.getName()).isEqualTo("Xác nhận yêu cầu dừng giải quyết hồ sơ của người nộp");
    assertThat(taskService.getIdentityLinksForTask(confirm.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("tq-minhxuan.reception");
    assertThat(taskService.getVariable(confirm.getId(), STOP_REASON)).isEqualTo("Gia đình không kinh doanh nữa");
    // the officer sees it in Tasklist as any task of the unit (and the dossier beside it)
    ResponseEntity<List> visible = rest.withBasicAuth("mc.hung", "demo").getForEntity(
        "/engine-rest/task?processInstanceBusinessKey=" + d.code() + "&processDefinitionKey="
            + PROCESS_ONLINE_STOP_REQUEST, List.class);
    assertThat(visible.getBody()).hasSize(1);
    assertThat(reload(d).status()).as("still in progress until the One-Stop Division confirms")
        .isEqualTo(DossierStatus.IN_PROGRESS);
    assertThat(procedureTask(d).getTaskDefinitionKey()).isEqualTo("Task_Appraise");

    // before a decision it is the applicant's right: declining is refused, the task stays
    ResponseEntity<String> decline = complete("mc.hung", confirm, vars(var(STOP_REQUEST_DECISION, DECLINE),
        var(STOP_DECLINE_REASON, "Hồ sơ đang được thẩm định")));
    assertThat(decline.getStatusCode().value()).isEqualTo(400);
    assertThat(decline.getBody()).contains("Điều 21");

    clockAt("2026-09-14T10:30");
    completeOk("mc.hung", confirm, var(STOP_REQUEST_DECISION, CONFIRM));
    d = reload(d);
    assertThat(d.status()).isEqualTo(DossierStatus.WITHDRAWN);
    assertThat(procedureTasks(d)).as("the procedure's tasks are gone").isEmpty();
    assertThat(stopTasks(d)).isEmpty();
    ProcessInstance procedure = runtimeService.createProcessInstanceQuery().processInstanceId(d.processInstanceId())
        .singleResult();
    assertThat(procedure).isNull();
    HistoricProcessInstance request = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_ONLINE_STOP_REQUEST).processInstanceBusinessKey(d.code()).singleResult();
    assertThat(request.getEndActivityId()).isEqualTo("EndEvent_DossierStopped");
    assertThat(events(d)).containsSubsequence("STOP_REQUESTED", "WITHDRAWN");
    DossierEvent withdrawn = dossiers.events(d.id()).stream().filter(e -> e.type().equals("WITHDRAWN")).findFirst()
        .orElseThrow();
    assertThat(withdrawn.actor()).isEqualTo("mc.hung");
    assertThat(withdrawn.reason()).isEqualTo("Gia đình không kinh doanh nữa");
    // the national portal gets status 7
    List<Integer> statuses = jdbc.queryForList("SELECT e.status_code FROM portal_event e JOIN dossier d ON d.id = "
        + "e.dossier_id WHERE d.code = ? ORDER BY e.sequence_no", Integer.class, d.code());
    assertThat(statuses).last().isEqualTo(7);
    // the applicant reads it on the status page
    ResponseEntity<Map> looked = lookup(s.client(), d.code(), s.pin());
    assertThat(looked.getBody().get("status")).isEqualTo(7);

    // a closed dossier cannot be stopped again
    ResponseEntity<Map> again = stopRequest(s.client(), d.code(), s.pin(), null);
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat((String) again.getBody().get("message")).contains("không thể rút hoặc dừng giải quyết");
  }

  @Test
  void after_the_decision_the_stop_request_is_refused_with_409_in_vietnamese() {
    clockAt("2026-09-15T09:00");
    Submitted s = submitOnline("0978333555");
    Dossier d = s.dossier();
    acceptAndAppraise(d);
    completeOk("ld.thao", procedureTask(d), var(APPROVAL_DECISION, APPROVE));
    assertThat(reload(d).status()).isEqualTo(DossierStatus.RESOLVED);

    ResponseEntity<Map> late = stopRequest(s.client(), d.code(), s.pin(), "Đổi ý");
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat((String) late.getBody().get("message")).contains("Hồ sơ đã có quyết định");
    assertThat(stopTasks(d)).isEmpty();
    assertThat(events(d)).doesNotContain("STOP_REQUESTED");
    assertThat(reload(d).status()).isEqualTo(DossierStatus.RESOLVED);
  }

  @Test
  void a_request_overtaken_by_the_decision_is_declined_with_a_reason_the_applicant_reads() {
    clockAt("2026-09-16T09:00");
    Submitted s = submitOnline("0978333666");
    Dossier d = s.dossier();
    acceptAndAppraise(d);
    assertThat(stopRequest(s.client(), d.code(), s.pin(), "Không cần nữa").getStatusCode().value()).isEqualTo(202);
    // the leader approves before the One-Stop Division has looked at the request
    completeOk("ld.thao", procedureTask(d), var(APPROVAL_DECISION, APPROVE));
    Task confirm = stopTasks(d).get(0);

    ResponseEntity<String> tooLate = complete("mc.hung", confirm, var(STOP_REQUEST_DECISION, CONFIRM));
    assertThat(tooLate.getStatusCode().value()).isEqualTo(400);
    assertThat(tooLate.getBody()).contains("Hồ sơ đã có quyết định");
    ResponseEntity<String> noReason = complete("mc.hung", confirm, var(STOP_REQUEST_DECISION, DECLINE));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody()).contains("lý do không dừng");

    completeOk("mc.hung", confirm, vars(var(STOP_REQUEST_DECISION, DECLINE),
        var(STOP_DECLINE_REASON, "Hồ sơ đã được phê duyệt trước khi nhận yêu cầu; mời nhận kết quả")));
    assertThat(reload(d).status()).isEqualTo(DossierStatus.RESOLVED);
    assertThat(events(d)).containsSubsequence("STOP_REQUESTED", "STOP_REQUEST_DECLINED");
    assertThat(procedureTask(d).getTaskDefinitionKey()).as("the return goes on").isEqualTo("Task_ReturnResult");
    ResponseEntity<Map> looked = lookup(s.client(), d.code(), s.pin());
    assertThat(String.valueOf(looked.getBody().get("timeline")))
        .contains("Không dừng giải quyết hồ sơ theo yêu cầu", "mời nhận kết quả");
  }

  @Test
  void the_public_openapi_describes_the_stop_request_form_03_and_the_competent_commune() {
    ResponseEntity<Map> docs = rest.getForEntity("/v3/api-docs/public", Map.class);
    Map<String, Object> paths = (Map<String, Object>) docs.getBody().get("paths");
    assertThat(paths).containsKeys("/api/public/dossiers/{code}/stop-request",
        "/api/public/dossiers/{code}/forms/03.pdf");
    Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) docs.getBody().get("components"))
        .get("schemas");
    assertThat(String.valueOf(schemas.get("OnlineSubmission"))).contains("competentUnit");
    assertThat(String.valueOf(paths.get("/api/public/dossiers/{code}/stop-request"))).contains("Điều 21", "409");
  }
}
