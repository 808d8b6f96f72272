package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.MotCuaSpringTest;

@MotCuaSpringTest
class ModelDeployerTest {
  @Autowired ModelDeployer deployer;
  @Autowired RepositoryService repositoryService;

  @Test
  void deploying_twice_with_unchanged_files_leaves_one_version_of_each_process() {
    assertThat(deployer.findModels()).isNotEmpty();
    deployer.deploy();
    long deployments = repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).count();

    assertThat(deployer.deploy()).isNull();
    assertThat(deployer.deploy()).isNull();

    assertThat(repositoryService.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).count())
        .isEqualTo(deployments);
    for (ProcessDefinition latest : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      if (latest.getResourceName().startsWith("processes/")) {
        assertThat(repositoryService.createProcessDefinitionQuery()
            .processDefinitionKey(latest.getKey()).count()).as(latest.getKey()).isEqualTo(1);
      }
    }
  }

  @Test
  void models_are_named_by_their_path_below_processes_and_forms() {
    assertThat(deployer.findModels().keySet()).allMatch(n -> n.startsWith("processes/") || n.startsWith("forms/"));
  }
}
