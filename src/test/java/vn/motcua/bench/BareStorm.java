package vn.motcua.bench;

import static vn.motcua.bench.BareEngine.definitions;
import static vn.motcua.bench.BareEngine.flow;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * {@code bench timers --bare true}: the storm's floor. The same shape as the system's warning, on Camunda alone: N
 * process instances wait in a stage's user task with three non-interrupting timers (warning, overdue, apology), the
 * warnings all due at the same instant; each warning calls a block with four variables passed in, a service task,
 * a gateway and two user tasks with candidate groups and due dates (the system's {@code Block_StageAlert}). Full
 * history, the connection settings of the postgres profile, the job executor with the application's settings (4
 * threads, 20 jobs per acquisition, queue 20, max-wait 10 s). No alert row, grants, summary, control log or
 * priority: what the engine costs by itself, so that the system's figure can be read against what the machine
 * can do at all.
 */
final class BareStorm {
  private static final String FAR = "2099-01-01T00:00:00";

  private BareStorm() {
  }

  static void run(Map<String, String> o) throws Exception {
    int n = Integer.parseInt(o.getOrDefault("dossiers", "20000"));
    int threads = Integer.parseInt(o.getOrDefault("threads", "4"));
    long timeoutSeconds = Long.parseLong(o.getOrDefault("timeout", "1800"));
    BenchSystem sys = new BenchSystem(o);
    boolean pg = sys.db.equals("postgres");
    // its own database: beside the system's on PostgreSQL (created anew), in memory on H2
    String url = pg ? BareEngine.postgresSettings(BareEngine.besideUrl(sys.url, "_bare_storm"), BareEngine.pgOptions(o))
        : "jdbc:h2:mem:bench8-bare-storm-" + ProcessHandle.current().pid() + ";DB_CLOSE_DELAY=-1";
    if (pg) {
      BenchSystem.recreatePostgres(url, sys.user, sys.password);
    }
    List<String> lines = new ArrayList<>();
    LocalDate monday = LocalDate.now(BenchSystem.ZONE).with(TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
    Date t0 = Date.from(monday.atTime(LocalTime.of(9, 0)).atZone(BenchSystem.ZONE).toInstant());
    Date warningAt = new Date(t0.getTime() + 3_600_000L);
    ProcessEngine engine = engine(url, sys.user, sys.password, BareEngine.pgOptions(o));
    try {
      ClockUtil.setCurrentTime(t0);
      engine.getRepositoryService().createDeployment().name("bare-storm")
          .addString("bare-storm-stage.bpmn", stage()).addString("bare-storm-alert.bpmn", alertBlock()).deploy();
      long g0 = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            start(engine, i, warningAt);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      long genSeconds = Math.max(1, (System.nanoTime() - g0) / 1_000_000_000L);
      lines.add(String.format(Locale.ROOT, "generation: %d process instances started, %d threads: %d s (%.1f/s)", n,
          threads, genSeconds, n / (double) genSeconds));
      if (pg) {
        try (var c = java.sql.DriverManager.getConnection(url, sys.user, sys.password); var s = c.createStatement()) {
          // autovacuum is off on the CI server: analyze as it would have after the load
          s.execute("ANALYZE");
        }
      }
      ManagementService management = engine.getManagementService();
      List<String> warningDefs = TimersBench.definitions(management, "Event_Warning");
      lines.add("warning timers: " + TimersBench.count(management, warningDefs) + " due at " + warningAt.toInstant());
      lines.add(BenchSystem.load());
      double[] cpu0 = BenchSystem.cpuSeconds();
      ClockUtil.setCurrentTime(new Date(warningAt.getTime() + 30_000));
      long s0 = System.nanoTime();
      long firstSeen = -1;
      long left = -1;
      while ((System.nanoTime() - s0) / 1_000_000_000L < timeoutSeconds) {
        left = TimersBench.count(management, warningDefs);
        if (firstSeen < 0 && left < n) {
          firstSeen = System.nanoTime();
        }
        if (left == 0) {
          break;
        }
        Thread.sleep(250);
      }
      double seconds = (System.nanoTime() - s0) / 1e9;
      long reminders = engine.getTaskService().createTaskQuery().processDefinitionKey("Bare_StormAlert").count();
      double[] cpu1 = BenchSystem.cpuSeconds();
      double idle = firstSeen < 0 ? seconds : (firstSeen - s0) / 1e9;
      lines.add(String.format(Locale.ROOT, "timer storm, the bare engine: %d warnings handled by the job executor in"
          + " %.1f s (%.0f/s)%s", n - left, seconds, (n - left) / seconds, left == 0 ? "" : " — TIMED OUT, " + left
          + " warning jobs left"));
      lines.add(String.format(Locale.ROOT, "  of which: %.1f s until the first warning was handled, %.1f s handling"
          + " them (%.0f/s)", idle, seconds - idle, (n - left) / Math.max(0.001, seconds - idle)));
      double jvmMs = (cpu1[0] - cpu0[0]) * 1000 / Math.max(1, n - left);
      lines.add(!pg || cpu0[1] < 0 ? String.format(Locale.ROOT, "CPU per warning: %.1f ms in the bench's JVM", jvmMs)
          : String.format(Locale.ROOT, "CPU per warning: %.1f ms in the bench's JVM (the engine), %.1f ms in the local"
              + " PostgreSQL server's processes", jvmMs, (cpu1[1] - cpu0[1]) * 1000 / Math.max(1, n - left)));
      lines.add(BenchSystem.load());
      long failed = management.createJobQuery().withException().count();
      lines.add("checks: reminder tasks " + reminders + " (2 per warning), failed jobs " + failed);
      lines.forEach(System.out::println);
      if (left != 0 || failed != 0 || reminders != 2L * n) {
        throw new IllegalStateException("bare storm checks failed: " + lines.get(lines.size() - 1));
      }
    } finally {
      ClockUtil.reset();
      engine.close();
    }
    if (pg) {
      try (var c = java.sql.DriverManager.getConnection(url, sys.user, sys.password);
          var r = c.createStatement().executeQuery("SELECT version(), current_setting('random_page_cost'),"
              + " current_setting('plan_cache_mode')")) {
        r.next();
        sys.databaseLabel = r.getString(1).replaceAll(" on .*", "") + " (local, the server's default settings; the"
            + " connection's random_page_cost " + r.getString(2) + ", plan_cache_mode " + r.getString(3) + ")";
      }
    } else {
      sys.databaseLabel = "H2 " + org.h2.engine.Constants.VERSION + " (in memory)";
    }
    sys.writeDocs("timers-bare-" + sys.db, "Timer storm, the bare engine, " + sys.db + " (`bench timers --bare true`)",
        BenchSystem.command("timers", o), lines);
  }

  private static ProcessEngine engine(String url, String user, String password, String pgOptions) {
    StandaloneProcessEngineConfiguration c = BareEngine.configuration("bare-storm", url, user, password, pgOptions);
    // the application's job executor (application.yml, camunda.bpm.job-execution)
    DefaultJobExecutor executor = new DefaultJobExecutor();
    executor.setCorePoolSize(4);
    executor.setMaxPoolSize(4);
    executor.setQueueSize(20);
    executor.setMaxJobsPerAcquisition(20);
    executor.setMaxWait(10_000);
    c.setJobExecutor(executor);
    return c.buildProcessEngine();
  }

  private static void start(ProcessEngine engine, int i, Date warningAt) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("dossierId", (long) i + 1);
    vars.put("dossierCode", "BARE-" + i);
    vars.put("receivingUnit", "tq-bc" + (i % 200));
    vars.put("competentUnit", "tq-bc" + (i % 200));
    vars.put("receivedAt", new Date());
    vars.put("applicantName", "Nguyễn Văn An");
    vars.put("applicantIdNumber", "001203004567");
    vars.put("applicantPhone", "0912345678");
    vars.put("applicantAddress", "Tổ 5, phường Minh Xuân, tỉnh Tuyên Quang");
    vars.put("requestSummary", "Đăng ký hộ kinh doanh tạp hóa Bình An");
    vars.put("statutoryDays", 3);
    vars.put("warningAt", warningAt);
    engine.getRuntimeService().startProcessInstanceByKey("Bare_StormStage", "BARE-" + i, vars);
  }

