package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.core.io.ByteArrayResource;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierTestSupport;

/**
 * Scope of every role over two wards' dossiers (Minh Xuân and Nông Tiến) and one of the provincial service
 * centre, through the three doors: the engine REST API ({@code /engine-rest}), the officers' API
 * ({@code /api/dossiers}) and the webapps' own REST ({@code /camunda/api/...}, as Tasklist and Cockpit call
 * it). One rule ({@link AccessPolicy}): a ward's officers and supervisor see their ward, the province's
 * supervisors see all, the process admin deploys but reads no personal data.
 */
@MotCuaSpringTest
class UnitScopeTest extends DossierTestSupport {
  private static final String PHONE_MX = "0912345678";
  private static final String PHONE_NT = "0987654321";
  private static final String PHONE_TT = "0977111333";

  @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.AuthorizationService authorizations;
  @org.springframework.beans.factory.annotation.Autowired EngineGrants engineGrants;
  @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.RepositoryService repositoryService;

  Dossier minhXuan;
  Dossier nongTien;
  Dossier province;

  @BeforeEach
  void threeUnitsWithOneDossierEach() {
    minhXuan = registerAtCounter("mc.hung", registration("001203004567", PHONE_MX));
    nongTien = registerAtCounter("mc.tuan", registration("001203007654", PHONE_NT)
        .replace("phường Minh Xuân", "phường Nông Tiến"));
    province = registerAtCounter("mc.lan", registration("001203001111", PHONE_TT)
        .replace(PROCEDURE, "Procedure_JudicialRecord"));
  }

  // ---- helpers ----

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  private List<Map<String, Object>> list(String user, String path) {
    ResponseEntity<List<Map<String, Object>>> r = rest.withBasicAuth(user, "demo")
        .exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(r.getStatusCode().value()).as(user + " " + path).isEqualTo(200);
    return r.getBody();
  }

  private List<Object> taskIds(String user, Dossier d) {
    return list(user, "/engine-rest/task?taskId=" + taskOf(d)).stream()
        .map(t -> t.get("id")).toList();
  }

  private String taskOf(Dossier d) {
    Task t = openTask(d);
    return t.getId();
  }

  /** Sees the dossier's task, its variables, the instance's variables, and reads it through /api. */
  private void seesEngineWork(String user, Dossier d, String phone) {
    assertThat(taskIds(user, d)).as(user + " task list").contains(taskOf(d));
    ResponseEntity<String> taskVars = get(user, "/engine-rest/task/" + taskOf(d) + "/variables");
    assertThat(taskVars.getStatusCode().value()).as(user + " task variables").isEqualTo(200);
    assertThat(taskVars.getBody()).contains(phone);
    ResponseEntity<String> instanceVars = get(user, "/engine-rest/process-instance/" + d.processInstanceId() + "/variables");
    assertThat(instanceVars.getStatusCode().value()).as(user + " instance variables").isEqualTo(200);
    assertThat(instanceVars.getBody()).contains(phone);
  }

  /** Sees nothing of the dossier through the engine: no task, no variables, no instance, no history. */
  private void seesNothingInEngine(String user, Dossier d, String phone) {
    assertThat(taskIds(user, d)).as(user + " task list").isEmpty();
    ResponseEntity<String> taskVars = get(user, "/engine-rest/task/" + taskOf(d) + "/variables");
    assertThat(taskVars.getStatusCode().value()).as(user + " task variables").isIn(403, 404);
    assertThat(taskVars.getBody()).doesNotContain(phone);
    ResponseEntity<String> instanceVars = get(user, "/engine-rest/process-instance/" + d.processInstanceId() + "/variables");
    assertThat(instanceVars.getStatusCode().value()).as(user + " instance variables").isIn(403, 404);
    assertThat(instanceVars.getBody()).doesNotContain(phone);
    assertThat(list(user, "/engine-rest/process-instance?processInstanceIds=" + d.processInstanceId()))
        .as(user + " instance query").isEmpty();
    noHistory(user, d);
  }

