package vn.motcua.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.task.Task;
import vn.motcua.dossier.Dossier;

/**
 * {@code bench lifecycle}: household business registration dossiers registered through
 * {@code DossierWorkflow.register} and worked through every user task (check, appraisal, approval,
 * return) with the engine's TaskService as the officers of each task's candidate group, with 1 and 4
 * concurrent workers (each at its own commune); in the same run, the same shape of process on the bare
 * engine ({@link BareEngine}). The two alternate in halves (bare, system, bare, system) so that a change of
 * the machine's load hits both. Prints dossiers per second for both and the ratio; checks that every
 * system dossier ended returned (status 10) with its control log.
 */
final class LifecycleBench {
  private static final AtomicInteger SEQ = new AtomicInteger();
  /** The system's dossiers of this run (the checks look at these only). */
  private static final Queue<Long> DOSSIERS = new ConcurrentLinkedQueue<>();

  static void run(Map<String, String> o) throws Exception {
    try (BenchSystem sys = new BenchSystem(o).start()) {
      List<String> lines = measure(sys, o);
      lines.forEach(System.out::println);
      sys.writeDocs("lifecycle-" + sys.db, "Lifecycle throughput, " + sys.db + " (`bench lifecycle`)",
          BenchSystem.command("lifecycle", o), lines);
    }
  }

  static List<String> measure(BenchSystem sys, Map<String, String> o) throws Exception {
    int n = Integer.parseInt(o.getOrDefault("dossiers", "200"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "20"));
    sys.databaseLabel = sys.databaseName();
    Officers officers = new Officers(sys);
    List<String> lines = new ArrayList<>();
    // the bare engine's own database, of the same kind as the system's: beside it on PostgreSQL; on H2 in memory, or
    // in a file beside the system's (emptied first; in memory, the two databases of 440 dossiers each outgrow the
    // bench's 512 MiB heap)
    String bareUrl;
    if (sys.db.equals("postgres")) {
      bareUrl = BareEngine.besideUrl(sys.url, "_bare");
    } else if (sys.h2File() != null) {
      java.nio.file.Path file = java.nio.file.Path.of(sys.h2File() + "-bare").toAbsolutePath().normalize();
      if (!file.startsWith(java.nio.file.Path.of("target").toAbsolutePath().normalize())) {
        throw new IllegalArgumentException("--url " + sys.url + ": the bare engine's file beside it is emptied; keep it"
            + " under target/");
      }
      java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(file + ".mv.db"));
      java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(file + ".trace.db"));
      bareUrl = "jdbc:h2:file:" + file;
    } else {
      bareUrl = "jdbc:h2:mem:bench8bare-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    }
    if (sys.db.equals("postgres")) {
      BenchSystem.recreatePostgres(bareUrl, sys.user, sys.password);
    }
    try (BareEngine bare = new BareEngine(bareUrl, sys.user, sys.password, BareEngine.pgOptions(sys.options))) {
      // warm-up of both (JIT, caches, connection pools): not counted
      drive(sys, officers, bare, false, warmup, 1);
      drive(sys, officers, bare, true, warmup, 1);
      lines.add(BenchSystem.load());
      for (int workers : new int[] {1, 4}) {
        long sysNanos = 0;
        long bareNanos = 0;
        for (int half = 0; half < 2; half++) {
          bareNanos += drive(sys, officers, bare, true, n / 2, workers);
          sysNanos += drive(sys, officers, bare, false, n / 2, workers);
        }
        int done = n / 2 * 2;
        double sysRate = done / (sysNanos / 1e9);
        double bareRate = done / (bareNanos / 1e9);
        lines.add(String.format(Locale.ROOT,
            "lifecycle, %d worker%s: system %7.1f dossiers/s, bare engine %7.1f dossiers/s, ratio %.2f  (%d dossiers each)",
            workers, workers == 1 ? " " : "s", sysRate, bareRate, sysRate / bareRate, done));
        lines.add(BenchSystem.load());
      }
      // the checks: every system dossier returned, with a control-log row per user task
      long notReturned = 0;
      long shortLogs = 0;
      for (Long id : DOSSIERS) {
        notReturned += sys.jdbc().queryForObject("SELECT COUNT(*) FROM dossier WHERE id = ? AND status <> 10",
            Long.class, id);
        shortLogs += sys.jdbc().queryForObject("SELECT CASE WHEN COUNT(*) < 4 THEN 1 ELSE 0 END FROM"
            + " dossier_control_log WHERE dossier_id = ? AND done_at IS NOT NULL", Long.class, id);
      }
      DOSSIERS.clear();
      long bareOpen = bare.engine.getRuntimeService().createProcessInstanceQuery().count();
      lines.add("checks: dossiers not returned " + notReturned + ", dossiers with fewer than 4 closed control-log rows "
          + shortLogs + ", bare instances still running " + bareOpen);
      if (notReturned != 0 || shortLogs != 0 || bareOpen != 0) {
        throw new IllegalStateException("lifecycle checks failed: " + lines.get(lines.size() - 1));
      }
    }
    return lines;
  }

  /** Drives {@code count} dossiers to the end with {@code workers} threads; returns the elapsed nanoseconds. */
  static long drive(BenchSystem sys, Officers officers, BareEngine bare, boolean onBare, int count, int workers)
      throws Exception {
    Queue<Integer> work = new ConcurrentLinkedQueue<>();
    for (int i = 0; i < count; i++) {
      work.add(i);
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    long t0 = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      String unit = sys.units.get(w % sys.units.size());
      futures.add(pool.submit(() -> {
        while (work.poll() != null) {
          int n = SEQ.incrementAndGet();
          if (onBare) {
            String code = "BARE-" + n;
            bare.start(code, unit, unit);
            for (int step = 0; step < 30; step++) {
              List<Task> open = bare.openTasks(code);
              if (open.isEmpty()) {
                break;
              }
              Task t = open.get(0);
              bare.engine.getTaskService().complete(t.getId(), Officers.values(t.getTaskDefinitionKey()));
            }
          } else {
            Dossier d = officers.register(unit, n);
            officers.driveToEnd(d.code(), unit);
            DOSSIERS.add(d.id());
          }
        }
        return null;
      }));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    long nanos = System.nanoTime() - t0;
    pool.shutdown();
    return nanos;
  }
}
