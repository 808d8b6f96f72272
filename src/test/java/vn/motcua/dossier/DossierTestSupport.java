package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared steps of the dossier tests: register through the API, act as officers, move the clock. */
public abstract class DossierTestSupport {
  public static final String PROCEDURE = "Procedure_HouseholdBusinessRegistration";

  @Autowired protected TestRestTemplate rest;
  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected DossierService dossiers;
  @Autowired protected JdbcTemplate jdbc;
  @Autowired protected ManagementService managementService;
  @Autowired protected DossierClock dossierClock;

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** Sets the engine clock to a local time in Vietnam, e.g. "2026-03-02T09:00". */
  protected static void clockAt(String localDateTime) {
    ClockUtil.setCurrentTime(Date.from(at(localDateTime)));
  }

  protected static Instant at(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+07:00").toInstant();
  }

  protected static HttpHeaders json() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  protected static String registration(String idNumber, String phone) {
    return """
        {"procedureKey": "%s", "channel": "DIRECT",
         "applicant": {"name": "Nguyễn Văn An", "idNumber": "%s", "phone": "%s",
                       "email": "an.nguyen@example.vn", "address": "Tổ 5, phường Minh Xuân, tỉnh Tuyên Quang"},
         "requestSummary": "Đăng ký hộ kinh doanh tạp hóa Bình An",
         "documents": [{"name": "Giấy đề nghị đăng ký hộ kinh doanh", "copies": 1},
                       {"name": "Bản sao căn cước của chủ hộ", "copies": 1}]}
        """.formatted(PROCEDURE, idNumber, phone);
  }

  /** Registers a household business dossier at the Minh Xuân counter as mc.hung; returns its code. */
  protected Dossier register() {
    return registerAtCounter("mc.hung", registration("001203004567", "0912345678"));
  }

  /** Registers a dossier at the counter as this officer ({@code POST /api/dossiers} with this body): 201. */
  protected Dossier registerAtCounter(String user, String body) {
    ResponseEntity<Map> response = rest.withBasicAuth(user, "demo")
        .postForEntity("/api/dossiers", new HttpEntity<>(body, json()), Map.class);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    return dossiers.getByCode((String) response.getBody().get("code"));
  }

  protected ProcessInstance instance(Dossier d) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(d.processInstanceId()).singleResult();
  }

  /** The open task of the dossier (anywhere in its process tree). */
  protected Task openTask(Dossier d) {
    List<Task> tasks = taskService.createTaskQuery().processVariableValueEquals(DossierVariables.DOSSIER_ID, d.id()).list();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  /** Completes the task through the engine REST API as the given officer, as Tasklist does. */
  protected ResponseEntity<String> complete(String user, Task task, String variablesJson) {
    return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/complete",
        new HttpEntity<>("{\"variables\": {" + variablesJson + "}}", json()), String.class);
  }

  protected void completeOk(String user, Task task, String variablesJson) {
    ResponseEntity<String> response = complete(user, task, variablesJson);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(204);
  }

  /**
   * The fee of the household business registration (block "Nộp lệ phí", 100.000 đồng) paid in cash at the counter:
   * mc.hung (Minh Xuân) completes "Thu lệ phí tại quầy" through the engine REST API with a receipt number, as in Tasklist. The
   * dossier then goes on (to the appraisal for this procedure).
   */
  protected void payFeeAtCounter(Dossier d) {
    payFeeAtCounter("mc.hung", d);
  }

  /** The fee paid at the counter of another receiving unit, taken by its reception officer. */
  protected void payFeeAtCounter(String officer, Dossier d) {
    List<Task> collect = taskService.createTaskQuery().processVariableValueEquals(DossierVariables.DOSSIER_ID, d.id())
        .taskDefinitionKey("Task_CollectFee").list();
    assertThat(collect).as("the dossier waits for its fee").hasSize(1);
    completeOk(officer, collect.get(0), var("feeReceiptNumber", "BL-" + d.code()));
  }

  protected static String var(String name, Object value) {
    if (value instanceof String s) {
      return "\"" + name + "\": {\"value\": \"" + s.replace("\"", "\\\"") + "\", \"type\": \"String\"}";
    }
    if (value instanceof Boolean b) {
      return "\"" + name + "\": {\"value\": " + b + ", \"type\": \"Boolean\"}";
    }
    return "\"" + name + "\": {\"value\": " + value + "}";
  }

  protected static String vars(String... parts) {
    return String.join(", ", parts);
  }

  protected Dossier reload(Dossier d) {
    return dossiers.get(d.id());
  }

  // ---------- timers ----------

  protected List<Job> timers(Dossier d) {
    List<Job> jobs = new ArrayList<>();
    for (String id : dossierClock.tree(d.processInstanceId())) {
      jobs.addAll(managementService.createJobQuery().processInstanceId(id).timers().list());
    }
    return jobs;
  }

  /** The due date of the timer boundary event with this id, in the dossier's tree. */
  protected Instant timer(Dossier d, String activityId) {
    List<Job> jobs = timers(d).stream().filter(j -> activityId.equals(activityOf(j))).toList();
    assertThat(jobs).as("timer " + activityId).hasSize(1);
    return jobs.get(0).getDuedate().toInstant();
  }

  protected String activityOf(Job job) {
    return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
        .getActivityId();
  }

  /** Runs every timer of the dossier that is due at the engine's current time, as the job executor would. */
  protected int fireDueTimers(Dossier d) {
    int fired = 0;
    for (int round = 0; round < 10; round++) {
      Date now = ClockUtil.getCurrentTime();
      List<Job> due = timers(d).stream().filter(j -> !j.getDuedate().after(now)).toList();
      if (due.isEmpty()) {
        return fired;
      }
      for (Job job : due) {
        managementService.executeJob(job.getId());
        fired++;
      }
    }
    throw new AssertionError("timers keep firing");
  }

}
