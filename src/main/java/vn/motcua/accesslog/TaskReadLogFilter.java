package vn.motcua.accesslog;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import vn.motcua.dossier.DossierVariables;
import vn.motcua.organisation.OrganisationDirectory;

/**
 * The access log of reads through Camunda's REST APIs: Tasklist shows a dossier's personal data (the task form's
 * {@code dossierView}, the applicant's variables) by reading a task's variables, through the webapps' API
 * ({@code /camunda/api/engine/engine/default/task/{id}/form-variables}) or {@code /engine-rest}. A successful
 * (2xx) GET of a dossier task's variables ({@code form-variables}, {@code variables}, {@code localVariables}, one
 * of them) or of a dossier process instance's variables writes one entry, screen {@link Screen#TASK_FORM}, with
 * the task's name as detail. As for the project's reading endpoints ({@link AccessLogInterceptor}), the answer is
 * held back until the entry is written, and a read whose entry cannot be written fails (500):
 * {@link EngineReadLogFilter}. Variables of tasks and processes without a dossier (petitions, alerts without a
 * dossier) are not logged. Variable queries, history and executions' variables: {@link VariableReadLogFilter}.
 */
public class TaskReadLogFilter extends EngineReadLogFilter {
  static final Pattern TASK_VARIABLES =
      Pattern.compile(".*/task/([^/]+)/(form-variables|variables|localVariables)(/[^/]+)?(/data)?/?");
  static final Pattern INSTANCE_VARIABLES = Pattern.compile(".*/process-instance/([^/]+)/variables(/[^/]+)?(/data)?/?");

  private final TaskService taskService;
  private final RuntimeService runtimeService;

  public TaskReadLogFilter(AccessLog accessLog, TaskService taskService, RuntimeService runtimeService,
      IdentityService identityService, OrganisationDirectory directory) {
    super(accessLog, identityService, directory);
    this.taskService = taskService;
    this.runtimeService = runtimeService;
  }

  /** What a read is about: the engine execution holding the dossier's id, and the detail of the entry. */
  record Target(String executionId, String detail) {}

  @Override
  boolean logs(HttpServletRequest request, String path) {
    return "GET".equals(request.getMethod())
        && (TASK_VARIABLES.matcher(path).matches() || INSTANCE_VARIABLES.matcher(path).matches());
  }

  @Override
  Read read(HttpServletRequest request, String path, byte[] answer) {
    Matcher task = TASK_VARIABLES.matcher(path);
    Matcher instance = INSTANCE_VARIABLES.matcher(path);
    Target target = task.matches() ? taskTarget(task.group(1))
        : instance.matches() ? instanceTarget(instance.group(1)) : null;
    Object id = target == null ? null : runtimeService.getVariable(target.executionId(), DossierVariables.DOSSIER_ID);
    return id instanceof Number n ? new Read(List.of(n.longValue()), Screen.TASK_FORM, target.detail()) : null;
  }

  private Target taskTarget(String taskId) {
    Task t = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (t == null || t.getExecutionId() == null) {
      return null;
    }
    return new Target(t.getExecutionId(), "Công việc: " + t.getName());
  }

  private Target instanceTarget(String processInstanceId) {
    boolean exists = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    return exists ? new Target(processInstanceId, "Biến của quy trình " + processInstanceId) : null;
  }
}
