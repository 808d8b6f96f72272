package vn.motcua.bench;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;

/**
 * {@code bench timers}: a timer storm. N dossiers are registered and checked at the same moment of the
 * engine's clock (next Monday 09:00), so that their appraisal-stage warning timers ({@code
 * Event_AppraisalWarning}, {@code ${overdue.warningAt(...)}}) all fall due at the same instant; the clock is
 * then set just past that instant (before any apology or escalation timer) and the application's own job
 * executor, on this one node, handles them. Prints the time until every warning is handled (no warning
 * timer job left, one WARNING alert per dossier in {@code dossier_alert}) and checks exactly one warning
 * per dossier and no failed job. {@code --nodes N} starts N - 1 more nodes on the same PostgreSQL database before the
 * storm (application contexts in this JVM, each with its own job executor), for the storm on a cluster.
 */
final class TimersBench {
  static void run(Map<String, String> options) throws Exception {
    if (Boolean.parseBoolean(options.getOrDefault("bare", "false"))) {
      BareStorm.run(options);
      return;
    }
    Map<String, String> o = new java.util.HashMap<>(options);
    String keep = o.get("keep-seed");
    if (keep != null) {
      if (!o.getOrDefault("db", "postgres").equals("postgres") || !keep.matches("[a-z0-9_]+")) {
        throw new IllegalArgumentException("--keep-seed <name>: a PostgreSQL database name, [a-z0-9_]+");
      }
      if (copyOfSeed(o, keep)) {
        o.put("reuse", "true");
        o.put("seeded-from", keep);
      }
    }
    try (BenchSystem sys = new BenchSystem(o).start()) {
      List<String> lines = measure(sys, o);
      lines.forEach(System.out::println);
      sys.writeDocs("timers-" + sys.db, "Timer storm, " + sys.db + " (`bench timers`)",
          BenchSystem.command("timers", o), lines);
    }
  }

