package vn.motcua.accesslog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.VariableInstance;
import vn.motcua.dossier.DossierVariables;
import vn.motcua.organisation.OrganisationDirectory;

/**
 * The access log of Camunda's variable reads that are not of one task or one process instance (those are
 * {@link TaskReadLogFilter}'s): Cockpit's variables tab ({@code POST /variable-instance} with
 * {@code processInstanceIdIn}) and any client of {@code /engine-rest} can read a dossier's variables — the
 * applicant's name, ID number, phone — through
 * <ul>
 *   <li>{@code /variable-instance} (GET and POST query, {@code /{id}}, {@code /{id}/data}),
 *   <li>{@code /history/variable-instance} (GET and POST query, {@code /{id}}, {@code /{id}/data}),
 *   <li>{@code /history/detail} (GET and POST query, {@code /{id}}, {@code /{id}/data}),
 *   <li>{@code /execution/{id}/localVariables[/{name}[/data]]},
 * </ul>
 * under {@code /engine-rest}, {@code /engine-rest/engine/{name}} and the webapps'
 * {@code /camunda/api/engine/engine/{name}}. A query's dossiers cannot be known from the URL: they are taken from
 * the answer (each returned variable's or detail's {@code processInstanceId}); a single variable, detail or
 * execution is looked up by its id. Each process instance is mapped to its root (a building block runs as a
 * sub-instance of the dossier's process; {@code HistoricProcessInstance#getRootProcessInstanceId}, which also
 * knows finished ones) and to the dossier by the {@code dossierId} variable of the instance or of its root, in
 * two engine queries per {@value #CHUNK} process instances whatever the number of variables. One entry per
 * distinct dossier, screen {@link Screen#ENGINE_VARIABLES}, detail "Cockpit / engine-rest: biến quy trình" with
 * the API called. Variables of processes without a dossier (petitions, notifications), standalone tasks and
 * empty answers write nothing; counts ({@code /count}) show no variable and are not logged. Holding the answer
 * and refusing a read whose entries cannot be written: {@link EngineReadLogFilter}.
 */
