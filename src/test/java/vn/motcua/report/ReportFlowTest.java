package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.*;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.dossier.OutcomeClass;

/**
 * Real dossiers run through the engine (October 2025, Minh Xuân ward) reach the supervisor's report:
 * one resolved early, one withdrawn. Counted as differences, since other tests share the database.
 */
@MotCuaSpringTest
class ReportFlowTest extends DossierTestSupport {
  static final String REPORT = "/api/reports/resolution?month=2025-10&unit=tq-minhxuan";

  private Map<String, Number> counts() {
    ResponseEntity<Map> response = rest.withBasicAuth("gs.nam", "demo").getForEntity(REPORT, Map.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return ReportColumnsTest.counts((Map<String, Object>) response.getBody().get("total"));
  }

  @Test
  void a_dossier_resolved_early_and_a_withdrawn_one_reach_the_report_of_their_unit() {
    Map<String, Number> before = counts();

    clockAt("2025-10-06T09:00"); // Monday
    Dossier resolved = register();
    completeOk("mc.hung", openTask(resolved), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(resolved);
    clockAt("2025-10-07T10:00");
    completeOk("cv.minh", openTask(resolved), vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL),
        var(APPRAISAL_OPINION, "Hồ sơ đủ điều kiện đăng ký hộ kinh doanh."),
        var(RESULT_TEXT, "Giấy chứng nhận đăng ký hộ kinh doanh số 10A8009999")));
    clockAt("2025-10-07T15:00");
    completeOk("ld.thao", openTask(resolved), var(APPROVAL_DECISION, APPROVE));
    Map<String, Object> row = jdbc.queryForMap("SELECT closed_at, resolution_class FROM dossier WHERE id = ?",
        resolved.id());
    assertThat(row.get("resolution_class")).isEqualTo(OutcomeClass.EARLY.name());
    assertThat(row.get("closed_at")).isNotNull();

    clockAt("2025-10-08T09:00");
    Dossier withdrawn = register();
    ResponseEntity<Map> stop = rest.withBasicAuth("mc.hung", "demo").postForEntity(
        "/api/dossiers/" + withdrawn.code() + "/stop",
        new HttpEntity<>("{\"kind\": \"WITHDRAWN\", \"reason\": \"Công dân xin rút hồ sơ để bổ sung giấy tờ\"}", json()),
        Map.class);
    assertThat(stop.getStatusCode().value()).as(String.valueOf(stop.getBody())).isEqualTo(200);

    clockAt("2025-10-20T09:00");
    Map<String, Number> after = counts();
    assertThat(delta(before, after, "received")).isEqualTo(2);
    assertThat(delta(before, after, "receivedDirect")).isEqualTo(2);
    assertThat(delta(before, after, "resolved")).isEqualTo(1);
    assertThat(delta(before, after, "resolvedEarly")).isEqualTo(1);
    assertThat(delta(before, after, "withdrawn")).isEqualTo(1);
    assertThat(delta(before, after, "inProgress")).isEqualTo(0);

    ResponseEntity<Map> page = rest.withBasicAuth("gs.nam", "demo").getForEntity(
        "/api/reports/resolution/dossiers?month=2025-10&unit=tq-minhxuan&column=resolvedEarly", Map.class);
    assertThat(ReportColumnsTest.codes(page.getBody())).contains(resolved.code());
  }

  private static long delta(Map<String, Number> before, Map<String, Number> after, String column) {
    return after.get(column).longValue() - before.get(column).longValue();
  }
}
