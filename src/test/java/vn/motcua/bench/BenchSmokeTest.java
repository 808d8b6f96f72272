package vn.motcua.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import vn.motcua.tasklist.TasklistFilters;

/**
 * A small run of every issue-8 bench command ({@code bench all --shared true}: a few dossiers, H2), to show
 * that the benchmarks still work and that their checks hold; no timing is asserted. It runs in a JVM of its
 * own: the bench starts the whole application with the job executor on and moves the engine clock, which
 * must not touch the suite's shared application context (its engine, its database, {@code ClockUtil}).
 */
@Order(Integer.MAX_VALUE - 1)
class BenchSmokeTest {

  @Test
  void every_bench_command_produces_its_figures_and_its_checks_hold() throws Exception {
    String output = bench("all", "--shared", "true", "--db", "h2", "--docs", "none", "--units", "12", "--dossiers", "6",
        "--warmup", "2", "--runs", "3", "--threads", "2");
    assertThat(output)
        .contains("footprint: start-up to ready")
        .containsPattern("lifecycle, 1 worker : system +[0-9.]+ dossiers/s, bare engine +[0-9.]+ dossiers/s, ratio")
        .containsPattern("lifecycle, 4 workers: system +[0-9.]+ dossiers/s")
        .contains("checks: dossiers not returned 0, dossiers with fewer than 4 closed control-log rows 0,"
            + " bare instances still running 0")
        .containsPattern("timer storm: 6 warnings handled by the job executor in [0-9.]+ s")
        .containsPattern("of which: [0-9.]+ s until the first warning was handled .*, [0-9.]+ s handling them")
        .contains("checks: dossiers without a warning 0, with more than one 0, failed jobs 0")
        .containsPattern("task, my unit's tasks, first page by due date +p50 +[0-9.]+ ms +p95")
        .containsPattern("filter list \\(HAL, as Tasklist\\), overdue +p50")
        .containsPattern("filter list \\(HAL, as Tasklist\\), my tasks \\(held by me\\) +p50")
        .containsPattern("task/count, my tasks \\(held by me\\) +p50 .*result [1-9]")
        .containsPattern("task/count, overdue +p50")
        .containsPattern("Tasklist's session: filter list \\(HAL\\), my tasks \\(held by me\\) +p50 .*result [1-9]")
        .containsPattern("Tasklist's session: filter count, my unit's tasks +p50")
        .containsPattern("Tasklist's session: the filters with their counts +p50 .*result counts .*"
            + TasklistFilters.MY_TASKS + " [1-9]")
        .contains("data: 6 returned dossiers")
        .containsPattern("lookup by code, DossierService.getByCode +p50")
        .containsPattern("search, applicant ID \\(commune specialist\\) +p50 .*result 1 rows")
        .containsPattern("search, one unit, one day \\(provincial supervisor\\) +p50")
        .contains("footprint: heap after the run (after GC)");
  }

  @Test
  void the_bare_engines_storm_handles_each_warning_once() throws Exception {
    String output = bench("timers", "--bare", "true", "--db", "h2", "--docs", "none", "--dossiers", "6", "--threads", "2");
    assertThat(output)
        .containsPattern("timer storm, the bare engine: 6 warnings handled by the job executor in [0-9.]+ s")
        .containsPattern("CPU per warning: [0-9.]+ ms")
        .contains("checks: reminder tasks 12 (2 per warning), failed jobs 0");
  }

  @Test
  void the_growth_command_prints_each_figure_by_size() throws Exception {
    String output = bench("growth", "--db", "h2", "--docs", "none", "--units", "12", "--open", "4,8", "--closed", "6,12",
        "--runs", "3", "--threads", "2");
    assertThat(output)
        .contains("-- open dossiers (bench tasklist): 4", "-- open dossiers (bench tasklist): 8")
        .contains("-- closed dossiers (bench history): 6", "-- closed dossiers (bench history): 12")
        .containsPattern("p95 by open dossiers \\(bench tasklist\\) +4 +8 +factor")
        .containsPattern("\\n  task/count, overdue +[0-9.]+ ms +[0-9.]+ ms +× [0-9.]+")
        .containsPattern("p95 by closed dossiers \\(bench history\\) +6 +12 +factor")
        .containsPattern("\\n  lookup by code, DossierService.getByCode +[0-9.]+ ms +[0-9.]+ ms +× [0-9.]+");
  }

  /** Runs the bench entry point in a JVM of its own, as the {@code bench} profile does; its output. */
  private static String bench(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java", "-Xmx512m",
        "-Duser.timezone=Asia/Ho_Chi_Minh", "-Dfile.encoding=UTF-8",
        "-cp", System.getProperty("java.class.path"), Bench.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (var in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
