package vn.motcua.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Benchmark entry point of Một Cửa: {@code ./mvnw -Pbench verify -Dbench.args="<command> [--option value]..."}.
 * Not part of the test suite. Each command is a class with a {@code run(Map<String, String> options)}; the
 * figures go to standard output, one line each, and into their own section of docs/performance.md.
 *
 * <p>Commands:
 * <ul>
 *   <li>{@code reports}: a fresh PostgreSQL database with generated dossiers and control-log rows, then the
 *       roll-up of the sealed dossiers and the month and year reports timed ({@link ReportsBench}).
 *   <li>{@code lifecycle}, {@code tasklist}, {@code timers}, {@code history}, {@code footprint}, {@code growth}, {@code all}:
 *       the application started in-process on a fresh H2 or PostgreSQL database ({@link BenchSystem}),
 *       measured against the bare engine, at province scale, under a timer storm (issue 8).
 * </ul>
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
      usage();
      return;
    }
    Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
    try {
      run(args[0], options);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1);
    }
    // the application's and the engines' threads must not keep the JVM alive
    System.exit(0);
  }

  static void run(String command, Map<String, String> options) throws Exception {
    switch (command) {
      case "reports" -> new ReportsBench().run(options);
      case "lifecycle" -> LifecycleBench.run(options);
      case "tasklist" -> TasklistBench.run(options);
      case "timers" -> TimersBench.run(options);
      case "history" -> HistoryBench.run(options);
      case "footprint" -> FootprintBench.run(options);
      case "growth" -> GrowthBench.run(options);
      case "cluster" -> ClusterRun.run(options); // the load driver of .ci/cluster-run (issue 20)
      case "all" -> {
        if (Boolean.parseBoolean(options.getOrDefault("shared", "false"))) {
          all(options);
          return;
        }
        // issue 8's set, each on its own fresh database
        LifecycleBench.run(options);
        TasklistBench.run(options);
        TimersBench.run(options);
        HistoryBench.run(options);
        FootprintBench.run(options);
      }
      default -> {
        System.err.println("Unknown bench command: " + command);
        usage();
        System.exit(2);
      }
    }
  }

  /**
   * The set in one application and database (a smoke run: {@code all --shared true}, as the test suite
   * does); the footprint figures are those of this one JVM. Prints every line; writes no docs.
   */
  static void all(Map<String, String> options) throws Exception {
    try (BenchSystem sys = new BenchSystem(options).start()) {
      java.util.List<String> lines = new java.util.ArrayList<>();
      lines.add("footprint: start-up to ready " + sys.startupMillis + " ms");
      lines.addAll(LifecycleBench.measure(sys, options));
      lines.addAll(TimersBench.measure(sys, options));
      lines.addAll(TasklistBench.measure(sys, options));
      lines.addAll(HistoryBench.measure(sys, options));
      lines.add("footprint: heap after the run (after GC) " + FootprintBench.heapAfterGc());
      lines.forEach(System.out::println);
    }
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("Expected --option, got " + args[i]);
      }
      String key = args[i].substring(2);
      String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
      options.put(key, value);
    }
    return options;
  }

  static void usage() {
    System.out.println("""
        usage: ./mvnw -Pbench verify -Dbench.args="<command> [options]"
        commands:
          reports  generate dossiers and control-log rows in a fresh PostgreSQL database, time the reports
                   --dossiers N (1000000)  --control-log N (10000000)  --runs N (5)
                   --url jdbc:postgresql://127.0.0.1:5432/motcua_bench (dropped and created anew)
                   --user postgres  --password ''  --docs docs/performance.md (none: do not write)
                   --reuse true (keep the data of a previous run: roll up what is waiting, time the reports)
                   --reroll true (forget the roll-up first and roll everything up again, timed)
                   --batch-size N (20000, roll-up batch)  --live false (skip the "before (live)" figures)
        issue 8 (the application in-process on a fresh database; each writes its section per database):
          common   --db postgres|h2 (postgres)  --url jdbc:postgresql://127.0.0.1:5432/motcua_bench8 (dropped and
                   created anew; h2: in memory, or jdbc:h2:file:/path/name, emptied)  --units 200  --prop key=value,key=value (Spring properties, for tuning)
                   --docs docs/performance.md (none: do not write)
                   --pg-settings name=value,name=value (postgres: the connection's settings instead of the
                   postgres profile's random_page_cost=1.1, e.g. random_page_cost=4 for PostgreSQL's default)
          lifecycle  household business dossiers registered and worked through every user task, 1 and 4
                   workers, against the same shape on the bare engine   --dossiers N (200)  --warmup N (20)
                   (H2: give --url jdbc:h2:file:target/…; both databases in memory outgrow 512 MiB at 400)
          tasklist open dossiers over --units units, then the Tasklist queries of an officer through
                   /engine-rest as HTTP Basic   --dossiers N (100000)  --threads N (4)  --runs N (50)
                   --seed N (2000: registered through the services, then their runtime rows copied at the
                   SQL level up to --dossiers)  --reuse true (queries only, on a previous run's data: postgres,
                   or h2 in a file)
          timers   --dossiers N (20000) whose warning timers fall due in the same minute; time until every
                   warning is handled by the job executor, exactly one warning per dossier   --nodes N (1:
                   more nodes on the same PostgreSQL database, each with its job executor, in this JVM)
                   --keep-seed NAME (postgres, for trying changes: the registered dossiers kept in database
                   NAME and copied from it by the next runs instead of registering; not for recorded figures)
                   --bare true (the same shape on Camunda alone: N instances whose warning timers call a block
                   with two reminder tasks, the application's job-executor settings; the storm's floor)
          history  --dossiers N (1000000) returned dossiers with --control-log N (4 per dossier) loaded by
                   COPY (batch insert on H2); lookup by code and the officers' search   --runs N (200)
                   --reuse true (postgres: keep the database of a previous run and its data; give each
                   command its own --url when reusing)
          footprint start-up time and heap after a run (after GC); run with -Xmx512m (the bench profile)
          growth   the slope: tasklist at each --open N,N (10000,100000) open dossiers and history at each
                   --closed N,N (100000,1000000) closed ones, each on a fresh database (--url + _growth_open,
                   _growth_closed); a table of each p95 by size and its factor; none leaves a kind out
          cluster  the load driver of .ci/cluster-run (two nodes behind HAProxy; run the script, not this)
          all      the five above, each on a fresh database; --shared true: all in one application and
                   database, no docs (the test suite's smoke run)""");
  }
}