public class VariableReadLogFilter extends EngineReadLogFilter {
  static final String DETAIL = "Cockpit / engine-rest: biến quy trình";
  static final int CHUNK = 500;
  private static final String ENGINE = "(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)";
  /** A variable or detail query, one by id, or its binary value: kind, id (null for a query), /data. */
  static final Pattern VARIABLES =
      Pattern.compile(ENGINE + "(/variable-instance|/history/variable-instance|/history/detail)(?:/([^/]+)(/data)?)?/?");
  static final Pattern EXECUTION_VARIABLES =
      Pattern.compile(ENGINE + "/execution/([^/]+)/localVariables(?:/[^/]+(?:/data)?)?/?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  public VariableReadLogFilter(AccessLog accessLog, RuntimeService runtimeService, HistoryService historyService,
      IdentityService identityService, OrganisationDirectory directory) {
    super(accessLog, identityService, directory);
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  @Override
  boolean logs(HttpServletRequest request, String path) {
    Matcher m = VARIABLES.matcher(path);
    if (m.matches()) {
      String id = m.group(2);
      if ("count".equals(id)) {
        return false;
      }
      // a query by GET or POST; one variable or detail by GET
      return "GET".equals(request.getMethod()) || (id == null && "POST".equals(request.getMethod()));
    }
    return "GET".equals(request.getMethod()) && EXECUTION_VARIABLES.matcher(path).matches();
  }

  @Override
  Read read(HttpServletRequest request, String path, byte[] answer) {
    Set<String> instances = new LinkedHashSet<>();
    String api;
    Matcher m = VARIABLES.matcher(path);
    if (m.matches()) {
      api = m.group(1);
      String id = m.group(2);
      if (id == null) {
        instances.addAll(processInstanceIds(answer));
      } else {
        String instance = switch (api) {
          case "/variable-instance" -> {
            VariableInstance v = runtimeService.createVariableInstanceQuery().variableId(id).disableBinaryFetching()
                .disableCustomObjectDeserialization().singleResult();
            yield v == null ? null : v.getProcessInstanceId();
          }
          case "/history/variable-instance" -> {
            HistoricVariableInstance v = historyService.createHistoricVariableInstanceQuery().variableId(id)
                .disableBinaryFetching().disableCustomObjectDeserialization().singleResult();
            yield v == null ? null : v.getProcessInstanceId();
          }
          default -> {
            HistoricDetail d = historyService.createHistoricDetailQuery().detailId(id).disableBinaryFetching()
                .disableCustomObjectDeserialization().singleResult();
            yield d == null ? null : d.getProcessInstanceId();
          }
        };
        if (instance != null) {
          instances.add(instance);
        }
        api += "/{id}" + (m.group(3) == null ? "" : "/data");
      }
    } else {
      Matcher e = EXECUTION_VARIABLES.matcher(path);
      if (!e.matches()) {
        return null;
      }
      api = "/execution/{id}/localVariables";
      Execution execution = runtimeService.createExecutionQuery().executionId(e.group(1)).singleResult();
      if (execution != null && execution.getProcessInstanceId() != null) {
        instances.add(execution.getProcessInstanceId());
      }
    }
    Set<Long> read = new LinkedHashSet<>(dossiersOf(instances).values());
    return read.isEmpty() ? null
        : new Read(read, Screen.ENGINE_VARIABLES, DETAIL + " (" + request.getMethod() + " " + api + ")");
  }

  /** The {@code processInstanceId} of each variable or detail of a query's answer (a JSON array). */
  static Set<String> processInstanceIds(byte[] answer) {
    Set<String> ids = new LinkedHashSet<>();
    if (answer.length == 0) {
      return ids;
    }
    JsonNode root;
    try {
      root = JSON.readTree(answer);
    } catch (IOException e) {
      throw new UncheckedIOException("The answer of a variable query is not JSON", e);
    }
    for (JsonNode item : root.isArray() ? root : List.of(root)) {
      JsonNode id = item.get("processInstanceId");
      if (id != null && id.isTextual()) {
        ids.add(id.asText());
      }
    }
    return ids;
  }

  /**
   * The dossier of each process instance that has one: the {@code dossierId} variable of the instance, else of
   * its root instance. Two queries per {@value #CHUNK} instances.
   */
  Map<String, Long> dossiersOf(Set<String> processInstanceIds) {
    Map<String, Long> dossierOf = new HashMap<>();
    List<String> all = new ArrayList<>(processInstanceIds);
    for (int i = 0; i < all.size(); i += CHUNK) {
      Set<String> chunk = new LinkedHashSet<>(all.subList(i, Math.min(all.size(), i + CHUNK)));
      Map<String, String> rootOf = new HashMap<>();
      for (HistoricProcessInstance p : historyService.createHistoricProcessInstanceQuery().processInstanceIds(chunk)
          .list()) {
        if (p.getRootProcessInstanceId() != null) {
          rootOf.put(p.getId(), p.getRootProcessInstanceId());
        }
      }
      Set<String> asked = new LinkedHashSet<>(chunk);
      asked.addAll(rootOf.values());
      Map<String, Long> dossierIdOf = new HashMap<>();
      for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(asked.toArray(String[]::new)).variableName(DossierVariables.DOSSIER_ID)
          .disableBinaryFetching().disableCustomObjectDeserialization().list()) {
        if (v.getValue() instanceof Number n) {
          dossierIdOf.put(v.getProcessInstanceId(), n.longValue());
        }
      }
      for (String instance : chunk) {
        Long dossier = dossierIdOf.getOrDefault(instance, dossierIdOf.get(rootOf.getOrDefault(instance, instance)));
        if (dossier != null) {
          dossierOf.put(instance, dossier);
        }
      }
    }
    return dossierOf;
  }
}
