package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.report.ReportFixture.OTHER_UNIT;
import static vn.motcua.report.ReportFixture.UNIT;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.MotCuaSpringTest;

/**
 * The fixed dossiers of {@link ReportFixture} give exactly the expected number in every column of May
 * 2024, through the HTTP API as a supervisor sees it; every number's drill-down lists exactly the dossiers
 * behind it. Runs on H2 and, with -Ppostgres, on PostgreSQL.
 */
@MotCuaSpringTest
class ReportColumnsTest {
  static final String MAY = "/api/reports/resolution?month=2024-05&unit=" + UNIT;

  /** Column → the fixture dossiers it must count for Hà Giang 1 in May 2024. */
  static final Map<String, List<String>> EXPECTED = Map.ofEntries(
      Map.entry("received", List.of("RPT-EARLY", "RPT-ONTIME", "RPT-LATE", "RPT-LATE-OTHER", "RPT-APOLOGY", "RPT-OPEN",
          "RPT-PAUSED", "RPT-OVERDUE", "RPT-WITHDRAWN", "RPT-CARRIED", "RPT-JUNE", "RPT-NEW")),
      Map.entry("carriedOver", List.of("RPT-CARRIED")),
      Map.entry("receivedOnline", List.of("RPT-ONTIME", "RPT-LATE-OTHER", "RPT-OVERDUE")),
      Map.entry("receivedDirect", List.of("RPT-EARLY", "RPT-LATE", "RPT-APOLOGY", "RPT-OPEN", "RPT-PAUSED",
          "RPT-WITHDRAWN", "RPT-JUNE", "RPT-NEW")),
      Map.entry("resolved", List.of("RPT-EARLY", "RPT-ONTIME", "RPT-LATE", "RPT-LATE-OTHER", "RPT-APOLOGY",
          "RPT-CARRIED")),
      Map.entry("resolvedEarly", List.of("RPT-EARLY")),
      Map.entry("resolvedOnTime", List.of("RPT-ONTIME", "RPT-APOLOGY", "RPT-CARRIED")),
      Map.entry("resolvedLate", List.of("RPT-LATE", "RPT-LATE-OTHER")),
      Map.entry("inProgress", List.of("RPT-OPEN", "RPT-PAUSED", "RPT-OVERDUE", "RPT-JUNE", "RPT-NEW")),
      Map.entry("inProgressWithinDeadline", List.of("RPT-OPEN", "RPT-PAUSED", "RPT-NEW")),
      Map.entry("inProgressOverdue", List.of("RPT-OVERDUE", "RPT-JUNE")),
      Map.entry("withdrawn", List.of("RPT-WITHDRAWN")),
      Map.entry("apologies", List.of("RPT-APOLOGY")),
      Map.entry("apologiesSignedLate", List.of("RPT-APOLOGY")),
      Map.entry("lateCharged", List.of("RPT-LATE")));

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void fixture() {
    ReportFixture.load(jdbc);
  }

