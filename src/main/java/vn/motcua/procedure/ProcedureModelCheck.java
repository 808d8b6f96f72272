package vn.motcua.procedure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.organisation.Role;

/**
 * Whether a process model can run in this system, checked before it is deployed (from Modeler, the REST API
 * or {@link ModelDeployer}): the procedure's facts (statutory days, level, competent agency, stage shares
 * that fit the statutory time), the roles and units of its user tasks and partner calls, the forms its
 * tasks open, the blocks it calls, the beans its delegate expressions name and the history time to live.
 * Each problem is one Vietnamese sentence that names the element id, for the process admin who deploys.
 * Plain: the engine side ({@code vn.motcua.engine.DeploymentCheck}) says what the deployment holds and what
 * is already deployed.
 */
@Component
public class ProcedureModelCheck {
  /** Variables the system sets to a unit key, usable in candidate groups as {@code ${competentUnit}.specialist}. */
  static final Set<String> UNIT_VARIABLES =
      Set.of("receivingUnit", "competentUnit", "partnerUnit", "stageUnit", "alertUnit", "apologyUnit");
  /** Roots of expressions the engine provides itself, not beans. */
  static final Set<String> ENGINE_ROOTS = Set.of("execution", "task", "externalTask", "variableScope", "dateTime",
      "authenticatedUserId", "currentUser", "currentUserGroups");
  private static final Pattern SIMPLE_EXPRESSION = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");
  private static final Pattern METHOD_ROOT = Pattern.compile("(?<![A-Za-z0-9_.'\"])([A-Za-z_][A-Za-z0-9_]*)\\.[A-Za-z_][A-Za-z0-9_]*\\(");
  private static final Pattern UNIT_ROLE_EXPRESSION = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\.(.+)$");

  /** What the deployment holds and what is deployed already. */
  public interface Surroundings {
    /** A process of this key in the same deployment or deployed before. */
    boolean processExists(String key);

    /** A Camunda Form of this id in the same deployment. */
    boolean formInDeployment(String formId);

    /** A Camunda Form of this id in the same deployment or deployed before. */
    boolean formExists(String formId);

    /** A resource of this name in the same deployment. */
    boolean resourceInDeployment(String name);
  }

  private final Predicate<String> beanExists;
  private final OrganisationDirectory directory;

  @org.springframework.beans.factory.annotation.Autowired
  public ProcedureModelCheck(ListableBeanFactory beans, OrganisationDirectory directory) {
    this(beans::containsBean, directory);
  }

  public ProcedureModelCheck(Predicate<String> beanExists, OrganisationDirectory directory) {
    this.beanExists = beanExists;
    this.directory = directory;
  }

  static final String STAGE_ALERT_BLOCK = "Block_StageAlert";

