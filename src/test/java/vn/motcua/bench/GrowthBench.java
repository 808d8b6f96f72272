package vn.motcua.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench growth}: how the figures that depend on the volume move with it, so that a province sees the
 * slope and not one point. The Tasklist queries ({@link TasklistBench}) at each number of open dossiers
 * ({@code --open 10000,100000}) and the history lookups and searches ({@link HistoryBench}) at each number of
 * closed dossiers ({@code --closed 100000,1000000}), each size on a fresh database of its own; then one table
 * per kind with the p95 at each size and the factor from the smallest to the largest. {@code --open none} or
 * {@code --closed none} leaves a kind out. The other options go to both benches ({@code --runs}, {@code --seed}).
 */
final class GrowthBench {
  private static final Pattern FIGURE = Pattern.compile("^(.+?)\\s+p50\\s+[\\d.]+ ms\\s+p95\\s+([\\d.]+) ms.*$");

  /** The database of the last size measured, for the page. */
  private static String label = "";

  interface Measure {
    List<String> measure(BenchSystem sys, Map<String, String> options) throws Exception;
  }

  static void run(Map<String, String> o) throws Exception {
    List<String> lines = new ArrayList<>();
    String base = o.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/motcua_bench8");
    boolean h2 = o.getOrDefault("db", "postgres").equals("h2");
    String db = h2 ? "h2" : "postgres";
    lines.addAll(slope("open dossiers (bench tasklist)", sizes(o.getOrDefault("open", "10000,100000")), o,
        h2 ? null : base + "_growth_open", TasklistBench::measure));
    lines.addAll(slope("closed dossiers (bench history)", sizes(o.getOrDefault("closed", "100000,1000000")), o,
        h2 ? null : base + "_growth_closed", HistoryBench::measure));
    lines.forEach(System.out::println);
    // the page's section, written by a BenchSystem that is not started (the writer needs no application)
    BenchSystem docs = new BenchSystem(o);
    docs.databaseLabel = label;
    docs.writeDocs("growth-" + db, "Growth, " + db + " (`bench growth`)", BenchSystem.command("growth", o), lines);
  }

  static List<Integer> sizes(String list) {
    List<Integer> sizes = new ArrayList<>();
    if (list.equals("none")) {
      return sizes;
    }
    for (String s : list.split(",")) {
      sizes.add(Integer.parseInt(s.trim()));
    }
    return sizes;
  }

  static List<String> slope(String kind, List<Integer> sizes, Map<String, String> o, String url, Measure bench)
      throws Exception {
    List<String> lines = new ArrayList<>();
    if (sizes.isEmpty()) {
      return lines;
    }
    Map<String, Double[]> p95 = new LinkedHashMap<>();
    for (int i = 0; i < sizes.size(); i++) {
      Map<String, String> options = new HashMap<>(o);
      options.put("dossiers", String.valueOf(sizes.get(i)));
      options.put("reuse", "false");
      if (url != null) {
        options.put("url", url);
      }
      List<String> measured;
      try (BenchSystem sys = new BenchSystem(options).start()) {
        measured = bench.measure(sys, options);
        label = sys.databaseLabel;
      }
      lines.add(String.format(Locale.ROOT, "-- %s: %,d", kind, sizes.get(i)));
      for (String line : measured) {
        lines.add("   " + line);
        Matcher m = FIGURE.matcher(line);
        if (m.matches()) {
          p95.computeIfAbsent(m.group(1).trim(), k -> new Double[sizes.size()])[i] = Double.parseDouble(m.group(2));
        }
      }
    }
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "p95 by %-51s", kind));
    sizes.forEach(s -> head.append(String.format(Locale.ROOT, " %10s", String.format(Locale.ROOT, "%,d", s))));
    lines.add(head.append("     factor").toString());
    p95.forEach((figure, values) -> {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-56s", figure));
      for (Double v : values) {
        row.append(v == null ? String.format(Locale.ROOT, " %10s", "-") : String.format(Locale.ROOT, " %7.1f ms", v));
      }
      Double first = values[0];
      Double last = values[values.length - 1];
      row.append(first == null || last == null || first == 0 ? "" : String.format(Locale.ROOT, "   × %.2f", last / first));
      lines.add(row.toString());
    });
    return lines;
  }
}
