package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.MotCuaSpringTest;

/**
 * How the job executor takes due jobs in a timer storm (docs/performance.md, "Timer storm"): the jobs due longest
 * first ({@code job-executor-acquire-by-due-date}), and on PostgreSQL with the partial index that keeps the
 * acquisition's exclusive-job check from reading the whole job table (V35).
 */
@MotCuaSpringTest
class JobAcquisitionTest {
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  private static final String DEPLOYMENT = "JobAcquisitionTest";

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @BeforeEach
  @AfterEach
  void undeploy() {
    // this test's model only; also what a run that died before its clean-up left in a kept test database
    engine.getRepositoryService().createDeploymentQuery().deploymentName(DEPLOYMENT).list()
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  @Test
  void the_jobs_due_longest_are_taken_first() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("Test_AcquisitionOrder")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .intermediateCatchEvent("Timer_Due").timerWithDate("${due}")
        .endEvent()
        .done();
    assertThat(configuration().isJobExecutorAcquireByDueDate()).as("job-executor-acquire-by-due-date").isTrue();
    engine.getRepositoryService().createDeployment().name(DEPLOYMENT)
        .addModelInstance("acquisition-order.bpmn", model).deploy();
    // created in this order, so that the table's own order is not the due order; all long past due
    List<String> years = List.of("2003", "2001", "2002");
    List<String> instances = new ArrayList<>();
    for (String year : years) {
      instances.add(engine.getRuntimeService().startProcessInstanceByKey("Test_AcquisitionOrder",
          Map.of("due", Date.from(Instant.parse(year + "-01-01T00:00:00Z")))).getId());
    }

    List<String> taken = new ArrayList<>();
    for (int i = 0; i < years.size(); i++) {
      AcquiredJobs acquired = configuration().getCommandExecutorTxRequired()
          .execute(new AcquireJobsCmd(configuration().getJobExecutor(), 1));
      assertThat(acquired.size()).isEqualTo(1);
      String jobId = acquired.getJobIdBatches().get(0).get(0);
      taken.add(engine.getManagementService().createJobQuery().jobId(jobId).singleResult().getProcessInstanceId());
    }

    // 2001, 2002, 2003: the oldest first, whatever else is due in the shared test database (all of it later)
    assertThat(taken).containsExactly(instances.get(1), instances.get(2), instances.get(0));
  }

  @Test
  void on_postgresql_the_locked_jobs_have_their_own_index() {
    String type = configuration().getDbSqlSessionFactory().getDatabaseType();
    Assumptions.assumeTrue(DbSqlSessionFactory.POSTGRES.equals(type),
        "the partial index is PostgreSQL's (H2 has no partial indexes); this run is on " + type);
    String definition = jdbc.queryForObject(
        "SELECT indexdef FROM pg_indexes WHERE tablename = 'act_ru_job' AND indexname = 'ix_act_ru_job_locked'",
        String.class);
    assertThat(definition).containsIgnoringCase("(process_instance_id_)")
        .containsIgnoringCase("WHERE (lock_owner_ IS NOT NULL)");
  }
}
