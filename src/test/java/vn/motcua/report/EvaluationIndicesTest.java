package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.report.EvaluationFixture.UNIT;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.procedure.ProcedureCatalogue;

/**
 * Circular 01/2018's nine indices and Decision 766's components on the hand-made dossiers of
 * {@link EvaluationFixture}, through the HTTP API as a supervisor sees them: every expected score is worked out
 * here by hand; the drill-down of every score lists exactly the dossiers behind it; a quarter and the year differ
 * as they should; the petitions index is scored from the petitions feature (not scored when the unit answered none);
 * the XLSX export holds the sheets; access as every report. Runs on H2 and, with -Ppostgres, on PostgreSQL.
 */
@MotCuaSpringTest
class EvaluationIndicesTest {
  static final String Q2 = "/api/reports/evaluation?quarter=2021-Q2&unit=" + UNIT;

  /**
   * Per-dossier score of each index for the dossiers resolved in the second quarter of 2021 (E1–E4; E5 is withdrawn,
   * E6 resolved in February, E7 refused). A missing entry: not scored.
   */
  static final Map<String, Map<String, Integer>> Q2_SCORES = Map.of(
      // class: E1 EARLY 2, E2 ON_TIME 1, E3 LATE 0, E4 LATE 0
      "totalTime", Map.of("EVL-E1", 2, "EVL-E2", 1, "EVL-E3", 0, "EVL-E4", 0),
      // form 05: E1 all rows early 2; E2 a row on time 1; E3 charged to the ward 0; E4 no judged row → its class 0
      "agencyTime", Map.of("EVL-E1", 2, "EVL-E2", 1, "EVL-E3", 0, "EVL-E4", 0),
      // supplements asked: E1 0 → 2, E2 1 → 1, E3 2 → 0, E4 0 → 2
      "contacts", Map.of("EVL-E1", 2, "EVL-E2", 1, "EVL-E3", 0, "EVL-E4", 2),
      // agencies dealt with: E1 the ward (return there) 1 → 2; E2 the ward + Nông Tiến (return there) 2 → 1;
      // E3 and E4 only the receiving unit 1 → 2
      "agencies", Map.of("EVL-E1", 2, "EVL-E2", 1, "EVL-E3", 2, "EVL-E4", 2),
      // E1, E2 received at the ward's One-Stop and returned (status 10) 2; E3 not yet returned (status 9) 1;
      // E4 received by a department without a One-Stop Division 0
      "oneStop", Map.of("EVL-E1", 2, "EVL-E2", 2, "EVL-E3", 1, "EVL-E4", 0),
      // the birth registration is in the public catalogue with code, documents and time 2; E3's procedure is not 0
      "publication", Map.of("EVL-E1", 2, "EVL-E2", 2, "EVL-E3", 0, "EVL-E4", 2),
      // ratings: E1 3 → 2, E2 2 → 1, E4 1 → 0; E3 not rated: not scored
      "attitude", Map.of("EVL-E1", 2, "EVL-E2", 1, "EVL-E4", 0));

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired EvaluationRepository repository;
  @Autowired ReportService reports;
  @Autowired OrganisationDirectory directory;
  @Autowired ProcedureCatalogue catalogue;

  @BeforeEach
  void fixture() {
    EvaluationFixture.load(jdbc);
  }