  /** The problems of every executable process of the model, in model order; empty when it can run. */
  public List<String> problems(BpmnModelInstance model, Surroundings around) {
    List<String> problems = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (!process.isExecutable()) {
        continue;
      }
      if (process.getCamundaHistoryTimeToLiveString() == null || process.getCamundaHistoryTimeToLiveString().isBlank()) {
        problems.add(process.getId() + ": thiếu thời hạn lưu lịch sử (History time to live, "
            + "camunda:historyTimeToLive); hãy đặt như các quy trình khác, ví dụ P1825D.");
      }
      facts(process, problems);
      if (STAGE_ALERT_BLOCK.equals(process.getId())) {
        // the raise delegate's routing lives only in the transaction that starts the block (transient variables)
        for (FlowNode node : process.getChildElementsByType(FlowNode.class)) {
          if (node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter()) {
            problems.add(node.getId() + ": khối nhắc hạn (" + STAGE_ALERT_BLOCK + ") chạy liền trong một giao dịch từ lúc"
                + " ghi nhận cảnh báo đến các việc nhắc hạn (các biến alertFirstGroups, alertDueAt... chỉ có trong giao"
                + " dịch đó, xem docs/overdue.md); hãy bỏ chọn \"Asynchronous before/after\".");
          }
        }
      }
    }
    // the unit variables of candidate groups are the system's in procedures and the shared blocks; other
    // processes (system, test) may name their own
    boolean ours = model.getModelElementsByType(Process.class).stream()
        .anyMatch(p -> p.getId().startsWith("Block_") || ModelProperties.first(p, "procedure.code") != null);
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      userTask(task, around, ours, problems);
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      callActivity(call, around, problems);
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      delegate(task, task.getCamundaDelegateExpression(), problems);
      if (task.getCamundaClass() != null && !classExists(task.getCamundaClass())) {
        problems.add(task.getId() + ": lớp Java '" + task.getCamundaClass() + "' không có trong hệ thống; "
            + "hãy dùng mẫu phần tử (element template) của Một Cửa.");
      }
      expression(task, task.getCamundaExpression(), problems);
    }
    for (CamundaExecutionListener l : model.getModelElementsByType(CamundaExecutionListener.class)) {
      delegate(owner(l), l.getCamundaDelegateExpression(), problems);
      expression(owner(l), l.getCamundaExpression(), problems);
    }
    for (CamundaTaskListener l : model.getModelElementsByType(CamundaTaskListener.class)) {
      delegate(owner(l), l.getCamundaDelegateExpression(), problems);
      expression(owner(l), l.getCamundaExpression(), problems);
    }
    return problems;
  }

  private void facts(Process process, List<String> problems) {
    Map<String, List<String>> props = ModelProperties.of(process);
    if (!props.containsKey("procedure.code")) {
      return; // a block or a system process: not a procedure
    }
    String id = process.getId();
    if (props.get("procedure.code").get(0) == null || props.get("procedure.code").get(0).isBlank()) {
      problems.add(id + ": procedure.code (mã thủ tục) để trống.");
    }
    Integer days = integer(props, "procedure.statutoryDays", id, problems);
    if (days == null && !props.containsKey("procedure.statutoryDays")) {
      problems.add(id + ": thiếu procedure.statutoryDays (số ngày làm việc theo quy định; 0 cho thủ tục giải quyết trong ngày).");
    } else if (days != null && days < 0) {
      problems.add(id + ": procedure.statutoryDays = " + days + " không hợp lệ: thời hạn giải quyết phải là số ngày "
          + "làm việc từ 0 trở lên (0 cho thủ tục giải quyết trong ngày).");
    }
    Integer fee = integer(props, "procedure.fee", id, problems);
    if (fee != null && fee < 0) {
      problems.add(id + ": procedure.fee = " + fee + " không hợp lệ: lệ phí không được âm.");
    }
    String level = first(props, "procedure.level");
    if (level != null && !level.equals("PROVINCE") && !level.equals("COMMUNE")) {
      problems.add(id + ": procedure.level = '" + level + "' không hợp lệ: chỉ PROVINCE (cấp tỉnh) hoặc COMMUNE (cấp xã).");
    }
    String agency = first(props, "procedure.competentAgency");
    if (agency != null && !Procedure.RECEIVING_UNIT.equals(agency) && directory.find(agency).isEmpty()) {
      problems.add(id + ": procedure.competentAgency = '" + agency + "' không phải mã đơn vị trong tệp tổ chức "
          + "(hoặc RECEIVING_UNIT khi xã tiếp nhận giải quyết).");
    }
    Map<String, Integer> stageHours = new LinkedHashMap<>();
    Map<String, String> overdue = new LinkedHashMap<>();
    for (var e : props.entrySet()) {
      String name = e.getKey();
      if (name.startsWith("stage.") && name.endsWith("Hours") && name.length() > 11) {
        Integer hours = integer(props, name, id, problems);
        if (hours != null && hours <= 0) {
          problems.add(id + ": " + name + " = " + hours + " không hợp lệ: số giờ làm việc của giai đoạn phải lớn hơn 0.");
        } else if (hours != null) {
          stageHours.put(name.substring(6, name.length() - 5), hours);
        }
      }
      if (name.startsWith("overdue.")) {
        overdue.put(name.substring(8), e.getValue().get(0) == null ? "" : e.getValue().get(0).trim());
      }
    }
    if (days == null || days < 0) {
      return;
    }
    Procedure procedure = new Procedure(id, process.getName(), "", "", "", days, 0, null, null, List.of(), List.of(),
        Map.copyOf(stageHours), Procedure.parseStages(first(props, "procedure.stages")), Map.copyOf(overdue), null, null);
    for (List<String> group : procedure.stageOrder()) {
      for (String stage : group) {
        if (days > 0 && !stage.equals("appraisal") && !stage.equals("approval") && !stageHours.containsKey(stage)) {
          problems.add(id + ": giai đoạn '" + stage + "' trong procedure.stages chưa có thời gian: khai báo stage."
              + stage + "Hours.");
        }
      }
    }
    for (String declared : stageHours.keySet()) {
      if (procedure.stageOrder().stream().noneMatch(g -> g.contains(declared))) {
        problems.add(id + ": stage." + declared + "Hours khai báo giai đoạn '" + declared
            + "' không có trong procedure.stages.");
      }
    }
    int sum = procedure.stageHoursSum();
    if (days > 0 && sum > days * 8) {
      problems.add(id + ": tổng thời gian các giai đoạn " + stageHours + " là " + sum + " giờ làm việc, vượt thời hạn "
          + days + " ngày làm việc (" + days * 8 + " giờ) của thủ tục.");
    }
    for (var e : overdue.entrySet()) {
      if (!e.getValue().matches("(\\d+d)?(\\d+h)?(\\d+m)?") || e.getValue().isEmpty()) {
        problems.add(id + ": overdue." + e.getKey() + " = '" + e.getValue()
            + "' không phải thời gian làm việc (ví dụ 1d, 4h, 1d4h).");
      }
    }
  }

  private void userTask(UserTask task, Surroundings around, boolean ours, List<String> problems) {
    String groups = task.getCamundaCandidateGroups();
    if (groups != null && !groups.isBlank()) {
      if (groups.contains("${") && !UNIT_ROLE_EXPRESSION.matcher(groups.strip()).matches()) {
        expression(task, groups, problems);
      } else {
        for (String group : groups.split(",")) {
          group(task, group.strip(), ours, problems);
        }
      }
    }
    expression(task, task.getCamundaCandidateUsers(), problems);
    expression(task, task.getCamundaAssignee(), problems);
    expression(task, task.getCamundaDueDate(), problems);
    String formRef = task.getCamundaFormRef();
    if (formRef != null && !formRef.isBlank() && !formRef.contains("${")) {
      String binding = task.getCamundaFormRefBinding() == null ? "latest" : task.getCamundaFormRefBinding();
      boolean found = "deployment".equals(binding) ? around.formInDeployment(formRef) : around.formExists(formRef);
      if (!found) {
        problems.add(task.getId() + ": biểu mẫu '" + formRef + "' không tồn tại"
            + ("deployment".equals(binding) ? " trong cùng lần triển khai (formRefBinding = deployment): hãy triển khai "
                + "kèm tệp .form có id này" : "") + ".");
      }
    }
    String formKey = task.getCamundaFormKey();
    if (formKey != null && formKey.startsWith("camunda-forms:deployment:")) {
      String resource = formKey.substring("camunda-forms:deployment:".length());
      if (!around.resourceInDeployment(resource)) {
        problems.add(task.getId() + ": biểu mẫu '" + resource + "' (formKey) không có trong cùng lần triển khai.");
      }
    }
  }

  /** One candidate group: {@code ${unitVariable}.role} or {@code agency.role}. */
  private void group(BaseElement element, String group, boolean ours, List<String> problems) {
    Matcher m = UNIT_ROLE_EXPRESSION.matcher(group);
    if (m.matches()) {
      if (ours && !UNIT_VARIABLES.contains(m.group(1))) {
        problems.add(element.getId() + ": nhóm xử lý '" + group + "': biến đơn vị '" + m.group(1) + "' không có; "
            + "dùng một trong " + UNIT_VARIABLES.stream().sorted().toList() + ".");
      }
      if (Role.fromId(m.group(2)).isEmpty()) {
        problems.add(element.getId() + ": nhóm xử lý '" + group + "': vai trò '" + m.group(2) + "' không có; "
            + "dùng một trong " + roles() + ".");
      }
      return;
    }
    if (group.contains("${") || group.contains("#{")) {
      expression(element, group, problems);
      return;
    }
    int dot = group.lastIndexOf('.');
    String unit = dot > 0 ? group.substring(0, dot) : group;
    String role = dot > 0 ? group.substring(dot + 1) : "";
    if (directory.find(unit).isEmpty()) {
      problems.add(element.getId() + ": nhóm xử lý '" + group + "': đơn vị '" + unit + "' không có trong tệp tổ chức.");
    } else if (Role.fromId(role).isEmpty()) {
      problems.add(element.getId() + ": nhóm xử lý '" + group + "': vai trò '" + role + "' không có; dùng một trong "
          + roles() + ".");
    } else if (!directory.get(unit).hasRole(Role.fromId(role).get())) {
      problems.add(element.getId() + ": nhóm xử lý '" + group + "': đơn vị '" + unit + "' không có vai trò '" + role + "'.");
    }
  }

  private void callActivity(CallActivity call, Surroundings around, List<String> problems) {
    String called = call.getCalledElement();
    if (called == null || called.isBlank()) {
      problems.add(call.getId() + ": hoạt động gọi (call activity) chưa chọn khối dùng chung (calledElement).");
    } else if (!called.contains("${") && !around.processExists(called)) {
      problems.add(call.getId() + ": khối dùng chung '" + called + "' không tồn tại (chưa được triển khai và không có "
          + "trong lần triển khai này).");
    }
    delegate(call, call.getCamundaVariableMappingDelegateExpression(), problems);
    if (call.getExtensionElements() != null) {
      for (CamundaIn in : call.getExtensionElements().getChildElementsByType(CamundaIn.class)) {
        if ("partnerUnit".equals(in.getCamundaTarget()) && in.getCamundaSourceExpression() != null
            && !in.getCamundaSourceExpression().contains("${") && directory.find(in.getCamundaSourceExpression().strip()).isEmpty()) {
          problems.add(call.getId() + ": cơ quan phối hợp partnerUnit = '" + in.getCamundaSourceExpression()
              + "' không phải mã đơn vị trong tệp tổ chức.");
        }
        expression(call, in.getCamundaSourceExpression(), problems);
      }
    }
  }

  /** A delegate expression must name a bean of the system: {@code ${issueReceiptDelegate}}. */
  private void delegate(BaseElement element, String expression, List<String> problems) {
    if (expression == null || expression.isBlank()) {
      return;
    }
    Matcher m = SIMPLE_EXPRESSION.matcher(expression);
    if (m.matches()) {
      if (!beanExists.test(m.group(1))) {
        problems.add(idOf(element) + ": biểu thức ủy quyền '" + expression + "' không chỉ tới thành phần nào của hệ thống "
            + "(không có bean '" + m.group(1) + "'); hãy chọn mẫu phần tử (element template) của Một Cửa.");
      }
    } else {
      expression(element, expression, problems);
    }
  }

  /** The roots of method calls in an expression ({@code ${overdue.warningAt(...)}}) must be beans. */
  private void expression(BaseElement element, String expression, List<String> problems) {
    if (expression == null || !(expression.contains("${") || expression.contains("#{"))) {
      return;
    }
    Matcher m = METHOD_ROOT.matcher(expression);
    while (m.find()) {
      String root = m.group(1);
      if (!ENGINE_ROOTS.contains(root) && !beanExists.test(root)) {
        problems.add(idOf(element) + ": biểu thức '" + expression + "' gọi '" + root + "', không phải thành phần nào "
            + "của hệ thống.");
      }
    }
  }

  private static BaseElement owner(ModelElementInstance listener) {
    ModelElementInstance e = listener;
    while (e != null && !(e instanceof BaseElement b && b.getId() != null && !(e instanceof org.camunda.bpm.model.bpmn.instance.ExtensionElements))) {
      e = e.getParentElement();
    }
    return (BaseElement) e;
  }

  private static String idOf(BaseElement element) {
    return element == null ? "?" : element.getId();
  }

  private static boolean classExists(String name) {
    try {
      Class.forName(name, false, ProcedureModelCheck.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static List<String> roles() {
    return java.util.Arrays.stream(Role.values()).map(Role::id).toList();
  }

  private static String first(Map<String, List<String>> props, String name) {
    List<String> values = props.get(name);
    return values == null || values.isEmpty() || values.get(0) == null ? null : values.get(0).strip();
  }

  private static Integer integer(Map<String, List<String>> props, String name, String id, List<String> problems) {
    String value = first(props, name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      problems.add(id + ": " + name + " = '" + value + "' không phải một số nguyên.");
      return null;
    }
  }

  /** The first problem list of a model by resource name, for logs: {@code Optional.empty()} when it runs. */
  public static Optional<String> describe(String resourceName, List<String> problems) {
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("Mô hình '" + resourceName + "' chưa chạy được nên không được triển khai:\n- "
        + String.join("\n- ", problems));
  }
}
