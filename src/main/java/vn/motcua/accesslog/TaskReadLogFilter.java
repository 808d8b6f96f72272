package vn.motcua.accesslog;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierVariables;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.security.EngineApiCaller;
import vn.motcua.security.Officer;
import vn.motcua.security.SystemAccess;

/**
 * The access log of reads through Camunda's REST APIs: Tasklist shows a dossier's personal data (the task form's
 * {@code dossierView}, the applicant's variables) by reading a task's variables, through the webapps' API
 * ({@code /camunda/api/engine/engine/default/task/{id}/form-variables}) or {@code /engine-rest}. A successful
 * (2xx) GET of a dossier task's variables ({@code form-variables}, {@code variables}, {@code localVariables}, one
 * of them) or of a dossier process instance's variables writes one entry, screen {@link Screen#TASK_FORM}, with
 * the task's name as detail. As for the project's reading endpoints ({@link AccessLogInterceptor}), the answer is
 * held back until the entry is written, and a read whose entry cannot be written fails (500). Variables of tasks
 * and processes without a dossier (petitions, alerts without a dossier) are not logged.
 */
public class TaskReadLogFilter extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(TaskReadLogFilter.class);
  static final Pattern TASK_VARIABLES =
      Pattern.compile(".*/task/([^/]+)/(form-variables|variables|localVariables)(/[^/]+)?(/data)?/?");
  static final Pattern INSTANCE_VARIABLES = Pattern.compile(".*/process-instance/([^/]+)/variables(/[^/]+)?(/data)?/?");

  private final AccessLog accessLog;
  private final DossierService dossiers;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final OrganisationDirectory directory;

  public TaskReadLogFilter(AccessLog accessLog, DossierService dossiers, TaskService taskService,
      RuntimeService runtimeService, IdentityService identityService, OrganisationDirectory directory) {
    this.accessLog = accessLog;
    this.dossiers = dossiers;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.directory = directory;
  }

  /** What a read is about: the engine execution holding the dossier's id, and the detail of the entry. */
  record Target(String executionId, String detail) {}

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher task = TASK_VARIABLES.matcher(path);
    Matcher instance = INSTANCE_VARIABLES.matcher(path);
    boolean read = "GET".equals(request.getMethod()) && (task.matches() || instance.matches());
    Optional<Officer> officer = read ? EngineApiCaller.of(request, identityService, directory) : Optional.empty();
    if (officer.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, held);
    if (held.getStatus() / 100 == 2) {
      Dossier d = null;
      Screen screen = Screen.TASK_FORM;
      String detail = null;
      try {
        // the engine has let this officer read it; which dossier it is, is looked up without their authorization
        Target target = SystemAccess.run(identityService,
            () -> task.matches() ? taskTarget(task.group(1)) : instanceTarget(instance.group(1)));
        d = target == null ? null : SystemAccess.run(identityService, () -> dossierOf(target.executionId()));
        if (d != null) {
          detail = target.detail();
          accessLog.record(officer.get(), d.code(), screen, detail);
        }
      } catch (RuntimeException e) {
        log.error("Access log entry NOT written, read refused: officer {} read {} through {} ({})",
            officer.get().userId(), d == null ? path : d.code(), screen, detail, e);
        response.reset();
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"AccessLogException\",\"message\":\"Không ghi được nhật ký truy cập "
            + "dữ liệu cá nhân; dữ liệu không được hiển thị. Vui lòng thử lại sau.\"}");
        return;
      }
    }
    held.copyBodyToResponse();
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

  private Dossier dossierOf(String executionId) {
    Object id = runtimeService.getVariable(executionId, DossierVariables.DOSSIER_ID);
    if (!(id instanceof Number n)) {
      return null;
    }
    return dossiers.get(n.longValue());
  }
}
