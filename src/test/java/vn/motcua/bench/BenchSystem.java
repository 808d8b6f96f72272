package vn.motcua.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.MotCuaApplication;

/**
 * The system under benchmark: the Spring Boot application started in-process on a fresh database (H2 in
 * memory or a PostgreSQL database dropped and created anew), with the production settings (job executor
 * on, authorization on, history full) and the demo profile for officers' accounts. The organisation is
 * the province's file plus generated communes up to {@code --units} (200), each with a reception officer,
 * a specialist and a leader ({@code <unit>.mc}, {@code .cv}, {@code .ld}, password {@code demo}).
 *
 * <p>Options shared by the commands: {@code --db postgres|h2} (postgres), {@code --url} (for postgres:
 * jdbc:postgresql://127.0.0.1:5432/motcua_bench8; for h2 an in-memory database of the run, or a file,
 * {@code jdbc:h2:file:/path/name}, emptied unless {@code --reuse true}), {@code --user postgres}, {@code --password ''},
 * {@code --units 200}, {@code --prop key=value,key=value} (extra Spring properties, for tuning runs),
 * {@code --docs docs/performance.md} ({@code none}: do not write).
 */
final class BenchSystem implements AutoCloseable {
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final AtomicInteger H2_RUNS = new AtomicInteger();

  final Map<String, String> options;
  final String db;
  final String url;
  final String user;
  final String password;
  final List<String> units = new ArrayList<>();
  ConfigurableApplicationContext context;
  long startupMillis;

  BenchSystem(Map<String, String> options) {
    this.options = options;
    this.db = options.getOrDefault("db", "postgres");
    if (!db.equals("postgres") && !db.equals("h2")) {
      throw new IllegalArgumentException("--db postgres|h2");
    }
    this.url = db.equals("h2")
        ? options.getOrDefault("url", "jdbc:h2:mem:bench8-" + ProcessHandle.current().pid() + "-" + H2_RUNS.incrementAndGet()
            + ";DB_CLOSE_DELAY=-1")
        : options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/motcua_bench8");
    if (!url.startsWith(db.equals("h2") ? "jdbc:h2:" : "jdbc:postgresql:")) {
      throw new IllegalArgumentException("--url " + url + " is not a URL of --db " + db);
    }
    if (db.equals("h2") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:file:")) {
      throw new IllegalArgumentException("--url " + url + ": for H2 give jdbc:h2:file:<path> (or leave --url out, in memory)");
    }
    this.user = db.equals("h2") ? "sa" : options.getOrDefault("user", "postgres");
    this.password = db.equals("h2") ? "" : options.getOrDefault("password", "");
  }