  private void noHistory(String user, Dossier d) {
    assertThat(list(user, "/engine-rest/history/process-instance?processInstanceId=" + d.processInstanceId()))
        .as(user + " history").isEmpty();
    assertThat(list(user, "/engine-rest/history/variable-instance?processInstanceId=" + d.processInstanceId()))
        .as(user + " variable history").isEmpty();
    assertThat(list(user, "/engine-rest/history/task?taskId=" + taskOf(d)))
        .as(user + " task history").isEmpty();
  }

  private void readsDossier(String user, Dossier d, boolean allowed) {
    ResponseEntity<String> r = get(user, "/api/dossiers/" + d.code());
    assertThat(r.getStatusCode().value()).as(user + " /api/dossiers/" + d.code()).isEqualTo(allowed ? 200 : 403);
  }

  // ---- the roles ----

  @Test
  void a_wards_supervisor_sees_the_wards_work_and_nothing_of_another_ward() {
    seesEngineWork("gs.nam", minhXuan, PHONE_MX);
    seesNothingInEngine("gs.nam", nongTien, PHONE_NT);
    seesNothingInEngine("gs.nam", province, PHONE_TT);
    readsDossier("gs.nam", minhXuan, true);
    readsDossier("gs.nam", nongTien, false);
    // the engine's history is the province's: a ward supervisor reads the dossier's record through /api
    noHistory("gs.nam", minhXuan);
    // what it costs: one row for the open task and one per instance of the dossier's tree (procedure, block)
    String block = openTask(minhXuan).getProcessInstanceId();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE GROUP_ID_ = ? AND RESOURCE_ID_ IN "
        + "(?, ?, ?)", Integer.class, "tq-minhxuan.supervisor", taskOf(minhXuan), minhXuan.processInstanceId(), block))
        .isEqualTo(3);
  }

  @Test
  void a_wards_officers_see_their_own_tasks_and_nothing_of_another_ward() {
    // reception: the check task of their ward's dossier only
    assertThat(taskIds("mc.hung", minhXuan)).contains(taskOf(minhXuan));
    seesNothingInEngine("mc.hung", nongTien, PHONE_NT);
    seesNothingInEngine("mc.tuan", minhXuan, PHONE_MX);
    readsDossier("mc.hung", minhXuan, true);
    readsDossier("mc.hung", nongTien, false);
    readsDossier("mc.tuan", nongTien, true);
    readsDossier("mc.tuan", minhXuan, false);
    // specialist, leader, head of Minh Xuân
    for (String user : List.of("cv.minh", "ld.thao", "tt.hai")) {
      seesNothingInEngine(user, nongTien, PHONE_NT);
      readsDossier(user, minhXuan, true);
      readsDossier(user, nongTien, false);
      readsDossier(user, province, false);
    }
    seesNothingInEngine("cv.huong", minhXuan, PHONE_MX);
    readsDossier("cv.huong", minhXuan, false);
  }

  @Test
  void the_provinces_supervisor_and_the_administrator_see_every_unit() {
    for (String user : List.of("gs.ha", "demo")) {
      for (Dossier d : List.of(minhXuan, nongTien, province)) {
        seesEngineWork(user, d, d == minhXuan ? PHONE_MX : d == nongTien ? PHONE_NT : PHONE_TT);
        readsDossier(user, d, true);
        assertThat(list(user, "/engine-rest/history/variable-instance?processInstanceId=" + d.processInstanceId()))
            .as(user + " variable history").isNotEmpty();
      }
    }
  }

  @Test
  void the_process_admin_deploys_but_reads_no_personal_data() {
    assertThat(list("qt.phuong", "/engine-rest/process-definition?key=" + PROCEDURE)).isNotEmpty();
    for (Dossier d : List.of(minhXuan, nongTien, province)) {
      seesNothingInEngine("qt.phuong", d, d == minhXuan ? PHONE_MX : d == nongTien ? PHONE_NT : PHONE_TT);
      readsDossier("qt.phuong", d, false);
    }
    ResponseEntity<String> search = get("qt.phuong", "/api/dossiers?applicant=001203001111");
    assertThat(search.getBody()).doesNotContain(province.code());
    assertThat(list("qt.phuong", "/engine-rest/process-instance?processDefinitionKey=" + PROCEDURE)).isEmpty();

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "scope-test-deploy");
    form.add("data", new ByteArrayResource(("""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://motcua.vn/test">
          <bpmn:process id="Test_ScopeDeploy" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" /><bpmn:endEvent id="e" />
          </bpmn:process>
        </bpmn:definitions>
        """).getBytes()) {
      @Override
      public String getFilename() {
        return "scope-test.bpmn";
      }
    });
    ResponseEntity<String> deployed = rest.withBasicAuth("qt.phuong", "demo")
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
    assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
  }

  @Test
  void a_task_for_the_supervisors_themselves_is_theirs_once() {
    // a task whose candidate group is the ward's supervisors (as the overdue escalation "Giám sát hồ sơ quá
    // hạn"): Camunda grants it to them already; a second grant of the same group would break the unique key
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("Test_SupervisorTask").count() == 0) {
      repositoryService.createDeployment().name("test-supervisor-task")
          .addClasspathResource("test-processes/supervisor-task.bpmn").deploy();
    }
    String instance = runtimeService.startProcessInstanceByKey("Test_SupervisorTask",
        Map.<String, Object>of("unit", "tq-minhxuan")).getId();
    String task = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    assertThat(list("gs.nam", "/engine-rest/task?taskId=" + task)).hasSize(1);
    assertThat(list("cv.huong", "/engine-rest/task?taskId=" + task)).isEmpty();
    assertThat(get("gs.nam", "/engine-rest/process-instance/" + instance).getStatusCode().value()).isEqualTo(200);
    assertThat(get("gs.ha", "/engine-rest/process-instance/" + instance).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void an_upgraded_database_loses_the_former_read_on_everything_at_start_up() {
    // what IdentitySync granted before issue 19: READ on every instance and task to each unit's supervisor
    org.camunda.bpm.engine.authorization.Authorization old =
        authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    old.setGroupId("tq-nongtien.supervisor");
    old.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE);
    old.setResourceId("*");
    old.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    authorizations.saveAuthorization(old);
    assertThat(authorizations.isUserAuthorized("x", List.of("tq-nongtien.supervisor"),
        org.camunda.bpm.engine.authorization.Permissions.READ,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE, minhXuan.processInstanceId())).isTrue();

    engineGrants.sync();
    engineGrants.sync();
    assertThat(authorizations.isUserAuthorized("x", List.of("tq-nongtien.supervisor"),
        org.camunda.bpm.engine.authorization.Permissions.READ,
        org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE, minhXuan.processInstanceId())).isFalse();
    assertThat(authorizations.createAuthorizationQuery().groupIdIn("tq-nongtien.supervisor")
        .resourceType(org.camunda.bpm.engine.authorization.Resources.APPLICATION).count()).isEqualTo(2);
  }

  @Test
  void the_webapps_own_rest_obeys_the_same_scope() {
    HttpHeaders nam = webappLogin("gs.nam", "cockpit");
    String base = "/camunda/api/engine/engine/default";
    assertThat(webappGet(nam, base + "/task/count?taskId=" + taskOf(nongTien)).getBody())
        .contains("\"count\":0");
    assertThat(webappGet(nam, base + "/task/count?taskId=" + taskOf(minhXuan)).getBody())
        .contains("\"count\":1");
    assertThat(webappGet(nam, base + "/task?taskId=" + taskOf(nongTien)).getBody())
        .isEqualTo("[]");
    ResponseEntity<String> other = webappGet(nam, base + "/process-instance/" + nongTien.processInstanceId() + "/variables");
    assertThat(other.getStatusCode().value()).isIn(403, 404);
    assertThat(other.getBody()).doesNotContain(PHONE_NT);
    ResponseEntity<String> own = webappGet(nam, base + "/process-instance/" + minhXuan.processInstanceId() + "/variables");
    assertThat(own.getBody()).contains(PHONE_MX);
    // Cockpit's own instance query (the process-instance list of a definition)
    assertThat(webappGet(nam, base + "/process-instance/count?processInstanceIds=" + nongTien.processInstanceId())
        .getBody()).contains("\"count\":0");
    assertThat(webappGet(nam, base + "/process-instance/count?processInstanceIds=" + minhXuan.processInstanceId())
        .getBody()).contains("\"count\":1");

    // Cockpit's own plugin REST: the blocks called by a dossier's instance (the process-instance view)
    String plugin = "/camunda/api/cockpit/plugin/base/default/process-instance/";
    ResponseEntity<String> ownCalled = webappGet(nam, plugin + minhXuan.processInstanceId() + "/called-process-instances");
    assertThat(ownCalled.getStatusCode().value()).isEqualTo(200);
    assertThat(ownCalled.getBody()).contains(openTask(minhXuan).getProcessInstanceId());
    ResponseEntity<String> otherCalled =
        webappGet(nam, plugin + nongTien.processInstanceId() + "/called-process-instances");
    assertThat(otherCalled.getBody()).doesNotContain(openTask(nongTien).getProcessInstanceId());

    HttpHeaders ha = webappLogin("gs.ha", "cockpit");
    assertThat(webappGet(ha, plugin + nongTien.processInstanceId() + "/called-process-instances").getBody())
        .contains(openTask(nongTien).getProcessInstanceId());
    assertThat(webappGet(ha, base + "/process-instance/" + nongTien.processInstanceId() + "/variables").getBody())
        .contains(PHONE_NT);

    HttpHeaders phuong = webappLogin("qt.phuong", "cockpit");
    assertThat(webappGet(phuong, base + "/process-instance/count?processDefinitionKey=" + PROCEDURE).getBody())
        .contains("\"count\":0");
    assertThat(webappGet(phuong, base + "/process-definition/count").getBody()).doesNotContain("\"count\":0");

    HttpHeaders hung = webappLogin("mc.hung", "tasklist");
    assertThat(webappGet(hung, base + "/task/count?taskId=" + taskOf(nongTien)).getBody())
        .contains("\"count\":0");
    assertThat(webappGet(hung, base + "/task/count?taskId=" + taskOf(minhXuan)).getBody())
        .contains("\"count\":1");
  }

  private ResponseEntity<String> webappGet(HttpHeaders session, String path) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(session), String.class);
  }

  /** The webapps' login form, as the browser sends it; the session cookie for the calls after it. */
  private HttpHeaders webappLogin(String user, String app) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
    String xsrf = cookie(page.getHeaders(), "XSRF-TOKEN");
    String session = cookie(page.getHeaders(), "JSESSIONID");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add("X-XSRF-TOKEN", xsrf);
    headers.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + xsrf + (session == null ? "" : "; JSESSIONID=" + session));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", "demo");
    ResponseEntity<String> login = rest.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
        new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode().value()).as(user + " " + login.getBody()).isEqualTo(200);
    HttpHeaders browser = new HttpHeaders();
    browser.add(HttpHeaders.COOKIE, "JSESSIONID=" + cookie(login.getHeaders(), "JSESSIONID"));
    browser.setAccept(List.of(MediaType.APPLICATION_JSON));
    return browser;
  }

  static String cookie(HttpHeaders headers, String name) {
    List<String> set = headers.getOrDefault(HttpHeaders.SET_COOKIE, List.of());
    return set.stream().filter(c -> c.startsWith(name + "=")).map(c -> c.substring(name.length() + 1).split(";")[0])
        .reduce((a, b) -> b).orElse(null);
  }
}
