package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.ResourcePatternResolver;
import vn.motcua.MotCuaApplication;
import vn.motcua.MotCuaSpringTest;

/**
 * A restart never replaces a version a process admin deployed at runtime by the older file of
 * {@code processes/} (issue 21): the newest change wins. The restart is a second Spring context of the
 * application on the same database, with a release that changed another model (so the files are deployed
 * again); a file edited after the runtime version is deployed as the newer version.
 */
@MotCuaSpringTest
class NoSilentRollbackTest {
  static final String KEY = "Procedure_HouseholdBusinessRegistration";
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired ResourcePatternResolver resolver;
  @Value("${motcua.models.locations}") List<String> locations;
  final List<String> deploymentsBefore = new ArrayList<>();

  @AfterEach
  void undeploy() {
    for (Deployment d : repositoryService.createDeploymentQuery().list()) {
      if (!deploymentsBefore.contains(d.getId())) {
        repositoryService.deleteDeployment(d.getId(), true);
      }
    }
  }

  private String runtimeVersion() {
    deploymentsBefore.addAll(repositoryService.createDeploymentQuery().list().stream().map(Deployment::getId).toList());
    String model = RuntimeDeploymentTest.model().replace("Procedure_DeathRegistration", KEY)
        .replace("camunda:versionTag=\"1.0\"", "camunda:versionTag=\"1.1-runtime\"");
    var deployed = RuntimeDeploymentTest.deploy(rest, "qt.phuong", "household-business-registration",
        Map.of("household-business-registration.bpmn", model));
    assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(200);
    return latest().getId();
  }

  private ProcessDefinition latest() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
  }

  @Test
  void a_restart_with_a_release_that_changed_another_model_keeps_the_version_deployed_at_runtime() {
    String runtime = runtimeVersion();
    String stopBefore = repositoryService.createProcessDefinitionQuery().processDefinitionKey("Block_Stop")
        .latestVersion().singleResult().getId();

    List<String> releaseLocations = new ArrayList<>(locations);
    releaseLocations.add("classpath*:restart-release/processes/**/*.bpmn");
    try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(MotCuaApplication.class)
        .profiles("demo", "test")
        // no web part: Camunda's webapps keep static delegates that a second context would take over
        .run("--spring.main.web-application-type=none", "--spring.autoconfigure.exclude="
                + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration,"
                + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
            "--camunda.bpm.generate-unique-process-engine-name=true",
            "--motcua.models.locations=" + String.join(",", releaseLocations))) {
      RepositoryService restartedRepository = restarted.getBean(RepositoryService.class);
      assertThat(restartedRepository.createProcessDefinitionQuery().processDefinitionKey("Block_Stop").latestVersion()
          .singleResult().getId()).as("the release was deployed").isNotEqualTo(stopBefore);
      assertThat(restartedRepository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
          .singleResult().getId()).as("the runtime version is still the latest").isEqualTo(runtime);
      assertThat(restarted.getBean(ProcedureCatalogue.class).find(KEY).orElseThrow().versionTag()).isEqualTo("1.1-runtime");
    }
    assertThat(latest().getId()).isEqualTo(runtime);
  }

  @Test
  void a_file_edited_after_the_runtime_version_is_the_newer_one_and_is_deployed() {
    runtimeVersion();
    ModelDeployer unchanged = new ModelDeployer(repositoryService, resolver, locations);
    assertThat(unchanged.supersededAtRuntime(unchanged.findModels()))
        .containsExactly("processes/household-business-registration.bpmn");

    List<String> edited = new ArrayList<>(locations);
    edited.add("classpath*:restart-release-edited/processes/**/*.bpmn");
    ModelDeployer release = new ModelDeployer(repositoryService, resolver, edited);
    assertThat(release.supersededAtRuntime(release.findModels())).isEmpty();
    assertThat(release.deploy()).isNotNull();
    assertThat(latest().getVersionTag()).isEqualTo("2.0");
  }
}
