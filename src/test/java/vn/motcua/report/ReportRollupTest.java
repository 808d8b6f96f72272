package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.report.ReportFixture.OTHER_UNIT;
import static vn.motcua.report.ReportFixture.UNIT;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.calendar.OfficeZone;
import vn.motcua.dossier.DossierRepositoryAccess;

/**
 * The roll-up of sealed dossiers changes no number: the fixed dossiers of {@link ReportFixture} give the
 * expected numbers of {@link ReportColumnsTest} through the API before the roll-up, after a partial roll-up
 * (dossiers locked by another transaction are skipped), after the roll-up, after an un-roll (a rating given
 * after return) and after a rebuild that follows a manual SQL fix; and at every stage the report with the
 * roll-up equals the live computation for many periods and scopes. Runs on H2 and, with -Ppostgres,
 * on PostgreSQL.
 */
@MotCuaSpringTest
class ReportRollupTest {
  static final String MAY = "/api/reports/resolution?month=2024-05&unit=" + UNIT;
  static final List<String> SEALED = List.of("RPT-EARLY", "RPT-ONTIME", "RPT-LATE", "RPT-APOLOGY", "RPT-WITHDRAWN",
      "RPT-CARRIED", "RPT-APRIL", "RPT-REFUSED", "RPT-JUNE");
  static final List<String> NOT_SEALED = List.of("RPT-LATE-OTHER", "RPT-OPEN", "RPT-NEW", "RPT-PAUSED", "RPT-OVERDUE");

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReportRollup rollup;
  @Autowired ReportRepository repository;
  @Autowired ReportService reports;
  @Autowired ApplicationContext context;
  @Autowired PlatformTransactionManager transactions;
  @Autowired DataSource dataSource;

  @BeforeEach
  void fixture() {
    ReportFixture.load(jdbc);
  }

  private Map<String, Object> get(String user, String url) {
    ResponseEntity<Map> response = rest.withBasicAuth(user, "demo").getForEntity(url, Map.class);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
    return response.getBody();
  }

