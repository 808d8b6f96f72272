package vn.motcua.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.dossier.DossierVariables;

/** The dossier shown inside every task form: deadlines, documents, the control log so far, print links. */
@MotCuaSpringTest
class TaskDossierViewTest extends DossierTestSupport {

  @Test
  void the_specialist_sees_the_dossier_its_deadlines_documents_control_log_and_slips_in_the_task_form() {
    clockAt("2026-03-09T09:00");
    Dossier d = register();
    Task check = openTask(d);
    String atReception = (String) taskService.getVariableLocal(check.getId(), TaskDossierView.VARIABLE);
    assertThat(atReception).contains("Kiểm tra hồ sơ", "**bước hiện tại**", "Giấy đề nghị đăng ký hộ kinh doanh",
        "09:00 ngày 09/03/2026", "05.pdf").doesNotContain("01.pdf");

    clockAt("2026-03-09T09:10");
    completeOk("mc.hung", check, var(DossierVariables.RECEPTION_DECISION, DossierVariables.COMPLETE));
    payFeeAtCounter(d);
    Task appraise = openTask(d);
    String view = (String) taskService.getVariableLocal(appraise.getId(), TaskDossierView.VARIABLE);
    assertThat(view).contains("Đang giải quyết", "hẹn trả kết quả 09:10 ngày 12/03/2026",
        "Kiểm tra hồ sơ", "xong 09:10 ngày 09/03/2026 bởi Trần Văn Hùng", "Thẩm định hồ sơ", "**bước hiện tại**",
        "Bản sao căn cước của chủ hộ — 1 bản",
        "(/api/dossiers/" + d.code() + "/forms/01.pdf)", "(/api/dossiers/" + d.code() + "/forms/05.pdf)");

    taskService.claim(appraise.getId(), "cv.minh");
    String claimed = (String) taskService.getVariableLocal(appraise.getId(), TaskDossierView.VARIABLE);
    assertThat(claimed).contains("Lê Quang Minh");
  }

  @Test
  void a_task_gets_the_display_variables_its_form_and_the_tasklist_list_show_and_no_others() {
    clockAt("2026-03-09T09:00");
    Dossier d = register();
    Task check = openTask(d);
    // the reception form shows both units by name and the dossier view; no form shows the reception time as text
    java.util.List<String> summary = java.util.List.of(DossierVariables.DOSSIER_CODE, DossierVariables.APPLICANT_NAME,
        DossierVariables.PROCEDURE_NAME, TaskDossierView.APPOINTMENT_TEXT, TaskDossierView.RECEIVING_UNIT_NAME,
        TaskDossierView.COMPETENT_UNIT_NAME, TaskDossierView.RECEIVED_AT_TEXT, TaskDossierView.VARIABLE);
    assertThat(taskService.getVariablesLocal(check.getId()).keySet()).filteredOn(summary::contains).containsExactlyInAnyOrder(
        DossierVariables.DOSSIER_CODE, DossierVariables.APPLICANT_NAME, DossierVariables.PROCEDURE_NAME,
        TaskDossierView.APPOINTMENT_TEXT, TaskDossierView.RECEIVING_UNIT_NAME, TaskDossierView.COMPETENT_UNIT_NAME,
        TaskDossierView.VARIABLE);
    assertThat(TaskDossierView.LIST_NAMES).containsExactlyInAnyOrder(DossierVariables.DOSSIER_CODE,
        DossierVariables.APPLICANT_NAME, DossierVariables.PROCEDURE_NAME, TaskDossierView.APPOINTMENT_TEXT);
  }

  @Test
  void a_task_whose_form_is_not_known_gets_every_display_variable() {
    clockAt("2026-03-09T09:00");
    Dossier d = register();
    // a form by "latest" binding may change after the task is created, a task without a Camunda form may show
    // anything: both get the whole summary
    BpmnModelInstance model = Bpmn.createExecutableProcess("Test_SummaryUnknownForm").camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_Latest").camundaCandidateGroups("tq-minhxuan.specialist").camundaFormRef("form-stage-alert")
            .camundaFormRefBinding("latest")
        .userTask("Task_NoForm").camundaCandidateGroups("tq-minhxuan.specialist")
        .endEvent().done();
    String deployment = engine.getRepositoryService().createDeployment().addModelInstance("summary-unknown.bpmn", model)
        .deploy().getId();
    try {
      String pi = runtimeService.startProcessInstanceByKey("Test_SummaryUnknownForm",
          java.util.Map.of(DossierVariables.DOSSIER_ID, d.id())).getId();
      for (String key : java.util.List.of("Task_Latest", "Task_NoForm")) {
        Task task = taskService.createTaskQuery().processInstanceId(pi).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(key);
        assertThat(taskService.getVariablesLocal(task.getId()).keySet()).as(key).contains(
            TaskDossierView.RECEIVED_AT_TEXT, TaskDossierView.RECEIVING_UNIT_NAME, TaskDossierView.COMPETENT_UNIT_NAME,
            TaskDossierView.APPOINTMENT_TEXT, TaskDossierView.VARIABLE, DossierVariables.DOSSIER_CODE);
        taskService.complete(task.getId());
      }
    } finally {
      engine.getRepositoryService().deleteDeployment(deployment, true);
    }
  }

  @Test
  void the_names_a_form_mentions_are_its_keys_templates_and_conditions() {
    assertThat(vn.motcua.engine.TaskFormReads.names("{\"key\": \"overdueInstruction\", \"text\": \"{{ alertMessage }} · {{dossierView}}\","
        + " \"conditional\": {\"hide\": \"=not(receivingUnitName)\"}}"))
        .contains("overdueInstruction", "alertMessage", "dossierView", "receivingUnitName")
        .doesNotContain("competentUnitName", "appointmentText");
    // a JSON escape does not glue itself to the next word
    assertThat(vn.motcua.engine.TaskFormReads.names("{\"text\": \"=\\nreceivingUnitName\"}")).contains("receivingUnitName");
  }

  @Test
  void text_written_by_people_is_escaped_for_markdown() {
    assertThat(TaskDossierView.escape("Tạp hóa *Bình An* [số 1]")).isEqualTo("Tạp hóa \\*Bình An\\* \\[số 1\\]");
  }
}
