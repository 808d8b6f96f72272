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
    switch (args[0]) {
      case "reports" -> new ReportsBench().run(options);
      default -> {
        System.err.println("Unknown bench command: " + args[0]);
        usage();
        System.exit(2);
      }
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
                   --batch-size N (20000, roll-up batch)  --live false (skip the "before (live)" figures)""");
  }
}
