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
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.tasklist.TasklistFilters;

/**
 * {@code bench tasklist}: N open dossiers spread over the units (each waiting at "Thẩm định hồ sơ" with
 * its stage timers; registered at office times spread over the last six working days, so that some tasks are overdue,
 * some due soon, and the timers already due have fired, as in a live system), then the queries an
 * officer's Tasklist sends for the project's filters ({@link TasklistFilters}: my unit's tasks, due soon,
 * overdue), first page of 15 sorted by due date and the count, through the REST API as the specialist of
 * one commune; authorization is on. Three forms of each: {@code /engine-rest/task} with the filter's criteria and
 * {@code /engine-rest/filter/{id}/list} (HAL, as Tasklist asks) and {@code /count}, both with HTTP Basic (as a
 * REST client); and Tasklist's own requests to the webapp's REST ({@code /camunda/api/engine}) in the session of
 * a login through its form, with the list of filters and their counts that Tasklist shows beside the tasks.
 * Prints p50 / p95 / max per query.
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
    // register a seed through the services, then copy its runtime rows up to n (see clone)
    int seed = Math.min(n, Integer.parseInt(o.getOrDefault("seed", "2000")));
    int threads = Integer.parseInt(o.getOrDefault("threads", "4"));
    int runs = Integer.parseInt(o.getOrDefault("runs", "50"));
    sys.databaseLabel = sys.databaseName();
    Officers officers = new Officers(sys);
    List<String> lines = new ArrayList<>();
    int units = sys.units.size();
    long g0 = System.nanoTime();
    // --reuse true on a database a previous run filled: the queries only (tuning runs)
    boolean reused = sys.reuse() && sys.jdbc().queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class) > 0;
    int slots = reused ? 0 : Math.max(1, Math.min(16, seed / 50));
    long now = System.currentTimeMillis();
    WorkingCalendar calendar = sys.bean(WorkingCalendar.class);
    try {
      for (int s = 0; s < slots; s++) {
        // registered s * 3 office hours ago (up to six working days), whatever the day of the week the bench runs:
        // due dates from overdue to a few working days ahead, so that the filters have tasks to show (due soon counts
        // two calendar days: run on a Friday evening or a Saturday, nothing falls in it)
        ClockUtil.setCurrentTime(Date.from(calendar.subtractWorkingTime(java.time.Instant.ofEpochMilli(now),
            Duration.ofHours(3L * s))));
        int count = seed / slots + (s < seed % slots ? 1 : 0);
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
    while (!reused && management.createJobQuery().executable().count() > 0
        && (System.nanoTime() - w0) < 3_600_000_000_000L) {
      Thread.sleep(1000);
    }
    long fireSeconds = (System.nanoTime() - w0) / 1_000_000_000L;
    String copied = "";
    if (n > seed && !reused) {
      long c0 = System.nanoTime();
      int copies = clone(sys, seed, n);
      copied = String.format(Locale.ROOT, ", then copied %d times at the SQL level in %d s (runtime rows of the open"
          + " dossiers: executions, tasks, candidate groups, task authorizations, variables, timer jobs, event"
          + " subscriptions; ids suffixed)", copies, (System.nanoTime() - c0) / 1_000_000_000L);
    }
    long tasks = sys.jdbc().queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);
    long jobs = sys.jdbc().queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB", Long.class);
    long auths = sys.jdbc().queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION", Long.class);
    long openDossiers = sys.jdbc().queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PARENT_ID_ IS NULL"
        + " AND SUPER_EXEC_ IS NULL AND PROC_DEF_KEY_ LIKE 'Procedure_%'", Long.class);
    lines.add(reused ? String.format(Locale.ROOT, "data: %d open dossiers of a previous run (--reuse true); %d open"
        + " tasks, %d timer jobs, %d authorization rows", openDossiers, tasks, jobs, auths)
        : String.format(Locale.ROOT, "data: %d open dossiers over %d communes (" + o.getOrDefault("units", "200")
        + " units): %d registered and checked through the services with %d threads in %d s (%.1f dossiers/s), due"
        + " timers fired in %d s%s; %d open tasks, %d timer jobs, %d authorization rows", openDossiers, units, seed,
        threads, genSeconds, seed / Math.max(1.0, genSeconds), fireSeconds, copied, tasks, jobs, auths));

    String unit = sys.units.get(0);
    String user = BenchSystem.officer(unit, "specialist");
    String group = unit + ".specialist";
    // the officer has taken some of the unit's tasks ("Nhận xử lý", a claim as Tasklist does it), so that the filter
    // of the tasks he holds has a page to show
    int held = claim(sys, user, group, 20);
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
    queries.put("task, my tasks (held by me), first page", () -> get(base + "/task?assignee=" + enc(user) + page, auth));
    queries.put("task/count, my tasks (held by me)", () -> get(base + "/task/count?assignee=" + enc(user), auth));
    queries.put("task, due soon, first page",
        () -> get(base + "/task?" + unitCriteria + "&dueAfter=" + nowText.get() + "&dueBefore=" + soonText.get() + page, auth));
    queries.put("task/count, due soon",
        () -> get(base + "/task/count?" + unitCriteria + "&dueAfter=" + nowText.get() + "&dueBefore=" + soonText.get(), auth));
    queries.put("task, overdue, first page",
        () -> get(base + "/task?" + unitCriteria + "&dueBefore=" + nowText.get() + page, auth));
    queries.put("task/count, overdue", () -> get(base + "/task/count?" + unitCriteria + "&dueBefore=" + nowText.get(), auth));
    FilterService filters = sys.bean(FilterService.class);
    for (String[] f : new String[][] {{TasklistFilters.UNIT_TASKS, "my unit's tasks"},
        {TasklistFilters.MY_TASKS, "my tasks (held by me)"}, {TasklistFilters.DUE_SOON, "due soon"},
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
    // Tasklist itself: its own REST (/camunda/api/engine) in the session of a login through its form, which keeps the
    // officer's authentication (HTTP Basic on /engine-rest checks the password and reads the groups and tenants on
    // every request); the list as Tasklist asks it, each filter's count, and the filters with their counts (the list
    // of filters beside the tasks, which Tasklist asks with itemCount=true)
    Map<String, String> cookies = new LinkedHashMap<>();
    String app = "http://localhost:" + sys.port() + "/camunda";
    tasklistLogin(http, cookies, app, user);
    Supplier<String> cookie = () -> cookieHeader(cookies);
    String engineApi = app + "/api/engine/engine/default";
    java.util.Set<String> inSession = new java.util.HashSet<>();
    for (String[] f : new String[][] {{TasklistFilters.UNIT_TASKS, "my unit's tasks"},
        {TasklistFilters.MY_TASKS, "my tasks (held by me)"}, {TasklistFilters.DUE_SOON, "due soon"},
        {TasklistFilters.OVERDUE, "overdue"}}) {
      String id = filters.createTaskFilterQuery().filterName(f[0]).singleResult().getId();
      String list = "Tasklist's session: filter list (HAL), " + f[1];
      queries.put(list, () -> HttpRequest.newBuilder(URI.create(engineApi + "/filter/" + id + "/list?firstResult=0&maxResults=15"))
          .header("Accept", "application/hal+json").header("Content-Type", "application/json")
          .header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", "")).header("Cookie", cookie.get())
          .POST(HttpRequest.BodyPublishers.ofString("{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}"))
          .build());
      String count = "Tasklist's session: filter count, " + f[1];
      queries.put(count, () -> HttpRequest.newBuilder(URI.create(engineApi + "/filter/" + id + "/count"))
          .header("Accept", "application/json").header("Cookie", cookie.get()).GET().build());
      inSession.add(list);
      inSession.add(count);
    }
    String sidebar = "Tasklist's session: the filters with their counts";
    queries.put(sidebar, () -> HttpRequest.newBuilder(URI.create(engineApi
            + "/filter?firstResult=0&maxResults=2000&itemCount=true&resourceType=Task"))
        .header("Accept", "application/json").header("Cookie", cookie.get()).GET().build());
    inSession.add(sidebar);
    Map<String, List<Double>> times = new LinkedHashMap<>();
    Map<String, String> results = new LinkedHashMap<>();
    lines.add(BenchSystem.load());
    for (int r = -5; r < runs; r++) {
      for (var q : queries.entrySet()) {
        HttpRequest request = q.getValue().get();
        long t = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - t) / 1e6;
        if (inSession.contains(q.getKey())) {
          takeCookies(response, cookies);
        }
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
    lines.add("checks: the officer (" + user + ", " + group + ") sees the unit's " + unitTasks + " tasks in the count, and the " + held
        + " he holds");
    return lines;
  }

  /**
   * Copies the runtime rows of the open dossiers (process instances of the procedures and their called
   * blocks) until there are {@code n}: the same units, tasks, due dates and timers as the seed, every id and
   * every reference to one suffixed {@code -cK}. Registering 100,000 dossiers through the services takes
   * hours on this machine; the Tasklist queries read only these tables. History is not copied. Foreign-key
   * checks are off during the copy (the copies are consistent by construction), then the tables are analyzed
   * ({@code VACUUM ANALYZE} on PostgreSQL, {@code ANALYZE} on H2).
   * Returns the number of copies.
   */
  static int clone(BenchSystem sys, int seed, int n) throws Exception {
    int copies;
    int task = org.camunda.bpm.engine.authorization.Resources.TASK.resourceType();
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(sys.url, sys.user, sys.password);
        java.sql.Statement st = c.createStatement()) {
      boolean h2 = sys.db.equals("h2");
      // H2's setting is the database's, not the session's: set back whatever happens
      st.execute(h2 ? "SET REFERENTIAL_INTEGRITY FALSE" : "SET session_replication_role = replica");
      try {
        st.execute("CREATE LOCAL TEMPORARY TABLE seed_pi AS SELECT ID_ FROM ACT_RU_EXECUTION WHERE PARENT_ID_ IS NULL"
            + " AND SUPER_EXEC_ IS NULL AND PROC_DEF_KEY_ LIKE 'Procedure_%'");
        // the procedures' instances and their blocks' (a block's ROOT_PROC_INST_ID_ is its procedure's instance)
        st.execute("CREATE LOCAL TEMPORARY TABLE seed_all_pi AS SELECT ID_, COALESCE(ROOT_PROC_INST_ID_, ID_) AS ROOT_ FROM"
            + " ACT_RU_EXECUTION WHERE PARENT_ID_ IS NULL AND COALESCE(ROOT_PROC_INST_ID_, ID_) IN (SELECT ID_ FROM seed_pi)");
        int seeds;
        try (var rs = st.executeQuery("SELECT COUNT(*) FROM seed_pi")) {
          rs.next();
          seeds = rs.getInt(1);
        }
        // the seed's rows, once, each with the process instance it belongs to (PI__)
        String pis = "SELECT ID_ FROM seed_all_pi";
        String tasks = "SELECT ID_, PROC_INST_ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ IN (" + pis + ")";
        st.execute("CREATE LOCAL TEMPORARY TABLE s_exec AS SELECT *, PROC_INST_ID_ AS PI__ FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ IN (" + pis + ")");
        st.execute("CREATE LOCAL TEMPORARY TABLE s_task AS SELECT *, PROC_INST_ID_ AS PI__ FROM ACT_RU_TASK WHERE PROC_INST_ID_ IN (" + pis + ")");
        st.execute("CREATE LOCAL TEMPORARY TABLE s_link AS SELECT L.*, T.PROC_INST_ID_ AS PI__ FROM ACT_RU_IDENTITYLINK L JOIN ("
            + tasks + ") T ON T.ID_ = L.TASK_ID_");
        st.execute("CREATE LOCAL TEMPORARY TABLE s_auth AS SELECT A.*, T.PROC_INST_ID_ AS PI__ FROM ACT_RU_AUTHORIZATION A JOIN ("
            + tasks + ") T ON T.ID_ = A.RESOURCE_ID_ WHERE A.RESOURCE_TYPE_ = " + task);
        st.execute("CREATE LOCAL TEMPORARY TABLE s_var AS SELECT *, PROC_INST_ID_ AS PI__ FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ IN (" + pis + ")");
        st.execute("CREATE LOCAL TEMPORARY TABLE s_bytes AS SELECT B.*, V.PI__ FROM ACT_GE_BYTEARRAY B JOIN s_var V ON V.BYTEARRAY_ID_ = B.ID_");
        st.execute("CREATE LOCAL TEMPORARY TABLE s_job AS SELECT *, PROCESS_INSTANCE_ID_ AS PI__ FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NULL"
            + " AND PROCESS_INSTANCE_ID_ IN (" + pis + ")");
        st.execute("CREATE LOCAL TEMPORARY TABLE s_event AS SELECT *, PROC_INST_ID_ AS PI__ FROM ACT_RU_EVENT_SUBSCR WHERE PROC_INST_ID_ IN (" + pis + ")");
        copies = Math.max(0, (n - seeds + seeds - 1) / seeds);
        st.execute("CREATE LOCAL TEMPORARY TABLE last_pi AS SELECT ID_ FROM seed_all_pi WHERE ROOT_ IN (SELECT ID_ FROM seed_pi ORDER BY ID_"
            + " LIMIT " + (n - seeds - (long) (copies - 1) * seeds) + ")");
        for (int k = 1; k <= copies; k++) {
          // the last copy takes only what is missing to n
          String only = k < copies ? "" : " WHERE PI__ IN (SELECT ID_ FROM last_pi)";
          String sfx = "-c" + k;
          copy(st, sfx, "ACT_RU_EXECUTION", "s_exec", "ID_,REV_,ROOT_PROC_INST_ID_,PROC_INST_ID_,BUSINESS_KEY_,PARENT_ID_,PROC_DEF_ID_,"
              + "SUPER_EXEC_,SUPER_CASE_EXEC_,CASE_INST_ID_,ACT_ID_,ACT_INST_ID_,IS_ACTIVE_,IS_CONCURRENT_,IS_SCOPE_,"
              + "IS_EVENT_SCOPE_,SUSPENSION_STATE_,CACHED_ENT_STATE_,SEQUENCE_COUNTER_,TENANT_ID_,PROC_DEF_KEY_",
              "ID_,ROOT_PROC_INST_ID_,PROC_INST_ID_,BUSINESS_KEY_,PARENT_ID_,SUPER_EXEC_", only);
          copy(st, sfx, "ACT_RU_TASK", "s_task", "ID_,REV_,EXECUTION_ID_,PROC_INST_ID_,PROC_DEF_ID_,CASE_EXECUTION_ID_,CASE_INST_ID_,"
              + "CASE_DEF_ID_,NAME_,PARENT_TASK_ID_,DESCRIPTION_,TASK_DEF_KEY_,OWNER_,ASSIGNEE_,DELEGATION_,PRIORITY_,"
              + "CREATE_TIME_,LAST_UPDATED_,DUE_DATE_,FOLLOW_UP_DATE_,SUSPENSION_STATE_,TENANT_ID_,TASK_STATE_",
              "ID_,EXECUTION_ID_,PROC_INST_ID_,PARENT_TASK_ID_", only);
          copy(st, sfx, "ACT_RU_IDENTITYLINK", "s_link", "ID_,REV_,GROUP_ID_,TYPE_,USER_ID_,TASK_ID_,PROC_DEF_ID_,TENANT_ID_",
              "ID_,TASK_ID_", only);
          copy(st, sfx, "ACT_RU_AUTHORIZATION", "s_auth", "ID_,REV_,TYPE_,GROUP_ID_,USER_ID_,RESOURCE_TYPE_,RESOURCE_ID_,PERMS_,"
              + "REMOVAL_TIME_,ROOT_PROC_INST_ID_", "ID_,RESOURCE_ID_,ROOT_PROC_INST_ID_", only);
          copy(st, sfx, "ACT_GE_BYTEARRAY", "s_bytes", "ID_,REV_,NAME_,DEPLOYMENT_ID_,BYTES_,GENERATED_,TENANT_ID_,TYPE_,CREATE_TIME_,"
              + "ROOT_PROC_INST_ID_,REMOVAL_TIME_", "ID_,ROOT_PROC_INST_ID_", only);
          copy(st, sfx, "ACT_RU_VARIABLE", "s_var", "ID_,REV_,TYPE_,NAME_,EXECUTION_ID_,PROC_INST_ID_,PROC_DEF_ID_,CASE_EXECUTION_ID_,"
              + "CASE_INST_ID_,TASK_ID_,BATCH_ID_,BYTEARRAY_ID_,DOUBLE_,LONG_,TEXT_,TEXT2_,VAR_SCOPE_,SEQUENCE_COUNTER_,"
              + "IS_CONCURRENT_LOCAL_,TENANT_ID_", "ID_,EXECUTION_ID_,PROC_INST_ID_,TASK_ID_,BYTEARRAY_ID_,VAR_SCOPE_", only);
          copy(st, sfx, "ACT_RU_JOB", "s_job", "ID_,REV_,TYPE_,EXCLUSIVE_,EXECUTION_ID_,ROOT_PROC_INST_ID_,PROCESS_INSTANCE_ID_,"
              + "PROCESS_DEF_ID_,PROCESS_DEF_KEY_,RETRIES_,EXCEPTION_MSG_,FAILED_ACT_ID_,DUEDATE_,REPEAT_,REPEAT_OFFSET_,"
              + "HANDLER_TYPE_,HANDLER_CFG_,DEPLOYMENT_ID_,SUSPENSION_STATE_,JOB_DEF_ID_,PRIORITY_,SEQUENCE_COUNTER_,"
              + "TENANT_ID_,CREATE_TIME_,BATCH_ID_", "ID_,EXECUTION_ID_,ROOT_PROC_INST_ID_,PROCESS_INSTANCE_ID_", only);
          copy(st, sfx, "ACT_RU_EVENT_SUBSCR", "s_event", "ID_,REV_,EVENT_TYPE_,EVENT_NAME_,EXECUTION_ID_,PROC_INST_ID_,ACTIVITY_ID_,"
              + "CONFIGURATION_,CREATED_,TENANT_ID_", "ID_,EXECUTION_ID_,PROC_INST_ID_", only);
          if (k % 10 == 0 || k == copies) {
            System.out.printf("  tasklist: copy %d of %d done (%s)%n", k, copies, BenchSystem.load());
          }
        }
      } finally {
        st.execute(h2 ? "SET REFERENTIAL_INTEGRITY TRUE" : "SET session_replication_role = DEFAULT");
      }
      for (String t : new String[] {"ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_IDENTITYLINK", "ACT_RU_AUTHORIZATION",
          "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_RU_EVENT_SUBSCR", "ACT_GE_BYTEARRAY"}) {
        st.execute((h2 ? "ANALYZE TABLE " : "VACUUM ANALYZE ") + t);
      }
    }
    return copies;
  }

  /**
   * The officer claims unassigned tasks of his group until he holds {@code count} (fewer if the group has fewer), as
   * Tasklist's claim does (his authentication, the task's listeners); returns how many he holds.
   */
  static int claim(BenchSystem sys, String user, String group, int count) {
    org.camunda.bpm.engine.TaskService tasks = sys.bean(org.camunda.bpm.engine.TaskService.class);
    org.camunda.bpm.engine.IdentityService identity = sys.bean(org.camunda.bpm.engine.IdentityService.class);
    identity.setAuthentication(user, List.of(group));
    try {
      long held = tasks.createTaskQuery().taskAssignee(user).count();
      if (held < count) {
        for (var t : tasks.createTaskQuery().taskCandidateGroup(group).orderByDueDate().asc()
            .listPage(0, (int) (count - held))) {
          tasks.claim(t.getId(), user);
        }
      }
      return (int) tasks.createTaskQuery().taskAssignee(user).count();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** INSERT … SELECT of the seed's rows kept in {@code from}, the {@code ids} columns suffixed. */
  private static void copy(java.sql.Statement st, String suffix, String table, String from, String columns, String ids,
      String where) throws java.sql.SQLException {
    java.util.Set<String> suffixed = java.util.Set.of(ids.split(","));
    StringBuilder select = new StringBuilder();
    for (String col : columns.split(",")) {
      select.append(select.length() == 0 ? "" : ", ")
          .append(suffixed.contains(col) ? col + " || '" + suffix + "'" : col);
    }
    st.executeUpdate("INSERT INTO " + table + " (" + columns + ") SELECT " + select + " FROM " + from + where);
  }

  /**
   * Logs {@code user} in to Tasklist through its login form, as the browser does (the page first, for the CSRF
   * cookie); the session's cookies are then in {@code cookies}, kept by hand because they are {@code Secure}.
   */
  static void tasklistLogin(HttpClient client, Map<String, String> cookies, String app, String user) throws Exception {
    takeCookies(client.send(HttpRequest.newBuilder(URI.create(app + "/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding()), cookies);
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(
            URI.create(app + "/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", "")).header("Cookie", cookieHeader(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new IllegalStateException("Tasklist's login of " + user + ": HTTP " + login.statusCode() + " " + login.body());
    }
    takeCookies(login, cookies);
    // the login starts a new session, whose CSRF token the next request that changes nothing hands out
    takeCookies(client.send(HttpRequest.newBuilder(URI.create(app + "/api/engine/engine/default/filter/count"))
        .header("Accept", "application/json").header("Cookie", cookieHeader(cookies)).GET().build(),
        HttpResponse.BodyHandlers.discarding()), cookies);
  }

  private static void takeCookies(HttpResponse<?> response, Map<String, String> cookies) {
    for (String set : response.headers().allValues("set-cookie")) {
      String pair = set.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
  }

  private static String cookieHeader(Map<String, String> cookies) {
    StringBuilder c = new StringBuilder();
    cookies.forEach((k, v) -> c.append(c.isEmpty() ? "" : "; ").append(k).append('=').append(v));
    return c.toString();
  }

  private static HttpRequest get(String url, String auth) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("Accept", "application/json")
        .GET().build();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The count, the number of tasks on the page, or each filter's count. */
  private static String summary(String body) {
    if (body.startsWith("{\"count\"")) {
      return body.replaceAll("\\D", "");
    }
    if (body.startsWith("[") && body.contains("\"itemCount\"")) {
      // each filter's name (the first "name" of its object; its variables' names come after) and count
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"name\":\"([^\"]*)\".*?\"itemCount\":(\\d+)")
          .matcher(body);
      List<String> counts = new ArrayList<>();
      while (m.find()) {
        counts.add(m.group(1) + " " + m.group(2));
      }
      return "counts " + String.join(", ", counts);
    }
    int tasks = body.split("\"taskDefinitionKey\"", -1).length - 1;
    return tasks + " on the page";
  }
}
