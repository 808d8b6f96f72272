package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;

/**
 * A process admin changes procedures without Java (issue 21): Camunda Modeler's "Deploy" (Camunda 7 target:
 * {@code POST /engine-rest/deployment/create}, multipart, HTTP Basic) as {@code qt.phuong}; a procedure that
 * cannot run is refused with the reasons Modeler shows; a new procedure or version is offered at once;
 * suspending it stops new registrations. The deployments made here are deleted after each test.
 */
@MotCuaSpringTest
class RuntimeDeploymentTest {
  static final String KEY = "Procedure_DeathRegistration";
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired DossierService dossiers;
  @Autowired WorkingCalendar calendar;

  @AfterEach
  void undeploy() {
    for (Deployment d : repositoryService.createDeploymentQuery().deploymentSource("Camunda Modeler").list()) {
      repositoryService.deleteDeployment(d.getId(), true);
    }
  }

  static String model() {
    try {
      return new String(new ClassPathResource("runtime-procedures/death-registration.bpmn").getContentAsByteArray(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What Camunda Modeler 5 sends for "Deploy" to a Camunda 7 engine. */
  static ResponseEntity<Map> deploy(TestRestTemplate rest, String user, String name, Map<String, String> files) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", name);
    body.add("deployment-source", "Camunda Modeler");
    body.add("deploy-changed-only", "true");
    files.forEach((file, content) -> body.add(file, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return file;
      }
    }));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(body, headers), Map.class);
  }

  static ResponseEntity<Map> deploy(TestRestTemplate rest, String xml) {
    return deploy(rest, "qt.phuong", "death-registration", Map.of("death-registration.bpmn", xml));
  }

  @Test
  void an_officer_may_not_deploy_and_is_told_why_in_vietnamese() {
    ResponseEntity<Map> officer = deploy(rest, "mc.hung", "death-registration", Map.of("death-registration.bpmn", model()));
    assertThat(officer.getStatusCode().value()).isEqualTo(403);
    assertThat((String) officer.getBody().get("message")).contains("quản trị quy trình");
    ResponseEntity<String> anonymous = new TestRestTemplate().postForEntity(
        rest.getRootUri() + "/engine-rest/deployment/create", null, String.class);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isZero();
  }

