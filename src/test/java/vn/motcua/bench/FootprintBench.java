package vn.motcua.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench footprint}: the application's start-up time to ready (Spring context refreshed, engine
 * schema and Flyway migrations on a fresh database, models deployed, {@code --units} units with their
 * groups, authorizations and officers, the web server listening), then a small full run in the same
 * JVM (a lifecycle round against the bare engine, a timer storm and the Tasklist queries over what that
 * left), then the heap used after a full GC. Meant to run with the bench profile's {@code -Xmx512m}.
 */
final class FootprintBench {
  static void run(Map<String, String> o) throws Exception {
    BenchSystem sys = new BenchSystem(o);
    try {
      List<String> lines = measure(sys, o);
      lines.forEach(System.out::println);
      sys.writeDocs("footprint-" + sys.db, "Footprint, " + sys.db + " (`bench footprint`)",
          BenchSystem.command("footprint", o), lines);
    } finally {
      sys.close();
    }
  }

  static List<String> measure(BenchSystem sys, Map<String, String> o) throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(BenchSystem.load());
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    if (sys.context == null) {
      sys.start();
    }
    sys.databaseLabel = sys.databaseName();
    long sinceJvm = System.currentTimeMillis() - jvmStart;
    lines.add(String.format(Locale.ROOT, "start-up to ready: %.1f s (application context; %.1f s since the JVM started),"
        + " %d communes (%s units)", sys.startupMillis / 1000.0, sinceJvm / 1000.0, sys.units.size(),
        o.getOrDefault("units", "200")));
    lines.add("heap after start-up (after GC): " + heapAfterGc());
    Map<String, String> small = new LinkedHashMap<>(o);
    small.put("dossiers", o.getOrDefault("dossiers", "40"));
    small.put("warmup", "10");
    LifecycleBench.measure(sys, small);
    Map<String, String> storm = new LinkedHashMap<>(o);
    storm.put("dossiers", o.getOrDefault("timer-dossiers", "200"));
    TimersBench.measure(sys, storm);
    Map<String, String> tasklist = new LinkedHashMap<>(o);
    tasklist.put("dossiers", o.getOrDefault("tasklist-dossiers", "200"));
    tasklist.put("runs", "20");
    TasklistBench.measure(sys, tasklist);
    lines.add("after a run (lifecycle: " + 2 * Integer.parseInt(small.get("dossiers")) + " system and as many bare-engine"
        + " dossiers after " + small.get("warmup") + " warm-up each, a storm of "
        + storm.get("dossiers") + " warnings, " + tasklist.get("dossiers") + " open dossiers and the Tasklist queries):");
    lines.add("heap after the run (after GC): " + heapAfterGc());
    var pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getName().equals("Metaspace")).findFirst();
    pools.ifPresent(p -> lines.add(String.format(Locale.ROOT, "metaspace: %d MiB", p.getUsage().getUsed() >> 20)));
    lines.add("threads: " + ManagementFactory.getThreadMXBean().getThreadCount());
    lines.add(BenchSystem.load());
    return lines;
  }

  static String heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return BenchSystem.heap();
  }
}
