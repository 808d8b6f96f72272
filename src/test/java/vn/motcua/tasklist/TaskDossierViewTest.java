package vn.motcua.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.task.Task;
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
  void text_written_by_people_is_escaped_for_markdown() {
    assertThat(TaskDossierView.escape("Tạp hóa *Bình An* [số 1]")).isEqualTo("Tạp hóa \\*Bình An\\* \\[số 1\\]");
  }
}
