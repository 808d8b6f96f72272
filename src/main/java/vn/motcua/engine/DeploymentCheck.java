package vn.motcua.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.procedure.ProcedureModelCheck;

/**
 * Runs before the engine's own deployers on every new deployment (start-up, Modeler's "Deploy", the REST
 * API): each BPMN model is checked by {@link ProcedureModelCheck} against what the deployment holds and what
 * is deployed, and a model that cannot run refuses the whole deployment with a {@link BadUserRequestException}
 * whose Vietnamese message lists the problems by element id. The REST API answers it with HTTP 400 and that
 * message, which Modeler shows. Deployments the engine merely loads into its cache again are not checked.
 */
class DeploymentCheck implements Deployer {
  private static final Logger log = LoggerFactory.getLogger(DeploymentCheck.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Supplier<ProcedureModelCheck> check;

  DeploymentCheck(Supplier<ProcedureModelCheck> check) {
    this.check = check;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    ProcedureModelCheck modelCheck = check.get();
    if (modelCheck == null) {
      return; // an engine built without the application (bare engine tests)
    }
    Map<String, ResourceEntity> resources = deployment.getResources();
    Set<String> formIds = new HashSet<>();
    Set<String> processIds = new HashSet<>();
    Map<String, BpmnModelInstance> models = new java.util.TreeMap<>();
    for (ResourceEntity r : resources.values()) {
      String name = r.getName();
      try {
        if (name.endsWith(".form")) {
          JsonNode id = JSON.readTree(r.getBytes()).get("id");
          if (id != null) {
            formIds.add(id.asText());
          }
        } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
          BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(r.getBytes()));
          models.put(name, model);
          model.getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId()));
        }
      } catch (Exception e) {
        // not readable here: the engine's own parser reports it with its line and column
        log.debug("Resource {} not checked: {}", name, e.getMessage());
      }
    }
    CommandContext context = Context.getCommandContext();
    ProcedureModelCheck.Surroundings around = new ProcedureModelCheck.Surroundings() {
      @Override
      public boolean processExists(String key) {
        return processIds.contains(key)
            || context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key) != null;
      }

      @Override
      public boolean formInDeployment(String formId) {
        return formIds.contains(formId);
      }

      @Override
      public boolean formExists(String formId) {
        return formIds.contains(formId)
            || context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null;
      }

      @Override
      public boolean resourceInDeployment(String name) {
        return resources.containsKey(name);
      }
    };
    List<String> messages = new ArrayList<>();
    for (var model : models.entrySet()) {
      ProcedureModelCheck.describe(model.getKey(), modelCheck.problems(model.getValue(), around))
          .ifPresent(messages::add);
    }
    if (!messages.isEmpty()) {
      String message = String.join("\n", messages);
      log.warn("Deployment '{}' refused: {}", deployment.getName(), message);
      throw new BadUserRequestException(message);
    }
  }
}
