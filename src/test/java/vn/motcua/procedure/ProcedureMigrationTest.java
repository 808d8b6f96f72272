package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;

/**
 * A process admin adds a field inspection to the household business registration while dossiers are open
 * at every stage (reception, appraisal, approval, return), deploys it from Modeler and moves the running
 * dossiers to the new version through the project API, without Java (issue 21): the preview lists the plan,
 * the new step and what happens to each dossier's tasks and timers; the batch runs; the record says who did
 * it; tasks, assignees, due dates, timers, deadlines and the control log are as before, a dossier still at
 * reception goes through the new step, and every dossier ends.
 */
@MotCuaSpringTest
class ProcedureMigrationTest {
  static final String KEY = "Procedure_HouseholdBusinessRegistration";
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired DossierService dossiers;
  @Autowired WorkingCalendar calendar;
  @Autowired JdbcTemplate jdbc;

  @Autowired ProcedureMigrations migrations;
  Integer fileVersion;

  /**
   * Rolls back as a process admin would (docs/procedures.md): the dossiers of other test classes that the
   * migration moved to the runtime version go back to the file's version, then the runtime version is
   * deleted (only finished instances are left on it).
   */
  @AfterEach
  void rollBackAndUndeploy() {
    var latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
    if (fileVersion != null && latest.getVersion() > fileVersion) {
      try {
        runBatch(migrations.start(KEY, latest.getVersion(), fileVersion, "rollback-after-test").batchId());
      } catch (vn.motcua.web.ApiException nothingToMove) {
        // no open dossier on the runtime version
      }
    }
    for (Deployment d : repositoryService.createDeploymentQuery().deploymentSource("Camunda Modeler").list()) {
      repositoryService.deleteDeployment(d.getId(), true);
    }
  }

  /** What must survive the migration: the tasks (id, assignee, due), the timers (id, due), deadlines, control log. */
  record Snapshot(Map<String, String> tasks, Map<String, Date> timers, Object appointmentAt, Object appraisalDueAt,
      int controlLogRows) {}

  Snapshot snapshot(Dossier d) {
    Map<String, String> tasks = new TreeMap<>();
    for (Task t : taskService.createTaskQuery().processInstanceBusinessKey(d.code()).list()) {
      tasks.put(t.getId(), t.getTaskDefinitionKey() + "|" + t.getAssignee() + "|" + t.getDueDate());
    }
    Map<String, Date> timers = new TreeMap<>();
    for (var pi : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(d.code()).list()) {
      for (Job j : managementService.createJobQuery().processInstanceId(pi.getId()).timers().list()) {
        timers.put(j.getId(), j.getDuedate());
      }
    }
    Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM dossier_control_log WHERE dossier_id = ?", Integer.class, d.id());
    return new Snapshot(tasks, timers, runtimeService.getVariable(d.processInstanceId(), "appointmentAt"),
        runtimeService.getVariable(d.processInstanceId(), "appraisalDueAt"), rows);
  }

