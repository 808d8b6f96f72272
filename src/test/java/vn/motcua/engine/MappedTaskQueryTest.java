package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierTestSupport;

/**
 * The mapping of the engine's task query ({@link MappedTaskQuery}) answers exactly what Camunda's own query
 * answers, for every officer of three units and the province, through {@code /engine-rest} (lists with the filters'
 * criteria, sorted and paged, and counts; the variable instance query; Tasklist's own HAL lists of the filters): the
 * authorization test is written differently, the result must not be. It runs on the database of the suite: H2 in
 * the README's command, PostgreSQL with {@code -Ppostgres}.
 */
@MotCuaSpringTest
class MappedTaskQueryTest extends DossierTestSupport {
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

  @Test
  void installedOnTheSuitesDatabase() {
    assertThat(sessions().getDatabaseType()).isIn(DbSqlSessionFactory.POSTGRES, DbSqlSessionFactory.H2);
    assertThat(sessions().getStatementMappings()).containsAllEntriesOf(MappedTaskQuery.STATEMENTS);
  }

  @Test
  void theFiltersByDueDateHaveAnIndex() throws Exception {
    // V36: Tasklist's "due soon" and "overdue" read the tasks of a range of due dates, not every open task
    List<String> columns = new ArrayList<>();
    try (java.sql.Connection c = jdbc.getDataSource().getConnection()) {
      java.sql.DatabaseMetaData meta = c.getMetaData();
      String table = meta.storesLowerCaseIdentifiers() ? "act_ru_task" : "ACT_RU_TASK";
      try (java.sql.ResultSet r = meta.getIndexInfo(null, null, table, false, false)) {
        while (r.next()) {
          if ("ix_act_ru_task_duedate".equalsIgnoreCase(r.getString("INDEX_NAME"))) {
            columns.add(r.getString("COLUMN_NAME").toUpperCase(java.util.Locale.ROOT));
          }
        }
      }
    }
    assertThat(columns).containsExactly("DUE_DATE_");
  }

  @Test
  void everyOfficerGetsWhatTheStockQueryGives() throws Exception {
    List<String> paths = new ArrayList<>();
    for (String group : List.of("tq-minhxuan.reception", "tq-nongtien.reception", "tq-minhxuan.specialist",
        "tq-minhxuan.leader", "tq-ttphvhcc.reception")) {
      String unit = "candidateGroups=" + group + "&includeAssignedTasks=true";
      // whole lists: the suite's database holds other tests' tasks, many due at the same instant, and which of them
      // fall on a page of 15 sorted by due date is the database's choice (a page is compared below, sorted by id)
      paths.add("/engine-rest/task?" + unit + "&sortBy=dueDate&sortOrder=asc");
      paths.add("/engine-rest/task/count?" + unit);
      paths.add("/engine-rest/task?" + unit + "&dueBefore=2099-01-01T00:00:00.000%2B0700&sortBy=dueDate&sortOrder=asc");
      // the due-soon window, and its lower bound alone (written on an expression in the mapped query)
      paths.add("/engine-rest/task?" + unit + "&dueAfter=2000-01-01T00:00:00.000%2B0700"
          + "&dueBefore=2099-01-01T00:00:00.000%2B0700&sortBy=dueDate&sortOrder=asc");
      paths.add("/engine-rest/task/count?" + unit + "&dueAfter=2026-03-03T00:00:00.000%2B0700");
    }
    // the two cases in which a task without an identity link can be answered (the identity links are left-joined
    // only then): the involved user, here the officer who took the dossier's task, and an "or" query; a task of
    // his without any identity link (an assignee is not one) must be in both answers
    engine.getTaskService().claim(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(minhXuan.code())
        .taskCandidateGroup("tq-minhxuan.reception").list().get(0).getId(), "mc.hung");
    org.camunda.bpm.engine.task.Task unlinked = engine.getTaskService().newTask();
    unlinked.setName("Việc riêng, không có nhóm ứng viên");
    unlinked.setAssignee("mc.hung");
    engine.getTaskService().saveTask(unlinked);
    List<String> orAndInvolved = List.of(
        "/engine-rest/task?involvedUser=mc.hung&sortBy=created&sortOrder=desc",
        "POST /engine-rest/task?sortBy=id&sortOrder=asc {\"orQueries\":[{\"candidateGroup\":"
            + "\"tq-nongtien.reception\",\"involvedUser\":\"mc.hung\"}]}",
        "POST /engine-rest/task/count {\"candidateGroups\":[\"tq-minhxuan.reception\"],"
            + "\"orQueries\":[{\"assignee\":\"mc.hung\",\"unassigned\":true}]}",
        // a due date's lower bound in an "or" query: the task without a due date comes by its assignee, not by it
        "POST /engine-rest/task?sortBy=id&sortOrder=asc {\"orQueries\":[{\"dueAfter\":"
            + "\"2000-01-01T00:00:00.000+0700\",\"assignee\":\"mc.hung\"}]}");
    // the lower bound where the task without a due date would come by it if the bound's expression let it through
    List<String> withoutDueDate = List.of(
        "/engine-rest/task?assignee=mc.hung&dueAfter=2000-01-01T00:00:00.000%2B0700&sortBy=id&sortOrder=asc",
        "POST /engine-rest/task?sortBy=id&sortOrder=asc {\"orQueries\":[{\"dueAfter\":"
            + "\"2000-01-01T00:00:00.000+0700\",\"dueBefore\":\"2099-01-01T00:00:00.000+0700\"}]}");
    paths.addAll(withoutDueDate);
    paths.addAll(orAndInvolved);
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
    paths.add("/engine-rest/variable-instance?variableNameLike=applicant%25&sortBy=variableName&sortOrder=asc");
    for (org.camunda.bpm.engine.filter.Filter f : engine.getFilterService().createFilterQuery().list()) {
      paths.add("HAL /engine-rest/filter/" + f.getId() + "/list?firstResult=0&maxResults=1000");
      paths.add("/engine-rest/filter/" + f.getId() + "/count");
    }
    Map<String, String> ours = new HashMap<>(sessions().getStatementMappings());
    Map<String, String> stock = new HashMap<>(ours);
    MappedTaskQuery.STATEMENTS.keySet().forEach(stock::remove);
    int compared = 0;
    int nonEmpty = 0;
    java.util.Set<String> nonEmptyPaths = new java.util.HashSet<>();
    try {
      for (String user : USERS) {
        for (String path : paths) {
          sessions().setStatementMappings(stock);
          String expected = inOrderOfIds(path, get(user, path));
          sessions().setStatementMappings(ours);
          String actual = inOrderOfIds(path, get(user, path));
          assertThat(actual).as(user + " " + path).isEqualTo(expected);
          compared++;
          if (expected.startsWith("200 ") && !expected.equals("200 []") && !expected.contains("\"count\":0")) {
            nonEmpty++;
            nonEmptyPaths.add(path);
          }
        }
      }
      for (String path : withoutDueDate) {
        assertThat(get("mc.hung", path)).as("no task without a due date in " + path).doesNotContain(unlinked.getId());
      }
      for (String path : List.of(orAndInvolved.get(0), orAndInvolved.get(1), orAndInvolved.get(3))) {
        assertThat(get("mc.hung", path)).as("the task without an identity link in " + path).contains(unlinked.getId());
      }
    } finally {
      sessions().setStatementMappings(ours);
      engine.getTaskService().deleteTask(unlinked.getId(), true);
    }
    assertThat(compared).isEqualTo(USERS.size() * paths.size());
    assertThat(nonEmpty).as("answers with tasks in them, so that the comparison means something").isGreaterThan(30);
    assertThat(nonEmptyPaths).as("the involved user and the \"or\" queries answer tasks").containsAll(orAndInvolved);
  }

