package vn.motcua.procedure;

import static vn.motcua.db.SqlTime.instant;
import static vn.motcua.db.SqlTime.ts;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.migration.MigrationVariableValidationReport;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.security.SystemAccess;
import vn.motcua.web.ApiException;

/**
 * Moves the running dossiers of a procedure from version N to version N+1 (or any two versions) with
 * Camunda's migration API, for process admins without Java (the community webapps have no migration
 * screen): a generated plan ({@code mapEqualActivities}: every activity kept under the same id in the new
 * version), its validation with the reasons in Vietnamese, a dry run that tries every dossier in a
 * transaction rolled back and says what happens to each open task and timer, then a Camunda batch whose
 * progress is read from the engine, and a record of who migrated what (table {@code procedure_migration}).
 *
 * <p>Only the procedure's own instance moves; the shared blocks it calls (reception, resolution, return,
 * alerts) keep running their own definitions, so the tasks, assignees, due dates and timers inside them
 * are untouched, and the dossier's deadlines (process variables) and control log (project tables) stay as
 * they are. Timers of the procedure's own instance keep their due dates (no event trigger is updated).
 */
@Service
public class ProcedureMigrations {
  private static final Logger log = LoggerFactory.getLogger(ProcedureMigrations.class);

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public ProcedureMigrations(RepositoryService repositoryService, RuntimeService runtimeService,
      TaskService taskService, ManagementService managementService, HistoryService historyService,
      IdentityService identityService, JdbcTemplate jdbc, PlatformTransactionManager tm) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(tm);
    this.clock = Clock.systemUTC();
  }

  /** One instruction of the plan: an activity of version N and where it goes in version N+1. */
  public record Step(String sourceActivityId, String targetActivityId) {}

  /** An open task of a dossier and what the migration does to it. */
  public record OpenTask(String name, String activityId, String assignee, Date due, String where, String happens) {}

  /** A pending timer of a dossier and what the migration does to it. */
  public record PendingTimer(String activityId, Date due, String where, String happens) {}

  /** A running dossier of version N and what the migration does to it. */
  public record AffectedDossier(String code, String processInstanceId, List<String> activeActivities,
      boolean migratable, List<String> problems, List<OpenTask> tasks, List<PendingTimer> timers) {}

  /** The plan, its validation and the dry run. */
  public record Preview(String procedureKey, String procedureName, int sourceVersion, String sourceDefinitionId,
      int targetVersion, String targetDefinitionId, List<Step> plan, List<String> newActivities, List<String> problems,
      List<AffectedDossier> dossiers) {
    @com.fasterxml.jackson.annotation.JsonProperty("valid")
    public boolean valid() {
      return problems.isEmpty();
    }
  }

  /** A migration started: who moved which dossiers from which version to which, and how far the batch is. */
  public record Migration(long id, String procedureKey, int sourceVersion, String sourceDefinitionId,
      int targetVersion, String targetDefinitionId, String batchId, int instanceCount, List<String> dossierCodes,
      String plan, String startedBy, Instant startedAt, String status, Instant finishedAt, Progress progress) {}

  /** The batch's progress: jobs done of all, failed ones (incidents in Cockpit). */
  public record Progress(int total, int completed, int failed, boolean finished) {}

  /** The plan from version {@code from} (default: the one before the latest) to {@code to} (default: the latest). */
  public Preview preview(String key, Integer from, Integer to) {
    return SystemAccess.run(identityService, () -> previewAsSystem(key, from, to));
  }

  private Preview previewAsSystem(String key, Integer from, Integer to) {
    ProcessDefinition target = version(key, to);
    if (target == null) {
      throw ApiException.notFound("Không có thủ tục hành chính '" + key + "'" + (to == null ? "" : " phiên bản " + to) + ".");
    }
    ProcessDefinition source = version(key, from == null ? target.getVersion() - 1 : from);
    if (source == null) {
      throw ApiException.invalid("Không có phiên bản " + (from == null ? target.getVersion() - 1 : from)
          + " của thủ tục '" + key + "' để chuyển hồ sơ.", Map.of("from", "Phiên bản không tồn tại."));
    }
    if (source.getId().equals(target.getId())) {
      throw ApiException.invalid("Phiên bản nguồn và phiên bản đích trùng nhau.", Map.of("to", "Chọn phiên bản khác."));
    }
    List<String> problems = new ArrayList<>();
    MigrationPlan plan = plan(source, target, problems);
    List<Step> steps = new ArrayList<>();
    List<String> newActivities = new ArrayList<>();
    if (plan != null) {
      plan.getInstructions().forEach(i -> steps.add(new Step(i.getSourceActivityId(), i.getTargetActivityId())));
      var sourceIds = steps.stream().map(Step::targetActivityId).toList();
      var model = repositoryService.getBpmnModelInstance(target.getId());
      for (var node : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class)) {
        if (!sourceIds.contains(node.getId())) {
          newActivities.add(node.getId() + (node.getName() == null ? "" : " (" + node.getName() + ")"));
        }
      }
    }
    List<AffectedDossier> dossiers = new ArrayList<>();
    long started = System.nanoTime();
    for (ProcessInstance pi : runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
        .orderByProcessInstanceId().asc().list()) {
      dossiers.add(dryRun(pi, plan, source, target));
    }
    log.info("Dry run of {} v{} -> v{}: {} dossiers in {} ms", key, source.getVersion(), target.getVersion(),
        dossiers.size(), (System.nanoTime() - started) / 1_000_000);
    return new Preview(key, target.getName(), source.getVersion(), source.getId(), target.getVersion(), target.getId(),
        steps, newActivities, problems, dossiers);
  }

  /** The generated plan, or {@code null} with the reasons in {@code problems}. */
  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, List<String> problems) {
    try {
      return runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
    } catch (MigrationPlanValidationException e) {
      for (MigrationInstructionValidationReport r : e.getValidationReport().getInstructionReports()) {
        MigrationInstruction i = r.getMigrationInstruction();
        for (String failure : r.getFailures()) {
          problems.add("Hoạt động " + i.getSourceActivityId() + " → " + i.getTargetActivityId() + ": "
              + MigrationMessages.vietnamese(failure));
        }
      }
      for (Map.Entry<String, MigrationVariableValidationReport> v : e.getValidationReport().getVariableReports().entrySet()) {
        for (String failure : v.getValue().getFailures()) {
          problems.add("Biến " + v.getKey() + ": " + MigrationMessages.vietnamese(failure));
        }
      }
      if (problems.isEmpty()) {
        problems.add(MigrationMessages.vietnamese(e.getMessage()));
      }
      return null;
    }
  }

  /** Tries the migration of one dossier in a transaction that is rolled back, and lists its tasks and timers. */
  private AffectedDossier dryRun(ProcessInstance root, MigrationPlan plan, ProcessDefinition source,
      ProcessDefinition target) {
    String code = root.getBusinessKey();
    List<String> problems = new ArrayList<>();
    List<String> active = runtimeService.getActiveActivityIds(root.getId());
    if (plan == null) {
      problems.add("Chưa có kế hoạch chuyển hợp lệ.");
    } else {
      try {
        transaction.executeWithoutResult(status -> {
          status.setRollbackOnly();
          runtimeService.newMigration(plan).processInstanceIds(root.getId()).skipCustomListeners().skipIoMappings()
              .execute();
        });
      } catch (MigratingProcessInstanceValidationException e) {
        for (MigratingActivityInstanceValidationReport r : e.getValidationReport().getActivityInstanceReports()) {
          r.getFailures().forEach(f -> problems.add("Hoạt động đang mở " + r.getSourceScopeId() + ": "
              + MigrationMessages.vietnamese(f)));
        }
        for (MigratingTransitionInstanceValidationReport r : e.getValidationReport().getTransitionInstanceReports()) {
          r.getFailures().forEach(f -> problems.add("Hoạt động đang chờ " + r.getSourceScopeId() + ": "
              + MigrationMessages.vietnamese(f)));
        }
        e.getValidationReport().getFailures().forEach(f -> problems.add(MigrationMessages.vietnamese(f)));
      } catch (RuntimeException e) {
        problems.add(MigrationMessages.vietnamese(e.getMessage()));
      }
    }
    Map<String, String> mapping = new LinkedHashMap<>();
    if (plan != null) {
      plan.getInstructions().forEach(i -> mapping.put(i.getSourceActivityId(), i.getTargetActivityId()));
    }
    List<OpenTask> tasks = new ArrayList<>();
    List<PendingTimer> timers = new ArrayList<>();
    List<ProcessInstance> tree = code == null ? List.of(root)
        : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code).list();
    for (ProcessInstance pi : tree) {
      boolean own = pi.getId().equals(root.getId());
      String where = own ? "quy trình của thủ tục" : "khối " + definitionKey(pi.getProcessDefinitionId());
      for (Task t : taskService.createTaskQuery().processInstanceId(pi.getId()).list()) {
        tasks.add(new OpenTask(t.getName(), t.getTaskDefinitionKey(), t.getAssignee(), t.getDueDate(), where,
            happens(own, t.getTaskDefinitionKey(), mapping, target.getVersion(), "người được giao và hạn xử lý")));
      }
      for (Job job : managementService.createJobQuery().processInstanceId(pi.getId()).timers().list()) {
        String activity = activityOf(job);
        timers.add(new PendingTimer(activity, job.getDuedate(), where,
            happens(own, activity, mapping, target.getVersion(), "thời điểm hẹn giờ")));
      }
    }
    return new AffectedDossier(code, root.getId(), active, problems.isEmpty(), problems, tasks, timers);
  }

  private static String happens(boolean own, String activity, Map<String, String> mapping, int targetVersion,
      String kept) {
    if (!own) {
      return "Giữ nguyên: khối dùng chung không đổi phiên bản; giữ " + kept + ".";
    }
    String to = mapping.get(activity);
    return to == null ? "Không có trong phiên bản " + targetVersion + ": hồ sơ không chuyển được."
        : "Chuyển sang " + to + " của phiên bản " + targetVersion + ", giữ " + kept + ".";
  }

  private String activityOf(Job job) {
    JobDefinition def = job.getJobDefinitionId() == null ? null
        : managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
    return def == null ? null : def.getActivityId();
  }

  private String definitionKey(String definitionId) {
    return repositoryService.getProcessDefinition(definitionId).getKey();
  }

  /**
   * Starts the migration of every dossier the dry run found migratable, as one Camunda batch, and records
   * who started it. Refused (400) when the plan is not valid or no dossier can move.
   */
  public Migration start(String key, Integer from, Integer to, String admin) {
    Preview preview = preview(key, from, to);
    if (!preview.valid()) {
      throw ApiException.invalid("Kế hoạch chuyển phiên bản không hợp lệ: " + String.join("; ", preview.problems()),
          Map.of("plan", String.join("; ", preview.problems())));
    }
    List<AffectedDossier> movable = preview.dossiers().stream().filter(AffectedDossier::migratable).toList();
    if (movable.isEmpty()) {
      throw ApiException.invalid("Không có hồ sơ nào của phiên bản " + preview.sourceVersion() + " chuyển được sang phiên bản "
          + preview.targetVersion() + ".", Map.of("from", "Không có hồ sơ đang giải quyết chuyển được."));
    }
    List<String> ids = movable.stream().map(AffectedDossier::processInstanceId).toList();
    Batch batch = SystemAccess.run(identityService, () -> {
      MigrationPlan plan = runtimeService.createMigrationPlan(preview.sourceDefinitionId(), preview.targetDefinitionId())
          .mapEqualActivities().build();
      return runtimeService.newMigration(plan).processInstanceIds(ids).skipCustomListeners().skipIoMappings()
          .executeAsync();
    });
    List<String> codes = movable.stream().map(AffectedDossier::code).toList();
    String planText = String.join("\n", preview.plan().stream()
        .map(s -> s.sourceActivityId() + " -> " + s.targetActivityId()).toList());
    Instant now = clock.instant();
    GeneratedKeyHolder keyHolder = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("INSERT INTO procedure_migration (procedure_key, source_definition_id,"
          + " source_version, target_definition_id, target_version, batch_id, instance_count, dossier_codes, plan,"
          + " started_by, started_at, status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
      ps.setString(1, key);
      ps.setString(2, preview.sourceDefinitionId());
      ps.setInt(3, preview.sourceVersion());
      ps.setString(4, preview.targetDefinitionId());
      ps.setInt(5, preview.targetVersion());
      ps.setString(6, batch.getId());
      ps.setInt(7, ids.size());
      ps.setString(8, clip(String.join(",", codes), 4000));
      ps.setString(9, clip(planText, 8000));
      ps.setString(10, admin);
      ps.setObject(11, ts(now));
      ps.setString(12, "RUNNING");
      return ps;
    }, keyHolder);
    long id = keyHolder.getKey().longValue();
    log.info("Migration {} of {}: {} dossiers from version {} to {} by {} (batch {})", id, key, ids.size(),
        preview.sourceVersion(), preview.targetVersion(), admin, batch.getId());
    return get(id).orElseThrow();
  }

  /** The migrations recorded, newest first (of one procedure when {@code key} is given). */
  public List<Migration> list(String key) {
    List<Migration> rows = key == null || key.isBlank()
        ? jdbc.query("SELECT * FROM procedure_migration ORDER BY started_at DESC, id DESC", ROW)
        : jdbc.query("SELECT * FROM procedure_migration WHERE procedure_key = ? ORDER BY started_at DESC, id DESC", ROW, key);
    return rows.stream().map(this::withProgress).toList();
  }

  public Optional<Migration> get(long id) {
    return jdbc.query("SELECT * FROM procedure_migration WHERE id = ?", ROW, id).stream().findFirst()
        .map(this::withProgress);
  }

  /** Reads the batch's progress from the engine; a batch that has ended closes the record. */
  private Migration withProgress(Migration m) {
    if (m.batchId() == null) {
      return m;
    }
    Progress progress = SystemAccess.run(identityService, () -> {
      BatchStatistics stats = managementService.createBatchStatisticsQuery().batchId(m.batchId()).singleResult();
      if (stats != null) {
        int total = stats.getTotalJobs();
        return new Progress(total, stats.getCompletedJobs(), stats.getFailedJobs(), false);
      }
      HistoricBatch done = historyService.createHistoricBatchQuery().batchId(m.batchId()).singleResult();
      return new Progress(m.instanceCount(), done == null || done.getEndTime() == null ? 0 : m.instanceCount(), 0,
          done == null || done.getEndTime() != null);
    });
    String status = m.status();
    Instant finished = m.finishedAt();
    if (progress.finished() && "RUNNING".equals(status)) {
      status = "COMPLETED";
      finished = clock.instant();
      jdbc.update("UPDATE procedure_migration SET status = ?, finished_at = ? WHERE id = ? AND status = 'RUNNING'",
          status, ts(finished), m.id());
    } else if (!progress.finished() && progress.failed() > 0) {
      status = "FAILED";
    }
    return new Migration(m.id(), m.procedureKey(), m.sourceVersion(), m.sourceDefinitionId(), m.targetVersion(),
        m.targetDefinitionId(), m.batchId(), m.instanceCount(), m.dossierCodes(), m.plan(), m.startedBy(), m.startedAt(),
        status, finished, progress);
  }

  private static final RowMapper<Migration> ROW = (rs, i) -> new Migration(rs.getLong("id"),
      rs.getString("procedure_key"), rs.getInt("source_version"), rs.getString("source_definition_id"),
      rs.getInt("target_version"), rs.getString("target_definition_id"), rs.getString("batch_id"),
      rs.getInt("instance_count"), rs.getString("dossier_codes").isEmpty() ? List.of()
          : List.of(rs.getString("dossier_codes").split(",")),
      rs.getString("plan"), rs.getString("started_by"), instant(rs, "started_at"), rs.getString("status"),
      instant(rs, "finished_at"), null);

  private ProcessDefinition version(String key, Integer version) {
    var query = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key);
    return version == null ? query.latestVersion().singleResult() : query.processDefinitionVersion(version).singleResult();
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
