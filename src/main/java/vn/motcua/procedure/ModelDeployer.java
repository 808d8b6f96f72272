package vn.motcua.procedure;

import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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
