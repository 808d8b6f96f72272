package vn.motcua.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.springframework.stereotype.Component;

/**
 * The names a task's Camunda form mentions (its field keys, its {@code {{...}}} templates, its conditions), so
 * that the Tasklist summary ({@code vn.motcua.tasklist.TaskDossierView}) writes on a task only the display variables its form
 * shows. Known only for a form bound to the process's own deployment ({@code camunda:formRefBinding="deployment"},
 * as the procedures and blocks in processes/ have it): such a form never changes, so its names
 * are read once and kept by deployment and key. Any other task (a form by {@code latest} or {@code version}
 * binding, an expression as key, an embedded form, no form) is unknown, and gets every display variable.
 */
@Component
public class TaskFormReads {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Deployed forms seen by this node, most recent last; a deployment's forms are a few kilobytes of names. */
  private static final int KEPT = 2000;

  private final Map<String, Set<String>> byDeploymentAndKey = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
          return size() > KEPT;
        }
      });

  /** The names the task's form mentions, or empty when that is not known (then it may show anything). */
  public Optional<Set<String>> namesIn(DelegateTask task) {
    if (!(task instanceof TaskEntity entity) || entity.getExecution() == null) {
      return Optional.empty();
    }
    ExecutionEntity execution = entity.getExecution();
    TaskDefinition definition = entity.getTaskDefinition();
    CommandContext commandContext = Context.getCommandContext();
    if (definition == null || commandContext == null || execution.getProcessDefinition() == null
        || !"deployment".equals(definition.getCamundaFormDefinitionBinding())) {
      return Optional.empty();
    }
    Expression keyExpression = definition.getCamundaFormDefinitionKey();
    String key = keyExpression == null ? null : keyExpression.getExpressionText();
    if (key == null || key.isBlank() || key.contains("${") || key.contains("#{")) {
      return Optional.empty();
    }
    String deploymentId = execution.getProcessDefinition().getDeploymentId();
    String cacheKey = deploymentId + "\n" + key;
    Set<String> names = byDeploymentAndKey.get(cacheKey);
    if (names == null) {
      CamundaFormDefinitionEntity form = commandContext.getCamundaFormDefinitionManager()
          .findDefinitionByDeploymentAndKey(deploymentId, key);
      ResourceEntity resource = form == null ? null : commandContext.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(deploymentId, form.getResourceName());
      if (resource == null || resource.getBytes() == null) {
        return Optional.empty();
      }
      names = names(new String(resource.getBytes(), StandardCharsets.UTF_8));
      byDeploymentAndKey.put(cacheKey, names);
    }
    return Optional.of(names);
  }

  /**
   * Every word of the form's keys and texts (decoded from its JSON, so that {@code "=\\nx"} gives {@code x}) that
   * could be a variable's name: a superset of what it shows, never less. Text that is not JSON is read as it is.
   */
  public static Set<String> names(String formText) {
    Set<String> names = new HashSet<>();
    try {
      collect(JSON.readTree(formText), names);
    } catch (IOException e) {
      words(formText, names);
    }
    return Collections.unmodifiableSet(names);
  }

  private static void collect(JsonNode node, Set<String> names) {
    if (node.isTextual()) {
      words(node.asText(), names);
    } else if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        words(e.getKey(), names);
        collect(e.getValue(), names);
      });
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, names));
    }
  }

  private static void words(String text, Set<String> names) {
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      names.add(m.group());
    }
  }
}
