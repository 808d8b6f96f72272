package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.calendar.WorkingCalendar;

/**
 * The citizen's time is the citizen's (domain.md, "Who is charged"; issue 18, finding 4): while a
 * supplement is awaited the dossier is neither overdue nor "in progress, overdue" in the reports, and after
 * the supplement every stage — the reception re-check, the transfer, the appraisal and what follows —
 * counts again from the new receipt, so no unit is charged with the applicant's time.
 */
@MotCuaSpringTest
class CitizensTimeTest extends DossierTestSupport {
  @Autowired WorkingCalendar calendar;

  private ResponseEntity<Map> supplement(Dossier d) {
    return rest.withBasicAuth("mc.hung", "demo").postForEntity("/api/dossiers/" + d.code() + "/supplement",
        new HttpEntity<>("{\"note\": \"Đã nộp bổ sung\"}", json()), Map.class);
  }

  private void workToTheEnd(Dossier d) {
    completeOk("cv.minh", openTask(d), vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL),
        var(APPRAISAL_OPINION, "Hồ sơ đủ điều kiện đăng ký hộ kinh doanh."), var(RESULT_TEXT, "GCN số 01")));
    completeOk("ld.thao", openTask(d), var(APPROVAL_DECISION, APPROVE));
    completeOk("mc.hung", openTask(d), vars(var(DELIVERY_METHOD, "COUNTER"), var(RECEIVER_NAME, "Nguyễn Văn An")));
  }

  private void assertNobodyCharged(Dossier d) {
    List<ControlLogEntry> log = dossiers.controlLog(d.id());
    assertThat(log).as(log.toString()).noneMatch(e -> e.resultClass() == OutcomeClass.LATE);
    assertThat(dossiers.responsibleUnits(d.id())).isEmpty();
    assertThat(reload(d).outcome()).isNotEqualTo(OutcomeClass.LATE);
  }

  @Test
  void after_a_supplement_at_reception_the_recheck_and_the_transfer_count_from_the_supplement() {
    clockAt("2026-03-02T09:00"); // Monday
    Dossier d = register();
    completeOk("mc.hung", openTask(d), vars(var(RECEPTION_DECISION, INCOMPLETE),
        var(MISSING_ITEMS, "Thiếu bản sao căn cước của chủ hộ")));
    clockAt("2026-03-05T10:00"); // Thursday: the applicant brings the missing paper
    assertThat(supplement(d).getStatusCode().value()).isEqualTo(200);
    Task recheck = openTask(d);
    assertThat(recheck.getTaskDefinitionKey()).isEqualTo("Task_CheckDossier");
    assertThat(recheck.getDueDate().toInstant()).isEqualTo(calendar.transferDeadline(at("2026-03-05T10:00")));
    clockAt("2026-03-05T10:30");
    completeOk("mc.hung", recheck, var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);

    ControlLogEntry transfer = dossiers.controlLog(d.id()).stream().filter(e -> e.stepKey().equals("Transfer"))
        .findFirst().orElseThrow();
    assertThat(transfer.handedAt()).isEqualTo(at("2026-03-05T10:00"));
    assertThat(transfer.resultClass()).isNotEqualTo(OutcomeClass.LATE);
    workToTheEnd(d);
    assertNobodyCharged(d);
  }

  @Test
  void a_dossier_awaiting_the_appraisal_supplement_is_not_overdue_then_every_stage_counts_from_the_new_receipt() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    completeOk("mc.hung", openTask(d), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
    clockAt("2026-03-02T10:00");
    completeOk("cv.minh", openTask(d), vars(var(APPRAISAL_CONCLUSION, SUPPLEMENT),
        var(APPRAISAL_OPINION, "Giấy đề nghị chưa ghi ngành nghề."),
        var(SUPPLEMENT_ITEMS, "Bổ sung ngành nghề kinh doanh vào giấy đề nghị")));
    completeOk("mc.hung", openTask(d), var("supplementSent", true));

    // the next Monday, past the first appointment (Thursday 5 March, 09:00): the citizen's time
    clockAt("2026-03-09T10:00");
    d = reload(d);
    assertThat(d.status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
    assertThat(d.appointmentAt()).isBefore(at("2026-03-09T10:00"));
    assertThat(d.pausedAt()).as("waiting for the citizen").isNotNull();
    assertThat(column(d, "inProgressOverdue")).doesNotContain(d.code());
    assertThat(column(d, "inProgressWithinDeadline")).contains(d.code());
    assertThat(overdueList()).doesNotContain(d.code());

    assertThat(supplement(d).getStatusCode().value()).isEqualTo(200);
    d = reload(d);
    assertThat(d.pausedAt()).isNull();
    assertThat(d.countingFrom()).isEqualTo(at("2026-03-09T10:00"));
    Task reappraise = openTask(d);
    assertThat(reappraise.getDueDate().toInstant())
        .isEqualTo(calendar.addWorkingTime(at("2026-03-09T10:00"), Duration.ofHours(14)));
    clockAt("2026-03-09T14:00");
    workToTheEnd(d);
    assertNobodyCharged(d);
  }

  @SuppressWarnings("unchecked")
  private List<String> column(Dossier d, String column) {
    ResponseEntity<Map> page = rest.withBasicAuth("gs.nam", "demo").getForEntity(
        "/api/reports/resolution/dossiers?month=2026-03&unit=tq-minhxuan&limit=1000&column=" + column, Map.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    return ((List<Map<String, Object>>) page.getBody().get("dossiers")).stream().map(r -> (String) r.get("code")).toList();
  }

  @SuppressWarnings("unchecked")
  private List<String> overdueList() {
    ResponseEntity<Map> page = rest.withBasicAuth("gs.nam", "demo").getForEntity("/api/reports/deadlines?unit=tq-minhxuan",
        Map.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    return ((List<Map<String, Object>>) page.getBody().get("overdue")).stream().map(r -> (String) r.get("code")).toList();
  }
}
