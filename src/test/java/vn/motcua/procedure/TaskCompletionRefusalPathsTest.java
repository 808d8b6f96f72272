package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierTestSupport;

/**
 * The user tasks beyond the main path (field inspection, a partner agency's part, the tax confirmation)
 * completed through {@code /engine-rest} with no variables and with wrong ones: HTTP 400 with a Vietnamese
 * reason, never 500, the task stays; then the right answer completes it. The main path's tasks:
 * {@code vn.motcua.dossier.TaskCompletionRefusalTest}.
 */
@MotCuaSpringTest
class TaskCompletionRefusalPathsTest extends DossierTestSupport {
  @Autowired IdentityService identityService;
  @Autowired WorkingCalendar calendar;
  ProcedureDriver driver;

  @BeforeEach
  void newDriver() {
    driver = new ProcedureDriver(rest, taskService, identityService, dossiers, calendar);
    clockAt("2026-03-02T09:00");
  }

  static Stream<Arguments> tasks() {
    return Stream.of(
        Arguments.of("Procedure_ConstructionPermit", "Task_FieldInspection", "inspectionPlace"),
        Arguments.of("Procedure_ConstructionPermit", "Task_PartnerProcess", "partnerDecision"),
        Arguments.of("Procedure_JudicialRecord", "Task_PartnerProcess", "partnerDecision"),
        Arguments.of("Procedure_LandUseCertificate", "Task_ConfirmPayment", "paymentConfirmed"));
  }

  @ParameterizedTest(name = "{1} of {0}")
  @MethodSource("tasks")
  void missing_or_wrong_variables_are_a_400_in_vietnamese_and_the_task_stays(String procedure, String taskKey,
      String variable) {
    Dossier d = driver.register(procedure);
    Task task = driver.driveUntil(d, taskKey);
    List<String> wrong = List.of("",
        var(variable, "MAYBE"),
        var(variable, 42),
        "\"" + variable + "\": {\"value\": null}",
        "\"" + variable + "\": {\"value\": \"abc\", \"type\": \"Integer\"}",
        "\"" + variable + "\": {\"value\": \"true\", \"type\": \"String\"}");
    for (String variables : wrong) {
      ResponseEntity<String> response = driver.complete(task, variables);
      assertThat(response.getStatusCode().value()).as(taskKey + " " + variables + " → " + response.getBody())
          .isEqualTo(400);
      assertThat(response.getBody()).as(variables).containsPattern("\"message\":\"[^\"]*(Cần|phải)");
      assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }
    driver.work(d, task);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
  }
}
