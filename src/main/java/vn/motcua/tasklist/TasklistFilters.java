package vn.motcua.tasklist;

import jakarta.annotation.PostConstruct;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import vn.motcua.organisation.IdentitySync;

/**
 * The Tasklist filters every officer sees, in Vietnamese. Their queries are relative to the logged-in
 * officer ({@code currentUser()}, {@code currentUserGroups()}), so one set serves every unit and role;
 * Camunda's authorization checks still limit the result to the officer's own unit and role.
 */
@Component
public class TasklistFilters {
  public static final String MY_TASKS = "Việc của tôi";
  public static final String UNIT_TASKS = "Việc của đơn vị";
  public static final String DUE_SOON = "Sắp đến hạn";
  public static final String OVERDUE = "Quá hạn";

  /**
   * The variables each list entry shows under the task's name, what an officer sorts the day's work by
   * (the time left is Tasklist's own "Hạn xử lý", relative to now). The appointment is text in the
   * office's zone, written on the task by {@link TaskDossierView}.
   */
  static final List<Map<String, String>> LIST_VARIABLES = List.of(
      Map.of("name", "dossierCode", "label", "Mã hồ sơ"),
      Map.of("name", "applicantName", "label", "Người nộp"),
      Map.of("name", "procedureName", "label", "Thủ tục"),
      Map.of("name", TaskDossierView.APPOINTMENT_TEXT, "label", "Hẹn trả kết quả"));

  private final FilterService filterService;
  private final TaskService taskService;
  private final IdentitySync identitySync;

  public TasklistFilters(FilterService filterService, TaskService taskService, IdentitySync identitySync) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.identitySync = identitySync;
  }

  @PostConstruct
  void createAtStartup() {
    // the unit's work first: Tasklist opens on the filter of the lowest priority, and a new dossier waits
    // for the unit's role (candidate group) until an officer claims it, so "my tasks" starts empty
    ensure(UNIT_TASKS, -10, "#5b8c3a", "Hồ sơ của đơn vị và vai trò của tôi, cả hồ sơ đồng nghiệp đang giữ",
        unitQuery().orderByDueDate().asc());
    ensure(MY_TASKS, -9, "#3f6fb6", "Hồ sơ đã nhận xử lý, do tôi giữ",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    ensure(DUE_SOON, -8, "#d08a00", "Hồ sơ sẽ đến hạn trong 2 ngày tới",
        unitQuery()
            .dueAfterExpression("${now()}")
            .dueBeforeExpression("${dateTime().plusDays(2).toDate()}")
            .orderByDueDate().asc());
    ensure(OVERDUE, -7, "#c0392b", "Hồ sơ đã quá hạn xử lý",
        unitQuery().dueBeforeExpression("${now()}").orderByDueDate().asc());
  }

  private TaskQuery unitQuery() {
    return taskService
        .createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks();
  }

  private void ensure(String name, int priority, String color, String description, TaskQuery query) {
    Filter filter = filterService.createTaskFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("description", description);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", LIST_VARIABLES);
    filter.setProperties(properties);
    filter.setQuery(query);
    filter = filterService.saveFilter(filter);
    identitySync.grantToAll(Resources.FILTER, filter.getId(), Permissions.READ);
  }
}