  /**
   * The answer with its rows in order of id: the lists are sorted by due date, creation time or variable name, and
   * the engine leaves the order of equal values to the database's plan (H2 gives them in another order for each
   * form of the query). Which rows are answered is what is compared; every list of this test sorted by a value
   * that can repeat is asked whole.
   * Applies to JSON arrays and to the arrays embedded in a HAL answer.
   */
  private static String inOrderOfIds(String path, String answer) throws Exception {
    if (!answer.startsWith("200 ") || !(answer.startsWith("200 [") || path.startsWith("HAL "))) {
      return answer;
    }
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.JsonNode body = json.readTree(answer.substring(4));
    if (body.isArray()) {
      body = byId(json, body);
    } else if (body.path("_embedded").isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode embedded = (com.fasterxml.jackson.databind.node.ObjectNode) body.get("_embedded");
      List<String> names = new ArrayList<>();
      embedded.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (embedded.get(name).isArray()) {
          embedded.set(name, byId(json, embedded.get(name)));
        }
      }
    }
    return "200 " + json.writeValueAsString(body);
  }

  private static com.fasterxml.jackson.databind.node.ArrayNode byId(com.fasterxml.jackson.databind.ObjectMapper json,
      com.fasterxml.jackson.databind.JsonNode array) {
    List<com.fasterxml.jackson.databind.JsonNode> rows = new ArrayList<>();
    array.forEach(rows::add);
    rows.sort(java.util.Comparator.comparing((com.fasterxml.jackson.databind.JsonNode n) -> n.path("id").asText()));
    com.fasterxml.jackson.databind.node.ArrayNode sorted = json.createArrayNode();
    rows.forEach(sorted::add);
    return sorted;
  }

  private String get(String user, String path) {
    // a URI as it is: the date's "+" is already encoded; "HAL " asks as Tasklist does; "POST <uri> <json>" posts a query
    boolean hal = path.startsWith("HAL ");
    boolean post = path.startsWith("POST ");
    String uri = hal ? path.substring(4) : post ? path.substring(5, path.indexOf(' ', 5)) : path;
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.set("Accept", hal ? "application/hal+json" : "application/json");
    headers.set("Content-Type", "application/json");
    ResponseEntity<String> r = rest.withBasicAuth(user, "demo").exchange(java.net.URI.create(rest.getRootUri() + uri),
        post ? org.springframework.http.HttpMethod.POST : org.springframework.http.HttpMethod.GET,
        new HttpEntity<>(post ? path.substring(path.indexOf(' ', 5) + 1) : null, headers), String.class);
    assertThat(r.getStatusCode().value()).as(user + " " + path + ": " + r.getBody()).isIn(200, 403);
    return r.getStatusCode().value() + " " + r.getBody();
  }
}