  /** Starts the application on a fresh database; the start-up time is kept in {@link #startupMillis}. */
  BenchSystem start() throws Exception {
    if (db.equals("postgres") && !reuse()) {
      recreatePostgres();
    }
    if (h2File() != null && !reuse()) {
      // a fresh H2 database in a file: the files of a previous run go, and only under target/ (never, say, the
      // application's own database in data/)
      Path file = Path.of(h2File()).toAbsolutePath().normalize();
      if (h2File().startsWith("~") || !file.startsWith(Path.of("target").toAbsolutePath().normalize())) {
        throw new IllegalArgumentException("--url " + url + ": a fresh H2 database in a file must be under target/ (it is"
            + " emptied); --reuse true reads one anywhere");
      }
      Files.deleteIfExists(Path.of(file + ".mv.db"));
      Files.deleteIfExists(Path.of(file + ".trace.db"));
    }
    // one directory per run: several benches (and the suite's smoke run) may run at the same time
    Path dir = Files.createDirectories(Path.of("target", "bench8",
        ProcessHandle.current().pid() + "-" + H2_RUNS.incrementAndGet()));
    int unitCount = Integer.parseInt(options.getOrDefault("units", "200"));
    Path org = dir.resolve("organisation.json");
    Path users = dir.resolve("users.json");
    writeOrganisation(unitCount, org, users);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("spring.profiles.active", "demo");
    props.put("spring.datasource.url", url);
    props.put("spring.datasource.username", user);
    props.put("spring.datasource.password", password);
    if (db.equals("postgres")) {
      // as the application's postgres profile (application-postgres.yml): the engine's batched inserts as
      // multi-row statements, and the planner's random page cost (a connection string that sets either wins)
      props.put("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true");
      props.put("spring.datasource.hikari.data-source-properties.options", BareEngine.pgOptions(options));
    }
    props.put("server.port", "0");
    props.put("motcua.data-dir", dir.resolve("data").toAbsolutePath().toString());
    props.put("motcua.organisation.file", org.toUri().toString());
    props.put("motcua.demo.users-file", users.toUri().toString());
    // the figures are measured without the demo profile's stub portal (docs/portal.md measures the sync)
    props.put("motcua.portal.enabled", "false");
    props.put("motcua.portal.demo-stub.enabled", "false");
    props.put("logging.level.root", "WARN");
    props.put("logging.level.vn.motcua", "WARN");
    props.put("spring.main.banner-mode", "off");
    String extra = options.getOrDefault("prop", "");
    for (String kv : extra.split(",")) {
      if (!kv.isBlank()) {
        int eq = kv.indexOf('=');
        props.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
      }
    }
    long t0 = System.nanoTime();
    // as command-line arguments: they take precedence over application.yml
    String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    context = new SpringApplicationBuilder(MotCuaApplication.class).run(args);
    startupMillis = (System.nanoTime() - t0) / 1_000_000;
    return this;
  }

  /**
   * The path (without {@code .mv.db}) of an H2 database in a file ({@code --db h2 --url jdbc:h2:file:/path/name}, as
   * the application's own default database is), or null.
   */
  String h2File() {
    if (!url.startsWith("jdbc:h2:file:")) {
      return null;
    }
    String path = url.substring("jdbc:h2:file:".length());
    int semicolon = path.indexOf(';');
    return semicolon < 0 ? path : path.substring(0, semicolon);
  }

