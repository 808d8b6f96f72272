package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.*;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.tasklist.TaskDossierView;

/** The engine as the project configures it (EngineTuningPlugin), with a dossier through reception. */
@MotCuaSpringTest
class EngineTuningTest extends DossierTestSupport {
  @Autowired HistoryService historyService;
  @Autowired AuthorizationService authorizationService;

  @Test
  void the_engine_runs_at_the_projects_history_level_with_its_authorization_manager() {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(cfg.getHistoryLevel()).isInstanceOf(DossierHistoryLevel.class);
    assertThat(jdbc.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'", String.class))
        .isEqualTo(String.valueOf(DossierHistoryLevel.ID));
    Object manager = cfg.getCommandExecutorTxRequired().execute((Command<Object>) ctx -> ctx.getAuthorizationManager());
    assertThat(manager).isInstanceOf(OwnGroupsAuthorizationManager.class);
  }

  @Test
  void postgresql_connections_carry_the_postgres_profiles_driver_settings() throws Exception {
    // what production runs with (application-postgres.yml) ...
    var yml = new org.springframework.boot.env.YamlPropertySourceLoader()
        .load("postgres", new org.springframework.core.io.ClassPathResource("application-postgres.yml")).get(0);
    String prefix = "spring.datasource.hikari.data-source-properties.";
    assertThat(String.valueOf(yml.getProperty(prefix + "reWriteBatchedInserts"))).isEqualTo("true");
    assertThat(String.valueOf(yml.getProperty(prefix + "options"))).isEqualTo("-c random_page_cost=1.1");
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory.POSTGRES.equals(cfg.getDbSqlSessionFactory().getDatabaseType())) {
      // ... is what the PostgreSQL suite runs with (pom.xml's postgres profile passes the same settings): the
      // planner's price of a random read, which the Tasklist query's plan depends on (docs/performance.md)
      assertThat(jdbc.queryForObject("SHOW random_page_cost", String.class)).isEqualTo("1.1");
      assertThat(System.getProperty(prefix + "reWriteBatchedInserts")).isEqualTo("true");
      assertThat(System.getProperty(prefix + "options")).isEqualTo("-c random_page_cost=1.1");
    }
  }

  @Test
  void the_dossier_process_keeps_its_variable_history_and_the_blocks_copies_and_the_summary_are_not_kept() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    Task check = openTask(d);
    // the summary is on the task for Tasklist to show
    assertThat((String) taskService.getVariableLocal(check.getId(), TaskDossierView.VARIABLE)).contains("Tình trạng");
    clockAt("2026-03-02T09:10");
    completeOk("mc.hung", check, var(RECEPTION_DECISION, COMPLETE));

    List<String> rootVariables = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(d.processInstanceId()).list().stream().map(HistoricVariableInstance::getName).toList();
    // the registration's variables, and the officer's decision handed back by the reception block
    assertThat(rootVariables).contains(DOSSIER_CODE, APPLICANT_NAME, RECEPTION_DECISION, APPOINTMENT_AT);
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(d.processInstanceId()).variableUpdates().list())
        .anySatisfy(detail -> assertThat(((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getVariableName())
            .isEqualTo(RECEPTION_DECISION));

    // the block hands back only what it changed (HandBackChanged): the applicant's name was written once,
    // at registration, not again when the reception block ended
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(d.processInstanceId()).variableUpdates()
        .list().stream().filter(detail -> APPLICANT_NAME.equals(
            ((org.camunda.bpm.engine.history.HistoricVariableUpdate) detail).getVariableName())).count()).isEqualTo(1);

    HistoricProcessInstance reception = historyService.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(d.processInstanceId()).processDefinitionKey("Block_Reception").singleResult();
    assertThat(reception.getEndTime()).isNotNull();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(reception.getId()).count()).isZero();
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(reception.getId()).variableUpdates().count())
        .isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().variableName(TaskDossierView.VARIABLE).count()).isZero();
    // the rest of the block's history is there: the task, who did it, when
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(reception.getId())
        .taskDefinitionKey("Task_CheckDossier").finished().count()).isEqualTo(1);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(reception.getId())
        .activityId("Task_CheckDossier").finished().count()).isEqualTo(1);
  }

  @Test
  void a_procedure_suspended_in_cockpit_refuses_new_dossiers_at_once_with_a_clear_error() {
    org.camunda.bpm.engine.RepositoryService repository = engine.getRepositoryService();
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(PROCEDURE).latestVersion()
        .singleResult().getId();
    register(); // the catalogue now keeps the latest definition
    repository.suspendProcessDefinitionById(definitionId);
    try {
      var response = rest.withBasicAuth("mc.hung", "demo").postForEntity("/api/dossiers",
          new org.springframework.http.HttpEntity<>(registration("001203004568", "0912345679"), json()), String.class);
      assertThat(response.getStatusCode().value()).isEqualTo(400);
      assertThat(response.getBody()).contains("tạm ngừng tiếp nhận");
    } finally {
      repository.activateProcessDefinitionById(definitionId);
    }
  }

  @Test
  void a_group_without_any_authorization_changes_no_decision() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    Task check = openTask(d);
    // the engine used to drop such groups before checking; the project's manager keeps them
    assertThat(authorizationService.isUserAuthorized("mc.hung", List.of("tq-minhxuan.reception", "nhom-khong-co-quyen"),
        Permissions.READ, Resources.TASK, check.getId())).isTrue();
    assertThat(authorizationService.isUserAuthorized("mc.tuan", List.of("tq-nongtien.reception", "nhom-khong-co-quyen"),
        Permissions.READ, Resources.TASK, check.getId())).isFalse();
    assertThat(authorizationService.isUserAuthorized("mc.tuan", List.of("nhom-khong-co-quyen"),
        Permissions.READ, Resources.TASK, check.getId())).isFalse();
    assertThat(authorizationService.isUserAuthorized("mc.tuan", List.of(), Permissions.READ, Resources.TASK, check.getId()))
        .isFalse();
  }
}