  private Map<String, Number> may() {
    return ReportColumnsTest.counts(ReportColumnsTest.unitLine(get("gs.ha", MAY), UNIT));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> mayIndicators() {
    return (Map<String, Object>) get("gs.ha", "/api/reports/indicators?month=2024-05&unit=" + UNIT).get("total");
  }

  /** Every column of May 2024 has the number of ReportColumnsTest, and the indicators theirs. */
  @SuppressWarnings("unchecked")
  private void assertMayAsExpected(long satisfied) {
    Map<String, Number> unit = may();
    ReportColumnsTest.EXPECTED.forEach((column, codes) ->
        assertThat(unit.get(column).longValue()).as(column).isEqualTo(codes.size()));
    Map<String, Object> total = mayIndicators();
    assertThat(total.get("onTimeRate")).isEqualTo(66.7);
    assertThat(total.get("onlineShare")).isEqualTo(27.3);
    assertThat(total.get("averageProcessingDays")).isEqualTo(4.7);
    assertThat(total.get("maxProcessingDays")).isEqualTo(8.3);
    assertThat(total.get("averageWorkingDaysLate")).isEqualTo(2.0);
    assertThat(((Number) total.get("rated")).longValue()).isEqualTo(3);
    assertThat(((Number) total.get("satisfied")).longValue()).isEqualTo(satisfied);
    assertThat(total.get("apologyRate")).isEqualTo(16.7);
    // the drill-down stays live: the late dossiers of May
    Map<String, Object> page = get("gs.ha", "/api/reports/resolution/dossiers?month=2024-05&unit=" + UNIT
        + "&procedure=" + ReportFixture.PROCEDURE + "&column=resolvedLate");
    assertThat(ReportColumnsTest.codes(page)).containsExactlyInAnyOrder("RPT-LATE", "RPT-LATE-OTHER");
    // the on-time chart: April 1 early of 1, May 4 of 6, June 0 of 1
    ResponseEntity<List> trend = rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/api/reports/trend?from=2024-04&to=2024-06&unit=" + UNIT, List.class);
    assertThat(((List<Map<String, Object>>) trend.getBody()).stream().map(t -> t.get("onTimeRate")).toList())
        .containsExactly(100.0, 66.7, 0.0);
  }

  /** With the roll-up and live, the same numbers for many periods, scopes and moments of judgement. */
  private void assertSameAsLive() {
    List<ReportPeriod> periods = new ArrayList<>(List.of(ReportPeriod.ofMonth(YearMonth.of(2024, 4)),
        ReportPeriod.ofMonth(YearMonth.of(2024, 5)), ReportPeriod.ofMonth(YearMonth.of(2024, 6)),
        ReportPeriod.ofYear(2024), ReportPeriod.ofYear(2023), new ReportPeriod(LocalDate.of(2024, 5, 7),
            LocalDate.of(2024, 5, 9)), new ReportPeriod(LocalDate.of(2024, 5, 10), LocalDate.of(2024, 5, 10)),
        new ReportPeriod(LocalDate.of(2024, 5, 16), LocalDate.of(2024, 6, 2)),
        ReportPeriod.ofMonth(YearMonth.from(reports.now().atZone(OfficeZone.get())))));
    List<ReportScope> scopes = List.of(ReportScope.ALL, new ReportScope(Set.of(UNIT)),
        new ReportScope(Set.of(OTHER_UNIT)), new ReportScope(Set.of(UNIT, OTHER_UNIT)));
    for (ReportPeriod period : periods) {
      List<Instant> judged = List.of(period.asOf(reports.now()), period.start().plusSeconds(86400 * 3 + 3600),
          period.end().minusSeconds(1));
      for (ReportScope scope : scopes) {
        for (Instant asOf : judged) {
          assertThat(ReportRollupController.differences(repository.counts(period, asOf, scope),
              repository.liveCounts(period, asOf, scope))).as(period + " " + scope + " " + asOf).isEmpty();
        }
        assertThat(repository.onTime(period, scope)).as("on time " + period + " " + scope)
            .containsExactly(repository.liveOnTime(period, scope));
      }
    }
  }

  private Long batchOf(String code) {
    return jdbc.queryForObject("SELECT rollup_batch FROM dossier WHERE code = ?", Long.class, code);
  }

  @Test
  void the_numbers_are_the_same_before_after_a_partial_and_after_a_full_roll_up_and_after_an_un_roll()
      throws Exception {
    assertThat(SEALED).allSatisfy(code -> assertThat(batchOf(code)).as(code).isNull());
    assertMayAsExpected(1);
    assertSameAsLive();

    // partial: two sealed dossiers are being changed by another transaction (row locked): the roll-up skips them
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (Statement s = other.createStatement()) {
        s.executeQuery("SELECT id FROM dossier WHERE code IN ('RPT-LATE', 'RPT-WITHDRAWN') FOR UPDATE").close();
      }
      ReportRollup.Run run = rollup.rollUp();
      assertThat(run.busy()).isFalse();
      assertThat(run.dossiers()).isGreaterThanOrEqualTo(SEALED.size() - 2);
      other.rollback();
    }
    assertThat(batchOf("RPT-LATE")).isNull();
    assertThat(batchOf("RPT-WITHDRAWN")).isNull();
    assertThat(batchOf("RPT-EARLY")).isNotNull();
    assertMayAsExpected(1);
    assertSameAsLive();

    // full: every sealed dossier rolled up, none of the others
    rollup.rollUp();
    assertThat(SEALED).allSatisfy(code -> assertThat(batchOf(code)).as(code).isNotNull());
    assertThat(NOT_SEALED).allSatisfy(code -> assertThat(batchOf(code)).as(code).isNull());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM report_rollup WHERE unit = ? AND procedure_key = ?",
        Long.class, UNIT, ReportFixture.PROCEDURE)).isPositive();
    assertMayAsExpected(1);
    assertSameAsLive();

    // un-roll: the citizen rates the early dossier 2 after its return (it was 3, "Hài lòng")
    long early = jdbc.queryForObject("SELECT id FROM dossier WHERE code = 'RPT-EARLY'", Long.class);
    new TransactionTemplate(transactions).executeWithoutResult(s ->
        new DossierRepositoryAccess(context).recordRating(early, 2, "Chờ hơi lâu", "ONLINE", reports.now()));
    assertThat(batchOf("RPT-EARLY")).isNull();
    assertMayAsExpected(0);
    assertSameAsLive();
    // the dossier with the longest processing time leaves the roll-up: its row's maximum is recomputed
    long apology = jdbc.queryForObject("SELECT id FROM dossier WHERE code = 'RPT-APOLOGY'", Long.class);
    assertThat(rollup.unroll(apology)).isTrue();
    assertThat(rollup.unroll(apology)).as("already live").isFalse();
    assertSameAsLive();
    // rolled up again with its new facts
    rollup.rollUp();
    assertThat(batchOf("RPT-EARLY")).isNotNull();
    assertMayAsExpected(0);
    assertSameAsLive();
  }

  @Test
  void a_second_node_leaves_the_roll_up_to_the_node_holding_the_lock() throws Exception {
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      try (Statement s = other.createStatement()) {
        s.executeQuery("SELECT last_batch FROM report_rollup_lock WHERE id = 1 FOR UPDATE").close();
      }
      ReportRollup.Run run = rollup.rollUp();
      assertThat(run.busy()).isTrue();
      assertThat(run.dossiers()).isZero();
      other.rollback();
    }
    assertThat(batchOf("RPT-EARLY")).isNull();
    assertThat(rollup.rollUp().busy()).isFalse();
    assertThat(batchOf("RPT-EARLY")).isNotNull();
    assertMayAsExpected(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void after_a_manual_sql_fix_the_administrator_rebuilds_the_period() {
    rollup.rollUp();
    // a manual fix that bypasses the un-roll rule: the early dossier was in fact on time
    jdbc.update("UPDATE dossier SET resolution_class = 'ON_TIME', outcome = 'ON_TIME' WHERE code = 'RPT-EARLY'");
    Map<String, Object> check = get("demo", "/api/admin/reports/rollup/check?month=2024-05");
    assertThat(check.get("same")).isEqualTo(false);
    assertThat((List<String>) check.get("differences")).anyMatch(d -> d.contains("resolvedEarly"));

    ResponseEntity<Map> refused = rest.withBasicAuth("gs.ha", "demo")
        .postForEntity("/api/admin/reports/rollup/rebuild?from=2024-04-01&to=2024-06-30", null, Map.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(String.valueOf(refused.getBody())).contains("Chỉ quản trị hệ thống");
    ResponseEntity<Map> bad = rest.withBasicAuth("demo", "demo")
        .postForEntity("/api/admin/reports/rollup/rebuild?from=2024-04-01", null, Map.class);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);

    ResponseEntity<Map> rebuilt = rest.withBasicAuth("demo", "demo")
        .postForEntity("/api/admin/reports/rollup/rebuild?from=2024-04-01&to=2024-06-30", null, Map.class);
    assertThat(rebuilt.getStatusCode().value()).as(String.valueOf(rebuilt.getBody())).isEqualTo(200);
    assertThat(((Number) rebuilt.getBody().get("dossiersCounted")).longValue()).isGreaterThanOrEqualTo(SEALED.size());
    assertThat(get("demo", "/api/admin/reports/rollup/check?month=2024-05").get("same")).isEqualTo(true);
    Map<String, Number> unit = may();
    assertThat(unit.get("resolvedEarly").longValue()).isZero();
    assertThat(unit.get("resolvedOnTime").longValue()).isEqualTo(4);
    assertSameAsLive();

    Map<String, Object> status = get("demo", "/api/admin/reports/rollup");
    assertThat(((Number) status.get("rolledUp")).longValue()).isGreaterThanOrEqualTo(SEALED.size());
    assertThat(((Number) status.get("waiting")).longValue()).isZero();
  }
}
