package vn.motcua.bench;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;

/**
 * The baseline: the bare Camunda engine, built standalone in the same JVM on its own fresh database of
 * the same kind (same server), with the settings the application gives its engine where they are engine
 * settings (history level full, UUID ids, job executor on), and no plugin, delegate or listener. It runs
 * the same shape as the household business registration: the procedure calls a reception, a fee, a
 * resolution and a return block; reception is a gateway, the check task, a decision gateway and a service
 * task; the fee a service task (fee due, clock paused), a gateway, the counter's collection task with the
 * gateway's two message boundary events (paid online, cancelled: never received in the run) and a service
 * task (paid at the counter);
 * resolution a service task, a gateway, the appraisal and approval stage sub-processes, each a user task
 * with three non-interrupting timers (warning, apology, escalation: never due during the run, as in the
 * system's run), the result gateways and a service task; return a user task and a service task; the
 * procedure has the interrupting stop event sub-process. Service tasks are {@code ${true}}; timers and
 * due dates are fixed; candidate groups are the same expressions ({@code ${competentUnit}.specialist}).
 * Call activities lead to end events where the system calls its alert/apology blocks (never reached).
 */
final class BareEngine implements AutoCloseable {
  static final String PROCEDURE = "Bare_HouseholdBusinessRegistration";
  private static final String FAR = "2099-01-01T00:00:00";

  /** The {@code options} of application-postgres.yml's connection. */
  static final String PG_OPTIONS = "-c random_page_cost=1.1";

  /**
   * The connection's {@code options}: application-postgres.yml's, or the bench's {@code --pg-settings k=v,k=v}
   * (each a {@code -c k=v}; for measuring a setting against another on the same data).
   */
  static String pgOptions(java.util.Map<String, String> benchOptions) {
    String settings = benchOptions.get("pg-settings");
    if (settings == null) {
      return PG_OPTIONS;
    }
    StringBuilder b = new StringBuilder();
    for (String kv : settings.split(",")) {
      if (!kv.matches("[a-z_]+=[A-Za-z0-9._]+")) {
        throw new IllegalArgumentException("--pg-settings " + settings + ": name=value,name=value");
      }
      b.append(b.isEmpty() ? "" : " ").append("-c ").append(kv);
    }
    return b.toString();
  }

  final ProcessEngine engine;

  /** The URL of a database beside the given one's (its name with {@code suffix}), with the same query string. */
  static String besideUrl(String jdbcUrl, String suffix) {
    int q = jdbcUrl.indexOf('?');
    return q < 0 ? jdbcUrl + suffix : jdbcUrl.substring(0, q) + suffix + jdbcUrl.substring(q);
  }

