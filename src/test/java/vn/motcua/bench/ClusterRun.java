package vn.motcua.bench;

import static vn.motcua.bench.ClusterHttp.vars;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The load driver of the cluster run ({@code .ci/cluster-run}, issue 20): drives dossiers through the load
 * balancer over HTTP as officers and citizens do, while the script's hooks inject faults, and then checks
 * the invariants on the database. Run by the script as the bench command {@code cluster}; not by itself.
 *
 * <p>Each dossier is a story worked step by step by a bounded pool of workers (one HTTP step at a time,
 * the story goes back to a delay queue between steps): registration at the counter ({@code POST
 * /api/dossiers}) or online ({@code POST /api/public/dossiers} with an {@code Idempotency-Key}), the
 * tasks through {@code /engine-rest} (the household business registration's fee is taken at the counter
 * right after the reception check, status 6 while it waits; the birth registration is free), a share
 * with a supplement (the specialist asks, the reception sends the request, the citizen sends it online), a share with a pause and resume of the clock, and a share of
 * same-day birth registrations kept at the appraisal past the office's close so that the stage timers
 * fall due during the run (the script sets the office's close a few minutes after the start) and the
 * apology letter is drafted, signed and handed over. A failed step is retried idempotently: an online
 * submission with the same key; a registration, task completion, pause or supplement only after reading
 * the state again (done already: not again).
 *
 * <p>The SMS gateway is a stub in this JVM that counts what it received per reference; it refuses the
 * first attempt of every 25th reference (503), so that failed jobs are retried during the run.
 *
 * <p>Invariants that wait for fixes on other branches are named in {@code --pending} (comma list): their
 * failure is printed as "FAIL (pending)" and does not fail the run. Every other failure exits 1.
 */
final class ClusterRun {
  static final String HOUSEHOLD = "Procedure_HouseholdBusinessRegistration";
  static final String BIRTH = "Procedure_BirthRegistration";
  static final String UNIT = "tq-minhxuan";
  static final Set<String> ALERT_TASKS = Set.of("Task_RemindOfficer", "Task_RemindLeader", "Task_DirectOverdue",
      "Task_SuperviseOverdue");
  static final Set<String> APOLOGY_TASKS = Set.of("Task_DraftApology", "Task_SignApology", "Task_DeliverApology",
      "Task_PartnerReasonForApology");
  /** Officers of the run and their groups (created through the engine REST API with real passwords). */
  static final Map<String, String> OFFICERS = new LinkedHashMap<>();

  static {
    OFFICERS.put("mc.hung", UNIT + ".reception");
    OFFICERS.put("cv.minh", UNIT + ".specialist");
    OFFICERS.put("ld.thao", UNIT + ".leader");
    OFFICERS.put("tt.hai", UNIT + ".head");
    OFFICERS.put("gs.nam", UNIT + ".supervisor");
    OFFICERS.put("gs.ha", "tq-ttpvhcc.supervisor");
  }

  /** Who works which task (the candidate groups of the blocks, all at the commune of Minh Xuân). */
  static final Map<String, String> WORKER_OF_TASK = Map.of("Task_CheckDossier", "mc.hung", "Task_Appraise", "cv.minh",
      "Task_Approve", "ld.thao", "Task_ReturnResult", "mc.hung", "Task_SendSupplementRequest", "mc.hung",
      "Task_CollectFee", "mc.hung", "Task_DraftApology", "cv.minh", "Task_SignApology", "tt.hai",
      "Task_DeliverApology", "mc.hung");

  final Map<String, String> o;
  final ClusterHttp http;
  final List<String> nodes;
  final int total;
  final int workers;
  final int timedCount;
  final Instant closeAt;
  final ZoneId zone;
  final boolean breakIdempotency;
  final Set<String> pending;
  final String hook;
  final String admin;
  final long started = System.currentTimeMillis();

  final AtomicInteger completed = new AtomicInteger();
  final AtomicInteger nextIndex = new AtomicInteger();
  final DelayQueue<Story> queue = new DelayQueue<>();
  /** The story the current worker thread is stepping (its errors are noted on it). */
  final ThreadLocal<Story> working = new ThreadLocal<>();
  /** The stories a worker holds right now (between its poll and its put back), by worker. */
  final Map<Story, String> busy = new ConcurrentHashMap<>();
  /** Stories found neither queued, nor held, nor ended by the watchdog, and put back in the queue. */
  final List<String> requeued = new CopyOnWriteArrayList<>();
  /** When a worker last finished a step (any story). */
  volatile long lastStep = System.currentTimeMillis();
  /** Set by the watchdog when the load made no step for the stall bound: the workers give up. */
  volatile boolean stalled;
  final List<Story> stories = new CopyOnWriteArrayList<>();
  /** Every answer that was not a success (and not a 4xx the story expected), with its time. */
  final List<ErrorEvent> errors = new CopyOnWriteArrayList<>();
  /** Completions refused for a concurrent change (409; before, 500 with ENGINE-03005), retried. */
  final AtomicInteger conflicts = new AtomicInteger();
  final List<Long> successes = Collections.synchronizedList(new ArrayList<>());
  /** When each regular story (not held for the timers) ended. */
  final List<Long> completions = Collections.synchronizedList(new ArrayList<>());
  final List<FaultWindow> windows = new CopyOnWriteArrayList<>();
  /** The gateway stub's accepted requests per reference (times), as a gateway that drops repeats sees them. */
  final Map<String, List<Long>> smsByReference = new ConcurrentHashMap<>();
  final AtomicInteger smsRefused = new AtomicInteger();
  final NodeMonitor monitor;
  final List<String> results = new ArrayList<>();
  final List<String> figures = new ArrayList<>();
  boolean failed;
  /** Set when the load's time budget ({@code --max-minutes}) ran out before every dossier was started. */
  volatile boolean budgetSpent;
  /** False once no story will be started any more; true while the faults still wait for load. */
  volatile boolean feeding = true;
  volatile boolean faultsDone;
  /** Faults the run did not inject because a node was still down from the one before. */
  final List<String> skippedFaults = new CopyOnWriteArrayList<>();

  record ErrorEvent(long at, int status, String what, String retryAfter) {}

  /** A fault: when it started, when the service answered again, when every node was up again. */
  static final class FaultWindow {
    final String name;
    final long start;
    /**
     * Whether work in flight can be cut off without its end being recorded (a node killed, the database gone):
     * the one case where a notification is sent again under its reference (docs/notifications.md, "Never
     * twice"). A graceful stop lets the work in flight end, so it is not such a fault.
     */
    final boolean cutsWorkInFlight;
    volatile long end;
    String note = "";

    FaultWindow(String name, long start, boolean cutsWorkInFlight) {
      this.name = name;
      this.start = start;
      this.cutsWorkInFlight = cutsWorkInFlight;
    }
  }

  ClusterRun(Map<String, String> options) {
    this.o = options;
    this.total = Integer.parseInt(o.getOrDefault("dossiers", "2000"));
    this.workers = Integer.parseInt(o.getOrDefault("workers", "8"));
    this.timedCount = Integer.parseInt(o.getOrDefault("timed", String.valueOf(Math.max(1, total / 20))));
    this.closeAt = o.containsKey("close-at") ? Instant.ofEpochMilli(Long.parseLong(o.get("close-at"))) : null;
    this.zone = ZoneId.of(o.getOrDefault("zone", "Asia/Ho_Chi_Minh"));
    this.breakIdempotency = "idempotency".equals(o.get("break"));
    this.pending = new LinkedHashSet<>(List.of(o.getOrDefault("pending", "").split(",")));
    this.hook = o.get("hook");
    this.admin = o.getOrDefault("admin", "admin");
    this.nodes = List.of(o.getOrDefault("nodes", "http://127.0.0.1:8191,http://127.0.0.1:8192").split(","));
    Map<String, String> passwords = new LinkedHashMap<>();
    passwords.put(o.getOrDefault("admin", "admin"), required("admin-password"));
    OFFICERS.keySet().forEach(u -> passwords.put(u, required("password")));
    this.http = new ClusterHttp(o.getOrDefault("base", "http://127.0.0.1:8190"), passwords);
    this.monitor = new NodeMonitor(nodes);
  }

  private String required(String key) {
    String v = o.get(key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return v;
  }

  static void run(Map<String, String> options) throws Exception {
    ClusterRun run = new ClusterRun(options);
    int exit = run.execute();
    System.exit(exit);
  }

  int execute() throws Exception {
    HttpServer gateway = startGateway(Integer.parseInt(o.getOrDefault("gateway-port", "8193")));
    monitor.start();
    try {
      setUp();
      long loadStart = System.currentTimeMillis();
      Thread faults = new Thread(this::faults, "faults");
      faults.start();
      List<Thread> pool = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        Thread t = new Thread(this::work, "worker-" + i);
        t.start();
        pool.add(t);
      }
      Thread progress = new Thread(() -> {
        // while the load runs: past the dossiers asked for too, as long as a fault still waits for load
        while ((completed.get() < total || feeding || completed.get() < nextIndex.get()) && !budgetSpent && !stalled) {
          sleep(30_000);
          System.out.printf(Locale.ROOT, "%s progress: %d of %d dossiers ended, %d started, %d client errors, nodes up %d%n",
              OffsetDateTime.now(ZoneId.of("UTC")).toLocalTime().withNano(0), completed.get(), total, nextIndex.get(),
              errors.size(), monitor.upCount());
        }
      }, "progress");
      progress.setDaemon(true);
      progress.start();
      Thread watchdog = new Thread(this::watchdog, "watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
      try {
        feed();
      } finally {
        feeding = false; // whatever ends the feed, the workers must be able to end
      }
      for (Thread t : pool) {
        t.join();
      }
      long loadEnd = System.currentTimeMillis();
      faults.join(600_000);
      figures.add(String.format(Locale.ROOT, "dossiers: %d driven to their end in %.0f s (%.2f dossiers/s overall), %d workers",
          completed.get(), (loadEnd - loadStart) / 1000.0, completed.get() * 1000.0 / (loadEnd - loadStart), workers));
      throughputFigures();
      long up = awaitAllUp(600_000);
      figures.add(up < 0 ? "after the load: not every node up within 600 s (nodes up " + monitor.upCount() + ")"
          : String.format(Locale.ROOT, "after the load: every node up %.0f s after the last dossier ended",
              (up - loadEnd) / 1000.0));
      settle();
      throttleCheck();
      check();
    } finally {
      monitor.stop = true;
      gateway.stop(0);
    }
    System.out.println();
    System.out.println("=== cluster run: figures");
    figures.forEach(System.out::println);
    System.out.println("=== cluster run: invariants");
    results.forEach(System.out::println);
    writeDocs();
    String out = o.get("figures");
    if (out != null) {
      List<String> lines = new ArrayList<>(figures);
      lines.add("");
      lines.addAll(results);
      Files.write(Path.of(out), lines, StandardCharsets.UTF_8);
    }
    if (failed) {
      System.out.println("=== cluster run FAILED: an invariant broke (see the FAIL lines above)");
      return 1;
    }
    System.out.println("=== cluster run passed");
    return 0;
  }

  // ---------------------------------------------------------------- set-up

  /** The officers as a province's administrator creates them: engine users with passwords, in their groups. */
  void setUp() throws InterruptedException {
    String admin = o.getOrDefault("admin", "admin");
    for (var e : OFFICERS.entrySet()) {
      Map<String, Object> body = Map.of("profile", Map.of("id", e.getKey(), "firstName", e.getKey(), "lastName", "Cluster",
          "email", e.getKey() + "@cluster.invalid"), "credentials", Map.of("password", required("password")));
      ClusterHttp.Answer a = retry(() -> http.postJson(admin, "/engine-rest/user/create", body), "create user");
      if (!a.ok() && !a.body().contains("exists") && !a.body().contains("duplicate")) {
        throw new IllegalStateException("cannot create " + e.getKey() + ": " + a);
      }
      ClusterHttp.Answer m = retry(() -> http.sendJson(admin, "PUT", "/engine-rest/group/" + e.getValue() + "/members/"
          + e.getKey(), null), "membership");
      if (!m.ok()) {
        throw new IllegalStateException("cannot put " + e.getKey() + " into " + e.getValue() + ": " + m);
      }
    }
    if (closeAt != null) {
      LocalDate today = LocalDate.ofInstant(closeAt, zone);
      if (today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY) {
        // the run's same-day dossiers need a working day: the administrator adds a make-up day
        ClusterHttp.Answer a = http.postJson("gs.ha", "/api/admin/calendar/days", Map.of("date", today.toString(),
            "kind", "MAKEUP_WORKING_DAY", "name", "Ngày làm bù (chạy thử cụm)"));
        System.out.println("make-up working day " + today + ": " + a.status());
        Thread.sleep(12_000); // the other node reloads the calendar (motcua.calendar.reload-interval in the run: 5s)
      }
      long left = closeAt.toEpochMilli() - System.currentTimeMillis();
      System.out.println("office closes at " + closeAt.atZone(zone).toLocalTime() + " local (" + zone + "), in "
          + left / 1000 + " s: " + timedCount + " same-day dossiers will be held past it");
    }
  }

  ClusterHttp.Answer retry(Supplier<ClusterHttp.Answer> call, String what) throws InterruptedException {
    ClusterHttp.Answer a = null;
    for (int i = 0; i < 30; i++) {
      a = call.get();
      if (a.status() != -1 && a.status() < 500) {
        return a;
      }
      Thread.sleep(1000);
    }
    return a;
  }

  // ---------------------------------------------------------------- stories

  final class Story implements Delayed {
    final int n;
    final boolean online;
    final boolean timed;
    final boolean supplement;
    final boolean pause;
    final boolean resend;
    final String idNumber;
    final String phone;
    final String key = UUID.randomUUID().toString();
    String code;
    boolean supplementAsked;
    boolean supplementSent;
    boolean paused;
    boolean resumed;
    boolean apologySeen;
    boolean apologyDelivered;
    long apologySignedAt;
    volatile long notBefore;
    volatile boolean ended;
    int steps;
    int idleSteps;
    String failure;
    /** The story's last answer that was not a success (what, status, body): printed when the story fails. */
    volatile String lastError;

    Story(int n) {
      this.n = n;
      this.timed = n < timedCount;
      this.online = !timed && n % 2 == 1;
      this.supplement = !timed && n % 10 == 4;
      this.pause = !timed && n % 10 == 6;
      this.resend = online && n % 10 == 3;
      this.idNumber = String.format(Locale.ROOT, "09%010d", 1_000_000L * (started % 1000) + n);
      this.phone = String.format(Locale.ROOT, "09%08d", n % 100_000_000);
    }

    String procedure() {
      return timed ? BIRTH : HOUSEHOLD;
    }

    void later(long ms) {
      notBefore = System.currentTimeMillis() + ms;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(notBefore - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(notBefore, ((Story) other).notBefore);
    }
  }

  /** Starts the stories: the same-day ones at once, the rest as earlier ones end (bounded in flight). */
  void feed() throws InterruptedException {
    int inFlight = Integer.parseInt(o.getOrDefault("in-flight", String.valueOf(workers * 3)));
    long budgetEnd = started + 60_000L * Integer.parseInt(o.getOrDefault("max-minutes", "12"));
    // at least the dossiers asked for; more while a fault still waits, so that every fault hits a running load
    while (nextIndex.get() < total || (!faultsDone && nextIndex.get() < 3 * total)) {
      if (stalled) {
        System.out.println("the load is stalled: no new dossier after " + nextIndex.get());
        break;
      }
      if (System.currentTimeMillis() > budgetEnd) {
        budgetSpent = nextIndex.get() < total;
        System.out.println("the load's time budget is spent: no new dossier after " + nextIndex.get());
        feeding = false;
        return;
      }
      int started = nextIndex.get();
      int open = started - completed.get();
      int timedOpen = (int) stories.stream().filter(s -> s.timed && s.failure == null && s.code != null)
          .filter(s -> !s.apologyDelivered).count();
      if (started < timedCount || open - timedOpen < inFlight) {
        Story s = new Story(nextIndex.getAndIncrement());
        stories.add(s);
        queue.add(s);
      } else {
        Thread.sleep(20);
      }
    }
    feeding = false;
  }

  void work() {
    String me = Thread.currentThread().getName();
    while (true) {
      if (stalled) {
        return;
      }
      Story s;
      try {
        s = queue.poll(500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        System.out.println(me + " interrupted: it stops (the watchdog puts its stories back)");
        return;
      }
      if (s == null) {
        if (!feeding && completed.get() >= nextIndex.get()) {
          return;
        }
        continue;
      }
      busy.put(s, me);
      try {
        boolean finished;
        working.set(s);
        try {
          finished = step(s);
        } catch (Throwable e) { // an Error too: a worker that dies with its story in hand loses the story
          s.failure = "step " + s.steps + ": " + e;
          finished = true;
        }
        working.remove();
        if (Thread.interrupted()) {
          // a sleep swallowed an interrupt: the next poll would throw and the worker would die
          System.out.println(me + ": an interrupt was pending after story " + s.n + "'s step; cleared");
        }
        s.steps++;
        if (s.steps > 400 && !finished) {
          s.failure = "still open after 400 steps";
          finished = true;
        }
        if (finished) {
          if (!s.timed) {
            completions.add(System.currentTimeMillis());
          }
          s.ended = true;
          completed.incrementAndGet();
        } else {
          queue.add(s);
        }
      } finally {
        busy.remove(s);
        lastStep = System.currentTimeMillis();
      }
    }
  }

  /**
   * Guards the load against the driver's own faults (issue 20: twice the workers sat idle with stories
   * started and never ended). Every 5 s: a story that is neither ended, nor queued, nor held by a worker in
   * two checks running is lost by the driver: it is printed with the threads' stacks and put back in the
   * queue, and the run says so. When no worker finished a step for {@code --stall-seconds} (300) while
   * stories are open, the stacks are printed, the open stories fail as "stalled" and the workers stop, so
   * that the run ends with its invariants failing instead of waiting for ever.
   */
  void watchdog() {
    long stallMs = 1000L * Integer.parseInt(o.getOrDefault("stall-seconds", "300"));
    Set<Story> suspects = Set.of();
    while (!stalled) {
      sleep(5000);
      suspects = watch(suspects, System.currentTimeMillis(), stallMs);
    }
  }

  /** One look of the watchdog: the stories lost in the look before and still lost are put back; the stall bound. */
  Set<Story> watch(Set<Story> suspects, long now, long stallMs) {
    Set<Story> lost = new java.util.HashSet<>();
    for (Story s : stories) {
      if (!s.ended && !queue.contains(s) && !busy.containsKey(s)) {
        lost.add(s);
      }
    }
    for (Story s : lost) {
      if (suspects.contains(s) && !s.ended && !queue.contains(s) && !busy.containsKey(s)) {
        String what = String.format(Locale.ROOT, "story %d (%s, %d steps, failure %s) was in no queue and no worker's hands",
            s.n, s.code, s.steps, s.failure);
        System.out.println("watchdog: " + what + ": put back in the queue");
        if (requeued.isEmpty()) {
          dumpThreads();
        }
        requeued.add(what);
        s.notBefore = 0;
        queue.add(s);
      }
    }
    int open = nextIndex.get() - completed.get();
    if (open > 0 && now - lastStep > stallMs) {
      System.out.printf(Locale.ROOT, "watchdog: no step finished for %d s with %d stories open: the load is stalled%n",
          stallMs / 1000, open);
      dumpThreads();
      stalled = true;
      for (Story s : stories) {
        if (!s.ended) {
          s.failure = "stalled: " + (busy.containsKey(s) ? "held by " + busy.get(s) : "waiting") + " after " + s.steps
              + " steps";
        }
      }
    }
    return lost;
  }

  static void dumpThreads() {
    Thread.getAllStackTraces().forEach((t, stack) -> {
      if (t.getName().startsWith("worker-") || t.getName().equals("main") || t.getName().equals("faults")) {
        System.out.println("  thread " + t.getName() + " " + t.getState());
        for (int i = 0; i < Math.min(stack.length, 12); i++) {
          System.out.println("    at " + stack[i]);
        }
      }
    });
  }

  /** One step of a story; true when the dossier reached its end (or the story gave up with a failure). */
  boolean step(Story s) {
    if (s.code == null) {
      register(s);
      return false;
    }
    // the administrator sees every task of the dossier (Tasklist's officers each see their own group's)
    ClusterHttp.Answer a = call(() -> http.get(admin, "/engine-rest/task?processInstanceBusinessKey=" + s.code),
        "task list");
    if (!a.ok()) {
      s.later(500);
      return false;
    }
    List<JsonNode> open = new ArrayList<>();
    a.json().forEach(t -> {
      if (!ALERT_TASKS.contains(t.get("taskDefinitionKey").asText())) {
        open.add(t);
      }
    });
    if (open.isEmpty()) {
      return noTask(s);
    }
    s.idleSteps = 0;
    JsonNode task = open.stream().filter(t -> APOLOGY_TASKS.contains(t.get("taskDefinitionKey").asText())).findFirst()
        .orElse(open.get(0));
    String key = task.get("taskDefinitionKey").asText();
    if (APOLOGY_TASKS.contains(key)) {
      s.apologySeen = true;
    }
    if (key.equals("Task_Appraise")) {
      if (s.timed && !s.apologyDelivered) {
        long now = System.currentTimeMillis();
        long giveUp = closeAt == null ? 0 : closeAt.toEpochMilli() + 180_000;
        if (now < giveUp) {
          s.later(3000); // held past the office's close: the stage timers fall due
          return false;
        }
        if (!s.apologySeen) {
          s.failure = "no apology task by 180 s after the office's close";
        }
      }
      if (s.pause && !s.paused) {
        pause(s);
        return false;
      }
      if (s.pause && !s.resumed) {
        resume(s);
        return false;
      }
    }
    complete(s, task);
    return false;
  }

  /** No officer's task open: the dossier waits for the engine, for the citizen, or it is done. */
  boolean noTask(Story s) {
    ClusterHttp.Answer d = call(() -> http.get("mc.hung", "/api/dossiers/" + s.code), "dossier");
    if (!d.ok()) {
      s.later(500);
      return false;
    }
    JsonNode dossier = d.json();
    if (!dossier.path("returnedAt").isNull() && !dossier.path("returnedAt").isMissingNode()) {
      return true;
    }
    if ("SUPPLEMENT_REQUESTED".equals(statusName(dossier)) || dossier.path("status").asInt() == statusCode("SUPPLEMENT_REQUESTED")) {
      if (!s.supplementSent) {
        supplementOnline(s);
        return false;
      }
    }
    s.idleSteps++;
    if (s.idleSteps > 240) {
      s.failure = "no task for 2 minutes, status " + dossier.path("statusName").asText();
      return true;
    }
    s.later(500);
    return false;
  }

  static String statusName(JsonNode dossier) {
    return dossier.path("statusName").asText("");
  }

  static int statusCode(String name) {
    return switch (name) {
      case "SUPPLEMENT_REQUESTED" -> vn.motcua.dossier.DossierStatus.SUPPLEMENT_REQUESTED.code();
      default -> -1;
    };
  }

  void register(Story s) {
    Map<String, Object> applicant = new LinkedHashMap<>();
    applicant.put("name", s.timed ? "Nguyễn Thị Hoa" : "Trần Văn Bình");
    applicant.put("idNumber", s.idNumber);
    applicant.put("phone", s.phone);
    applicant.put("email", null);
    applicant.put("address", "Tổ " + (1 + s.n % 20) + ", phường Minh Xuân, tỉnh Tuyên Quang");
    List<Map<String, Object>> documents = s.timed
        ? List.of(Map.of("name", "Tờ khai đăng ký khai sinh", "copies", 1),
            Map.of("name", "Giấy chứng sinh", "copies", 1))
        : List.of(Map.of("name", "Giấy đề nghị đăng ký hộ kinh doanh", "copies", 1),
            Map.of("name", "Bản sao căn cước của chủ hộ", "copies", 1));
    String summary = s.timed ? "Đăng ký khai sinh cho con" : "Đăng ký hộ kinh doanh tạp hóa số " + s.n;
    if (!s.online) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("procedureKey", s.procedure());
      body.put("channel", "DIRECT");
      body.put("applicant", applicant);
      body.put("requestSummary", summary);
      body.put("documents", documents);
      ClusterHttp.Answer a = call(() -> http.postJson("mc.hung", "/api/dossiers", body), "register at the counter");
      if (a.ok()) {
        s.code = a.json().get("code").asText();
        return;
      }
      if (a.status() >= 400 && a.status() < 500 && a.status() != 429) {
        throw new IllegalStateException("registration refused: " + a);
      }
      // no answer: was it registered? read the state again before registering twice
      // the server may still be working on the lost request: search for a minute before registering again
      for (int i = 0; i < 20; i++) {
        ClusterHttp.Answer q = call(() -> http.get("mc.hung", "/api/dossiers?applicant=" + s.idNumber), "search");
        if (q.ok()) {
          JsonNode items = q.json().path("items");
          if (items.isArray() && !items.isEmpty()) {
            s.code = items.get(0).get("code").asText();
            return;
          }
        }
        sleep(3000);
      }
      s.later(500);
      return;
    }
    Map<String, Object> submission = new LinkedHashMap<>();
    submission.put("procedureKey", s.procedure());
    submission.put("receivingUnit", UNIT);
    submission.put("applicant", applicant);
    submission.put("requestSummary", summary);
    submission.put("documents", documents);
    String json;
    try {
      json = ClusterHttp.JSON.writeValueAsString(submission);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ClusterHttp.Answer a = call(() -> http.postMultipart("/api/public/dossiers", Map.of("dossier", json), Map.of(), true,
        Map.of("Idempotency-Key", s.key)), "submit online");
    if (a.ok()) {
      s.code = a.json().get("code").asText();
      if (s.resend) {
        // the citizen's answer "was lost": the browser sends again, with the same key
        Map<String, String> headers = breakIdempotency ? Map.of() : Map.of("Idempotency-Key", s.key);
        ClusterHttp.Answer again = call(() -> http.postMultipart("/api/public/dossiers", Map.of("dossier", json), Map.of(),
            true, headers), "submit online again");
        if (again.ok() && !again.json().get("code").asText().equals(s.code)) {
          System.out.println("resent submission " + s.n + " made a second dossier " + again.json().get("code").asText());
        }
      }
      return;
    }
    boolean stillRecording = a.status() == 409 && a.body() != null && a.body().contains("submission_in_progress");
    if (a.status() >= 400 && a.status() < 500 && a.status() != 429 && !stillRecording) {
      throw new IllegalStateException("online submission refused: " + a);
    }
    // 503 / 429 / 409 "still being recorded" (another request holds the key): the same key again, after Retry-After
    s.later(a.retryAfter() != null ? Math.min(10_000, 1000L * Long.parseLong(a.retryAfter())) : 500);
  }

  void complete(Story s, JsonNode task) {
    String key = task.get("taskDefinitionKey").asText();
    String id = task.get("id").asText();
    String user = WORKER_OF_TASK.get(key);
    if (user == null) {
      throw new IllegalStateException("the run does not work task " + key);
    }
    Map<String, Object> body = switch (key) {
      // the run scans no paper: the reason the digitisation check asks for (docs/signatures.md)
      case "Task_CheckDossier" -> vars("receptionDecision", "COMPLETE", "undigitisedReason",
          "Chạy thử cụm máy chủ: không quét giấy tờ");
      // the household business fee (block "Nộp lệ phí"), paid in cash at the counter with its receipt number
      case "Task_CollectFee" -> vars("feeReceiptNumber", "BL-" + s.code);
      case "Task_Appraise" -> s.supplement && !s.supplementAsked
          ? vars("appraisalConclusion", "SUPPLEMENT", "appraisalOpinion", "Cần bổ sung giấy tờ.",
              "supplementItems", "Bản sao giấy chứng nhận quyền sử dụng địa điểm kinh doanh")
          : vars("appraisalConclusion", "PROPOSE_APPROVAL", "appraisalOpinion", "Hồ sơ đủ điều kiện theo quy định.",
              "resultText", "Kết quả giải quyết số " + s.n + "/KQ");
      case "Task_Approve" -> vars("approvalDecision", "APPROVE");
      case "Task_ReturnResult" -> vars("deliveryMethod", "COUNTER", "receiverName", "Trần Văn Bình", "rating", "3");
      case "Task_SendSupplementRequest" -> vars("supplementSent", true);
      case "Task_DraftApology" -> vars("apologyReason", "Cần thêm thời gian xác minh thông tin hồ sơ",
          "newAppointmentDate", newAppointmentDate(s));
      case "Task_SignApology" -> vars("apologySignDecision", "SIGN");
      case "Task_DeliverApology" -> vars("apologyDeliveryMethod", "PHONE", "apologyDeliveryNote",
          "Đã gọi điện thông báo cho người nộp");
      default -> throw new IllegalStateException("the run does not work task " + key);
    };
    ClusterHttp.Answer a = call(() -> http.postJson(user, "/engine-rest/task/" + id + "/complete", body), "complete " + key);
    boolean done = a.ok();
    if (!done) {
      if (a.status() == 400 && !a.body().contains("OptimisticLocking")) {
        throw new IllegalStateException(key + " refused: " + a);
      }
      // no answer, or the engine met a concurrent change: did the completion happen? read the task again
      for (int i = 0; i < 20; i++) {
        ClusterHttp.Answer t = call(() -> http.get(user, "/engine-rest/task/" + id), "read task");
        if (t.status() == 404) {
          done = true;
          break;
        }
        if (t.ok()) {
          break; // still open: the next step completes it again
        }
        sleep(500);
      }
    }
    if (done) {
      switch (key) {
        case "Task_Appraise" -> {
          if (s.supplement) {
            s.supplementAsked = true;
          }
        }
        case "Task_SignApology" -> s.apologySignedAt = System.currentTimeMillis();
        case "Task_DeliverApology" -> s.apologyDelivered = true;
        default -> { }
      }
    } else {
      s.later(500);
    }
  }

  void pause(Story s) {
    ClusterHttp.Answer a = call(() -> http.postJson("cv.minh", "/api/dossiers/" + s.code + "/pause",
        Map.of("status", "AWAITING_FINANCIAL_OBLIGATIONS", "reason", "Chờ người nộp hoàn thành nghĩa vụ tài chính")),
        "pause");
    if (a.ok()) {
      s.paused = true;
      return;
    }
    if (a.status() >= 400 && a.status() < 500) {
      throw new IllegalStateException("pause refused: " + a);
    }
    s.paused = readDossier(s, "cv.minh").map(d -> !d.path("pausedAt").isNull()).orElse(false);
    s.later(500);
  }

  void resume(Story s) {
    ClusterHttp.Answer a = call(() -> http.postJson("cv.minh", "/api/dossiers/" + s.code + "/resume",
        Map.of("note", "Người nộp đã hoàn thành nghĩa vụ tài chính")), "resume");
    if (a.ok()) {
      s.resumed = true;
      return;
    }
    if (a.status() >= 400 && a.status() < 500) {
      throw new IllegalStateException("resume refused: " + a);
    }
    s.resumed = readDossier(s, "cv.minh").map(d -> d.path("pausedAt").isNull()).orElse(false);
    s.later(500);
  }

  void supplementOnline(Story s) {
    ClusterHttp.Answer a = call(() -> http.postMultipart("/api/public/dossiers/" + s.code + "/supplements", Map.of(),
        Map.of("secret", s.phone, "note", "Bổ sung giấy tờ theo phiếu yêu cầu"), true, Map.of()), "supplement online");
    if (a.ok()) {
      s.supplementSent = true;
      return;
    }
    if (a.status() == 409) {
      s.supplementSent = true; // not waiting any more: an earlier attempt got through
      return;
    }
    if (a.status() >= 400 && a.status() < 500 && a.status() != 429) {
      throw new IllegalStateException("supplement refused: " + a);
    }
    s.later(1000);
  }

  java.util.Optional<JsonNode> readDossier(Story s, String user) {
    for (int i = 0; i < 20; i++) {
      ClusterHttp.Answer d = call(() -> http.get(user, "/api/dossiers/" + s.code), "dossier");
      if (d.ok()) {
        return java.util.Optional.of(d.json());
      }
      sleep(500);
    }
    return java.util.Optional.empty();
  }

  /** Two working days (Monday to Friday) after the later of today and the dossier's appointment, in the office's zone. */
  String newAppointmentDate(Story s) {
    LocalDate d = LocalDate.now(zone);
    JsonNode dossier = readDossier(s, "cv.minh").orElseThrow(() -> new IllegalStateException("cannot read " + s.code));
    String appointment = dossier.path("appointmentAt").asText("");
    if (!appointment.isEmpty()) {
      LocalDate a = LocalDate.ofInstant(Instant.parse(appointment), zone);
      if (a.isAfter(d)) {
        d = a;
      }
    }
    for (int added = 0; added < 2; ) {
      d = d.plusDays(1);
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        added++;
      }
    }
    return d.toString();
  }

  /** One HTTP call; a failure (no answer, 5xx, 429) is recorded with its time. */
  ClusterHttp.Answer call(Supplier<ClusterHttp.Answer> request, String what) {
    ClusterHttp.Answer a = request.get();
    long now = System.currentTimeMillis();
    if (a.status() == 409 || (a.status() == 500 && a.body() != null && a.body().contains("ENGINE-03005"))) {
      // the engine met a concurrent change of the same dossier (a timer fired): 409 with a Vietnamese message
      // (TaskConflicts; a 500 with ENGINE-03005 before it), and the officer clicks again
      conflicts.incrementAndGet();
    } else if (a.status() == -1 || a.status() >= 500 || a.status() == 429) {
      errors.add(new ErrorEvent(now, a.status(), what + ": " + ClusterHttp.abbreviate(a.body()), a.retryAfter()));
      Story s = working.get();
      if (s != null) {
        s.lastError = OffsetDateTime.now(ZoneId.of("UTC")).toLocalTime().withNano(0) + " " + what + ": HTTP "
            + a.status() + " " + ClusterHttp.abbreviate(a.body());
      }
    } else {
      successes.add(now);
    }
    return a;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- faults

  void faults() {
    try {
      injectFaults();
    } finally {
      faultsDone = true;
    }
  }

  void injectFaults() {
    List<String> plan = java.util.Arrays.stream(o.getOrDefault("faults", "stop,kill,pg").split(","))
        .filter(f -> !f.isBlank() && !f.equals("none")).toList();
    int i = 0;
    for (String fault : plan) {
      if (fault.isBlank()) {
        continue;
      }
      i++;
      int at = total * i / (plan.size() + 1);
      while (completed.get() < at) {
        if (stalled || (!feeding && completed.get() >= nextIndex.get())) {
          System.out.println("fault " + fault + " not injected: the load ended first");
          plan.subList(plan.indexOf(fault), plan.size()).forEach(f -> skippedFaults.add(f + " (the load ended first)"));
          return;
        }
        sleep(200);
      }
      if (awaitAllUp(600_000) < 0) {
        // a fault on a cluster that is already short of a node tests nothing it claims to: it is not injected
        // and the run fails (the machine is too slow for the run, or a node does not come back)
        skippedFaults.add(fault + " (nodes up " + monitor.upCount() + " of " + nodes.size() + " after 600 s)");
        System.out.println("fault " + fault + " not injected: not every node was up within 600 s");
        continue;
      }
      switch (fault) {
        case "stop" -> nodeFault("rolling upgrade: node 1 stopped gracefully (SIGTERM) and started again", 1, "stop-node");
        case "kill" -> nodeFault("node 2 killed (SIGKILL) at half-way and restarted", 2, "kill-node");
        case "pg" -> pgFault();
        default -> throw new IllegalArgumentException("unknown fault " + fault);
      }
    }
  }

  void nodeFault(String name, int node, String action) {
    WebSession session = "kill-node".equals(action) ? WebSession.loginOn(this, node) : null;
    FaultWindow w = new FaultWindow(name, System.currentTimeMillis(), "kill-node".equals(action));
    windows.add(w);
    hook(action, node);
    hook("start-node", node);
    if (session != null) {
      // the officer logged into Tasklist on the dead node keeps working through the other one
      int status = session.check();
      result("session", "an officer logged into Tasklist on node " + node + " stays logged in when it dies",
          status == 200, "session check answered " + status + " after the node died (login " + session.loginStatus
              + ", check before the death " + session.before + ", sticky node " + session.server
              + "; per-node HTTP sessions lose the login without a shared session store)");
    }
    long up = awaitAllUp(400_000);
    w.end = System.currentTimeMillis();
    w.note = up < 0 ? "node did not come back within 400 s" : String.format(Locale.ROOT, "node %d served again after %.1f s",
        node, (up - w.start) / 1000.0);
  }

  void pgFault() {
    FaultWindow w = new FaultWindow("PostgreSQL restarted (pg_ctlcluster restart)", System.currentTimeMillis(), true);
    windows.add(w);
    hook("restart-pg", 0);
    long up = awaitAllUp(300_000);
    w.end = System.currentTimeMillis();
    w.note = up < 0 ? "nodes not healthy within 300 s" : String.format(Locale.ROOT,
        "both nodes healthy again %.1f s after the restart began", (up - w.start) / 1000.0);
  }

  void hook(String action, int node) {
    if (hook == null) {
      throw new IllegalStateException("--hook is required for faults");
    }
    try {
      Process p = new ProcessBuilder("bash", "-c", hook + " " + action + " " + node).inheritIO().start();
      if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
        System.out.println("hook " + action + " " + node + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until every node's health is UP; the moment, or -1 after the timeout. */
  long awaitAllUp(long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    sleep(1500);
    while (System.currentTimeMillis() < deadline) {
      if (monitor.allUp()) {
        return System.currentTimeMillis();
      }
      sleep(250);
    }
    return -1;
  }

  /** Health of each node, polled directly (not through the load balancer) every 250 ms. */
  static final class NodeMonitor extends Thread {
    final List<String> nodes;
    final boolean[] up;
    volatile boolean stop;
    /** milliseconds spent with 0, 1, 2 nodes up, and the completions in each state (filled by figures). */
    final long[] timeWithUp = new long[3];
    final List<long[]> transitions = Collections.synchronizedList(new ArrayList<>());
    final ClusterHttp probe = new ClusterHttp("", Map.of());

    NodeMonitor(List<String> nodes) {
      super("node-monitor");
      setDaemon(true);
      this.nodes = nodes;
      this.up = new boolean[nodes.size()];
    }

    synchronized boolean allUp() {
      for (boolean b : up) {
        if (!b) {
          return false;
        }
      }
      return true;
    }

    synchronized int upCount() {
      int n = 0;
      for (boolean b : up) {
        n += b ? 1 : 0;
      }
      return n;
    }

    @Override
    public void run() {
      int last = -1;
      while (!stop) {
        boolean[] now = new boolean[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
          ClusterHttp.Answer a = probe.get(null, nodes.get(i) + "/actuator/health");
          now[i] = a.status() == 200 && a.body().contains("UP");
        }
        synchronized (this) {
          System.arraycopy(now, 0, up, 0, now.length);
        }
        int count = upCount();
        if (count != last) {
          transitions.add(new long[] {System.currentTimeMillis(), count});
          last = count;
        }
        ClusterRun.sleep(250);
      }
    }

    int upAt(long t) {
      int count = 0;
      synchronized (transitions) {
        for (long[] tr : transitions) {
          if (tr[0] <= t) {
            count = (int) tr[1];
          }
        }
      }
      return count;
    }
  }

  /** An officer's Tasklist session through the load balancer (cookies kept by hand: they are Secure). */
  static final class WebSession {
    final ClusterRun run;
    final Map<String, String> cookies = new LinkedHashMap<>();
    String server = "?";
    int loginStatus;
    int before;

    WebSession(ClusterRun run) {
      this.run = run;
    }

    /** Logs mc.hung into Tasklist until the load balancer pins the session to the given node (1 or 2). */
    static WebSession loginOn(ClusterRun run, int node) {
      WebSession last = null;
      for (int i = 0; i < 10; i++) {
        WebSession s = new WebSession(run);
        s.login();
        last = s;
        s.before = s.check();
        if (("n" + node).equals(s.server) && s.before == 200) {
          return s;
        }
      }
      return last;
    }

    void login() {
      take(run.http.get("/camunda/app/tasklist/default/", Map.of()));
      Map<String, String> headers = new LinkedHashMap<>(headers());
      if (cookies.containsKey("XSRF-TOKEN")) {
        headers.put("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
      }
      ClusterHttp.Answer a = run.http.postForm("/camunda/api/admin/auth/user/default/login/tasklist",
          Map.of("username", "mc.hung", "password", run.o.get("password")), headers);
      take(a);
      loginStatus = a.status();
      server = cookies.getOrDefault("SRV", "?");
    }

    int check() {
      ClusterHttp.Answer a = run.http.get("/camunda/api/engine/engine/default/task/count", headers());
      take(a);
      return a.status();
    }

    Map<String, String> headers() {
      StringBuilder c = new StringBuilder();
      cookies.forEach((k, v) -> c.append(c.isEmpty() ? "" : "; ").append(k).append('=').append(v));
      return c.isEmpty() ? Map.of() : Map.of("Cookie", c.toString());
    }

    void take(ClusterHttp.Answer a) {
      for (String set : a.cookies()) {
        String pair = set.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq > 0) {
          cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
    }
  }

  // ---------------------------------------------------------------- gateway stub

  /**
   * The SMS gateway as docs/notifications.md's contract describes it: a 2xx accepts the message, a
   * reference accepted before is a repeat (dropped, the phone gets the message once). It records each
   * accepted request per reference with its time, and refuses the first attempt of every 25th reference
   * (503) so that failed sending jobs are retried during the run.
   */
  HttpServer startGateway(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
    Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
    server.createContext("/sms", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String reference = ClusterHttp.JSON.readTree(body).path("reference").asText("");
      int code;
      if (reference.isEmpty()) {
        code = 400;
      } else if (reference.hashCode() % 25 == 0 && refusedOnce.add(reference)) {
        smsRefused.incrementAndGet();
        code = 503;
      } else {
        smsByReference.computeIfAbsent(reference, r -> new CopyOnWriteArrayList<>()).add(System.currentTimeMillis());
        code = 200;
      }
      byte[] answer = ("{\"status\":" + code + "}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(code, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
    return server;
  }

  // ---------------------------------------------------------------- figures and checks

  void throughputFigures() {
    long[] time = new long[3];
    long[] done = new long[3];
    List<long[]> tr;
    synchronized (monitor.transitions) {
      tr = new ArrayList<>(monitor.transitions);
    }
    long loadStart = started;
    long end;
    synchronized (completions) {
      end = completions.isEmpty() ? System.currentTimeMillis() : Collections.max(completions);
    }
    for (int i = 0; i < tr.size(); i++) {
      long from = Math.max(tr.get(i)[0], loadStart);
      long to = i + 1 < tr.size() ? tr.get(i + 1)[0] : end;
      if (to > from) {
        time[(int) tr.get(i)[1]] += to - from;
      }
    }
    synchronized (completions) {
      for (long c : completions) {
        done[monitor.upAt(c)]++;
      }
    }
    for (int k = 2; k >= 1; k--) {
      figures.add(String.format(Locale.ROOT, "throughput with %d node%s up: %.2f dossiers/s (%d dossiers ended in %.0f s; "
          + "the same-day dossiers held for the timers not counted)", k,
          k == 1 ? "" : "s", time[k] == 0 ? 0.0 : done[k] * 1000.0 / time[k], done[k], time[k] / 1000.0));
    }
    for (FaultWindow w : windows) {
      long end2 = w.end == 0 ? end : w.end;
      List<ErrorEvent> in = errors.stream().filter(e -> e.at >= w.start && e.at <= end2).toList();
      Map<Integer, Integer> byStatus = new TreeMap<>();
      in.forEach(e -> byStatus.merge(e.status(), 1, Integer::sum));
      // the longest time inside the window in which no request of any client succeeded
      long gap = 0;
      long prev = w.start;
      List<Long> ok;
      synchronized (successes) {
        ok = successes.stream().filter(t -> t >= w.start && t <= end2).sorted().toList();
      }
      for (long t : ok) {
        gap = Math.max(gap, t - prev);
        prev = t;
      }
      figures.add(String.format(Locale.ROOT, "fault: %s — client errors %d %s, longest time without any successful request %.1f s, %s",
          w.name, in.size(), byStatus.isEmpty() ? "" : "(by status, -1 = no answer: " + byStatus + ")", gap / 1000.0, w.note));
    }
    long outside = errors.stream().filter(e -> windows.stream().noneMatch(w -> e.at >= w.start && e.at <= (w.end == 0 ? end : w.end)))
        .count();
    figures.add("client errors outside the fault windows: " + outside + "; besides, " + conflicts.get()
        + " task completions answered 409 for a concurrent change of the dossier (a timer of the same dossier fired "
        + "meanwhile: TaskConflicts), read again and retried");
    errors.stream().filter(e -> windows.stream().noneMatch(w -> e.at >= w.start && e.at <= (w.end == 0 ? end : w.end)))
        .limit(10).forEach(e -> figures.add("  " + OffsetDateTime.ofInstant(Instant.ofEpochMilli(e.at), ZoneId.of("UTC"))
            .toLocalTime() + " " + e.status() + " " + e.what));
  }

  /**
   * Waits until the engine has nothing left to do for the run: no process instance, no pending notification,
   * no job but the history cleanup's (at most {@code --settle} seconds, 240).
   */
  void settle() throws SQLException {
    long deadline = System.currentTimeMillis() + 1000L * Integer.parseInt(o.getOrDefault("settle", "240"));
    while (System.currentTimeMillis() < deadline) {
      try (Connection c = db()) {
        long running = count(c, "SELECT COUNT(*) FROM act_ru_execution WHERE id_ = proc_inst_id_");
        long waiting = count(c, "SELECT COUNT(*) FROM notification WHERE status IN ('PENDING', 'FAILED')");
        // the engine's own history cleanup job lives for ever once a cleanup window is configured
        long jobs = count(c, "SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND handler_type_ <> 'history-cleanup'");
        if (running == 0 && waiting == 0 && jobs == 0) {
          return;
        }
        System.out.println("settling: " + running + " process instances, " + waiting + " notifications, " + jobs + " jobs left");
      }
      sleep(5000);
    }
  }

  /** A connection to the run's database; retried for a minute (a shared server may be full for a moment). */
  Connection db() throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return DriverManager.getConnection(required("jdbc"), o.getOrDefault("jdbc-user", "postgres"),
            o.getOrDefault("jdbc-password", ""));
      } catch (SQLException e) {
        if (attempt == 30) {
          throw e;
        }
        System.out.println("database not reachable for the checks (" + e.getMessage() + "): again in 2 s");
        sleep(2000);
      }
    }
  }

  static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      int cols = r.getMetaData().getColumnCount();
      while (r.next() && out.size() < 10) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= cols; i++) {
          b.append(i > 1 ? " | " : "").append(r.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  void result(String name, String what, boolean ok, String detail) {
    boolean isPending = pending.contains(name);
    String verdict = ok ? "PASS" : isPending ? "FAIL (pending: waits for its fix, does not fail the run)" : "FAIL";
    results.add(String.format(Locale.ROOT, "%-6s [%s] %s%s", verdict.startsWith("FAIL") ? "FAIL" : "PASS", name, what,
        ok ? "" : " — " + detail + (isPending ? " [pending]" : "")));
    if (!ok && !isPending) {
      failed = true;
    }
  }

  /** Ten wrong guesses of the lookup's second factor, alternating the nodes: at most the limit may be tried. */
  void throttleCheck() {
    Story any = stories.stream().filter(s -> s.code != null).findFirst().orElse(null);
    if (any == null) {
      return;
    }
    // a client alternating the nodes directly (no load balancer, so no X-Forwarded-For: the client is
    // 127.0.0.1 on both); wrong second factors answer 404 until the limit, then 429
    Map<Integer, Integer> byStatus = new TreeMap<>();
    for (int i = 0; i < 10; i++) {
      ClusterHttp.Answer a = http.postJson(null, nodes.get(i % nodes.size()) + "/api/public/dossiers/lookup",
          Map.of("code", any.code, "secret", "000000"));
      byStatus.merge(a.status(), 1, Integer::sum);
    }
    int limit = Integer.parseInt(o.getOrDefault("max-failed-lookups", "5"));
    int answered = byStatus.getOrDefault(404, 0);
    int refused = byStatus.getOrDefault(429, 0);
    result("throttle", "the public lookup's wrong guesses are limited across the nodes (" + limit + " per client)",
        answered <= limit && answered + refused == 10, "10 wrong guesses alternating the two nodes were answered "
            + byStatus + " (by HTTP status): " + (answered + refused < 10 ? "not every node answered"
                : "more than the limit answered 404: the throttle is per node"));
  }

  void check() throws SQLException {
    String cold = o.getOrDefault("cold-start", "");
    if (!cold.isEmpty()) {
      String[] part = cold.split("/");
      figures.add("cold start together on an empty database: both nodes up in " + cold + " tries"
          + ("none".equals(o.getOrDefault("cold-start-notes", "none")) ? "" : "; " + o.get("cold-start-notes")));
      result("cold-start", "both nodes started at the same moment on an empty database come up, every time",
          part[0].equals(part[1]), "both up in " + cold + " tries: " + o.getOrDefault("cold-start-notes", ""));
    }
    long unfinished = stories.stream().filter(s -> s.failure != null).count();
    stories.stream().filter(s -> s.failure != null).limit(10).forEach(s -> System.out.println(
        "story " + s.n + " (" + s.code + "): " + s.failure + (s.lastError == null ? "" : "; its last error: " + s.lastError)));
    result("load", "the " + total + " dossiers asked for were driven within the time budget (--max-minutes "
        + o.getOrDefault("max-minutes", "12") + ")", !budgetSpent, "only " + nextIndex.get() + " of " + total
            + " started before the budget ran out: the machine is too slow or too busy for this size");
    figures.add(0, "dossiers asked for: " + total + "; started (more while a fault waited for load): " + nextIndex.get());
    result("end", "every dossier started was driven to its end by the clients (" + nextIndex.get() + ")",
        unfinished == 0 && completed.get() == nextIndex.get(), unfinished + " stories failed (first ones printed above)");
    result("faults", "every fault of the plan was injected on a cluster with every node up", skippedFaults.isEmpty(),
        "not injected: " + skippedFaults);
    figures.add("driver: " + requeued.size() + " stories found lost between the driver's workers and put back by its"
        + " watchdog" + (stalled ? "; the load STALLED (no step for --stall-seconds)" : ""));
    requeued.forEach(r -> System.out.println("driver WARNING: " + r));
    Set<String> codes = new LinkedHashSet<>();
    stories.forEach(s -> {
      if (s.code != null) {
        codes.add(s.code);
      }
    });
    try (Connection c = db()) {
      Set<String> inDb = new java.util.HashSet<>();
      try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT code FROM dossier")) {
        while (r.next()) {
          inDb.add(r.getString(1));
        }
      }
      long lost = codes.stream().filter(code -> !inDb.contains(code)).count();
      result("lost", "0 dossiers lost (every code a client was given is in the database)", lost == 0, lost + " lost");
      duplicate(c, "codes", "SELECT code, COUNT(*) FROM dossier GROUP BY code HAVING COUNT(*) > 1");
      duplicate(c, "registrations", "SELECT applicant_id_number, COUNT(*) FROM dossier GROUP BY applicant_id_number "
          + "HAVING COUNT(*) > 1");
      duplicate(c, "control-log", "SELECT task_id, COUNT(*) FROM dossier_control_log WHERE task_id IS NOT NULL "
          + "GROUP BY task_id HAVING COUNT(*) > 1");
      duplicate(c, "alerts", "SELECT dossier_id, kind, stage_key, due_at, COUNT(*) FROM dossier_alert "
          + "GROUP BY dossier_id, kind, stage_key, due_at HAVING COUNT(*) > 1");
      duplicate(c, "apology-letters", "SELECT dossier_id, COUNT(*) FROM apology_letter GROUP BY dossier_id HAVING COUNT(*) > 1");
      duplicate(c, "apology-tasks", "SELECT p.business_key_, t.task_def_key_, COUNT(*) FROM act_hi_taskinst t "
          + "JOIN act_hi_procinst p ON p.proc_inst_id_ = t.proc_inst_id_ WHERE t.task_def_key_ IN ('Task_DraftApology', "
          + "'Task_SignApology', 'Task_DeliverApology') AND (t.delete_reason_ IS NULL OR t.delete_reason_ = 'completed') "
          + "GROUP BY p.business_key_, t.task_def_key_ HAVING COUNT(*) > 1");
      duplicate(c, "notifications", "SELECT dossier_id, notice_key, channel, COUNT(*) FROM notification "
          + "GROUP BY dossier_id, notice_key, channel HAVING COUNT(*) > 1");
      duplicate(c, "rollup-rows", "SELECT report_day, unit, procedure_key, COUNT(*) FROM report_rollup "
          + "GROUP BY report_day, unit, procedure_key HAVING COUNT(*) > 1");
      long notReturned = count(c, "SELECT COUNT(*) FROM dossier WHERE returned_at IS NULL");
      long running = count(c, "SELECT COUNT(*) FROM act_ru_execution WHERE id_ = proc_inst_id_");
      result("finished", "every dossier returned and no process instance left running in the database",
          notReturned == 0 && running == 0, notReturned + " dossiers not returned, " + running + " process instances running");
      long stale = count(c, "SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL AND lock_exp_time_ < "
          + "CURRENT_TIMESTAMP");
      result("locks", "no job left locked past its lock time (a dead node's jobs taken over)", stale == 0,
          stale + " jobs locked past their lock time: " + rows(c, "SELECT id_, lock_owner_, lock_exp_time_ FROM act_ru_job "
              + "WHERE lock_owner_ IS NOT NULL AND lock_exp_time_ < CURRENT_TIMESTAMP"));
      long failures = count(c, "SELECT COUNT(*) FROM act_hi_job_log WHERE job_exception_msg_ IS NOT NULL");
      long incidents = count(c, "SELECT COUNT(*) FROM act_ru_incident");
      long dead = count(c, "SELECT COUNT(*) FROM act_ru_job WHERE retries_ = 0");
      figures.add("jobs: " + failures + " failed attempts retried (job log), " + dead + " jobs out of retries, " + incidents
          + " open incidents; SMS gateway refused " + smsRefused.get() + " first attempts on purpose");
      rows(c, "SELECT job_def_type_, COALESCE(SUBSTRING(job_exception_msg_ FROM 1 FOR 160), ''), COUNT(*) FROM act_hi_job_log "
          + "WHERE job_exception_msg_ IS NOT NULL GROUP BY 1, 2 ORDER BY 3 DESC").forEach(r -> figures.add("  failed job: " + r));
      result("incidents", "0 incidents and 0 jobs out of retries", incidents == 0 && dead == 0,
          incidents + " incidents: " + rows(c, "SELECT incident_type_, SUBSTRING(incident_msg_ FROM 1 FOR 200) FROM act_ru_incident"));
      long timed = stories.stream().filter(s -> s.timed).count();
      long overdueAlerts = count(c, "SELECT COUNT(DISTINCT a.dossier_id) FROM dossier_alert a JOIN dossier d ON d.id = a.dossier_id "
          + "WHERE a.kind = 'OVERDUE' AND d.procedure_key = '" + BIRTH + "'");
      long letters = count(c, "SELECT COUNT(*) FROM apology_letter a JOIN dossier d ON d.id = a.dossier_id "
          + "WHERE d.procedure_key = '" + BIRTH + "'");
      long otherLetters = count(c, "SELECT COUNT(*) FROM apology_letter a JOIN dossier d ON d.id = a.dossier_id "
          + "WHERE d.procedure_key <> '" + BIRTH + "'");
      figures.add("timers: " + timed + " same-day dossiers held past the close: " + overdueAlerts + " with an overdue alert, "
          + letters + " apology letters signed for them (" + otherLetters + " for other dossiers); alerts by kind: " + rows(c, "SELECT kind, status, COUNT(*) FROM dossier_alert "
              + "GROUP BY kind, status ORDER BY 1, 2"));
      result("timers", "the stage timers fell due during the run (an apology letter for every held dossier)",
          letters == timed, letters + " letters for " + timed + " held dossiers; " + (closeAt == null ? ""
              : count(c, "SELECT COUNT(*) FROM dossier WHERE procedure_key = '" + BIRTH + "' AND received_at < "
                  + "TIMESTAMP WITH TIME ZONE '" + closeAt + "'") + " of them received before the office's close at "
                  + closeAt + " (one received after it counts from the next working day: the nodes started too late"
                  + " for CLUSTER_CLOSE_AFTER)"));
      smsCheck(c);
      rollupCheck();
    }
    long http500 = windows.stream().filter(w -> w.name.startsWith("PostgreSQL")).mapToLong(w -> errors.stream()
        .filter(e -> e.at >= w.start && e.at <= w.end && e.status() == 500).count()).sum();
    long noRetryAfter = errors.stream().filter(e -> e.status() == 503 && e.retryAfter() == null && !e.what.contains("No server is available"))
        .count();
    result("outage-503", "during the database outage the APIs answer 503 with Retry-After, never 500",
        http500 == 0, http500 + " answers were HTTP 500 during the PostgreSQL restart (" + noRetryAfter
            + " 503 without Retry-After)");
  }

  /** Rewrites the section between the cluster-run markers of docs/operations.md with this run's figures. */
  void writeDocs() throws IOException {
    String docs = o.getOrDefault("docs", "none");
    if ("none".equals(docs)) {
      return;
    }
    String start = "<!-- cluster-run:start -->";
    String end = "<!-- cluster-run:end -->";
    StringBuilder b = new StringBuilder(start).append("\n")
        .append("- command: `").append(o.getOrDefault("command", ".ci/cluster-run")).append("`\n")
        .append("- date: ").append(OffsetDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).withNano(0)).append('\n')
        .append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(memory()).append("; PostgreSQL local, default settings; ")
        .append("each node -Xmx512m\n\n```\n");
    figures.forEach(l -> b.append(l).append('\n'));
    b.append('\n');
    results.forEach(l -> b.append(l).append('\n'));
    b.append("```\n").append(end);
    Path file = Path.of(docs);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int a = text.indexOf(start);
    int z = text.indexOf(end);
    if (a < 0 || z < a) {
      System.out.println("no cluster-run markers in " + docs + ": figures not written there");
      return;
    }
    Files.writeString(file, text.substring(0, a) + b + text.substring(z + end.length()), StandardCharsets.UTF_8);
    System.out.println("written: " + docs + " (cluster run)");
  }

  static String memory() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
          .map(l -> (Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024) + " GiB memory").orElse("");
    } catch (IOException e) {
      return "";
    }
  }

  void duplicate(Connection c, String name, String sql) throws SQLException {
    List<String> dup = rows(c, sql);
    result("dup-" + name, "0 duplicate " + name, dup.isEmpty(), "duplicates: " + dup);
  }

  void smsCheck(Connection c) throws SQLException {
    Map<String, String> status = new java.util.HashMap<>();
    try (Statement st = c.createStatement();
        ResultSet r = st.executeQuery("SELECT id, status FROM notification WHERE channel = 'SMS'")) {
      while (r.next()) {
        status.put(String.valueOf(r.getLong(1)), r.getString(2));
      }
    }
    long twiceCount = smsByReference.values().stream().filter(v -> v.size() > 1).count();
    // a repeat reaching the gateway is explained only by a fault: its second request within a fault window
    // or the lease/lock time after it (a node died, or the database went away, between the call and the record)
    long explainWithin = 1000L * Integer.parseInt(o.getOrDefault("repeat-grace", "150"));
    List<String> unexplained = new ArrayList<>();
    List<String> repeats = new ArrayList<>();
    List<String> notPromised = new ArrayList<>();
    smsByReference.forEach((ref, times) -> {
      if (times.size() > 1) {
        long second = times.get(1);
        FaultWindow in = windowOf(second, explainWithin);
        String line = ref + "×" + times.size() + (in == null ? " outside every fault window" : " in: " + in.name);
        repeats.add(line);
        if (in == null) {
          unexplained.add(line);
        }
        // the documented case only: every request after the first follows a node's death or the database's
        // restart (never a graceful stop), under the same reference, which the gateway drops
        for (long t : times.subList(1, times.size())) {
          FaultWindow w = windowOf(t, explainWithin);
          if (w == null || !w.cutsWorkInFlight) {
            notPromised.add(line);
            break;
          }
        }
      }
    });
    long sentNotReceived = status.entrySet().stream().filter(e -> "SENT".equals(e.getValue()))
        .filter(e -> !smsByReference.containsKey(e.getKey())).count();
    long unknown = smsByReference.keySet().stream().filter(ref -> !status.containsKey(ref)).count();
    long notSent = status.values().stream().filter(s -> !"SENT".equals(s)).count();
    figures.add("SMS: " + status.size() + " notifications, gateway accepted " + smsByReference.size()
        + " references in " + smsByReference.values().stream().mapToInt(List::size).sum() + " requests; "
        + twiceCount + " references reached it more than once " + repeats.stream().limit(10).toList());
    result("sms-delivered", "every SMS notification SENT and delivered once to the phone (the gateway drops a repeated "
        + "reference)", sentNotReceived == 0 && notSent == 0 && unknown == 0 && !status.isEmpty(), status.size()
            + " SMS rows, " + notSent + " not SENT, " + sentNotReceived + " SENT but never received, " + unknown
            + " references the database does not know");
    result("sms-repeat-unexplained", "no SMS reference reached the gateway twice outside a fault", unexplained.isEmpty(),
        unexplained.size() + " repeats outside the fault windows: " + unexplained.stream().limit(10).toList());
    result("sms-once", "no SMS reached a phone twice, and a reference reached the gateway again only as documented: after "
        + "a node's death or the database's restart cut a send off before it was recorded (docs/notifications.md)",
        notPromised.isEmpty() && sentNotReceived == 0 && unknown == 0, twiceCount + " references reached the gateway "
            + "more than once, " + notPromised.size() + " of them not after a node's death or the database's restart: "
            + notPromised.stream().limit(10).toList());
  }

  /** The fault window a moment falls in, or within {@code grace} ms after (the lease and lock time), or null. */
  FaultWindow windowOf(long at, long grace) {
    return windows.stream().filter(w -> at >= w.start && at <= (w.end == 0 ? Long.MAX_VALUE : w.end) + grace)
        .findFirst().orElse(null);
  }

  void rollupCheck() {
    // the roll-up is operated by the system administrator
    ClusterHttp.Answer run = http.postJson(admin, "/api/admin/reports/rollup", null);
    String today = LocalDate.now(zone).toString();
    String from = LocalDate.now(zone).minusDays(1).toString();
    String to = LocalDate.now(zone).plusDays(1).toString();
    ClusterHttp.Answer check = http.get(admin, "/api/admin/reports/rollup/check?from=" + from + "&to=" + to);
    boolean same = check.ok() && check.json().path("same").asBoolean(false);
    figures.add("roll-up: run " + run.status() + " " + ClusterHttp.abbreviate(run.body()) + "; check around " + today + ": "
        + ClusterHttp.abbreviate(check.body()));
    result("rollup", "the report roll-up equals the live count after the run", same, "check answered " + check);
  }
}
