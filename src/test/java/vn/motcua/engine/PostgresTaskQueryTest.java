package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierTestSupport;

/**
 * The PostgreSQL mapping of the engine's task query ({@link PostgresTaskQuery}) answers exactly what Camunda's
 * own query answers, for every officer of three units and the province, through {@code /engine-rest} (lists with
 * the filters' criteria, sorted and paged, and counts; the variable instance query; Tasklist's own HAL lists of the
 * filters): the authorization test is written differently, the result must not be. On H2 the mapping is not installed, and the test says so.
 */
@MotCuaSpringTest
class PostgresTaskQueryTest extends DossierTestSupport {
  /** Every kind of officer of the demo organisation: receptions, specialists, leader, supervisors. */
  static final List<String> USERS = List.of("mc.hung", "mc.tuan", "mc.lan", "cv.minh", "cv.huong", "ld.thao", "gs.ha",
      "gs.nam");

  Dossier minhXuan;
  Dossier nongTien;
  Dossier province;

  @BeforeEach
  void dossiersInThreeUnits() {
    minhXuan = registerAtCounter("mc.hung", registration("001203104567", "0912345670"));
    nongTien = registerAtCounter("mc.tuan", registration("001203107654", "0987654320")
        .replace("phường Minh Xuân", "phường Nông Tiến"));
    province = registerAtCounter("mc.lan", registration("001203101111", "0977111330")
        .replace(PROCEDURE, "Procedure_JudicialRecord"));
  }

  private DbSqlSessionFactory sessions() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDbSqlSessionFactory();
  }

  private boolean postgres() {
    return DbSqlSessionFactory.POSTGRES.equals(sessions().getDatabaseType());
  }

  @Test
  void installedOnPostgresOnly() {
    Map<String, String> mappings = sessions().getStatementMappings() == null ? Map.of() : sessions().getStatementMappings();
    if (postgres()) {
      assertThat(mappings).containsAllEntriesOf(PostgresTaskQuery.STATEMENTS);
    } else {
      assertThat(mappings).doesNotContainKeys("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria");
    }
  }

  @Test
  void everyOfficerGetsWhatTheStockQueryGives() {
    Assumptions.assumeTrue(postgres(), "the PostgreSQL task query is compared on PostgreSQL only (-Ppostgres); "
        + "this run is on " + sessions().getDatabaseType());
    List<String> paths = new ArrayList<>();
    for (String group : List.of("tq-minhxuan.reception", "tq-nongtien.reception", "tq-minhxuan.specialist",
        "tq-minhxuan.leader", "tq-ttphvhcc.reception")) {
      String unit = "candidateGroups=" + group + "&includeAssignedTasks=true";
      paths.add("/engine-rest/task?" + unit + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15");
      paths.add("/engine-rest/task/count?" + unit);
      paths.add("/engine-rest/task?" + unit + "&dueBefore=2099-01-01T00:00:00.000%2B0700&sortBy=dueDate&sortOrder=asc");
    }
    paths.add("/engine-rest/task?sortBy=created&sortOrder=desc");
    paths.add("/engine-rest/task/count");
    paths.add("/engine-rest/task?firstResult=1&maxResults=2&sortBy=id&sortOrder=asc");
    for (Dossier d : List.of(minhXuan, nongTien, province)) {
      paths.add("/engine-rest/task?processInstanceBusinessKey=" + d.code());
      paths.add("/engine-rest/variable-instance?processInstanceIdIn=" + instance(d).getId() + "&sortBy=variableName&sortOrder=asc");
    }
    // the variable instance query: what Tasklist's list shows under each task
    paths.add("/engine-rest/variable-instance?variableName=dossierCode&sortBy=variableName&sortOrder=asc");
    paths.add("/engine-rest/variable-instance/count");
    paths.add("/engine-rest/variable-instance?variableNameLike=applicant%25&sortBy=variableName&sortOrder=asc&firstResult=0&maxResults=20");
    for (org.camunda.bpm.engine.filter.Filter f : engine.getFilterService().createFilterQuery().list()) {
      paths.add("HAL /engine-rest/filter/" + f.getId() + "/list?firstResult=0&maxResults=15");
      paths.add("/engine-rest/filter/" + f.getId() + "/count");
    }
    Map<String, String> ours = new HashMap<>(sessions().getStatementMappings());
    Map<String, String> stock = new HashMap<>(ours);
    PostgresTaskQuery.STATEMENTS.keySet().forEach(stock::remove);
    int compared = 0;
    int nonEmpty = 0;
    try {
      for (String user : USERS) {
        for (String path : paths) {
          sessions().setStatementMappings(stock);
          String expected = get(user, path);
          sessions().setStatementMappings(ours);
          String actual = get(user, path);
          assertThat(actual).as(user + " " + path).isEqualTo(expected);
          compared++;
          if (!expected.equals("[]") && !expected.contains("\"count\":0")) {
            nonEmpty++;
          }
        }
      }
    } finally {
      sessions().setStatementMappings(ours);
    }
    assertThat(compared).isEqualTo(USERS.size() * paths.size());
    assertThat(nonEmpty).as("answers with tasks in them, so that the comparison means something").isGreaterThan(30);
  }

  private String get(String user, String path) {
    // a URI as it is: the date's "+" is already encoded; "HAL " asks as Tasklist does
    boolean hal = path.startsWith("HAL ");
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.set("Accept", hal ? "application/hal+json" : "application/json");
    ResponseEntity<String> r = rest.withBasicAuth(user, "demo").exchange(
        java.net.URI.create(rest.getRootUri() + (hal ? path.substring(4) : path)), org.springframework.http.HttpMethod.GET,
        new HttpEntity<>(headers), String.class);
    assertThat(r.getStatusCode().value()).as(user + " " + path + ": " + r.getBody()).isIn(200, 403);
    return r.getStatusCode().value() + " " + r.getBody();
  }
}