  private Map<String, Object> get(String user, String url) {
    ResponseEntity<Map> response = rest.withBasicAuth(user, "demo").getForEntity(url, Map.class);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
    return response.getBody();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> unitLine(Map<String, Object> evaluation, String unit) {
    return ((List<Map<String, Object>>) evaluation.get("units")).stream()
        .filter(u -> unit.equals(u.get("unit"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> index(Map<String, Object> line, String key) {
    return ((List<Map<String, Object>>) line.get("indices")).stream()
        .filter(i -> key.equals(i.get("key"))).findFirst().orElseThrow();
  }

  static Double score(Map<String, Object> line, String key) {
    Object s = index(line, key).get("score");
    return s == null ? null : ((Number) s).doubleValue();
  }

  @Test
  void each_index_of_the_second_quarter_has_the_score_worked_out_by_hand() {
    Map<String, Object> evaluation = get("gs.ha", Q2);
    assertThat(evaluation.get("from")).isEqualTo("2021-04-01");
    assertThat(evaluation.get("to")).isEqualTo("2021-06-30");
    Map<String, Object> ward = unitLine(evaluation, UNIT);
    // the averages: (2 + 1 + 0 + 0) / 4 = 0.75 for both times; contacts (2 + 1 + 0 + 2) / 4 = 1.25;
    // agencies (2 + 1 + 2 + 2) / 4 = 1.75; one-stop (2 + 2 + 1 + 0) / 4 = 1.25; publication (2 + 2 + 0 + 2) / 4
    // = 1.5; attitude (2 + 1 + 0) / 3 rated = 1.0
    assertThat(score(ward, "totalTime")).isEqualTo(0.75);
    assertThat(score(ward, "agencyTime")).isEqualTo(0.75);
    assertThat(score(ward, "contacts")).isEqualTo(1.25);
    assertThat(score(ward, "agencies")).isEqualTo(1.75);
    assertThat(score(ward, "oneStop")).isEqualTo(1.25);
    assertThat(score(ward, "publication")).isEqualTo(1.5);
    assertThat(score(ward, "attitude")).isEqualTo(1.0);
    Q2_SCORES.forEach((key, scores) -> {
      Map<String, Object> i = index(ward, key);
      assertThat(((Number) i.get("scored")).longValue()).as(key).isEqualTo(scores.size());
      assertThat(((Number) i.get("twos")).longValue()).as(key).isEqualTo(count(scores, 2));
      assertThat(((Number) i.get("ones")).longValue()).as(key).isEqualTo(count(scores, 1));
      assertThat(((Number) i.get("zeros")).longValue()).as(key).isEqualTo(count(scores, 0));
    });
    // online: new dossiers E1–E5 (E7 refused) = 5, online E2, E4 = 2 → 40 % ≥ 30 %; procedures of the new
    // dossiers 2 (birth registration, E3's), with an online dossier 1 → 50 % ≥ 20 %; but E4 (online) was late:
    // not 2 → 1
    @SuppressWarnings("unchecked")
    Map<String, Object> online = (Map<String, Object>) index(ward, "online").get("facts");
    assertThat(online).containsEntry("received", 5).containsEntry("online", 2).containsEntry("onlineShare", 40.0)
        .containsEntry("procedures", 2).containsEntry("onlineProcedures", 1).containsEntry("onlineLate", 1);
    assertThat(score(ward, "online")).isEqualTo(1.0);
    // petitions: the petitions feature counts them, and the ward answered none in the period → not scored,
    // said so (a unit is not rewarded or punished for petitions it did not get)
    assertThat(score(ward, "petitions")).isNull();
    assertThat((String) index(ward, "petitions").get("note")).startsWith("Không có phản ánh, kiến nghị được trả lời");
    assertThat(evaluation.get("petitionData")).isEqualTo(true);
    // total of the 8 scored: 0.75 + 0.75 + 1.25 + 1.75 + 1.25 + 1.5 + 1.0 + 1 = 9.25; scaled to nine indices
    // 9.25 × 9 / 8 = 10.40625 → 10.41: 9 ≤ 10.41 < 12, "Khá"
    assertThat(((Number) ward.get("total")).doubleValue()).isEqualTo(9.25);
    assertThat(((Number) ward.get("scoredIndices")).intValue()).isEqualTo(8);
    assertThat(((Number) ward.get("bandTotal")).doubleValue()).isEqualTo(10.41);
    assertThat(ward.get("band")).isEqualTo("FAIR");
    assertThat(ward.get("bandName")).isEqualTo("Khá");
    // one unit in scope: the total line is the same
    @SuppressWarnings("unchecked")
    Map<String, Object> total = (Map<String, Object>) evaluation.get("total");
    assertThat(((Number) total.get("total")).doubleValue()).isEqualTo(9.25);
  }

  private static long count(Map<String, Integer> scores, int score) {
    return scores.values().stream().filter(s -> s == score).count();
  }

  @Test
  @SuppressWarnings("unchecked")
  void decision_766_components_follow_their_formulas() {
    Map<String, Object> ward = unitLine(get("gs.ha", Q2), UNIT);
    Map<String, Map<String, Object>> c = new java.util.HashMap<>();
    ((List<Map<String, Object>>) ward.get("decision766")).forEach(x -> c.put((String) x.get("key"), x));
    // progress: (1 early + 1 on time) / 4 resolved = 50 % of 20 points = 10
    assertThat(c.get("progress")).containsEntry("rate", 50.0).containsEntry("points", 10.0);
    // online services: 2 online / 5 new = 40 % of 22 points = 8.8
    assertThat(c.get("onlineServices")).containsEntry("rate", 40.0).containsEntry("points", 8.8);
    // digitisation: 1 new dossier with a file (E2) / 5 = 20 % of 12 points = 2.4
    assertThat(c.get("digitisation")).containsEntry("rate", 20.0).containsEntry("points", 2.4);
    // satisfaction: 1 satisfied (rating 3) / 3 rated = 33.3 % of 18 points = 6
    assertThat(c.get("satisfaction")).containsEntry("rate", 33.3).containsEntry("points", 6.0);
    // not computable from the records: said so, no points
    assertThat(c.get("transparency").get("points")).isNull();
    assertThat((String) c.get("transparency").get("note")).startsWith("Không tính");
    assertThat(c.get("onlinePayment").get("points")).isNull();
    // 10 + 8.8 + 2.4 + 6 = 27.2 of the 20 + 22 + 12 + 18 = 72 points computed
    assertThat(((Number) ward.get("decision766Points")).doubleValue()).isEqualTo(27.2);
    assertThat(((Number) ward.get("decision766MaxPoints")).doubleValue()).isEqualTo(72.0);
  }

  @Test
  void the_year_and_the_first_quarter_take_their_own_dossiers() {
    // the year adds E6 (resolved in February, early, rating 3): total time (2 + 1 + 0 + 0 + 2) / 5 = 1.0,
    // attitude (2 + 1 + 0 + 2) / 4 = 1.25
    Map<String, Object> year = unitLine(get("gs.ha", "/api/reports/evaluation?year=2021&unit=" + UNIT), UNIT);
    assertThat(score(year, "totalTime")).isEqualTo(1.0);
    assertThat(score(year, "attitude")).isEqualTo(1.25);
    assertThat(((Number) index(year, "totalTime").get("scored")).longValue()).isEqualTo(5);
    // the first quarter: E6 alone, 2 on every per-dossier index; online: 1 new dossier, none online → 0 %, 0 of 1
    // procedure → 0; total 2 × 7 + 0 = 14 over 8 indices, × 9 / 8 = 15.75 → "Xuất sắc"
    Map<String, Object> q1 = unitLine(get("gs.ha", "/api/reports/evaluation?quarter=2021-Q1&unit=" + UNIT), UNIT);
    assertThat(score(q1, "totalTime")).isEqualTo(2.0);
    assertThat(score(q1, "online")).isEqualTo(0.0);
    assertThat(((Number) q1.get("total")).doubleValue()).isEqualTo(14.0);
    assertThat(((Number) q1.get("bandTotal")).doubleValue()).isEqualTo(15.75);
    assertThat(q1.get("bandName")).isEqualTo("Xuất sắc");
    // the fourth quarter has no dossier of the ward: no line
    Map<String, Object> q4 = get("gs.ha", "/api/reports/evaluation?quarter=2021-Q4&unit=" + UNIT);
    assertThat((List<?>) q4.get("units")).isEmpty();
  }

  @Test
  void the_drill_down_of_every_score_lists_exactly_the_dossiers_behind_it() {
    Q2_SCORES.forEach((key, scores) -> {
      for (int s = 0; s <= 2; s++) {
        int score = s;
        List<String> expected = scores.entrySet().stream().filter(e -> e.getValue() == score).map(Map.Entry::getKey)
            .toList();
        Map<String, Object> page = get("gs.ha", "/api/reports/evaluation/dossiers?quarter=2021-Q2&unit=" + UNIT
            + "&index=" + key + "&score=" + s);
        assertThat(((Number) page.get("total")).longValue()).as(key + " " + s).isEqualTo(expected.size());
        assertThat(ReportColumnsTest.codes(page)).as(key + " " + s).containsExactlyInAnyOrderElementsOf(expected);
      }
      Map<String, Object> all = get("gs.ha", "/api/reports/evaluation/dossiers?quarter=2021-Q2&unit=" + UNIT
          + "&index=" + key);
      assertThat(ReportColumnsTest.codes(all)).as(key).containsExactlyInAnyOrderElementsOf(scores.keySet());
    });
    // the online index is the agency's: its dossiers are the new ones of the quarter
    Map<String, Object> online = get("gs.ha", "/api/reports/evaluation/dossiers?quarter=2021-Q2&unit=" + UNIT
        + "&index=online");
    assertThat(ReportColumnsTest.codes(online)).containsExactlyInAnyOrder("EVL-E1", "EVL-E2", "EVL-E3", "EVL-E4",
        "EVL-E5");
  }

  @Test
  void with_the_petitions_feature_the_petitions_index_is_scored_per_agency() {
    Instant start = ReportPeriod.ofQuarter(2021, 2).start();
    Instant end = ReportPeriod.ofQuarter(2021, 2).end();
    // the ward answered 10 petitions, 9 on time: 90 % ≥ 90 % → 1; Nông Tiến 4 of 4 on time → 2
    PetitionCounts counts = (unit, from, to) -> {
      assertThat(from).isEqualTo(start);
      assertThat(to).isEqualTo(end);
      return switch (unit) {
        case UNIT -> new PetitionCounts.Counts(10, 9);
        case EvaluationFixture.OTHER_UNIT -> new PetitionCounts.Counts(4, 4);
        default -> new PetitionCounts.Counts(0, 0);
      };
    };
    Supplier<List<vn.motcua.procedure.Procedure>> procedures = catalogue::list;
    EvaluationService service = new EvaluationService(repository, reports, directory, procedures, () -> counts,
        EvaluationProperties.defaults());
    EvaluationService.Evaluation e = service.evaluate(ReportPeriod.ofQuarter(2021, 2),
        new ReportScope(java.util.Set.of(UNIT, EvaluationFixture.OTHER_UNIT)));
    assertThat(e.petitionData()).isTrue();
    EvaluationService.UnitEvaluation ward = e.units().stream().filter(u -> UNIT.equals(u.unit())).findFirst()
        .orElseThrow();
    EvaluationService.IndexScore petitions = ward.indices().stream().filter(i -> "petitions".equals(i.key()))
        .findFirst().orElseThrow();
    assertThat(petitions.score()).isEqualTo(1.0);
    assertThat(petitions.facts()).containsEntry("onTimeRate", 90.0);
    // all nine scored: 9.25 + 1 = 10.25, no scaling; 9 ≤ 10.25 < 12 → "Khá"
    assertThat(ward.scoredIndices()).isEqualTo(9);
    assertThat(ward.total()).isEqualTo(10.25);
    assertThat(ward.bandTotal()).isEqualTo(10.25);
    assertThat(ward.bandName()).isEqualTo("Khá");
    // Nông Tiến has no dossier in 2021 but answered petitions: a line with that index alone, 2
    EvaluationService.UnitEvaluation other = e.units().stream()
        .filter(u -> EvaluationFixture.OTHER_UNIT.equals(u.unit())).findFirst().orElseThrow();
    assertThat(other.scoredIndices()).isEqualTo(1);
    assertThat(other.total()).isEqualTo(2.0);
    // the scope's total: 13 of 14 on time = 92.9 % → 1
    assertThat(e.total().indices().stream().filter(i -> "petitions".equals(i.key())).findFirst().orElseThrow()
        .score()).isEqualTo(1.0);
    // a unit answering 8 of 10 on time (80 % < 90 %) scores 0
    EvaluationService low = new EvaluationService(repository, reports, directory, procedures,
        () -> (unit, from, to) -> new PetitionCounts.Counts(10, 8), EvaluationProperties.defaults());
    assertThat(low.evaluate(ReportPeriod.ofQuarter(2021, 2), new ReportScope(java.util.Set.of(UNIT))).units().get(0)
        .indices().stream().filter(i -> "petitions".equals(i.key())).findFirst().orElseThrow().score()).isEqualTo(0.0);
  }

  @Test
  void the_xlsx_export_holds_the_indices_and_decision_766() throws Exception {
    ResponseEntity<byte[]> file = rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/api/reports/evaluation/export?quarter=2021-Q2&unit=" + UNIT, byte[].class);
    assertThat(file.getStatusCode().value()).isEqualTo(200);
    assertThat(file.getHeaders().getContentType().toString()).startsWith(TableExport.XLSX_TYPE);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
      Sheet sheet = wb.getSheet(EvaluationController.SHEET_INDICES);
      assertThat(sheet).isNotNull();
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("Đánh giá việc giải quyết thủ tục hành chính (Thông tư 01/2018/TT-VPCP)");
      Row ward = ReportAccessAndExportTest.findRow(sheet, "Ủy ban nhân dân phường Hà Giang 1");
      Row headers = sheet.getRow(ward.getRowNum() - 1);
      assertThat(headers.getCell(1).getStringCellValue()).isEqualTo("Tổng thời gian giải quyết so với quy định");
      assertThat(ward.getCell(1).getNumericCellValue()).isEqualTo(0.75);
      assertThat(ward.getCell(10).getNumericCellValue()).isEqualTo(9.25);
      assertThat(ward.getCell(13).getStringCellValue()).isEqualTo("Khá");
      Sheet d766 = wb.getSheet(EvaluationController.SHEET_766);
      Row w766 = ReportAccessAndExportTest.findRow(d766, "Ủy ban nhân dân phường Hà Giang 1");
      assertThat(w766.getCell(2).getNumericCellValue()).isEqualTo(10.0);
    }
  }

  @Test
  void access_is_the_reports_and_bad_input_is_refused_in_vietnamese() {
    ResponseEntity<Map> other = rest.withBasicAuth("gs.nam", "demo").getForEntity(Q2, Map.class);
    assertThat(other.getStatusCode().value()).isEqualTo(403);
    assertThat((String) other.getBody().get("message")).contains("không có quyền xem báo cáo");
    assertThat(rest.withBasicAuth("gs.nam", "demo").getForEntity("/api/reports/evaluation/dossiers?quarter=2021-Q2"
        + "&index=totalTime&unit=" + UNIT, Map.class).getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("gs.nam", "demo").getForEntity("/api/reports/evaluation/export?quarter=2021-Q2"
        + "&unit=" + UNIT, byte[].class).getStatusCode().value()).isEqualTo(403);
    // a commune supervisor sees their own commune only, never the ward's dossiers
    Map<String, Object> own = get("gs.nam", "/api/reports/evaluation?quarter=2021-Q2");
    assertThat((List<?>) own.get("units")).isEmpty();
    assertThat(ReportColumnsTest.codes(get("gs.nam", "/api/reports/evaluation/dossiers?quarter=2021-Q2"
        + "&index=totalTime"))).isEmpty();
    assertThat(rest.withBasicAuth("cv.minh", "demo").getForEntity(Q2, Map.class).getStatusCode().value())
        .isEqualTo(403);
    assertThat(rest.getForEntity(Q2, Map.class).getStatusCode().value()).isEqualTo(401);
    ResponseEntity<Map> quarter = rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/api/reports/evaluation?quarter=2021-Q5", Map.class);
    assertThat(quarter.getStatusCode().value()).isEqualTo(400);
    assertThat((String) quarter.getBody().get("message")).isEqualTo("Quý báo cáo không hợp lệ.");
    ResponseEntity<Map> index = rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/api/reports/evaluation/dossiers?quarter=2021-Q2&index=nope", Map.class);
    assertThat(index.getStatusCode().value()).isEqualTo(400);
    assertThat((String) index.getBody().get("message")).isEqualTo("Chỉ số đánh giá không hợp lệ.");
    assertThat(rest.withBasicAuth("gs.ha", "demo").getForEntity("/api/reports/evaluation/dossiers?quarter=2021-Q2"
        + "&index=totalTime&score=3", Map.class).getStatusCode().value()).isEqualTo(400);
    assertThat(rest.withBasicAuth("gs.ha", "demo").getForEntity("/api/reports/evaluation/dossiers?quarter=2021-Q2"
        + "&index=petitions", Map.class).getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void a_score_that_is_not_a_number_is_refused_and_the_page_shows_the_evaluation() {
    ResponseEntity<Map> score = rest.withBasicAuth("gs.ha", "demo").getForEntity(
        "/api/reports/evaluation/dossiers?quarter=2021-Q2&index=totalTime&score=hai", Map.class);
    assertThat(score.getStatusCode().value()).isEqualTo(400);
    String page = rest.getForEntity("/giam-sat/", String.class).getBody();
    assertThat(page).contains("Đánh giá việc giải quyết TTHC", "id=\"evaluation\"", "id=\"decision766\"",
        "<option value=\"quarter\">Quý</option>", "data-export=\"evaluation\"");
    String script = rest.getForEntity("/giam-sat/giam-sat.js", String.class).getBody();
    assertThat(script).contains("/api/reports/evaluation?", "/api/reports/evaluation/dossiers?");
  }
}