  private Map<String, Object> get(String user, String url) {
    ResponseEntity<Map> response = rest.withBasicAuth(user, "demo").getForEntity(url, Map.class);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
    return response.getBody();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> unitLine(Map<String, Object> report, String unit) {
    return ((List<Map<String, Object>>) report.get("units")).stream()
        .filter(u -> unit.equals(u.get("unit"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Number> counts(Map<String, Object> line) {
    return (Map<String, Number>) line.get("counts");
  }

  @Test
  @SuppressWarnings("unchecked")
  void every_column_of_may_2024_has_exactly_the_expected_number() {
    Map<String, Object> report = get("gs.ha", MAY);
    assertThat(report.get("from")).isEqualTo("2024-05-01");
    assertThat(report.get("to")).isEqualTo("2024-05-31");
    Map<String, Number> unit = counts(unitLine(report, UNIT));
    assertThat(unit.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    EXPECTED.forEach((column, dossiers) ->
        assertThat(unit.get(column).longValue()).as(column).isEqualTo(dossiers.size()));
    // received = resolved + withdrawn + in progress; each group adds up
    assertThat(unit.get("received").longValue()).isEqualTo(unit.get("resolved").longValue()
        + unit.get("withdrawn").longValue() + unit.get("inProgress").longValue());
    // the procedure line and the total agree with the unit (one unit, one procedure in scope)
    List<Map<String, Object>> procedures = (List<Map<String, Object>>) unitLine(report, UNIT).get("procedures");
    assertThat(procedures).hasSize(1);
    assertThat(procedures.get(0).get("procedureName")).isEqualTo(ReportFixture.PROCEDURE_NAME);
    assertThat(counts(procedures.get(0))).isEqualTo(unit);
    assertThat(counts((Map<String, Object>) report.get("total"))).isEqualTo(unit);
  }

  @Test
  void a_late_dossier_is_charged_to_every_unit_whose_stage_ran_late() {
    Map<String, Object> report = get("gs.ha", "/api/reports/resolution?month=2024-05");
    assertThat(counts(unitLine(report, UNIT)).get("lateCharged").longValue()).isEqualTo(1);
    Map<String, Object> page = get("gs.ha", "/api/reports/resolution/dossiers?month=2024-05&column=lateCharged&unit="
        + OTHER_UNIT + "&procedure=" + ReportFixture.PROCEDURE);
    // RPT-LATE-OTHER has no record of charged units (its responsible unit counts); RPT-LATE's record names
    // both wards, so it counts for each, though its responsible unit is the ward that lost the most
    assertThat(codes(page)).containsExactlyInAnyOrder("RPT-LATE-OTHER", "RPT-LATE");
    assertThat(((Number) page.get("total")).longValue()).isEqualTo(2);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> procedures = (List<Map<String, Object>>) unitLine(report, OTHER_UNIT).get("procedures");
    Map<String, Object> fixture = procedures.stream()
        .filter(line -> ReportFixture.PROCEDURE_NAME.equals(line.get("procedureName"))).findFirst().orElseThrow();
    assertThat(counts(fixture).get("lateCharged").longValue()).isEqualTo(2);
    Map<String, Object> own = get("gs.ha", "/api/reports/resolution/dossiers?month=2024-05&column=lateCharged&unit="
        + UNIT + "&procedure=" + ReportFixture.PROCEDURE);
    assertThat(codes(own)).containsExactly("RPT-LATE");
  }

  @Test
  void the_drill_down_of_every_number_lists_exactly_the_dossiers_behind_it() {
    EXPECTED.forEach((column, dossiers) -> {
      Map<String, Object> page = get("gs.ha", "/api/reports/resolution/dossiers?month=2024-05&unit=" + UNIT
          + "&procedure=" + ReportFixture.PROCEDURE + "&column=" + column);
      assertThat(((Number) page.get("total")).longValue()).as(column).isEqualTo(dossiers.size());
      assertThat(codes(page)).as(column).containsExactlyInAnyOrderElementsOf(dossiers);
    });
  }

  @SuppressWarnings("unchecked")
  static List<String> codes(Map<String, Object> page) {
    return ((List<Map<String, Object>>) page.get("dossiers")).stream().map(d -> (String) d.get("code")).toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_indicators_follow_their_formulas() {
    Map<String, Object> indicators = get("gs.ha", "/api/reports/indicators?month=2024-05&unit=" + UNIT);
    Map<String, Object> total = (Map<String, Object>) indicators.get("total");
    assertThat(total.get("onTimeRate")).as("(1 early + 3 on time) / 6 resolved").isEqualTo(66.7);
    assertThat(total.get("onlineShare")).as("3 online / 11 new").isEqualTo(27.3);
    assertThat(total.get("averageProcessingDays")).as("681.5 h / 6 / 24").isEqualTo(4.7);
    assertThat(total.get("maxProcessingDays")).as("199 h / 24").isEqualTo(8.3);
    assertThat(total.get("averageWorkingDaysLate")).as("(1 + 3) / 2").isEqualTo(2.0);
    assertThat(((Number) total.get("rated")).longValue()).isEqualTo(3);
    assertThat(((Number) total.get("satisfied")).longValue()).isEqualTo(1);
    assertThat(total.get("satisfactionRate")).isEqualTo(33.3);
    assertThat(total.get("apologyRate")).as("1 apologised / 6 resolved").isEqualTo(16.7);
    // Decree 61's internal rate beside Decision 766's: resolved early or on time over every dossier received
    assertThat(total.get("receivedOnTimeRate")).as("(1 early + 3 on time) / 12 received").isEqualTo(33.3);
  }

  @Test
  @SuppressWarnings("unchecked")
  void open_dossiers_past_their_appointment_are_listed_with_who_holds_them_and_since_when() {
    Map<String, Object> lists = get("gs.ha", "/api/reports/deadlines?unit=" + UNIT);
    List<Map<String, Object>> overdue = (List<Map<String, Object>>) lists.get("overdue");
    List<String> codes = overdue.stream().map(d -> (String) d.get("code")).toList();
    assertThat(codes).contains("RPT-OVERDUE", "RPT-OPEN")
        .doesNotContain("RPT-PAUSED", "RPT-JUNE", "RPT-WITHDRAWN", "RPT-NEW");
    Map<String, Object> d = overdue.stream().filter(x -> "RPT-OVERDUE".equals(x.get("code"))).findFirst().orElseThrow();
    assertThat(d.get("currentOfficer")).isEqualTo("cv.fixture");
    assertThat(d.get("currentUnitName")).isEqualTo("Ủy ban nhân dân phường Hà Giang 1");
    assertThat(java.time.OffsetDateTime.parse((String) d.get("heldSince")).toInstant())
        .isEqualTo(ReportFixture.at("2024-05-21T08:00"));
    assertThat(((Number) d.get("heldWorkingHours")).doubleValue()).isPositive();
    assertThat(d.get("cockpitUrl")).isEqualTo("/camunda/app/cockpit/default/#/process-instance/pi-RPT-OVERDUE");
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_on_time_rate_per_month_feeds_the_chart() {
    ResponseEntity<List> response = rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/api/reports/trend?from=2024-04&to=2024-06&unit=" + UNIT, List.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    List<Map<String, Object>> points = response.getBody();
    assertThat(points).extracting(p -> p.get("month")).containsExactly("2024-04", "2024-05", "2024-06");
    assertThat(points.get(0).get("onTimeRate")).isEqualTo(100.0);
    assertThat(points.get(1).get("onTimeRate")).isEqualTo(66.7);
    assertThat(points.get(2).get("onTimeRate")).isEqualTo(0.0);
  }
}