  /** The URL with the postgres profile's driver settings, those it does not set itself. */
  static String postgresSettings(String jdbcUrl, String pgOptions) {
    if (!jdbcUrl.startsWith("jdbc:postgresql")) {
      return jdbcUrl;
    }
    String url = jdbcUrl;
    if (!url.contains("reWriteBatchedInserts=")) {
      url += (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
    if (!url.contains("options=")) {
      url += "&options=" + pgOptions.replace(" ", "%20");
    }
    return url;
  }

  /**
   * The bare engine's configuration, shared by the lifecycle's and the storm's: Camunda as it ships, full history,
   * the postgres profile's driver settings (batched inserts as multi-row statements, the planner's random page cost).
   */
  static StandaloneProcessEngineConfiguration configuration(String name, String jdbcUrl, String user, String password,
      String pgOptions) {
    StandaloneProcessEngineConfiguration c = (StandaloneProcessEngineConfiguration)
        ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
    c.setProcessEngineName(name + "-" + System.nanoTime());
    c.setJdbcUrl(postgresSettings(jdbcUrl, pgOptions));
    c.setJdbcUsername(user);
    c.setJdbcPassword(password);
    c.setJdbcDriver(jdbcUrl.startsWith("jdbc:h2") ? "org.h2.Driver" : "org.postgresql.Driver");
    c.setJdbcMaxActiveConnections(20);
    c.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    c.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    c.setIdGenerator(new StrongUuidGenerator());
    c.setJobExecutorActivate(true);
    c.setMetricsEnabled(false);
    return c;
  }

  BareEngine(String jdbcUrl, String user, String password, String pgOptions) {
    StandaloneProcessEngineConfiguration c = configuration("bare", jdbcUrl, user, password, pgOptions);
    engine = c.buildProcessEngine();
    engine.getRepositoryService().createDeployment().name("bare-bench")
        .addString("bare-procedure.bpmn", procedure())
        .addString("bare-reception.bpmn", reception())
        .addString("bare-fee-payment.bpmn", feePayment())
        .addString("bare-resolution.bpmn", resolution())
        .addString("bare-return.bpmn", returnBlock())
        .deploy();
  }

  /** Starts a dossier's process as registration does: business key, the registration variables. */
  String start(String code, String receivingUnit, String competentUnit) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("dossierCode", code);
    vars.put("receivingUnit", receivingUnit);
    vars.put("competentUnit", competentUnit);
    vars.put("receivedAt", new Date());
    vars.put("applicantName", "Nguyễn Văn An");
    vars.put("applicantIdNumber", "001203004567");
    vars.put("applicantPhone", "0912345678");
    vars.put("applicantAddress", "Tổ 5, phường Minh Xuân, tỉnh Tuyên Quang");
    vars.put("requestSummary", "Đăng ký hộ kinh doanh tạp hóa Bình An");
    vars.put("statutoryDays", 3);
    vars.put("supplementCount", 0);
    return engine.getRuntimeService().startProcessInstanceByKey(PROCEDURE, code, vars).getId();
  }

  List<Task> openTasks(String code) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code).list();
  }

  @Override
  public void close() {
    engine.close();
  }

  static String definitions(String body) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_Bare" targetNamespace="http://motcua.vn/bench">
        %s
        </bpmn:definitions>
        """.formatted(body);
  }

  private static String call(String id, String element) {
    return """
        <bpmn:callActivity id="%s" calledElement="%s">
          <bpmn:extensionElements>
            <camunda:in businessKey="#{execution.processBusinessKey}" />
            <camunda:in variables="all" />
            <camunda:out variables="all" />
          </bpmn:extensionElements>
        </bpmn:callActivity>
        """.formatted(id, element);
  }

  static String flow(String id, String from, String to) {
    return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\" />\n";
  }

  static String flow(String id, String from, String to, String condition) {
    return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\">"
        + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">" + condition
        + "</bpmn:conditionExpression></bpmn:sequenceFlow>\n";
  }

  static String procedure() {
    return definitions("""
        <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1825D">
          <bpmn:startEvent id="Start" />
          %s
          <bpmn:exclusiveGateway id="Gateway_Accepted" />
          %s
          %s
          %s
          <bpmn:endEvent id="End_Returned" />
          <bpmn:endEvent id="End_NotAccepted" />
          %s %s %s %s %s %s %s
          <bpmn:subProcess id="SubProcess_Stop" triggeredByEvent="true">
            <bpmn:startEvent id="Start_Stop"><bpmn:messageEventDefinition messageRef="Message_Stop" /></bpmn:startEvent>
            <bpmn:endEvent id="End_Stopped" />
            %s
          </bpmn:subProcess>
        </bpmn:process>
        <bpmn:message id="Message_Stop" name="BareStopRequested" />
        """.formatted(PROCEDURE, call("Call_Reception", "Bare_Reception"), call("Call_FeePayment", "Bare_FeePayment"),
        call("Call_Resolution", "Bare_Resolution"), call("Call_Return", "Bare_Return"),
        flow("F1", "Start", "Call_Reception"), flow("F2", "Call_Reception", "Gateway_Accepted"),
        flow("F3", "Gateway_Accepted", "Call_FeePayment", "${receptionDecision == 'COMPLETE'}"),
        flow("F8", "Call_FeePayment", "Call_Resolution"),
        flow("F4", "Gateway_Accepted", "End_NotAccepted", "${receptionDecision != 'COMPLETE'}"),
        flow("F5", "Call_Resolution", "Call_Return"), flow("F6", "Call_Return", "End_Returned"),
        flow("F7", "Start_Stop", "End_Stopped")));
  }

  static String reception() {
    return definitions("""
        <bpmn:process id="Bare_Reception" isExecutable="true" camunda:historyTimeToLive="P1825D">
          <bpmn:startEvent id="Start" />
          <bpmn:exclusiveGateway id="Gateway_ToCheck" />
          <bpmn:userTask id="Task_CheckDossier" camunda:candidateGroups="${receivingUnit}.reception" camunda:dueDate="%s" />
          <bpmn:exclusiveGateway id="Gateway_CheckResult" />
          <bpmn:serviceTask id="Task_IssueReceipt" camunda:expression="${true}" />
          <bpmn:endEvent id="End_Accepted" />
          <bpmn:endEvent id="End_Refused" />
          %s %s %s
          %s %s %s
        </bpmn:process>
        """.formatted(FAR, flow("F1", "Start", "Gateway_ToCheck"), flow("F2", "Gateway_ToCheck", "Task_CheckDossier"),
        flow("F3", "Task_CheckDossier", "Gateway_CheckResult"),
        flow("F4", "Gateway_CheckResult", "Task_IssueReceipt", "${receptionDecision == 'COMPLETE'}"),
        flow("F5", "Gateway_CheckResult", "End_Refused", "${receptionDecision != 'COMPLETE'}"),
        flow("F6", "Task_IssueReceipt", "End_Accepted")));
  }

  static String feePayment() {
    return definitions("""
        <bpmn:process id="Bare_FeePayment" isExecutable="true" camunda:historyTimeToLive="P1825D">
          <bpmn:startEvent id="Start" />
          <bpmn:serviceTask id="Task_RecordFeeDue" camunda:expression="${true}" />
          <bpmn:exclusiveGateway id="Gateway_AwaitFee" />
          <bpmn:userTask id="Task_CollectFee" camunda:candidateGroups="${receivingUnit}.reception" />
          <bpmn:boundaryEvent id="Event_FeePaidOnline" attachedToRef="Task_CollectFee">
            <bpmn:messageEventDefinition messageRef="Message_FeePaidOnline" />
          </bpmn:boundaryEvent>
          <bpmn:boundaryEvent id="Event_FeePaymentCancelled" attachedToRef="Task_CollectFee">
            <bpmn:messageEventDefinition messageRef="Message_FeePaymentCancelled" />
          </bpmn:boundaryEvent>
          <bpmn:serviceTask id="Task_RecordCounterFee" camunda:expression="${true}" />
          <bpmn:serviceTask id="Task_ResumeAfterOnlineFee" camunda:expression="${true}" />
          <bpmn:endEvent id="End_PaidAtCounter" />
          <bpmn:endEvent id="End_PaidOnline" />
          %s %s %s %s %s %s %s %s
        </bpmn:process>
        <bpmn:message id="Message_FeePaidOnline" name="BareFeePaidOnline" />
        <bpmn:message id="Message_FeePaymentCancelled" name="BareFeePaymentCancelled" />
        """.formatted(flow("F1", "Start", "Task_RecordFeeDue"), flow("F2", "Task_RecordFeeDue", "Gateway_AwaitFee"),
        flow("F3", "Gateway_AwaitFee", "Task_CollectFee"), flow("F4", "Event_FeePaymentCancelled", "Gateway_AwaitFee"),
        flow("F5", "Task_CollectFee", "Task_RecordCounterFee"), flow("F6", "Task_RecordCounterFee", "End_PaidAtCounter"),
        flow("F7", "Event_FeePaidOnline", "Task_ResumeAfterOnlineFee"),
        flow("F8", "Task_ResumeAfterOnlineFee", "End_PaidOnline")));
  }

  private static String stage(String name, String task, String group) {
    String s = "SubProcess_" + name + "Stage";
    StringBuilder timers = new StringBuilder();
    for (String t : new String[] {"Overdue", "Warning", "ApologyDue"}) {
      String ev = "Event_" + name + t;
      timers.append("""
          <bpmn:boundaryEvent id="%s" attachedToRef="%s" cancelActivity="false">
            <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">%s</bpmn:timeDate></bpmn:timerEventDefinition>
          </bpmn:boundaryEvent>
          <bpmn:endEvent id="End_%s" />
          %s
          """.formatted(ev, task, FAR, ev, flow("F_" + ev, ev, "End_" + ev)));
    }
    return """
        <bpmn:subProcess id="%s">
          <bpmn:startEvent id="Start_%s" />
          <bpmn:userTask id="%s" camunda:candidateGroups="${competentUnit}.%s" camunda:dueDate="%s" />
          <bpmn:endEvent id="End_%s"><bpmn:terminateEventDefinition /></bpmn:endEvent>
          %s %s
          %s
        </bpmn:subProcess>
        """.formatted(s, s, task, group, FAR, s, flow("F_" + s + "_1", "Start_" + s, task),
        flow("F_" + s + "_2", task, "End_" + s), timers);
  }

  static String resolution() {
    return definitions("""
        <bpmn:process id="Bare_Resolution" isExecutable="true" camunda:historyTimeToLive="P1825D">
          <bpmn:startEvent id="Start" />
          <bpmn:serviceTask id="Task_Transfer" camunda:expression="${true}" />
          <bpmn:exclusiveGateway id="Gateway_ToAppraisal" />
          %s
          <bpmn:exclusiveGateway id="Gateway_AppraisalResult" />
          %s
          <bpmn:exclusiveGateway id="Gateway_ApprovalDecision" />
          <bpmn:serviceTask id="Task_RecordDecision" camunda:expression="${true}" />
          <bpmn:endEvent id="End_Resolved" />
          <bpmn:endEvent id="End_Supplement" />
          %s %s %s %s %s %s %s %s %s
        </bpmn:process>
        """.formatted(stage("Appraisal", "Task_Appraise", "specialist"), stage("Approval", "Task_Approve", "leader"),
        flow("F1", "Start", "Task_Transfer"), flow("F2", "Task_Transfer", "Gateway_ToAppraisal"),
        flow("F3", "Gateway_ToAppraisal", "SubProcess_AppraisalStage"),
        flow("F4", "SubProcess_AppraisalStage", "Gateway_AppraisalResult"),
        flow("F5", "Gateway_AppraisalResult", "SubProcess_ApprovalStage", "${appraisalConclusion != 'SUPPLEMENT'}"),
        flow("F6", "Gateway_AppraisalResult", "End_Supplement", "${appraisalConclusion == 'SUPPLEMENT'}"),
        flow("F7", "SubProcess_ApprovalStage", "Gateway_ApprovalDecision"),
        flow("F8", "Gateway_ApprovalDecision", "Task_RecordDecision", "${approvalDecision == 'APPROVE'}"),
        flow("F9", "Task_RecordDecision", "End_Resolved"))
        // the send-back loop of the system's model: back to the appraisal gateway
        .replace("</bpmn:process>", flow("F10", "Gateway_ApprovalDecision", "Gateway_ToAppraisal",
            "${approvalDecision == 'SEND_BACK'}") + "</bpmn:process>"));
  }

  static String returnBlock() {
    return definitions("""
        <bpmn:process id="Bare_Return" isExecutable="true" camunda:historyTimeToLive="P1825D">
          <bpmn:startEvent id="Start" />
          <bpmn:userTask id="Task_ReturnResult" camunda:candidateGroups="${receivingUnit}.reception" camunda:dueDate="%s" />
          <bpmn:serviceTask id="Task_RecordReturn" camunda:expression="${true}" />
          <bpmn:endEvent id="End_Returned" />
          %s %s %s
        </bpmn:process>
        """.formatted(FAR, flow("F1", "Start", "Task_ReturnResult"), flow("F2", "Task_ReturnResult", "Task_RecordReturn"),
        flow("F3", "Task_RecordReturn", "End_Returned")));
  }
}