  static List<String> measure(BenchSystem sys, Map<String, String> o) throws Exception {
    int n = Integer.parseInt(o.getOrDefault("dossiers", "20000"));
    int threads = Integer.parseInt(o.getOrDefault("threads", "4"));
    long timeoutSeconds = Long.parseLong(o.getOrDefault("timeout", "1800"));
    int nodes = Integer.parseInt(o.getOrDefault("nodes", "1"));
    if (nodes > 1 && !sys.db.equals("postgres")) {
      throw new IllegalArgumentException("--nodes: several nodes share a PostgreSQL database, not an in-memory H2");
    }
    List<BenchSystem> others = new ArrayList<>();
    sys.databaseLabel = sys.databaseName();
    Officers officers = new Officers(sys);
    ManagementService management = sys.bean(ManagementService.class);
    List<String> lines = new ArrayList<>();
    LocalDate monday = LocalDate.now(BenchSystem.ZONE).with(TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
    Date t0 = Date.from(monday.atTime(LocalTime.of(9, 0)).atZone(BenchSystem.ZONE).toInstant());
    try {
      ClockUtil.setCurrentTime(t0);
      List<Long> ids;
      String seededFrom = o.get("seeded-from");
      if (seededFrom != null) {
        ids = sys.jdbc().queryForList("SELECT id FROM dossier ORDER BY id", Long.class);
        if (ids.size() != n) {
          throw new IllegalStateException("--keep-seed " + seededFrom + " holds " + ids.size() + " dossiers, not " + n
              + ": drop it (DROP DATABASE " + seededFrom + ") to register anew");
        }
        lines.add("generation: " + ids.size() + " dossiers copied from database " + seededFrom + " (registered and"
            + " checked through the services by an earlier run; the models and code are this run's)");
      } else {
        long g0 = System.nanoTime();
        ids = Population.open(sys, officers, n, threads, i -> sys.units.get(i % sys.units.size()), "timers");
        long genSeconds = (System.nanoTime() - g0) / 1_000_000_000L;
        lines.add(String.format(Locale.ROOT, "generation: %d dossiers registered and checked through the services,"
            + " %d threads: %d s (%.1f dossiers/s)", ids.size(), threads, genSeconds, ids.size() / Math.max(1.0, genSeconds)));
        String keep = o.get("keep-seed");
        if (keep != null) {
          // a copy of the registered dossiers for the next runs: the database is copied while no one is connected
          sys.analyzeAsAutovacuumWould();
          sys.close();
          copyDatabase(sys.url, sys.user, sys.password, databaseOf(sys.url), keep);
          o.put("reuse", "true");
          sys.start();
          officers = new Officers(sys);
          management = sys.bean(ManagementService.class);
          lines.add("seed kept in database " + keep + " for the next runs with --keep-seed " + keep);
        }
      }

      List<String> warningDefs = definitions(management, "Event_AppraisalWarning");
      List<String> otherDefs = new ArrayList<>(definitions(management, "Event_AppraisalApologyDue"));
      otherDefs.addAll(definitions(management, "Event_AppraisalOverdue"));
      List<Job> warnings = jobs(management, warningDefs);
      Date first = warnings.stream().map(Job::getDuedate).min(Date::compareTo).orElseThrow();
      Date last = warnings.stream().map(Job::getDuedate).max(Date::compareTo).orElseThrow();
      Date nextOther = jobs(management, otherDefs).stream().map(Job::getDuedate).min(Date::compareTo).orElseThrow();
      lines.add("warning timers: " + warnings.size() + " due from " + first.toInstant() + " to " + last.toInstant()
          + " (" + (last.getTime() - first.getTime()) / 1000 + " s apart); next other stage timer at "
          + nextOther.toInstant());
      if (last.getTime() - first.getTime() > 60_000) {
        throw new IllegalStateException("warnings are not due within one minute");
      }
      long step = Math.min(30_000, (nextOther.getTime() - last.getTime()) / 2);
      if (step <= 0) {
        throw new IllegalStateException("an apology or escalation timer falls due with the warnings");
      }
      // --nodes N: N - 1 more nodes on the same database, as a cluster's nodes (their own application context and
      // job executor, in this JVM: the engine's clock is the JVM's, so the storm comes to every node at once)
      for (int i = 2; i <= nodes; i++) {
        Map<String, String> node = new java.util.HashMap<>(o);
        node.put("reuse", "true");
        node.put("url", sys.url);
        others.add(new BenchSystem(node).start());
      }
      if (nodes > 1) {
        lines.add("nodes: " + nodes + " application contexts on the one database, each with its job executor");
      }
      lines.add(BenchSystem.load());
      // the storm: the clock moves just past the warnings, the job executor does the rest
      double[] cpu0 = BenchSystem.cpuSeconds();
      ClockUtil.setCurrentTime(new Date(last.getTime() + step));
      long s0 = System.nanoTime();
      long handled = 0;
      long left = -1;
      long firstSeen = -1;
      // the watch costs the storm little: the alerts counted by their index, the warning timers left (a count over
      // the job table, 30 ms at 60,000 timers) only once every dossier has its alert
      while ((System.nanoTime() - s0) / 1_000_000_000L < timeoutSeconds) {
        handled = sys.jdbc().queryForObject("SELECT COUNT(DISTINCT dossier_id) FROM dossier_alert WHERE kind = 'WARNING'",
            Long.class);
        if (firstSeen < 0 && handled > 0) {
          firstSeen = System.nanoTime();
        }
        if (handled >= ids.size()) {
          left = count(management, warningDefs);
          if (left == 0) {
            break;
          }
        }
        Thread.sleep(250);
      }
      if (left != 0) {
        left = count(management, warningDefs);
      }
      double seconds = (System.nanoTime() - s0) / 1e9;
      lines.add(String.format(Locale.ROOT, "timer storm: %d warnings handled by the job executor in %.1f s (%.0f/s)%s",
          handled, seconds, handled / seconds, left == 0 ? "" : " — TIMED OUT, " + left + " warning jobs left"));
      // the executor polls when idle (camunda.bpm.job-execution.max-wait): part of the storm's time is its wait
      // for the next poll, the rest is the handling itself
      double idle = firstSeen < 0 ? seconds : (firstSeen - s0) / 1e9;
      lines.add(String.format(Locale.ROOT, "  of which: %.1f s until the first warning was handled (the idle job executor's"
          + " next poll, at most max-wait), %.1f s handling them (%.0f/s)", idle, seconds - idle,
          handled / Math.max(0.001, seconds - idle)));
      double[] cpu1 = BenchSystem.cpuSeconds();
      double jvmMs = (cpu1[0] - cpu0[0]) * 1000 / Math.max(1, handled);
      lines.add(cpu0[1] < 0 || !sys.db.equals("postgres") ? String.format(Locale.ROOT, "CPU per warning: %.1f ms in the application's JVM", jvmMs)
          : String.format(Locale.ROOT, "CPU per warning: %.1f ms in the application's JVM (with its %d nodes), %.1f ms in"
              + " the local PostgreSQL server's processes", jvmMs, nodes, (cpu1[1] - cpu0[1]) * 1000 / Math.max(1, handled)));
      lines.add(BenchSystem.load());
      // the checks
      long notOne = sys.jdbc().queryForObject("SELECT COUNT(*) FROM (SELECT dossier_id FROM dossier_alert WHERE kind ="
          + " 'WARNING' GROUP BY dossier_id HAVING COUNT(*) <> 1) x", Long.class);
      long missing = ids.size() - handled;
      long failed = management.createJobQuery().withException().count();
      long otherAlerts = sys.jdbc().queryForObject("SELECT COUNT(*) FROM dossier_alert WHERE kind <> 'WARNING'",
          Long.class);
      lines.add("checks: dossiers without a warning " + missing + ", with more than one " + notOne
          + ", failed jobs " + failed + ", other alerts " + otherAlerts);
      if (missing != 0 || notOne != 0 || failed != 0 || left != 0) {
        throw new IllegalStateException("timer checks failed: " + lines.get(lines.size() - 1));
      }
    } finally {
      ClockUtil.reset();
      for (BenchSystem other : others) {
        try {
          other.close();
        } catch (RuntimeException e) {
          System.err.println("closing a node: " + e);
        }
      }
    }
    return lines;
  }

  /**
   * {@code --keep-seed <name>} (PostgreSQL; for trying a change to the storm's handling again and again without
   * registering the dossiers each time): when database {@code name} exists, the run's database is made a copy of it
   * and the registration is skipped; otherwise the run registers as usual and keeps a copy of its database under
   * {@code name} before the storm. The copy holds the earlier run's deployments: the dossiers stay on the process
   * versions they started with, and the blocks they call, the delegates and the settings are this run's. Recorded
   * figures come from runs without it.
   */
  static boolean copyOfSeed(Map<String, String> o, String keep) throws java.sql.SQLException {
    String url = o.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/motcua_bench8");
    String user = o.getOrDefault("user", "postgres");
    String password = o.getOrDefault("password", "");
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(admin(url), user, password);
        var st = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      st.setString(1, keep);
      try (var rs = st.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
      }
    }
    copyDatabase(url, user, password, keep, databaseOf(url));
    return true;
  }

