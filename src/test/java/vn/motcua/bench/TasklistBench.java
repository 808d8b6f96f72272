package vn.motcua.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import vn.motcua.tasklist.TasklistFilters;

/**
 * {@code bench tasklist}: N open dossiers spread over the units (each waiting at "Thẩm định hồ sơ" with
 * its stage timers; registered at times spread over the last two days, so that some tasks are overdue,
 * some due soon, and the timers already due have fired, as in a live system), then the queries an
 * officer's Tasklist sends for the project's filters ({@link TasklistFilters}: my unit's tasks, due soon,
 * overdue), first page of 15 sorted by due date and the count, through the REST API as the specialist of
 * one commune with HTTP Basic; authorization is on. Two forms of each: {@code /engine-rest/task} with the
 * filter's criteria, and {@code /engine-rest/filter/{id}/list} (HAL, as Tasklist itself asks) and
 * {@code /count}. Prints p50 / p95 / max per query.
 */
final class TasklistBench {
  private static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  static void run(Map<String, String> o) throws Exception {
    try (BenchSystem sys = new BenchSystem(o).start()) {
      List<String> lines = measure(sys, o);
      lines.forEach(System.out::println);
      sys.writeDocs("tasklist-" + sys.db, "Tasklist at province scale, " + sys.db + " (`bench tasklist`)",
          BenchSystem.command("tasklist", o), lines);
    }
  }

  static List<String> measure(BenchSystem sys, Map<String, String> o) throws Exception {
    int n = Integer.parseInt(o.getOrDefault("dossiers", "100000"));
    int threads = Integer.parseInt(o.getOrDefault("threads", "4"));
    int runs = Integer.parseInt(o.getOrDefault("runs", "50"));
    sys.databaseLabel = sys.databaseName();
    Officers officers = new Officers(sys);
    List<String> lines = new ArrayList<>();
    int units = sys.units.size();
    long g0 = System.nanoTime();
    int slots = Math.max(1, Math.min(16, n / 50));
    long now = System.currentTimeMillis();
    try {
      for (int s = 0; s < slots; s++) {
        // registered s * 3 h ago: due dates from overdue to two working days ahead
        ClockUtil.setCurrentTime(new Date(now - s * 3 * 3600_000L));
        int count = n / slots + (s < n % slots ? 1 : 0);
        int base = s;
        Population.open(sys, officers, count, threads, i -> sys.units.get((i * slots + base) % units), "tasklist slot " + s);
      }
    } finally {
      ClockUtil.reset();
    }
    long genSeconds = (System.nanoTime() - g0) / 1_000_000_000L;
    // the timers already due fire now, on the job executor, before the queries
    ManagementService management = sys.bean(ManagementService.class);
    long w0 = System.nanoTime();
    while (management.createJobQuery().executable().count() > 0 && (System.nanoTime() - w0) < 3_600_000_000_000L) {
      Thread.sleep(1000);
    }
    long fireSeconds = (System.nanoTime() - w0) / 1_000_000_000L;
    long tasks = sys.jdbc().queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);
    long jobs = sys.jdbc().queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB", Long.class);
    long auths = sys.jdbc().queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION", Long.class);
    lines.add(String.format(Locale.ROOT, "data: %d open dossiers over %d communes (" + o.getOrDefault("units", "200") + " units), registered and checked through the"
        + " services with %d threads in %d s (%.1f dossiers/s); due timers fired in %d s; %d open tasks, %d timer"
        + " jobs, %d authorization rows", n, units, threads, genSeconds, n / Math.max(1.0, genSeconds), fireSeconds, tasks,
        jobs, auths));

    String unit = sys.units.get(0);
    String user = BenchSystem.officer(unit, "specialist");
    String group = unit + ".specialist";
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String base = "http://localhost:" + sys.port() + "/engine-rest";
    String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    Supplier<String> nowText = () -> enc(OffsetDateTime.now(BenchSystem.ZONE).format(REST_DATE));
    Supplier<String> soonText = () -> enc(OffsetDateTime.now(BenchSystem.ZONE).plusDays(2).format(REST_DATE));
    String unitCriteria = "candidateGroups=" + enc(group) + "&includeAssignedTasks=true";
    String page = "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15";
    Map<String, Supplier<HttpRequest>> queries = new LinkedHashMap<>();
    queries.put("task, my unit's tasks, first page by due date",
        () -> get(base + "/task?" + unitCriteria + page, auth));
    queries.put("task/count, my unit's tasks", () -> get(base + "/task/count?" + unitCriteria, auth));
    queries.put("task, due soon, first page",
        () -> get(base + "/task?" + unitCriteria + "&dueAfter=" + nowText.get() + "&dueBefore=" + soonText.get() + page, auth));
    queries.put("task/count, due soon",
        () -> get(base + "/task/count?" + unitCriteria + "&dueAfter=" + nowText.get() + "&dueBefore=" + soonText.get(), auth));
    queries.put("task, overdue, first page",
        () -> get(base + "/task?" + unitCriteria + "&dueBefore=" + nowText.get() + page, auth));
    queries.put("task/count, overdue", () -> get(base + "/task/count?" + unitCriteria + "&dueBefore=" + nowText.get(), auth));
    FilterService filters = sys.bean(FilterService.class);
    for (String[] f : new String[][] {{TasklistFilters.UNIT_TASKS, "my unit's tasks"}, {TasklistFilters.DUE_SOON, "due soon"},
        {TasklistFilters.OVERDUE, "overdue"}}) {
      String id = filters.createTaskFilterQuery().filterName(f[0]).singleResult().getId();
      queries.put("filter list (HAL, as Tasklist), " + f[1], () -> HttpRequest.newBuilder(
              URI.create(base + "/filter/" + id + "/list?firstResult=0&maxResults=15"))
          .header("Authorization", auth).header("Accept", "application/hal+json")
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}"))
          .build());
      queries.put("filter count, " + f[1], () -> get(base + "/filter/" + id + "/count", auth));
    }
    Map<String, List<Double>> times = new LinkedHashMap<>();
    Map<String, String> results = new LinkedHashMap<>();
    lines.add(BenchSystem.load());
    for (int r = -5; r < runs; r++) {
      for (var q : queries.entrySet()) {
        HttpRequest request = q.getValue().get();
        long t = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - t) / 1e6;
        if (response.statusCode() != 200) {
          throw new IllegalStateException(q.getKey() + ": HTTP " + response.statusCode() + " " + response.body());
        }
        if (r >= 0) {
          times.computeIfAbsent(q.getKey(), k -> new ArrayList<>()).add(ms);
          results.put(q.getKey(), summary(response.body()));
        }
      }
    }
    times.forEach((k, v) -> lines.add(BenchSystem.percentiles(k, v, results.get(k))));
    lines.add(BenchSystem.load());
    long unitTasks = sys.jdbc().queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK l ON"
        + " l.TASK_ID_ = t.ID_ WHERE l.GROUP_ID_ = ? AND l.TYPE_ = 'candidate'", Long.class, group);
    lines.add("checks: the officer (" + user + ", " + group + ") sees the unit's " + unitTasks + " tasks in the count");
    return lines;
  }

  private static HttpRequest get(String url, String auth) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("Accept", "application/json")
        .GET().build();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The count, or the number of tasks on the page. */
  private static String summary(String body) {
    if (body.startsWith("{\"count\"")) {
      return body.replaceAll("\\D", "");
    }
    int tasks = body.split("\"taskDefinitionKey\"", -1).length - 1;
    return tasks + " on the page";
  }
}
