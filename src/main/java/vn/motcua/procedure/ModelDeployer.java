package vn.motcua.procedure;

import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model of the top-level {@code processes/} and {@code forms/} folders at start-up.
 *
 * <p>Resources are named by their path below those folders ({@code processes/birth-registration.bpmn}),
 * never by an absolute file path, so the same files give the same names whether the system runs from
 * {@code spring-boot:run}, a jar or a test. Duplicate filtering makes a restart with unchanged files a
 * no-op; one changed file redeploys the whole set so that user tasks bound to forms with
 * {@code camunda:formRefBinding="deployment"} always find their form in the same deployment.
 *
 * <p><b>No silent rollback.</b> A process admin may deploy a newer version of a procedure at runtime (Camunda
 * Modeler, the REST API). The newest change wins: a file of {@code processes/} whose process has a newer
 * version deployed at runtime is left out of the start-up deployment as long as the file is the one the
 * files last deployed (unchanged since) or equals the runtime version; a file edited after that (a new
 * release of the models) is deployed and becomes the latest version. So a restart, or a release that
 * changes another model, never replaces a runtime version by the older file (docs/procedures.md).
 */
@Component
public class ModelDeployer {
  public static final String DEPLOYMENT_NAME = "motcua-models";
  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repositoryService;
  private final ResourcePatternResolver resolver;
  private final List<String> locations;

  public ModelDeployer(
      RepositoryService repositoryService,
      ResourcePatternResolver resolver,
      @Value("${motcua.models.locations}") List<String> locations) {
    this.repositoryService = repositoryService;
    this.resolver = resolver;
    this.locations = locations;
  }

  @PostConstruct
  void deployAtStartup() {
    deploy();
  }

  /** Deploys the models; returns the new deployment, or {@code null} when nothing changed. */
  public Deployment deploy() {
    Map<String, Resource> models = findModels();
    if (models.isEmpty()) {
      log.warn("No models found at {}", locations);
      return null;
    }
    models.keySet().removeAll(supersededAtRuntime(models));
    DeploymentBuilder builder =
        repositoryService
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source("motcua")
            .enableDuplicateFiltering(false);
    List<InputStream> streams = new ArrayList<>();
    try {
      for (Map.Entry<String, Resource> model : models.entrySet()) {
        InputStream in = model.getValue().getInputStream();
        streams.add(in);
        builder.addInputStream(model.getKey(), in);
      }
      long before = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
      Deployment deployment = builder.deploy();
      long after = repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count();
      if (after == before) {
        log.info("Models unchanged ({} files): no new deployment", models.size());
        return null;
      }
      log.info("Deployed {} models as deployment {}: {}", models.size(), deployment.getId(), models.keySet());
      return deployment;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read models: " + e.getMessage(), e);
    } finally {
      for (InputStream in : streams) {
        try {
          in.close();
        } catch (IOException ignored) {
          // nothing to do
        }
      }
    }
  }

  private static final Pattern PROCESS_ID =
      Pattern.compile("<(?:[A-Za-z0-9]+:)?process\\b[^>]*?\\bid=\"([^\"]+)\"");

  /**
   * The files whose process has a newer version deployed at runtime that the file does not supersede: the
   * latest version of the process comes from another deployment than the files', and the file equals that
   * version or is the file the files last deployed (nothing changed in it since).
   */
  Set<String> supersededAtRuntime(Map<String, Resource> models) {
    Set<String> superseded = new TreeSet<>();
    for (Map.Entry<String, Resource> model : models.entrySet()) {
      if (!model.getKey().endsWith(".bpmn")) {
        continue;
      }
      byte[] file = bytes(model.getValue());
      Matcher m = PROCESS_ID.matcher(new String(file, StandardCharsets.UTF_8));
      while (m.find()) {
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(m.group(1))
            .latestVersion().singleResult();
        if (latest == null) {
          continue;
        }
        Deployment from = repositoryService.createDeploymentQuery().deploymentId(latest.getDeploymentId()).singleResult();
        if (from == null || DEPLOYMENT_NAME.equals(from.getName())) {
          continue;
        }
        byte[] runtime = resource(latest.getDeploymentId(), latest.getResourceName());
        byte[] lastFromFiles = lastDeployedFromFiles(model.getKey());
        if (Arrays.equals(file, runtime) || Arrays.equals(file, lastFromFiles)) {
          superseded.add(model.getKey());
          log.warn("{}: version {} of {} deployed at runtime ('{}', {}) is newer than the file, which has not changed "
              + "since; the file is not deployed (docs/procedures.md, no silent rollback)", model.getKey(),
              latest.getVersion(), latest.getKey(), from.getName(), from.getDeploymentTime());
        } else {
          log.warn("{}: the file changed since version {} of {} was deployed at runtime ('{}'); it is deployed as the "
              + "newer version", model.getKey(), latest.getVersion(), latest.getKey(), from.getName());
        }
      }
    }
    return superseded;
  }

  /** The content of this resource in the latest deployment of the files that holds it, or {@code null}. */
  private byte[] lastDeployedFromFiles(String resourceName) {
    for (Deployment d : repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().listPage(0, 100)) {
      byte[] content = resource(d.getId(), resourceName);
      if (content != null) {
        return content;
      }
    }
    return null;
  }

  private byte[] resource(String deploymentId, String resourceName) {
    if (!repositoryService.getDeploymentResourceNames(deploymentId).contains(resourceName)) {
      return null;
    }
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resourceName)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + resourceName + " of deployment " + deploymentId, e);
    }
  }

  private static byte[] bytes(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read model " + resource, e);
    }
  }

  /** The models on the configured locations, by stable resource name, in name order. */
  public Map<String, Resource> findModels() {
    Map<String, Resource> result = new TreeMap<>();
    for (String location : locations) {
      try {
        for (Resource resource : resolver.getResources(location.trim())) {
          if (resource.isReadable()) {
            result.put(resourceName(resource), resource);
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("Cannot list models at " + location, e);
      }
    }
    return result;
  }

  static String resourceName(Resource resource) throws IOException {
    String url = resource.getURL().toString();
    for (String folder : new String[] {"/processes/", "/forms/"}) {
      int at = url.lastIndexOf(folder);
      if (at >= 0) {
        return url.substring(at + 1);
      }
    }
    return resource.getFilename();
  }
}