  static String databaseOf(String url) {
    return url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
  }

  private static String admin(String url) {
    return url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
  }

  /** {@code to} becomes a copy of {@code from} (no connection may be open to {@code from}). */
  static void copyDatabase(String url, String user, String password, String from, String to) throws java.sql.SQLException {
    if (!from.matches("[a-z0-9_]+") || !to.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("database names must be [a-z0-9_]+: " + from + ", " + to);
    }
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(admin(url), user, password);
        java.sql.Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + to + " WITH (FORCE)");
      // FILE_COPY: the files copied as they are, not written again through the WAL (PostgreSQL 15's default
      // WAL_LOG would write gigabytes of WAL, whose checkpoints would then fall into the storm)
      s.execute("CREATE DATABASE " + to + " TEMPLATE " + from + " STRATEGY = FILE_COPY");
      s.execute("CHECKPOINT");
    }
  }

  static List<String> definitions(ManagementService management, String activityId) {
    return management.createJobDefinitionQuery().activityIdIn(activityId).list().stream().map(JobDefinition::getId)
        .toList();
  }

  static long count(ManagementService management, List<String> definitionIds) {
    long count = 0;
    for (String id : definitionIds) {
      count += management.createJobQuery().jobDefinitionId(id).count();
    }
    return count;
  }

  static List<Job> jobs(ManagementService management, List<String> definitionIds) {
    List<Job> jobs = new ArrayList<>();
    for (String id : definitionIds) {
      jobs.addAll(management.createJobQuery().jobDefinitionId(id).list());
    }
    return jobs;
  }
}
