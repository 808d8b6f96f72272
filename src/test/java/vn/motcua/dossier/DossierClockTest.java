package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.calendar.WorkingCalendar;

/**
 * Pausing and resuming the clock (financial obligations, statutory waits): the deadlines, the open
 * task's due date and the pending timers move by exactly the working time the dossier waited.
 */
@MotCuaSpringTest
class DossierClockTest extends DossierTestSupport {
  @Autowired DossierClock clock;
  @Autowired WorkingCalendar calendar;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;

  private ResponseEntity<Map> post(String user, String path, String body) {
    return rest.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, json()), Map.class);
  }

  @Test
  void a_dossier_paused_over_a_weekend_has_its_task_due_date_and_appointment_moved_by_the_paused_working_time() {
    clockAt("2026-03-05T09:00"); // Thursday
    Dossier d = register();
    completeOk("mc.hung", openTask(d), DossierTestSupport.var(DossierVariables.RECEPTION_DECISION, "COMPLETE"));
    payFeeAtCounter(d);
    Task appraise = openTask(d);
    assertThat(appraise.getDueDate().toInstant()).isEqualTo(at("2026-03-06T17:00"));
    assertThat(reload(d).appointmentAt()).isEqualTo(at("2026-03-10T09:00"));

    clockAt("2026-03-06T13:30"); // Friday afternoon: the applicant must pay first
    assertThat(post("cv.minh", "/api/dossiers/" + d.code() + "/pause", "{}").getStatusCode().value()).isEqualTo(400);
    ResponseEntity<Map> paused = post("cv.minh", "/api/dossiers/" + d.code() + "/pause",
        "{\"reason\": \"Chờ người nộp thực hiện nghĩa vụ tài chính\"}");
    assertThat(paused.getStatusCode().value()).isEqualTo(200);
    assertThat(paused.getBody().get("status")).isEqualTo(6);
    assertThat(post("mc.hung", "/api/dossiers/" + d.code() + "/pause", "{\"reason\": \"Không có thẩm quyền\"}")
        .getStatusCode().value()).isEqualTo(403);

    clockAt("2026-03-09T13:30"); // Monday afternoon, three calendar days later
    ResponseEntity<Map> resumed = post("cv.minh", "/api/dossiers/" + d.code() + "/resume",
        "{\"note\": \"Đã nộp biên lai\"}");
    assertThat(resumed.getStatusCode().value()).isEqualTo(200);

    // Friday 13:30–17:30 and Monday 07:30–11:30: 8 working hours
    assertThat(calendar.workingTimeBetween(at("2026-03-06T13:30"), at("2026-03-09T13:30"))).isEqualTo(Duration.ofHours(8));
    Dossier after = reload(d);
    assertThat(after.status()).isEqualTo(DossierStatus.IN_PROGRESS);
    assertThat(after.pausedAt()).isNull();
    assertThat(after.appointmentAt()).isEqualTo(at("2026-03-11T09:00"));
    assertThat(openTask(d).getDueDate().toInstant()).isEqualTo(at("2026-03-09T17:00"));
    assertThat(runtimeService.getVariable(d.processInstanceId(), DossierVariables.APPOINTMENT_AT))
        .isEqualTo(Date.from(at("2026-03-11T09:00")));
    assertThat(dossiers.controlLog(d.id())).filteredOn(e -> "Task_Appraise".equals(e.stepKey()))
        .singleElement().satisfies(e -> assertThat(e.stageDueAt()).isEqualTo(at("2026-03-09T17:00")));
    assertThat(dossiers.events(d.id())).extracting(DossierEvent::type).contains("CLOCK_PAUSED", "CLOCK_RESUMED");
    // the first pause is the fee's wait at reception (paid at once at the counter), the second the specialist's
    assertThat(dossiers.events(d.id())).filteredOn(e -> e.type().equals("CLOCK_PAUSED"))
        .satisfiesExactly(fee -> {
          assertThat(fee.actor()).isEqualTo("system");
          assertThat(fee.reason()).contains("lệ phí 100.000 đồng");
        }, e -> {
          assertThat(e.actor()).isEqualTo("cv.minh");
          assertThat(e.reason()).contains("nghĩa vụ tài chính");
        });
  }

  @Test
  void pending_timers_wait_while_paused_and_move_by_the_paused_working_time() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("Test_TimedStage").count() == 0) {
      repositoryService.createDeployment().name("test-timed-stage")
          .addClasspathResource("test-processes/timed-stage.bpmn").deploy();
    }
    clockAt("2026-03-05T09:00");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("Test_TimedStage",
        Map.of(DossierVariables.APPRAISAL_DUE_AT, Date.from(at("2026-03-06T17:00"))));
    Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(at("2026-03-06T11:00")); // 4 working hours before (lunch excluded)

    clockAt("2026-03-06T09:00");
    clock.suspendTimers(pi.getId());
    clockAt("2026-03-09T09:00"); // the timer's date has passed, but it is suspended
    assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).active().executable().count()).isZero();

    Duration paused = calendar.workingTimeBetween(at("2026-03-06T09:00"), at("2026-03-09T09:00"));
    assertThat(paused).isEqualTo(Duration.ofHours(8));
    clock.shift(pi.getId(), paused);

    Job moved = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(moved.isSuspended()).isFalse();
    assertThat(moved.getDuedate().toInstant()).isEqualTo(at("2026-03-09T11:00"));
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getDueDate().toInstant())
        .isEqualTo(at("2026-03-09T17:00"));
    assertThat(runtimeService.getVariable(pi.getId(), DossierVariables.APPRAISAL_DUE_AT))
        .isEqualTo(Date.from(at("2026-03-09T17:00")));

    clockAt("2026-03-09T11:01");
    execute(job(pi));
    assertThat(pi).hasPassed("EndEvent_Warned").isWaitingAt("Task_Work");
  }

}