  @Test
  void a_process_admin_deploys_a_new_procedure_from_modeler_and_a_dossier_runs_on_it_to_the_end() {
    ResponseEntity<Map> deployed = deploy(rest, model());
    assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(200);
    assertThat((Map<?, ?>) deployed.getBody().get("deployedProcessDefinitions")).hasSize(1);

    // offered at once in the public catalogue, with the facts of its model
    Map<String, Object> listed = rest.getForObject("/api/public/procedures/" + KEY, Map.class);
    assertThat(listed.get("name")).isEqualTo("Đăng ký khai tử");
    assertThat(listed.get("statutoryDays")).isEqualTo(3);
    assertThat(listed.get("documents")).isEqualTo(List.of("Tờ khai đăng ký khai tử",
        "Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử"));
    assertThat(rest.getForObject("/api/public/procedures", List.class).toString()).contains(KEY);

    // the officer registers a dossier on it and the officers work it to the end, as in Tasklist
    ProcedureDriver driver = new ProcedureDriver(rest, taskService, identityService, dossiers, calendar);
    Dossier d = driver.register(KEY);
    assertThat(d.procedureKey()).isEqualTo(KEY);
    driver.driveToEnd(d);
    Dossier done = dossiers.get(d.id());
    assertThat(done.status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(done.processInstanceId())
        .activityId("Task_TransferToLead").finished().count()).as("the transfer of the element template ran").isOne();
    // and the supervisors' report counts it under the new procedure, without a restart
    String month = java.time.YearMonth.from(done.receivedAt().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))).toString();
    ResponseEntity<String> report = rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/api/reports/resolution?month=" + month, String.class);
    assertThat(report.getStatusCode().value()).isEqualTo(200);
    assertThat(report.getBody()).contains(KEY, "Đăng ký khai tử");
  }

  @Test
  void a_new_version_is_offered_at_once_and_a_suspended_procedure_takes_no_new_dossier_until_resumed() {
    assertThat(deploy(rest, model()).getStatusCode().value()).isEqualTo(200);
    ProcedureDriver driver = new ProcedureDriver(rest, taskService, identityService, dossiers, calendar);
    Dossier onV1 = driver.register(KEY);

    assertThat(deploy(rest, model().replace("name=\"procedure.statutoryDays\" value=\"3\"",
        "name=\"procedure.statutoryDays\" value=\"5\"")).getStatusCode().value()).isEqualTo(200);
    Map<String, Object> listed = rest.getForObject("/api/public/procedures/" + KEY, Map.class);
    assertThat(listed.get("statutoryDays")).as("the new version at once, no restart").isEqualTo(5);

    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> suspend = rest.withBasicAuth("qt.phuong", "demo").exchange(
        "/engine-rest/process-definition/key/" + KEY + "/suspended", org.springframework.http.HttpMethod.PUT,
        new HttpEntity<>("{\"suspended\": true, \"includeProcessInstances\": false}", json), String.class);
    assertThat(suspend.getStatusCode().value()).as(suspend.getBody()).isEqualTo(204);

    String registration = """
        {"procedureKey": "%s", "channel": "DIRECT",
         "applicant": {"name": "Nguyễn Văn An", "idNumber": "001203004567", "phone": "0912345678",
                       "address": "Tổ 5, phường Minh Xuân, tỉnh Tuyên Quang"}, "requestSummary": "Khai tử"}
        """.formatted(KEY);
    ResponseEntity<String> refused = rest.withBasicAuth("mc.hung", "demo")
        .postForEntity("/api/dossiers", new HttpEntity<>(registration, json), String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("đang tạm ngừng tiếp nhận hồ sơ");
    assertThat(rest.getForObject("/api/public/procedures", List.class).toString()).doesNotContain(KEY);
    // the dossiers under way go on: the receipt reads the facts of the suspended procedure
    driver.driveToEnd(onV1);
    assertThat(dossiers.get(onV1.id()).status()).isEqualTo(DossierStatus.RETURNED);

    ResponseEntity<String> resume = rest.withBasicAuth("qt.phuong", "demo").exchange(
        "/engine-rest/process-definition/key/" + KEY + "/suspended", org.springframework.http.HttpMethod.PUT,
        new HttpEntity<>("{\"suspended\": false, \"includeProcessInstances\": false}", json), String.class);
    assertThat(resume.getStatusCode().value()).isEqualTo(204);
    ResponseEntity<String> accepted = rest.withBasicAuth("mc.hung", "demo")
        .postForEntity("/api/dossiers", new HttpEntity<>(registration, json), String.class);
    assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(201);
  }

  /** Each broken variant of the model and the words of the refusal that names its element. */
  @Test
  void a_procedure_that_cannot_run_is_refused_with_the_reasons_modeler_shows() {
    String ok = model();
    Map<String, List<String>> broken = new java.util.LinkedHashMap<>();
    broken.put(ok.replace("name=\"procedure.statutoryDays\" value=\"3\"", "name=\"procedure.statutoryDays\" value=\"-3\""),
        List.of(KEY, "procedure.statutoryDays = -3"));
    broken.put(ok.replace("name=\"procedure.competentAgency\" value=\"RECEIVING_UNIT\"",
        "name=\"procedure.competentAgency\" value=\"tq-khongco\""), List.of(KEY, "tq-khongco", "tệp tổ chức"));
    broken.put(ok.replace("name=\"stage.appraisalHours\" value=\"12\"", "name=\"stage.appraisalHours\" value=\"30\""),
        List.of(KEY, "vượt thời hạn 3 ngày làm việc"));
    broken.put(ok.replace("calledElement=\"Block_Resolution\"", "calledElement=\"Block_Appraisal\""),
        List.of("CallActivity_Resolution", "Block_Appraisal", "không tồn tại"));
    broken.put(ok.replace("${transferDelegate}", "${transferDossierDelegate}"),
        List.of("Task_TransferToLead", "transferDossierDelegate"));
    broken.put(ok.replace(" camunda:historyTimeToLive=\"P1825D\"", ""), List.of(KEY, "History time to live"));
    broken.put(ok.replace("<bpmn:serviceTask id=\"Task_TransferToLead\"",
            "<bpmn:userTask id=\"Task_Check\" name=\"Kiểm tra\" camunda:candidateGroups=\"${competentUnit}.chuyenvien\" "
                + "camunda:formRef=\"form-khai-tu\" camunda:formRefBinding=\"deployment\"/>\n"
                + "<bpmn:serviceTask id=\"Task_TransferToLead\""),
        List.of("Task_Check", "chuyenvien", "form-khai-tu"));
    List<String> failures = new ArrayList<>();
    for (var variant : broken.entrySet()) {
      ResponseEntity<Map> refused = deploy(rest, variant.getKey());
      String message = String.valueOf(refused.getBody() == null ? null : refused.getBody().get("message"));
      if (refused.getStatusCode().value() != 400 || !variant.getValue().stream().allMatch(message::contains)) {
        failures.add(refused.getStatusCode() + " " + message + " — expected " + variant.getValue());
      }
    }
    assertThat(failures).isEmpty();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count()).isZero();
    assertThat(rest.getForEntity("/api/public/procedures/" + KEY, String.class).getStatusCode().value()).isEqualTo(404);
  }
}
