package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;

@MotCuaSpringTest
class EngineRestSecurityTest {
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  static String taskOfMinhXuan;
  static String taskOfNongTien;


  private void twoUnitsWithOneTaskEach() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("Test_UnitTask").count() == 0) {
      repositoryService.createDeployment().name("test-unit-task")
          .addClasspathResource("test-processes/unit-task.bpmn").deploy();
    }
    String a = runtimeService.startProcessInstanceByKey("Test_UnitTask", Map.of("unit", "tq-minhxuan")).getId();
    String b = runtimeService.startProcessInstanceByKey("Test_UnitTask", Map.of("unit", "tq-nongtien")).getId();
    taskOfMinhXuan = taskService.createTaskQuery().processInstanceId(a).singleResult().getId();
    taskOfNongTien = taskService.createTaskQuery().processInstanceId(b).singleResult().getId();
  }

  @Test
  void engine_rest_without_credentials_answers_401() {
    ResponseEntity<String> response = rest.getForEntity("/engine-rest/task", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void engine_rest_with_wrong_password_answers_401() {
    // a user no other test logs in with: Camunda delays the next login of a user after a failed one
    ResponseEntity<String> response =
        rest.withBasicAuth("gs.nam", "wrong").getForEntity("/engine-rest/task", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void engine_rest_with_demo_officer_answers_200() {
    ResponseEntity<String> response =
        rest.withBasicAuth("cv.minh", "demo").getForEntity("/engine-rest/task", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void officer_sees_only_own_units_task_and_cannot_complete_another_units() {
    twoUnitsWithOneTaskEach();

    ResponseEntity<List<Map<String, Object>>> seen =
        rest.withBasicAuth("cv.minh", "demo")
            .exchange("/engine-rest/task?processDefinitionKey=Test_UnitTask", HttpMethod.GET, null,
                new ParameterizedTypeReference<>() {});
    assertThat(seen.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Object> ids = seen.getBody().stream().map(t -> t.get("id")).toList();
    assertThat(ids).contains(taskOfMinhXuan).doesNotContain(taskOfNongTien);

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> completeOther =
        rest.withBasicAuth("cv.minh", "demo")
            .postForEntity("/engine-rest/task/" + taskOfNongTien + "/complete",
                new HttpEntity<>("{}", headers), String.class);
    assertThat(completeOther.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(taskOfNongTien).count()).isEqualTo(1);

    ResponseEntity<String> completeOwn =
        rest.withBasicAuth("cv.minh", "demo")
            .postForEntity("/engine-rest/task/" + taskOfMinhXuan + "/complete",
                new HttpEntity<>("{}", headers), String.class);
    assertThat(completeOwn.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    Task left = taskService.createTaskQuery().taskId(taskOfMinhXuan).singleResult();
    assertThat(left).isNull();
  }

  @Test
  void a_leader_cannot_see_the_specialists_task_of_the_same_unit() {
    twoUnitsWithOneTaskEach();
    ResponseEntity<List<Map<String, Object>>> seen =
        rest.withBasicAuth("ld.thao", "demo")
            .exchange("/engine-rest/task?processDefinitionKey=Test_UnitTask", HttpMethod.GET, null,
                new ParameterizedTypeReference<>() {});
    assertThat(seen.getBody()).extracting(t -> t.get("id")).doesNotContain(taskOfMinhXuan, taskOfNongTien);
  }

  @Test
  void actuator_health_is_public_and_nothing_else_is_exposed() {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/actuator/env", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/actuator/beans", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void project_api_without_credentials_answers_401_in_vietnamese() {
    ResponseEntity<String> response = rest.getForEntity("/api/dossiers", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getBody()).contains("Cần đăng nhập");
  }
}