  /** A stage as the system's: a user task with its warning, overdue and apology timers (non-interrupting). */
  static String stage() {
    return definitions("""
        <bpmn:process id="Bare_StormStage" isExecutable="true" camunda:historyTimeToLive="P1825D">
          <bpmn:startEvent id="Start" />
          <bpmn:subProcess id="SubProcess_Stage">
            <bpmn:startEvent id="Start_Stage" />
            <bpmn:userTask id="Task_Appraise" camunda:candidateGroups="${competentUnit}.specialist" camunda:dueDate="%1$s" />
            <bpmn:endEvent id="End_Stage" />
            <bpmn:boundaryEvent id="Event_Warning" attachedToRef="Task_Appraise" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${warningAt}</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:callActivity id="Call_StageAlert" calledElement="Bare_StormAlert">
              <bpmn:extensionElements>
                <camunda:in businessKey="#{execution.processBusinessKey}" />
                <camunda:in source="dossierId" target="dossierId" />
                <camunda:in source="receivingUnit" target="receivingUnit" />
                <camunda:in source="competentUnit" target="competentUnit" />
                <camunda:in source="applicantPhone" target="applicantPhone" />
              </bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:endEvent id="End_Warning" />
            <bpmn:boundaryEvent id="Event_Overdue" attachedToRef="Task_Appraise" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">%1$s</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="End_Overdue" />
            <bpmn:boundaryEvent id="Event_ApologyDue" attachedToRef="Task_Appraise" cancelActivity="false">
              <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">%1$s</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:endEvent id="End_ApologyDue" />
            %2$s %3$s %4$s %5$s %6$s %7$s
          </bpmn:subProcess>
          <bpmn:endEvent id="End" />
          %8$s %9$s
        </bpmn:process>
        """.formatted(FAR, flow("F_S1", "Start_Stage", "Task_Appraise"), flow("F_S2", "Task_Appraise", "End_Stage"),
        flow("F_W1", "Event_Warning", "Call_StageAlert"), flow("F_W2", "Call_StageAlert", "End_Warning"),
        flow("F_O", "Event_Overdue", "End_Overdue"), flow("F_A", "Event_ApologyDue", "End_ApologyDue"),
        flow("F1", "Start", "SubProcess_Stage"), flow("F2", "SubProcess_Stage", "End")));
  }

