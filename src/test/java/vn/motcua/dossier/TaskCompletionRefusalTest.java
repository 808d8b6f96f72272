package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.*;

import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;

/**
 * Every user task of a dossier's path, completed through {@code /engine-rest} as Tasklist does it, with no
 * variables and with wrong ones: always HTTP 400 with a Vietnamese reason, never 500, and the task stays
 * open. Then the right variables complete it and the next task is tried the same way.
 */
@MotCuaSpringTest
class TaskCompletionRefusalTest extends DossierTestSupport {

  /** Wrong values and types a client may send for a decision or a text field. */
  private static List<String> wrongValues(String name) {
    return List.of(
        "",
        var(name, "MAYBE"),
        var(name, 42),
        var(name, true),
        var(name, ""),
        "\"" + name + "\": {\"value\": null}",
        "\"" + name + "\": {\"value\": 3.5, \"type\": \"Double\"}",
        // values the REST API cannot convert to the declared type
        "\"" + name + "\": {\"value\": \"abc\", \"type\": \"Integer\"}",
        "\"" + name + "\": {\"value\": \"hôm qua\", \"type\": \"Date\"}",
        "\"" + name + "\": {\"value\": \"x\", \"type\": \"NoSuchType\"}");
  }

  private void refusedEveryWay(String user, Task task, String... decisionNames) {
    for (String name : decisionNames) {
      for (String wrong : wrongValues(name)) {
        refused(user, task, wrong);
      }
    }
  }

  private void refused(String user, Task task, String variablesJson) {
    ResponseEntity<String> response = complete(user, task, variablesJson);
    assertThat(response.getStatusCode().value()).as(variablesJson + " → " + response.getBody()).isEqualTo(400);
    assertThat(response.getBody()).as(variablesJson).contains("\"message\"").containsPattern("\"message\":\"[^\"]*(Cần|phải)");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task stays open").isEqualTo(1);
  }

  @Test
  void every_task_of_the_main_path_refuses_missing_and_wrong_variables_with_400_in_vietnamese() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();

    Task check = openTask(d);
    assertThat(check.getName()).isEqualTo("Kiểm tra hồ sơ");
    refusedEveryWay("mc.hung", check, RECEPTION_DECISION);
    refused("mc.hung", check, var(RECEPTION_DECISION, INCOMPLETE));
    refused("mc.hung", check, vars(var(RECEPTION_DECISION, INCOMPLETE), var(MISSING_ITEMS, 7)));
    refused("mc.hung", check, var(RECEPTION_DECISION, REFUSE));
    refused("mc.hung", check, vars(var(RECEPTION_DECISION, REFUSE), var(REFUSAL_REASON, false)));
    completeOk("mc.hung", check, var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);

    Task appraise = openTask(d);
    assertThat(appraise.getName()).isEqualTo("Thẩm định hồ sơ");
    refusedEveryWay("cv.minh", appraise, APPRAISAL_CONCLUSION);
    refused("cv.minh", appraise, vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL), var(APPRAISAL_OPINION, 1234567890)));
    refused("cv.minh", appraise, vars(var(APPRAISAL_CONCLUSION, SUPPLEMENT),
        var(APPRAISAL_OPINION, "Cần bổ sung giấy tờ chứng minh chỗ ở."), var(SUPPLEMENT_ITEMS, true)));
    completeOk("cv.minh", appraise, vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL),
        var(APPRAISAL_OPINION, "Hồ sơ đủ điều kiện đăng ký hộ kinh doanh."),
        var(RESULT_TEXT, "Giấy chứng nhận đăng ký hộ kinh doanh số 10A8001234")));

    Task approve = openTask(d);
    assertThat(approve.getName()).isEqualTo("Phê duyệt kết quả");
    refusedEveryWay("ld.thao", approve, APPROVAL_DECISION);
    refused("ld.thao", approve, var(APPROVAL_DECISION, SEND_BACK));
    completeOk("ld.thao", approve, var(APPROVAL_DECISION, APPROVE));

    Task ret = openTask(d);
    assertThat(ret.getName()).isEqualTo("Trả kết quả cho người nộp");
    refusedEveryWay("mc.hung", ret, DELIVERY_METHOD);
    refused("mc.hung", ret, var(DELIVERY_METHOD, "COUNTER"));
    refused("mc.hung", ret, vars(var(DELIVERY_METHOD, "COUNTER"), var(RECEIVER_NAME, 5)));
    refused("mc.hung", ret, vars(var(DELIVERY_METHOD, "EMAIL"), var(RECEIVER_NAME, "Nguyễn Văn An")));
    refused("mc.hung", ret, vars(var(DELIVERY_METHOD, "COUNTER"), var(RECEIVER_NAME, "Nguyễn Văn An"),
        var(RATING, "7")));
    refused("mc.hung", ret, vars(var(DELIVERY_METHOD, "COUNTER"), var(RECEIVER_NAME, "Nguyễn Văn An"),
        var(RATING, 3.5)));
    completeOk("mc.hung", ret, vars(var(DELIVERY_METHOD, "COUNTER"), var(RECEIVER_NAME, "Nguyễn Văn An"),
        var(RATING, "3")));
    assertThat(reload(d).status()).isEqualTo(DossierStatus.RETURNED);
  }

  @Test
  void the_supplement_request_task_refuses_a_missing_or_wrong_confirmation() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    completeOk("mc.hung", openTask(d), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
    completeOk("cv.minh", openTask(d), vars(var(APPRAISAL_CONCLUSION, SUPPLEMENT),
        var(APPRAISAL_OPINION, "Cần bổ sung giấy tờ chứng minh chỗ ở."),
        var(SUPPLEMENT_ITEMS, "Giấy tờ chứng minh quyền sử dụng địa điểm kinh doanh.")));
    Task send = openTask(d);
    assertThat(send.getName()).isEqualTo("Gửi phiếu yêu cầu bổ sung cho người nộp");
    for (String wrong : wrongValues("supplementSent")) {
      if (!wrong.equals(var("supplementSent", true))) {
        refused("mc.hung", send, wrong);
      }
    }
    refused("mc.hung", send, var("supplementSent", false));
    refused("mc.hung", send, var("supplementSent", "true"));
    completeOk("mc.hung", send, var("supplementSent", true));
  }
}
