package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.dossier.DossierVariables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;

/**
 * Household business registration (đăng ký thành lập hộ kinh doanh) from the counter to the return,
 * driven through the officers' API and the engine REST API as the demo officers, with the clock moved.
 */
@MotCuaSpringTest
class HouseholdBusinessLifecycleTest extends DossierTestSupport {

  private static String candidateGroup(Task task, org.camunda.bpm.engine.TaskService taskService) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).findFirst().orElse(null);
  }

  @Test
  void a_dossier_travels_from_reception_to_return_with_its_record_and_control_log_right_at_every_step() {
    clockAt("2026-03-02T09:00"); // Monday
    Dossier d = register();
    assertThat(d.code()).matches("000\\.01\\.30\\.H60-260302-\\d{4}");
    assertThat(d.status()).isEqualTo(DossierStatus.NEW);
    assertThat(d.channel()).isEqualTo(Channel.DIRECT);
    assertThat(dossiers.documents(d.id())).hasSize(2);
    ProcessInstance pi = instance(d);
    assertThat(pi).isStarted().isWaitingAt("CallActivity_Reception");

    // the one-stop officer of Minh Xuân checks it: complete
    Task check = openTask(d);
    assertThat(check.getTaskDefinitionKey()).isEqualTo("Task_CheckDossier");
    assertThat(candidateGroup(check, taskService)).isEqualTo("tq-minhxuan.reception");
    assertThat(check.getDueDate().toInstant()).isEqualTo(at("2026-03-02T17:30"));
    clockAt("2026-03-02T09:10");
    completeOk("mc.hung", check, var(RECEPTION_DECISION, COMPLETE));

    // the fee (100.000 đồng, block "Nộp lệ phí"): the dossier waits for it with its clock paused
    d = reload(d);
    assertThat(d.status()).isEqualTo(DossierStatus.AWAITING_FINANCIAL_OBLIGATIONS);
    Task collect = openTask(d);
    assertThat(collect.getTaskDefinitionKey()).isEqualTo("Task_CollectFee");
    assertThat(candidateGroup(collect, taskService)).isEqualTo("tq-minhxuan.reception");
    payFeeAtCounter(d); // at once, at 09:10: no working time paused

    d = reload(d);
    assertThat(d.status()).isEqualTo(DossierStatus.IN_PROGRESS);
    assertThat(d.appointmentAt()).isEqualTo(at("2026-03-05T09:10")); // 3 working days
    assertThat(d.countingFrom()).isEqualTo(at("2026-03-02T09:10"));

    // the specialist of the same commune (competent for this commune-level procedure)
    Task appraise = openTask(d);
    assertThat(appraise.getTaskDefinitionKey()).isEqualTo("Task_Appraise");
    assertThat(candidateGroup(appraise, taskService)).isEqualTo("tq-minhxuan.specialist");
    assertThat(appraise.getDueDate().toInstant()).isEqualTo(at("2026-03-03T17:10")); // 14 working hours
    assertThat(d.currentUnit()).isEqualTo("tq-minhxuan");
    assertThat(d.stage()).isEqualTo("Thẩm định hồ sơ");

    // an officer of another unit cannot complete it
    assertThat(complete("cv.huong", appraise, var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL)).getStatusCode().value())
        .isEqualTo(403);
    // an incomplete form is refused with a Vietnamese reason and the task stays
    ResponseEntity<String> noOpinion = complete("cv.minh", appraise, var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL));
    assertThat(noOpinion.getStatusCode().value()).isEqualTo(400);
    assertThat(noOpinion.getBody()).contains("Cần ghi ý kiến thẩm định");

    clockAt("2026-03-03T10:00");
    completeOk("cv.minh", appraise, vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL),
        var(APPRAISAL_OPINION, "Hồ sơ đủ điều kiện đăng ký hộ kinh doanh."),
        var(RESULT_TEXT, "Giấy chứng nhận đăng ký hộ kinh doanh số 10A8001234")));

    Task approve = openTask(d);
    assertThat(approve.getTaskDefinitionKey()).isEqualTo("Task_Approve");
    assertThat(candidateGroup(approve, taskService)).isEqualTo("tq-minhxuan.leader");
    clockAt("2026-03-03T15:00");
    completeOk("ld.thao", approve, var(APPROVAL_DECISION, APPROVE));

    d = reload(d);
    assertThat(d.status()).isEqualTo(DossierStatus.RESOLVED);
    assertThat(d.decision()).isEqualTo(APPROVED);
    assertThat(d.result()).contains("10A8001234");

    Task ret = openTask(d);
    assertThat(ret.getTaskDefinitionKey()).isEqualTo("Task_ReturnResult");
    assertThat(candidateGroup(ret, taskService)).isEqualTo("tq-minhxuan.reception");
    assertThat(ret.getDueDate().toInstant()).isEqualTo(at("2026-03-05T09:10"));
    clockAt("2026-03-04T08:00");
    completeOk("mc.hung", ret, vars(var(DELIVERY_METHOD, "COUNTER"), var(RECEIVER_NAME, "Nguyễn Văn An"),
        var(RATING, "3"), var(RATING_COMMENT, "Cán bộ hướng dẫn tận tình")));

    d = reload(d);
    assertThat(pi).isEnded();
    assertThat(d.status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(d.outcome()).isEqualTo(OutcomeClass.EARLY);
    assertThat(d.rating()).isEqualTo(3);
    assertThat(d.returnedAt()).isEqualTo(at("2026-03-04T08:00"));

    List<ControlLogEntry> log = dossiers.controlLog(d.id());
    assertThat(log).extracting(ControlLogEntry::stepKey)
        .containsExactly("Task_CheckDossier", "Task_CollectFee", "Transfer", "Task_Appraise", "Task_Approve",
            "Task_ReturnResult");
    assertThat(log).allSatisfy(e -> assertThat(e.doneAt()).isNotNull());
    assertThat(log).extracting(ControlLogEntry::doneBy)
        .containsExactly("mc.hung", "mc.hung", "mc.hung", "cv.minh", "ld.thao", "mc.hung");
    assertThat(log).extracting(ControlLogEntry::outcome)
        .containsExactly(COMPLETE, "DONE", "TRANSFERRED", PROPOSE_APPROVAL, APPROVE, "COUNTER");
    assertThat(log).extracting(ControlLogEntry::resultClass)
        .containsExactly(OutcomeClass.ON_TIME, OutcomeClass.ON_TIME, OutcomeClass.ON_TIME, OutcomeClass.ON_TIME,
            OutcomeClass.EARLY, OutcomeClass.EARLY);
    assertThat(log.get(3).toUnit()).isEqualTo("tq-minhxuan");
    assertThat(log.get(3).stageDueAt()).isEqualTo(at("2026-03-03T17:10"));
    assertThat(dossiers.events(d.id())).extracting(DossierEvent::type)
        .containsExactly("REGISTERED", "RECEIPT_ISSUED", "FEE_DUE", "CLOCK_PAUSED", "FEE_PAID", "CLOCK_RESUMED",
            "TRANSFERRED", "APPROVED", "RESULT_FILE_ISSUED", "RETURNED");
  }

  @Test
  void the_officers_api_shows_the_dossier_with_its_control_log_to_its_units_only() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    ResponseEntity<Map> own = rest.withBasicAuth("mc.hung", "demo").getForEntity("/api/dossiers/" + d.code(), Map.class);
    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat(own.getBody().get("statusName")).isEqualTo("Mới tiếp nhận");
    assertThat((List<?>) own.getBody().get("controlLog")).hasSize(1);
    assertThat(rest.withBasicAuth("cv.huong", "demo").getForEntity("/api/dossiers/" + d.code(), Map.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("gs.ha", "demo").getForEntity("/api/dossiers/" + d.code(), Map.class)
        .getStatusCode().value()).isEqualTo(200);
    assertThat(rest.withBasicAuth("mc.hung", "demo").getForEntity("/api/dossiers/000.01.30.H60-260302-9999", Map.class)
        .getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void a_reception_officer_of_a_province_department_cannot_register_a_commune_procedure() {
    ResponseEntity<Map> response = rest.withBasicAuth("mc.lan", "demo").postForEntity("/api/dossiers",
        new HttpEntity<>(registration("001203004567", "0912345678"), json()), Map.class);
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().get("fields").toString()).contains("receivingUnit");
  }

  @Test
  void a_specialist_cannot_register_a_dossier() {
    ResponseEntity<Map> response = rest.withBasicAuth("cv.minh", "demo").postForEntity("/api/dossiers",
        new HttpEntity<>(registration("001203004567", "0912345678"), json()), Map.class);
    assertThat(response.getStatusCode().value()).isEqualTo(403);
  }
}