  @Test
  void open_dossiers_at_every_stage_move_to_the_version_with_a_field_inspection_and_keep_their_tasks_timers_and_deadlines()
      throws IOException {
    ProcedureDriver driver = new ProcedureDriver(rest, taskService, identityService, dossiers, calendar);
    Map<String, Dossier> open = new LinkedHashMap<>();
    open.put("reception", driver.register(KEY));
    open.put("appraisal", driver.register(KEY));
    open.put("approval", driver.register(KEY));
    open.put("return", driver.register(KEY));
    Dossier left = driver.register(KEY); // stays at reception through the migration and the roll-back
    Task appraise = driver.driveUntil(open.get("appraisal"), "Task_Appraise");
    taskService.setAssignee(appraise.getId(), "cv.minh"); // the specialist has claimed it
    driver.driveUntil(open.get("approval"), "Task_Approve");
    driver.driveUntil(open.get("return"), "Task_ReturnResult");
    Map<String, Snapshot> before = new LinkedHashMap<>();
    open.forEach((stage, d) -> before.put(stage, snapshot(d)));
    Snapshot leftBefore = snapshot(left);
    assertThat(before.get("appraisal").timers()).as("the appraisal stage's timers are pending").isNotEmpty();
    int versionN = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
        .singleResult().getVersion();
    fileVersion = versionN;

    // the process admin deploys version N+1 from Modeler
    String changed = new String(new ClassPathResource(
        "runtime-procedures/household-business-registration-field-inspection.bpmn").getContentAsByteArray(),
        StandardCharsets.UTF_8);
    ResponseEntity<Map> deployed = RuntimeDeploymentTest.deploy(rest, "qt.phuong", "household-business-registration",
        Map.of("household-business-registration.bpmn", changed));
    assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(200);

    // only process admins migrate
    String path = "/api/admin/procedures/" + KEY + "/migration";
    assertThat(rest.withBasicAuth("gs.nam", "demo").getForEntity(path, String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("mc.hung", "demo").getForEntity(path, String.class).getStatusCode().value()).isEqualTo(403);

    // the preview: plan, validation, the new step and a dry run per dossier
    ResponseEntity<Map> preview = rest.withBasicAuth("qt.phuong", "demo").getForEntity(path, Map.class);
    assertThat(preview.getStatusCode().value()).as(String.valueOf(preview.getBody())).isEqualTo(200);
    Map<String, Object> p = preview.getBody();
    assertThat(p.get("valid")).isEqualTo(true);
    assertThat(p.get("sourceVersion")).isEqualTo(versionN);
    assertThat(p.get("targetVersion")).isEqualTo(versionN + 1);
    assertThat(p.get("plan").toString()).contains("CallActivity_Reception", "CallActivity_Resolution", "CallActivity_Return");
    assertThat((List<String>) p.get("newActivities")).anyMatch(a -> a.startsWith("Task_FieldInspection"));
    List<Map<String, Object>> affected = (List<Map<String, Object>>) p.get("dossiers");
    for (Dossier d : open.values()) {
      Map<String, Object> row = affected.stream().filter(a -> d.code().equals(a.get("code"))).findFirst()
          .orElseThrow(() -> new AssertionError(d.code() + " is not in the dry run: " + affected));
      assertThat(row.get("migratable")).as(row.toString()).isEqualTo(true);
      assertThat((List<Map<String, Object>>) row.get("tasks")).isNotEmpty()
          .allSatisfy(t -> assertThat((String) t.get("happens")).startsWith("Giữ nguyên"));
    }
    Map<String, Object> atAppraisal = affected.stream().filter(a -> open.get("appraisal").code().equals(a.get("code")))
        .findFirst().orElseThrow();
    assertThat((List<Map<String, Object>>) atAppraisal.get("tasks"))
        .anySatisfy(t -> assertThat(t).containsEntry("activityId", "Task_Appraise").containsEntry("assignee", "cv.minh"));
    assertThat((List<Map<String, Object>>) atAppraisal.get("timers")).isNotEmpty();
    // the dry run moved nothing
    assertThat(definitionKeyVersion(open.get("reception"))).isEqualTo(versionN);

    // start: a batch, recorded with who started it
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map> started = rest.withBasicAuth("qt.phuong", "demo").postForEntity(path,
        new HttpEntity<>("{\"from\": " + versionN + ", \"to\": " + (versionN + 1) + "}", json), Map.class);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
    Map<String, Object> record = started.getBody();
    assertThat(record.get("startedBy")).isEqualTo("qt.phuong");
    assertThat(record.get("status")).isEqualTo("RUNNING");
    assertThat((List<String>) record.get("dossierCodes")).containsAll(open.values().stream().map(Dossier::code).toList());
    runBatch((String) record.get("batchId"));
    Map<String, Object> done = rest.withBasicAuth("qt.phuong", "demo")
        .getForObject("/api/admin/procedure-migrations/" + record.get("id"), Map.class);
    assertThat(done.get("status")).isEqualTo("COMPLETED");
    assertThat(((Map<String, Object>) done.get("progress")).get("finished")).isEqualTo(true);
    assertThat(rest.withBasicAuth("qt.phuong", "demo").getForObject("/api/admin/procedure-migrations?key=" + KEY,
        List.class).toString()).contains("qt.phuong");

    // every dossier is on N+1 with the same tasks, assignees, due dates, timers, deadlines and control log
    for (var e : open.entrySet()) {
      assertThat(definitionKeyVersion(e.getValue())).as(e.getKey()).isEqualTo(versionN + 1);
      assertThat(snapshot(e.getValue())).as(e.getKey()).isEqualTo(before.get(e.getKey()));
    }

    // the dossier still at reception goes through the new field inspection; all of them end
    Task inspection = driver.driveUntil(open.get("reception"), "Task_FieldInspection");
    assertThat(inspection.getDueDate()).isNotNull();
    for (Dossier d : open.values()) {
      driver.driveToEnd(d);
      assertThat(dossiers.get(d.id()).status()).as(d.code()).isEqualTo(DossierStatus.RETURNED);
    }
    assertThat(historyService.createHistoricActivityInstanceQuery().activityId("Task_FieldInspection")
        .processInstanceId(open.get("appraisal").processInstanceId()).count())
        .as("a dossier past the reception does not go back to the new step").isZero();

    // roll back: the process admin moves the dossiers still open from N+1 back to N with the same flow
    assertThat(definitionKeyVersion(left)).isEqualTo(versionN + 1);
    ResponseEntity<Map> back = rest.withBasicAuth("qt.phuong", "demo").postForEntity(path,
        new HttpEntity<>("{\"from\": " + (versionN + 1) + ", \"to\": " + versionN + "}", json), Map.class);
    assertThat(back.getStatusCode().value()).as(String.valueOf(back.getBody())).isEqualTo(201);
    assertThat((List<String>) back.getBody().get("dossierCodes")).contains(left.code());
    runBatch((String) back.getBody().get("batchId"));
    assertThat(definitionKeyVersion(left)).isEqualTo(versionN);
    assertThat(snapshot(left)).isEqualTo(leftBefore);
    driver.driveToEnd(left);
    assertThat(dossiers.get(left.id()).status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(historyService.createHistoricActivityInstanceQuery().activityId("Task_FieldInspection")
        .processInstanceId(left.processInstanceId()).count()).as("back on version N: no field inspection").isZero();
  }

  @Test
  void a_plan_that_cannot_move_an_open_dossier_says_why_in_vietnamese_and_starts_nothing() throws IOException {
    ProcedureDriver driver = new ProcedureDriver(rest, taskService, identityService, dossiers, calendar);
    Dossier atReturn = driver.register(KEY);
    driver.driveUntil(atReturn, "Task_ReturnResult");
    fileVersion = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
        .singleResult().getVersion();
    // version N+1 renames the return step: a dossier inside it has nowhere to go
    String renamed = new String(new ClassPathResource("runtime-procedures/household-business-registration-field-inspection.bpmn")
        .getContentAsByteArray(), StandardCharsets.UTF_8).replace("CallActivity_Return", "CallActivity_HandOver");
    assertThat(RuntimeDeploymentTest.deploy(rest, "qt.phuong", "household-business-registration",
        Map.of("household-business-registration.bpmn", renamed)).getStatusCode().value()).isEqualTo(200);
    String path = "/api/admin/procedures/" + KEY + "/migration";
    Map<String, Object> p = rest.withBasicAuth("qt.phuong", "demo").getForObject(path, Map.class);
    Map<String, Object> row = ((List<Map<String, Object>>) p.get("dossiers")).stream()
        .filter(a -> atReturn.code().equals(a.get("code"))).findFirst().orElseThrow();
    assertThat(row.get("migratable")).isEqualTo(false);
    assertThat(row.get("problems").toString()).contains("CallActivity_Return", "không có trong phiên bản mới");
    long migrationsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM procedure_migration", Long.class);
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    List<String> codesMoved = new ArrayList<>();
    ResponseEntity<Map> started = rest.withBasicAuth("qt.phuong", "demo").postForEntity(path, new HttpEntity<>("{}", json),
        Map.class);
    if (started.getStatusCode().value() == 201) {
      codesMoved.addAll((List<String>) started.getBody().get("dossierCodes"));
      runBatch((String) started.getBody().get("batchId"));
    } else {
      assertThat(started.getStatusCode().value()).isEqualTo(400);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM procedure_migration", Long.class)).isEqualTo(migrationsBefore);
    }
    assertThat(codesMoved).as("a dossier the plan cannot move is left on its version").doesNotContain(atReturn.code());
    driver.driveToEnd(atReturn);
    assertThat(dossiers.get(atReturn.id()).status()).isEqualTo(DossierStatus.RETURNED);
  }

  @Test
  void the_page_of_the_process_admin_is_served_beside_the_supervisors_page() {
    ResponseEntity<String> page = rest.getForEntity("/quy-trinh/", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("Chuyển hồ sơ đang giải quyết sang phiên bản mới", "quy-trinh.js");
    assertThat(rest.getForEntity("/quy-trinh/quy-trinh.js", String.class).getBody())
        .contains("/api/admin/procedures/", "/api/admin/procedure-migrations");
  }

  private int definitionKeyVersion(Dossier d) {
    String definitionId = runtimeService.createProcessInstanceQuery().processInstanceId(d.processInstanceId())
        .singleResult().getProcessDefinitionId();
    return repositoryService.getProcessDefinition(definitionId).getVersion();
  }

  /** The job executor is off in tests: the seed job, the migration jobs, then the monitor job. */
  private void runBatch(String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    assertThat(batch).isNotNull();
    for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId())) {
      for (int round = 0; round < 5; round++) {
        List<Job> jobs = managementService.createJobQuery().jobDefinitionId(definition).list();
        if (jobs.isEmpty()) {
          break;
        }
        for (Job job : jobs) {
          managementService.executeJob(job.getId());
        }
      }
    }
    // the monitor job ends the batch once every migration job is done
    for (int round = 0; round < 3 && managementService.createBatchQuery().batchId(batchId).count() > 0; round++) {
      managementService.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).list()
          .forEach(j -> managementService.executeJob(j.getId()));
    }
  }
}