  /** The stage-alert block's warning path: a service task, a gateway, two reminder tasks in parallel. */
  static String alertBlock() {
    return definitions("""
        <bpmn:process id="Bare_StormAlert" isExecutable="true" camunda:historyTimeToLive="P1825D">
          <bpmn:startEvent id="Start" />
          <bpmn:serviceTask id="Task_RaiseAlert" camunda:expression="${true}" />
          <bpmn:exclusiveGateway id="Gateway_AlertKind" />
          <bpmn:endEvent id="End_NothingNew" />
          <bpmn:parallelGateway id="Gateway_Split" />
          <bpmn:userTask id="Task_RemindOfficer" camunda:candidateGroups="${competentUnit}.specialist" camunda:dueDate="%1$s" camunda:priority="75" />
          <bpmn:userTask id="Task_RemindLeader" camunda:candidateGroups="${competentUnit}.leader" camunda:dueDate="%1$s" camunda:priority="75" />
          <bpmn:parallelGateway id="Gateway_Join" />
          <bpmn:serviceTask id="Task_CloseAlert" camunda:expression="${true}" />
          <bpmn:endEvent id="End" />
          %2$s %3$s
          <bpmn:sequenceFlow id="F3" sourceRef="Gateway_AlertKind" targetRef="Gateway_Split">
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${dossierId &gt; 0}</bpmn:conditionExpression>
          </bpmn:sequenceFlow>
          <bpmn:sequenceFlow id="F4" sourceRef="Gateway_AlertKind" targetRef="End_NothingNew">
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${dossierId &lt;= 0}</bpmn:conditionExpression>
          </bpmn:sequenceFlow>
          %4$s %5$s %6$s %7$s %8$s %9$s
        </bpmn:process>
        """.formatted(FAR, flow("F1", "Start", "Task_RaiseAlert"), flow("F2", "Task_RaiseAlert", "Gateway_AlertKind"),
        flow("F5", "Gateway_Split", "Task_RemindOfficer"), flow("F6", "Gateway_Split", "Task_RemindLeader"),
        flow("F7", "Task_RemindOfficer", "Gateway_Join"), flow("F8", "Task_RemindLeader", "Gateway_Join"),
        flow("F9", "Gateway_Join", "Task_CloseAlert"), flow("F10", "Task_CloseAlert", "End")));
  }
}
