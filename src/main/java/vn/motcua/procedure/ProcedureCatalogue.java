package vn.motcua.procedure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.motcua.security.SystemAccess;

/**
 * The procedures the system runs, read from the latest deployed process models. A process is a
 * procedure when it declares {@code procedure.code}; its other facts come from the same extension
 * properties (see docs/procedures.md).
 */
@Service
public class ProcedureCatalogue {
  private static final Logger LOG = LoggerFactory.getLogger(ProcedureCatalogue.class);
  private final RepositoryService repositoryService;
  private final Map<String, Optional<Procedure>> byDefinitionId = new ConcurrentHashMap<>();

  private final IdentityService identityService;

  public ProcedureCatalogue(RepositoryService repositoryService, IdentityService identityService) {
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  /** Every active procedure (latest version, not suspended), by name. */
  public List<Procedure> list() {
    List<Procedure> result = new ArrayList<>();
    for (ProcessDefinition def :
        repositoryService.createProcessDefinitionQuery().latestVersion().active().list()) {
      procedureOf(def).ifPresent(result::add);
    }
    result.sort(Comparator.comparing(Procedure::name));
    return result;
  }

  /**
   * The latest active version of a procedure. Asked at every registration and by every stage timer, so the
   * latest definition of each key is kept for {@link #LATEST_TTL_NANOS}: a deployment made on this node
   * is seen once it commits ({@link #modelParsed}), one made on another node of a cluster or a suspension
   * in Cockpit within that time (a registration that meets a definition suspended meanwhile is refused
   * with a 400 and a Vietnamese message, DossierWorkflow).
   */
  public Optional<Procedure> find(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    ProcessDefinition def = latest(key);
    if (def == null || def.isSuspended()) {
      return Optional.empty();
    }
    return procedureOf(def);
  }

  /**
   * The name of the procedure when its latest version is suspended (Cockpit, REST): registrations are then
   * refused with it. Empty when the procedure is active or unknown.
   */
  public Optional<String> suspendedName(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    ProcessDefinition def = latest(key);
    return def != null && def.isSuspended() ? Optional.of(def.getName() == null ? key : def.getName()) : Optional.empty();
  }

  /**
   * The facts of the version a running dossier follows: the latest version of the procedure, suspended or
   * not (a suspension stops new registrations, not the dossiers under way).
   */
  public Optional<Procedure> findForRunning(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    ProcessDefinition def = latest(key);
    return def == null ? Optional.empty() : procedureOf(def);
  }

  private ProcessDefinition latest(String key) {
    long now = System.nanoTime();
    long generation = PARSED.get();
    Latest cached = latest.get(key);
    if (cached != null && cached.generation() == generation && now - cached.readAt() < LATEST_TTL_NANOS) {
      return cached.definition();
    }
    // kept for every caller: read as the system, not with the caller's authorizations
    ProcessDefinition def = SystemAccess.run(identityService, () ->
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult());
    if (latest.size() > 1000) {
      latest.clear();
    }
    latest.put(key, new Latest(def, now, generation));
    return def;
  }

  /**
   * Called when the engine parses a process model (a deployment, or a definition loaded into its cache):
   * the latest definitions kept are read again. Registered by {@code vn.motcua.engine.EngineTuningPlugin}.
   */
  public static void modelParsed() {
    PARSED.incrementAndGet();
  }

  private static final AtomicLong PARSED = new AtomicLong();
  static final long LATEST_TTL_NANOS = TimeUnit.SECONDS.toNanos(10);
  private final Map<String, Latest> latest = new ConcurrentHashMap<>();

  private record Latest(ProcessDefinition definition, long readAt, long generation) {}

  private Optional<Procedure> procedureOf(ProcessDefinition def) {
    return byDefinitionId.computeIfAbsent(def.getId(), id -> read(def));
  }

  private Optional<Procedure> read(ProcessDefinition def) {
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(def.getId());
    Process process = model.getModelElementById(def.getKey());
    Map<String, List<String>> props = ModelProperties.of(process);
    if (!props.containsKey("procedure.code")) {
      return Optional.empty();
    }
    Map<String, Integer> stages = new LinkedHashMap<>();
    Map<String, String> overdue = new LinkedHashMap<>();
    props.forEach((name, values) -> {
      if (name.startsWith("stage.") && name.endsWith("Hours")) {
        stages.put(name.substring(6, name.length() - 5), Integer.parseInt(values.get(0).trim()));
      }
      if (name.startsWith("overdue.")) {
        overdue.put(name.substring(8), values.get(0).trim());
      }
    });
    Procedure procedure = new Procedure(
        def.getKey(),
        def.getName(),
        one(props, "procedure.code", ""),
        one(props, "procedure.level", "PROVINCE"),
        one(props, "procedure.competentAgency", Procedure.RECEIVING_UNIT),
        Integer.parseInt(one(props, "procedure.statutoryDays", "0").trim()),
        Long.parseLong(one(props, "procedure.fee", "0").trim()),
        one(props, "procedure.feeNote", null),
        one(props, "procedure.field", null),
        List.copyOf(props.getOrDefault("procedure.document", List.of())),
        formsOf(model, new HashSet<>(Set.of(def.getKey()))),
        Map.copyOf(stages),
        Procedure.parseStages(one(props, "procedure.stages", null)),
        Map.copyOf(overdue),
        def.getVersionTag(),
        def.getId(),
        Boolean.parseBoolean(one(props, "procedure.electronicPackage", "false").trim()));
    List<String> problems = procedure.problems();
    if (!problems.isEmpty()) {
      LOG.error("Procedure {} (version {}) is not offered for registration: {}", def.getKey(), def.getVersion(),
          String.join("; ", problems));
      return Optional.empty();
    }
    return Optional.of(procedure);
  }

  /** The forms of the model's user tasks and of the blocks it calls, in model order, each form once. */
  private List<Procedure.FormUse> formsOf(BpmnModelInstance model, Set<String> visited) {
    LinkedHashMap<String, Procedure.FormUse> forms = new LinkedHashMap<>();
    for (FlowNode node
        : model.getModelElementsByType(FlowNode.class)) {
      if (node instanceof UserTask task && task.getCamundaFormRef() != null) {
        forms.putIfAbsent(task.getCamundaFormRef(), new Procedure.FormUse(task.getCamundaFormRef(), task.getName()));
      }
      if (node instanceof CallActivity call && call.getCalledElement() != null
          && visited.add(call.getCalledElement())) {
        ProcessDefinition block = repositoryService.createProcessDefinitionQuery()
            .processDefinitionKey(call.getCalledElement()).latestVersion().singleResult();
        if (block != null) {
          for (Procedure.FormUse use : formsOf(repositoryService.getBpmnModelInstance(block.getId()), visited)) {
            forms.putIfAbsent(use.formId(), use);
          }
        }
      }
    }
    return List.copyOf(forms.values());
  }

  private static String one(Map<String, List<String>> props, String name, String fallback) {
    List<String> values = props.get(name);
    return values == null || values.isEmpty() ? fallback : values.get(0);
  }
}
