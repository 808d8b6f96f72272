package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static vn.motcua.dossier.DossierVariables.*;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;

/** Every path of the reception, resolution (with send-back), return and stop blocks. */
@MotCuaSpringTest
class DossierPathsTest extends DossierTestSupport {

  private ResponseEntity<Map> post(String user, String path, String body) {
    return rest.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, json()), Map.class);
  }

  /** The reception check finds the dossier complete and the fee is paid at the counter at once. */
  private void accept(Dossier d) {
    completeOk("mc.hung", openTask(d), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
  }

  // ---------- reception block ----------

  @Test
  void reception_incomplete_dossier_gets_one_supplement_request_then_is_accepted_when_complete() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    completeOk("mc.hung", openTask(d), vars(var(RECEPTION_DECISION, INCOMPLETE),
        var(MISSING_ITEMS, "Thiếu bản sao biên bản họp thành viên hộ gia đình")));
    d = reload(d);
    assertThat(d.status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
    assertThat(d.supplementCount()).isEqualTo(1);
    assertThat(d.appointmentAt()).isNull();
    ProcessInstance reception = calledProcessInstance("Block_Reception", instance(d));
    assertThat(reception).isWaitingAt("Event_SupplementReceived");

    clockAt("2026-03-04T14:00");
    ResponseEntity<Map> supplied = post("mc.hung", "/api/dossiers/" + d.code() + "/supplement",
        "{\"note\": \"Đã nộp biên bản họp\"}");
    assertThat(supplied.getStatusCode().value()).isEqualTo(200);

    Task recheck = openTask(d);
    assertThat(recheck.getTaskDefinitionKey()).isEqualTo("Task_CheckDossier");
    // the law allows the supplement request once only
    ResponseEntity<String> second = complete("mc.hung", recheck, vars(var(RECEPTION_DECISION, INCOMPLETE),
        var(MISSING_ITEMS, "Thiếu thêm giấy tờ khác của hộ gia đình")));
    assertThat(second.getStatusCode().value()).isEqualTo(400);
    assertThat(second.getBody()).contains("chỉ được đưa ra một lần");
    assertThat(reload(d).supplementCount()).isEqualTo(1);

    completeOk("mc.hung", recheck, var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
    d = reload(d);
    assertThat(d.status()).isEqualTo(DossierStatus.IN_PROGRESS);
    assertThat(d.countingFrom()).isEqualTo(at("2026-03-04T14:00")); // counted from the complete dossier
    assertThat(d.appointmentAt()).isEqualTo(at("2026-03-09T14:00"));
    assertThat(dossiers.events(d.id())).extracting(DossierEvent::type)
        .contains("SUPPLEMENT_REQUESTED", "SUPPLEMENT_RECEIVED", "RECEIPT_ISSUED");
  }

  @Test
  void reception_refusal_is_written_with_its_reason_and_ends_the_dossier() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    ResponseEntity<String> noReason = complete("mc.hung", openTask(d), var(RECEPTION_DECISION, REFUSE));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    completeOk("mc.hung", openTask(d), vars(var(RECEPTION_DECISION, REFUSE),
        var(REFUSAL_REASON, "Ngành nghề kinh doanh thuộc danh mục cấm kinh doanh")));
    d = reload(d);
    assertThat(instance(d)).isNull();
    assertThat(d.status()).isEqualTo(DossierStatus.NOT_ACCEPTED);
    assertThat(dossiers.events(d.id())).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo("RECEPTION_REFUSED");
      assertThat(e.reason()).contains("danh mục cấm");
    });
  }

  @Test
  void supplement_cannot_be_recorded_for_a_dossier_that_is_not_waiting_for_one() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    ResponseEntity<Map> response = post("mc.hung", "/api/dossiers/" + d.code() + "/supplement", "{}");
    assertThat(response.getStatusCode().value()).isEqualTo(409);
    assertThat((String) response.getBody().get("message")).contains("không ở trạng thái chờ bổ sung");
  }

  // ---------- resolution block ----------

  @Test
  void leader_sends_back_to_the_specialist_with_a_reason_then_approves() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    accept(d);
    completeOk("cv.minh", openTask(d), vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL),
        var(APPRAISAL_OPINION, "Đủ điều kiện cấp giấy chứng nhận."), var(RESULT_TEXT, "GCN số 01")));
    Task approve = openTask(d);
    assertThat(complete("ld.thao", approve, var(APPROVAL_DECISION, SEND_BACK)).getStatusCode().value()).isEqualTo(400);
    completeOk("ld.thao", approve, vars(var(APPROVAL_DECISION, SEND_BACK),
        var(SEND_BACK_REASON, "Cần kiểm tra lại địa điểm kinh doanh")));
    Task again = openTask(d);
    assertThat(again.getTaskDefinitionKey()).isEqualTo("Task_Appraise");
    completeOk("cv.minh", again, vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL),
        var(APPRAISAL_OPINION, "Đã kiểm tra lại địa điểm, đủ điều kiện."), var(RESULT_TEXT, "GCN số 01")));
    completeOk("ld.thao", openTask(d), var(APPROVAL_DECISION, APPROVE));
    d = reload(d);
    assertThat(d.status()).isEqualTo(DossierStatus.RESOLVED);
    assertThat(dossiers.controlLog(d.id())).extracting(ControlLogEntry::stepKey)
        .containsExactly("Task_CheckDossier", "Task_CollectFee", "Transfer", "Task_Appraise", "Task_Approve",
            "Task_Appraise", "Task_Approve", "Task_ReturnResult");
    assertThat(dossiers.controlLog(d.id()).get(4).outcome()).isEqualTo(SEND_BACK);
  }

  @Test
  void refusal_after_appraisal_is_approved_in_writing_and_returned() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    accept(d);
    completeOk("cv.minh", openTask(d), vars(var(APPRAISAL_CONCLUSION, PROPOSE_REFUSAL),
        var(APPRAISAL_OPINION, "Địa điểm kinh doanh nằm trong hành lang an toàn giao thông.")));
    completeOk("ld.thao", openTask(d), var(APPROVAL_DECISION, APPROVE));
    d = reload(d);
    assertThat(d.decision()).isEqualTo(REFUSED);
    assertThat(d.result()).contains("hành lang an toàn");
    clockAt("2026-03-06T10:00"); // after the appointment of Thursday 09:00
    completeOk("mc.hung", openTask(d), vars(var(DELIVERY_METHOD, "POST"), var(RECEIVER_NAME, "Nguyễn Văn An")));
    d = reload(d);
    assertThat(d.status()).isEqualTo(DossierStatus.RETURNED);
    // resolved on 2 March, days before the appointment, but handed over after it: a late hand-over is late,
    // never EARLY (issue 18, finding 8); the decision itself stays early in the reports
    assertThat(d.outcome()).isEqualTo(OutcomeClass.LATE);
    assertThat(d.responsibleUnit()).isEqualTo(d.receivingUnit());
    assertThat(d.rating()).isNull();
  }

  @Test
  void appraisal_supplement_goes_through_the_one_stop_division_and_restarts_the_count_from_zero() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    accept(d);
    clockAt("2026-03-03T09:00");
    completeOk("cv.minh", openTask(d), vars(var(APPRAISAL_CONCLUSION, SUPPLEMENT),
        var(APPRAISAL_OPINION, "Giấy đề nghị chưa ghi ngành nghề."),
        var(SUPPLEMENT_ITEMS, "Bổ sung ngành nghề kinh doanh vào giấy đề nghị")));
    Task send = openTask(d);
    assertThat(send.getTaskDefinitionKey()).isEqualTo("Task_SendSupplementRequest");
    assertThat(complete("mc.hung", send, var("supplementSent", false)).getStatusCode().value()).isEqualTo(400);
    completeOk("mc.hung", send, var("supplementSent", true));
    assertThat(reload(d).status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);

    clockAt("2026-03-10T10:00"); // Tuesday of the next week
    assertThat(post("mc.hung", "/api/dossiers/" + d.code() + "/supplement", "{}").getStatusCode().value())
        .isEqualTo(200);
    d = reload(d);
    assertThat(d.countingFrom()).isEqualTo(at("2026-03-10T10:00"));
    assertThat(d.appointmentAt()).isEqualTo(at("2026-03-13T10:00")); // the full 3 working days again
    Task reappraise = openTask(d);
    assertThat(reappraise.getTaskDefinitionKey()).isEqualTo("Task_Appraise");
    assertThat(reappraise.getDueDate().toInstant()).isEqualTo(at("2026-03-12T08:00")); // 14 working hours
    assertThat(runtimeService.getVariable(d.processInstanceId(), APPOINTMENT_AT))
        .isEqualTo(java.util.Date.from(at("2026-03-13T10:00")));
    assertThat(dossiers.events(d.id())).extracting(DossierEvent::type).contains("CLOCK_RESTARTED");
    // and no second supplement
    ResponseEntity<String> again = complete("cv.minh", reappraise, vars(var(APPRAISAL_CONCLUSION, SUPPLEMENT),
        var(APPRAISAL_OPINION, "Vẫn còn thiếu nội dung."), var(SUPPLEMENT_ITEMS, "Bổ sung thêm giấy tờ khác")));
    assertThat(again.getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void a_specialist_may_not_ask_for_a_supplement_after_three_working_days() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    accept(d);
    clockAt("2026-03-05T15:00"); // Thursday: more than 24 working hours after Monday 09:00
    ResponseEntity<String> late = complete("cv.minh", openTask(d), vars(var(APPRAISAL_CONCLUSION, SUPPLEMENT),
        var(APPRAISAL_OPINION, "Giấy đề nghị chưa ghi ngành nghề."),
        var(SUPPLEMENT_ITEMS, "Bổ sung ngành nghề kinh doanh")));
    assertThat(late.getStatusCode().value()).isEqualTo(400);
    assertThat(late.getBody()).contains("3 ngày làm việc");
  }

  // ---------- stop block ----------

  @Test
  void the_applicant_withdraws_before_a_decision_and_the_notice_is_recorded() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    accept(d);
    assertThat(post("mc.hung", "/api/dossiers/" + d.code() + "/stop", "{\"kind\": \"WITHDRAWN\"}")
        .getStatusCode().value()).isEqualTo(400);
    ResponseEntity<Map> stopped = post("mc.hung", "/api/dossiers/" + d.code() + "/stop",
        "{\"kind\": \"WITHDRAWN\", \"reason\": \"Gia đình không kinh doanh nữa\"}");
    assertThat(stopped.getStatusCode().value()).isEqualTo(200);
    d = reload(d);
    assertThat(d.status()).isEqualTo(DossierStatus.WITHDRAWN);
    assertThat(instance(d)).isNull();
    assertThat(taskService.createTaskQuery().processVariableValueEquals(DOSSIER_ID, d.id()).count()).isZero();
    assertThat(dossiers.controlLog(d.id())).filteredOn(e -> "Task_Appraise".equals(e.stepKey()))
        .singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo("CANCELLED"));
  }

  @Test
  void a_dossier_with_a_decision_cannot_be_withdrawn() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    accept(d);
    completeOk("cv.minh", openTask(d), vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL),
        var(APPRAISAL_OPINION, "Đủ điều kiện cấp giấy chứng nhận."), var(RESULT_TEXT, "GCN số 02")));
    completeOk("ld.thao", openTask(d), var(APPROVAL_DECISION, APPROVE));
    ResponseEntity<Map> response = post("mc.hung", "/api/dossiers/" + d.code() + "/stop",
        "{\"kind\": \"WITHDRAWN\", \"reason\": \"Đổi ý\"}");
    assertThat(response.getStatusCode().value()).isEqualTo(409);
    assertThat(reload(d).status()).isEqualTo(DossierStatus.RESOLVED);
  }
}