  /**
   * {@code --reuse true}: keep the database of a previous run (and its data): a PostgreSQL database, or an H2 database
   * in a file.
   */
  boolean reuse() {
    return Boolean.parseBoolean(options.getOrDefault("reuse", "false"));
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  JdbcTemplate jdbc() {
    return bean(JdbcTemplate.class);
  }

  int port() {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  String databaseName() {
    if (db.equals("h2")) {
      return "H2 " + org.h2.engine.Constants.VERSION + (h2File() != null ? " (in a file, as the application's default)"
          : " (in memory)");
    }
    return "PostgreSQL " + jdbc().queryForObject("SHOW server_version", String.class) + " (local, the server's default"
        + " settings; the connection's random_page_cost " + jdbc().queryForObject("SHOW random_page_cost", String.class)
        + ", plan_cache_mode " + jdbc().queryForObject("SHOW plan_cache_mode", String.class)
        + (standInForAutovacuum() ? "; autovacuum is off on this server, the bench runs ANALYZE as it would)" : ")");
  }

  private Boolean autovacuumOff;

  /**
   * True on a PostgreSQL server whose autovacuum is off (a CI server's setting): the engine's tables grow from
   * empty during a bench, and without fresh statistics the planner keeps the plans of empty tables (a
   * dossier's tree lookup scanned every root execution: registration fell from 51 to 14 dossiers/s by 5,000).
   * The bench then analyzes as autovacuum would ({@link #analyzeAsAutovacuumWould}).
   */
  synchronized boolean standInForAutovacuum() {
    if (autovacuumOff == null) {
      autovacuumOff = db.equals("postgres") && "off".equals(jdbc().queryForObject("SHOW autovacuum", String.class));
    }
    return autovacuumOff;
  }

  /** ANALYZE of the whole database when autovacuum is off (autovacuum analyzes a table after 10 % of it changed). */
  void analyzeAsAutovacuumWould() {
    if (standInForAutovacuum()) {
      jdbc().execute("ANALYZE");
    }
  }

  @Override
  public void close() {
    if (context != null) {
      context.close();
      context = null;
    }
  }

  private void recreatePostgres() throws SQLException {
    recreatePostgres(url, user, password);
  }

  /**
   * Drops and creates anew the PostgreSQL database of a JDBC URL (its name must be {@code [a-z0-9_]+});
   * returns the name. The benches' databases only: every figure starts from an empty database.
   */
  static String recreatePostgres(String url, String user, String password) throws SQLException {
    int slash = url.lastIndexOf('/');
    String name = url.substring(slash + 1).replaceAll("\\?.*", "");
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("database name must be [a-z0-9_]+: " + name);
    }
    try (Connection c = DriverManager.getConnection(url.substring(0, slash + 1) + "postgres", user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
    }
    return name;
  }


  /**
   * The province's organisation file plus generated communes ({@code tq-bc001}, ...) up to {@code count}
   * units, and the demo users plus three officers per generated commune.
   */
  private void writeOrganisation(int count, Path org, Path usersFile) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root;
    ObjectNode usersRoot;
    try (var in = getClass().getResourceAsStream("/organisation/tuyen-quang.json");
        var uin = getClass().getResourceAsStream("/demo/users.json")) {
      root = (ObjectNode) mapper.readTree(in);
      usersRoot = (ObjectNode) mapper.readTree(uin);
    }
    ArrayNode agencies = (ArrayNode) root.get("agencies");
    ArrayNode users = (ArrayNode) usersRoot.get("users");
    units.clear();
    agencies.forEach(a -> {
      if ("COMMUNE".equals(a.get("level").asText())) {
        units.add(a.get("key").asText());
      }
    });
    for (int i = 1; agencies.size() < count; i++) {
      String key = String.format(Locale.ROOT, "tq-bc%03d", i);
      ObjectNode a = agencies.addObject();
      a.put("key", key);
      a.put("identifier", String.format(Locale.ROOT, "000.%02d.%02d.H60", 10 + i / 90, 10 + i % 90));
      a.put("name", "Ủy ban nhân dân xã Bench " + i);
      a.put("shortName", "UBND xã Bench " + i);
      a.put("level", "COMMUNE");
      a.put("type", "COMMUNE_COMMITTEE");
      a.putNull("parent");
      ArrayNode roles = a.putArray("roles");
      // the roles of the province's own communes: the head and deputies sign the apology letters of late dossiers
      roles.add("reception").add("specialist").add("leader").add("head").add("deputyhead").add("supervisor");
      units.add(key);
    }
    // every commune (demo ones included) gets its own bench officers, so any unit can be worked
    for (String key : units) {
      String prefix = key.substring(3);
      for (String[] r : new String[][] {{"mc", "reception"}, {"cv", "specialist"}, {"ld", "leader"}}) {
        ObjectNode u = users.addObject();
        u.put("id", prefix + "." + r[0]);
        u.put("firstName", r[1]);
        u.put("lastName", "Bench");
        u.put("email", prefix + "." + r[0] + "@bench.invalid");
        u.putArray("groups").add(key + "." + r[1]);
      }
    }
    Files.writeString(org, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
    Files.writeString(usersFile, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(usersRoot),
        StandardCharsets.UTF_8);
  }

  /** The officer of the unit with the role: {@code reception}, {@code specialist} or {@code leader}. */
  static String officer(String unit, String role) {
    return unit.substring(3) + "." + switch (role) {
      case "reception" -> "mc";
      case "specialist" -> "cv";
      case "leader" -> "ld";
      default -> throw new IllegalArgumentException(role);
    };
  }

  // ---------- figures ----------

  /** "p50 / p95 / max" of the samples in milliseconds. */
  static String percentiles(String what, List<Double> ms, Object result) {
    List<Double> s = new ArrayList<>(ms);
    Collections.sort(s);
    return String.format(Locale.ROOT, "%-58s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (n %d, result %s)", what,
        s.get((int) Math.floor(0.50 * (s.size() - 1))), s.get((int) Math.ceil(0.95 * (s.size() - 1))),
        s.get(s.size() - 1), s.size(), result);
  }

  static double p95(List<Double> ms) {
    List<Double> s = new ArrayList<>(ms);
    Collections.sort(s);
    return s.get((int) Math.ceil(0.95 * (s.size() - 1)));
  }

  static String load() {
    return "machine load average (1, 5, 15 min): " + ReportsBench.loadAverage();
  }

  /**
   * CPU time used so far, in seconds: this JVM's, and the local PostgreSQL server's processes' (Linux: the
   * {@code postgres} processes' user and system time in {@code /proc}, with that of the backends which ended; -1 when
   * not readable). Two readings around a measurement tell where a saturated machine's cores went, which varies less
   * than the wall time on a shared host.
   */
  static double[] cpuSeconds() {
    double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
    long ticks = 0;
    boolean any = false;
    for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
      if (!p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)) {
        continue;
      }
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime, stime (fields 14 and 15), and cutime, cstime (16 and 17): the postmaster's count the backends that
        // ended (a pool closing connections would otherwise take their CPU out of the sum)
        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        any = true;
      } catch (IOException | RuntimeException e) {
        // the process ended, or /proc is not there
      }
    }
    return new double[] {jvm, any ? ticks / 100.0 : -1};
  }

  static String heap() {
    var mem = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return String.format(Locale.ROOT, "%d MiB used of %d MiB max", mem.getUsed() >> 20, mem.getMax() >> 20);
  }

  /**
   * Rewrites the section {@code <!-- bench:NAME:start -->…<!-- bench:NAME:end -->} of the docs file with
   * the command, date, machine, JVM, database and the figures.
   */
  void writeDocs(String name, String title, String command, List<String> lines) throws IOException {
    String docs = options.getOrDefault("docs", "docs/performance.md");
    if ("none".equals(docs)) {
      return;
    }
    String cpu = "unknown CPU";
    String mem = "";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
      mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .findFirst().map(l -> ", " + (Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024) + " GiB memory")
          .orElse("");
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    String start = "<!-- bench:" + name + ":start -->";
    String end = "<!-- bench:" + name + ":end -->";
    StringBuilder section = new StringBuilder();
    section.append(start).append("\n## ").append(title).append("\n\n")
        .append("- command: `./mvnw -B -Pbench verify -Dbench.args=\"").append(command).append("\"`\n")
        .append("- date: ").append(OffsetDateTime.now(ZONE).withNano(0)).append('\n')
        .append("- machine: ").append(cpu).append(", ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores").append(mem).append('\n')
        .append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(", max heap ")
        .append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB\n")
        .append("- database: ").append(databaseLabel).append("\n\n```\n");
    lines.stream().filter(BenchSystem::forDocs).forEach(l -> section.append(l).append('\n'));
    section.append("```\n").append(end).append('\n');
    Path file = Path.of(docs);
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Performance\n\n";
    int a = text.indexOf(start);
    int b = text.indexOf(end);
    text = a >= 0 && b > a ? text.substring(0, a) + section + text.substring(b + end.length() + 1) : text + "\n" + section;
    Files.writeString(file, text, StandardCharsets.UTF_8);
    System.out.println("written: " + docs + " (" + name + ")");
  }

  /**
   * Whether a line of figures goes into docs/performance.md: all but the machine's load average, which is
   * printed on standard output only (the page is a reference, not a log of the day).
   */
  static boolean forDocs(String line) {
    return !line.startsWith("machine load average");
  }

  /** Set once the context runs (the database's version needs a connection). */
  String databaseLabel = "";

  /** The command line that reproduces a run, for the docs. */
  static String command(String name, Map<String, String> options) {
    StringBuilder args = new StringBuilder(name);
    options.forEach((k, v) -> args.append(" --").append(k).append(' ').append(v));
    return args.toString();
  }
}
