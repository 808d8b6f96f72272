package vn.motcua.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.report.ReportPeriod;
import vn.motcua.report.ReportRepository;
import vn.motcua.report.ReportRollup;
import vn.motcua.report.ReportScope;
import vn.motcua.report.ReportService;

/**
 * {@code bench reports}: a fresh PostgreSQL database with the project's tables (Flyway), N generated
 * dossiers and M control-log rows loaded by COPY, then the month and year reports of
 * {@link ReportService} timed as the API runs them (same SQL, same indexes).
 *
 * <p>The data: dossiers received from 1 January 2025 to the bench's "now" (27 November 2026 10:00 by
 * default) at three communes and two provincial agencies, six procedures of 1 to 20 statutory days,
 * 40 % online; 1 % refused at reception, 3 % withdrawn, the rest resolved about 30 % early, 58 % on
 * time and 12 % late (or still open when the decision would fall after "now"), 3 % with an apology
 * letter, half of the returned ones rated. The control-log rows are spread evenly over the dossiers
 * (10 each for the full volume). Deterministic (seed 9).
 */
final class ReportsBench {
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final int BATCH = 10_000;
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");

  record Proc(String key, String code, String name, int days, boolean province, String competent) {}

  static final List<Proc> PROCEDURES = List.of(
      new Proc("Procedure_BirthRegistration", "1.001193", "Đăng ký khai sinh", 1, false, null),
      new Proc("Procedure_HouseholdBusinessRegistration", "1.001612", "Đăng ký thành lập hộ kinh doanh", 3, false, null),
      new Proc("Procedure_NewbornPackage", "1.013124", "Liên thông đăng ký khai sinh, thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi", 5, false, null),
      new Proc("Procedure_ConstructionPermit", "1.009994", "Cấp giấy phép xây dựng nhà ở riêng lẻ", 15, false, null),
      new Proc("Procedure_JudicialRecordCertificate", "2.000488", "Cấp Phiếu lý lịch tư pháp", 10, true, "tq-stp"),
      new Proc("Procedure_FirstLandCertificate", "1.012756", "Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu", 20, true, "tq-vpdkdd"));
  static final List<String> COMMUNES = List.of("tq-minhxuan", "tq-nongtien", "tq-hagiang1");

  private String url;
  private String user;
  private String password;

  void run(Map<String, String> o) throws Exception {
    long dossiers = Long.parseLong(o.getOrDefault("dossiers", "1000000"));
    long controlLog = Long.parseLong(o.getOrDefault("control-log", "10000000"));
    int runs = Integer.parseInt(o.getOrDefault("runs", "5"));
    url = o.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/motcua_bench");
    user = o.getOrDefault("user", "postgres");
    password = o.getOrDefault("password", "");
    String docs = o.getOrDefault("docs", "docs/performance.md");
    Instant now = OffsetDateTime.parse(o.getOrDefault("now", "2026-11-27T10:00:00+07:00")).toInstant();
    boolean reuse = Boolean.parseBoolean(o.getOrDefault("reuse", "false"));

    List<String> lines = new ArrayList<>();
    lines.add("machine load average before timing (1, 5, 15 min): " + loadAverage());
    String loadLine;
    if (!reuse) {
      recreateDatabase();
      Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
      long t0 = System.nanoTime();
      generate(dossiers, controlLog, now, t0);
      long loadSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
      loadLine = "load: " + dossiers + " dossiers, " + controlLog + " control-log rows by COPY, indexes in place, then"
          + " VACUUM ANALYZE: " + loadSeconds + " s";
    } else {
      // the data of a previous run, with the migrations of this version (V5: the roll-up)
      Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
      loadLine = "load: reused the data of a previous run";
    }
    System.out.println(loadLine);

    // a connection pool, as the application has (Hikari, Spring Boot's default)
    com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource();
    ds.setJdbcUrl(url);
    ds.setUsername(user);
    ds.setPassword(password);
    ds.setMaximumPoolSize(4);
    // the postgres profile's connection settings (application-postgres.yml), or --pg-settings
    ds.addDataSourceProperty("options", BareEngine.pgOptions(o));
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    long n = jdbc.queryForObject("SELECT COUNT(*) FROM dossier", Long.class);
    long m = jdbc.queryForObject("SELECT COUNT(*) FROM dossier_control_log", Long.class);
    String pg = jdbc.queryForObject("SHOW server_version", String.class) + " (local, the server's default settings; the"
        + " connection's random_page_cost " + jdbc.queryForObject("SHOW random_page_cost", String.class)
        + ", plan_cache_mode " + jdbc.queryForObject("SHOW plan_cache_mode", String.class) + ")";
    OrganisationDirectory directory = new OrganisationDirectory(new DefaultResourceLoader(), new ObjectMapper(),
        "classpath:organisation/tuyen-quang.json");
    ReportRepository repository = new ReportRepository(jdbc);
    ReportService reports = new ReportService(repository, directory, null, Clock.fixed(now, ZONE));
    // The roll-up as production runs it (ReportRollupJob): batches of motcua.reports.rollup.batch-size under
    // the lock row, each one transaction. --reroll true: forget it first and roll everything up again.
    ReportRollup rollup = new ReportRollup(jdbc, new DataSourceTransactionManager(ds), Clock.fixed(now, ZONE),
        Integer.parseInt(o.getOrDefault("batch-size", "20000")));
    if (Boolean.parseBoolean(o.getOrDefault("reroll", "false"))) {
      long t = System.nanoTime();
      long released = rollup.reset();
      lines.add(String.format(java.util.Locale.ROOT, "roll-up reset (%d dossiers marked live again): %.1f s", released,
          (System.nanoTime() - t) / 1e9));
      System.out.println(lines.get(lines.size() - 1));
      vacuum(jdbc, lines);
    }
    long tRoll = System.nanoTime();
    ReportRollup.Run run = rollup.rollUp();
    lines.add(String.format(java.util.Locale.ROOT, "roll-up of the sealed dossiers: %d dossiers in %d batches, %.1f s",
        run.dossiers(), run.batches(), (System.nanoTime() - tRoll) / 1e9));
    System.out.println(lines.get(lines.size() - 1));
    if (run.dossiers() > 0) {
      vacuum(jdbc, lines);
    }
    ReportRollup.Status state = rollup.status();
    lines.add("roll-up state: " + state.rolledUp() + " dossiers rolled up into " + state.rows() + " rows; "
        + jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE rollup_batch IS NULL", Long.class)
        + " dossiers counted live");
    lines.add("machine load average before timing the reports (1, 5, 15 min): " + loadAverage());
    YearMonth lastMonth = YearMonth.from(now.atZone(ZONE)).minusMonths(1);
    int year = now.atZone(ZONE).getYear();
    ReportPeriod month = ReportPeriod.ofMonth(lastMonth);
    ReportPeriod fullYear = ReportPeriod.ofYear(year - 1);
    ReportPeriod thisYear = ReportPeriod.ofYear(year);
    ReportScope commune = new ReportScope(java.util.Set.of("tq-minhxuan"));

    if (Boolean.parseBoolean(o.getOrDefault("live", "true"))) {
      // before: the same reports computed from the dossiers alone (the query of the previous version)
      lines.add(time("before (live): report, month " + lastMonth + ", whole province", runs, () -> total(
          repository.liveCounts(month, month.asOf(now), ReportScope.ALL))));
      lines.add(time("before (live): report, year " + (year - 1) + ", whole province", runs, () -> total(
          repository.liveCounts(fullYear, fullYear.asOf(now), ReportScope.ALL))));
    }
    lines.add(time("report, month " + lastMonth + ", whole province", runs,
        () -> reports.report(month, ReportScope.ALL).total().counts().get("received")));
    lines.add(time("report, year " + (year - 1) + ", whole province", runs,
        () -> reports.report(fullYear, ReportScope.ALL).total().counts().get("received")));
    lines.add(time("report, year " + year + " (to date), whole province", runs,
        () -> reports.report(thisYear, ReportScope.ALL).total().counts().get("received")));
    lines.add(time("report, month " + lastMonth + ", one commune (tq-minhxuan)", runs,
        () -> reports.report(month, commune).total().counts().get("received")));
    lines.add(time("report, year " + (year - 1) + ", one commune (tq-minhxuan)", runs,
        () -> reports.report(fullYear, commune).total().counts().get("received")));
    lines.add(time("drill-down, month " + lastMonth + ", late dossiers, first 100", runs,
        () -> reports.dossiers(month, ReportScope.ALL, "resolvedLate", null, null, 0, 100).total()));
    lines.add(time("on-time chart, 12 months, whole province", runs,
        () -> (long) reports.trend(lastMonth.minusMonths(10), lastMonth.plusMonths(1), ReportScope.ALL).size()));
    lines.forEach(System.out::println);

    if (!"none".equals(docs)) {
      writeDocs(Path.of(docs), n, m, pg, loadLine, lines, o);
      System.out.println("written: " + docs);
    }
    ds.close();
  }

  private static long total(Map<ReportRepository.GroupKey, ReportRepository.GroupCounts> groups) {
    return groups.values().stream().mapToLong(g -> g.get(vn.motcua.report.ReportColumn.RECEIVED)).sum();
  }

  /** After many updated rows, as autovacuum would do: fresh statistics and visibility map. */
  private static void vacuum(JdbcTemplate jdbc, List<String> lines) {
    long t = System.nanoTime();
    jdbc.execute("VACUUM ANALYZE dossier");
    jdbc.execute("VACUUM ANALYZE report_rollup");
    lines.add(String.format(java.util.Locale.ROOT, "VACUUM ANALYZE dossier, report_rollup: %.1f s",
        (System.nanoTime() - t) / 1e9));
  }

  /** Times a call: one warm-up, then {@code runs} runs; "min / median / max ms" and its result. */
  static String time(String what, int runs, Supplier<Object> call) {
    Object result = call.get();
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      result = call.get();
      ms.add((System.nanoTime() - t) / 1e6);
    }
    Collections.sort(ms);
    return String.format(java.util.Locale.ROOT, "%-62s min %6.0f ms  median %6.0f ms  max %6.0f ms  (result %s)", what,
        ms.get(0), ms.get(ms.size() / 2), ms.get(ms.size() - 1), result);
  }

  /** /proc/loadavg: the machine may be shared (other builds), which the figures must say. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private void recreateDatabase() throws SQLException {
    System.out.println("fresh database: " + BenchSystem.recreatePostgres(url, user, password));
  }


  private static String ts(Instant t) {
    return t == null ? "\\N" : TS.format(t.atOffset(ZoneOffset.ofHours(7)));
  }

  private static String s(Object v) {
    return v == null ? "\\N" : v.toString();
  }

  private void generate(long total, long controlLogTotal, Instant now, long t0) throws SQLException, IOException {
    Random rnd = new Random(9);
    Instant start = LocalDate.of(2025, 1, 1).atStartOfDay(ZONE).toInstant();
    long span = Duration.between(start, now).getSeconds();
    long logId = 1;
    long letterId = 1;
    try (Connection c = DriverManager.getConnection(url, user, password)) {
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        // The data are consistent by construction: skip foreign-key triggers while loading (superuser).
        st.execute("SET session_replication_role = replica");
      }
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      long logsPerDossier = controlLogTotal / Math.max(total, 1);
      long logsExtra = controlLogTotal % Math.max(total, 1);
      for (long first = 1; first <= total; first += BATCH) {
        StringBuilder d = new StringBuilder(BATCH * 400);
        StringBuilder log = new StringBuilder((int) Math.min(Integer.MAX_VALUE / 2, BATCH * (logsPerDossier + 1) * 160));
        StringBuilder letters = new StringBuilder();
        long last = Math.min(total, first + BATCH - 1);
        for (long id = first; id <= last; id++) {
          Proc p = PROCEDURES.get(rnd.nextInt(PROCEDURES.size()));
          String commune = COMMUNES.get(rnd.nextInt(COMMUNES.size()));
          String receiving = p.province() ? "tq-ttpvhcc" : commune;
          String competent = p.province() ? p.competent() : commune;
          double ch = rnd.nextDouble();
          String channel = ch < 0.40 ? "ONLINE" : ch < 0.95 ? "DIRECT" : "POSTAL";
          // ids follow the time of reception, as registration numbers them (rows lie in that order on disk)
          Instant received = start.plusSeconds((long) ((id - 1 + rnd.nextDouble()) * span / total));
          Instant appointment = received.plusSeconds((long) (p.days() * 1.4 * 86400));
          long window = Duration.between(received, appointment).getSeconds();
          double fate = rnd.nextDouble();
          int status;
          Instant resolved = null;
          Instant closed = null;
          Instant returned = null;
          Instant paused = null;
          String cls = null;
          String outcome = null;
          Integer daysLate = null;
          String responsible = null;
          Integer rating = null;
          if (fate < 0.01) {
            status = 3;
            closed = received.plusSeconds(3600);
          } else if (fate < 0.04) {
            status = 7;
            closed = received.plusSeconds((long) (rnd.nextDouble() * window * 0.5));
          } else {
            double q = rnd.nextDouble();
            double f = q < 0.30 ? 0.3 + rnd.nextDouble() * 0.5 : q < 0.88 ? 0.8 + rnd.nextDouble() * 0.2
                : 1.0 + rnd.nextDouble() * 0.6;
            resolved = received.plusSeconds((long) (window * f));
            if (resolved.isAfter(now)) {
              resolved = null;
              status = rnd.nextDouble() < 0.03 ? 6 : 4;
              paused = status == 6 ? now.minusSeconds(86400) : null;
            } else {
              closed = resolved;
              cls = resolved.isAfter(appointment) ? "LATE"
                  : resolved.atZone(ZONE).toLocalDate().isBefore(appointment.atZone(ZONE).toLocalDate()) ? "EARLY"
                  : "ON_TIME";
              returned = resolved.plusSeconds(43200);
              if (returned.isAfter(now)) {
                returned = null;
                status = 9;
              } else {
                status = 10;
                outcome = cls;
                if (rnd.nextBoolean()) {
                  double r = rnd.nextDouble();
                  rating = r < 0.80 ? 3 : r < 0.95 ? 2 : 1;
                }
              }
              if ("LATE".equals(cls)) {
                daysLate = (int) Math.max(1, Duration.between(appointment, resolved).toDays() + 1);
                responsible = rnd.nextDouble() < 0.8 ? competent : receiving;
              }
            }
          }
          int apology = status != 3 && status != 7 && rnd.nextDouble() < 0.03 ? 1 : 0;
          Instant original = null;
          if (apology == 1) {
            original = appointment.minusSeconds(2 * 86400);
            Instant signed = received.plusSeconds((long) (window * 0.6));
            if (signed.isBefore(now)) {
              letters.append(letterId).append('\t').append(id).append('\t').append(competent).append('\t')
                  .append(signed.atZone(ZONE).getYear()).append('\t').append(letterId).append('\t')
                  .append(letterId).append("/PXL-BENCH\t").append(ts(original)).append('\t').append(ts(appointment))
                  .append("\tCần xác minh thêm tại thực địa\tcv.bench\tld.bench\t").append(ts(signed)).append('\n');
              letterId++;
            } else {
              apology = 0;
              original = null;
            }
          }
          boolean open = closed == null;
          d.append(id).append('\t').append("BENCH-").append(id).append('\t').append(p.key()).append('\t')
              .append(p.code()).append('\t').append(p.name()).append('\t').append(receiving).append('\t')
              .append(competent).append('\t').append(channel).append("\tNguyễn Văn Bench\t001203004567\t0912345678\t")
              .append("Tổ 1, tỉnh Tuyên Quang\t").append(status).append('\t')
              .append(open ? "Thẩm định hồ sơ" : "Đã kết thúc").append('\t').append(open ? competent : receiving)
              .append('\t').append(open ? "cv.bench" : "\\N").append('\t').append(p.days()).append('\t')
              .append(ts(received)).append('\t').append(ts(received)).append('\t').append(ts(appointment)).append('\t')
              .append(ts(original)).append('\t').append(ts(paused)).append('\t').append(apology).append('\t')
              .append(resolved == null ? "\\N" : "APPROVED").append('\t').append(ts(resolved)).append('\t')
              .append(ts(closed)).append('\t').append(s(cls)).append('\t').append(ts(returned)).append('\t')
              .append(s(outcome)).append('\t').append(s(daysLate)).append('\t').append(s(responsible)).append('\t')
              .append(s(rating)).append('\t').append("\\N\t").append(ts(received)).append('\t')
              .append(ts(closed == null ? received : closed)).append('\n');
          long rows = logsPerDossier + (id <= logsExtra ? 1 : 0);
          Instant end = closed == null ? now : closed;
          long step = Math.max(60, Duration.between(received, end).getSeconds() / Math.max(rows, 1));
          for (long j = 0; j < rows; j++) {
            Instant handed = received.plusSeconds(step * j);
            boolean lastOpen = open && j == rows - 1;
            String to = j == 0 ? competent : (j % 2 == 0 ? receiving : competent);
            log.append(logId++).append('\t').append(id).append("\tStep_").append(j).append("\tBước xử lý ")
                .append(j + 1).append('\t').append(j == 0 ? receiving : competent).append('\t').append(to)
                .append('\t').append("cv.bench").append('\t').append(ts(handed)).append('\t')
                .append(ts(handed.plusSeconds(step))).append('\t')
                .append(lastOpen ? "\\N" : ts(handed.plusSeconds(step - 30))).append('\t')
                .append(lastOpen ? "\\N" : "ON_TIME").append('\n');
          }
        }
        copy.copyIn("COPY dossier (id, code, procedure_key, procedure_code, procedure_name, receiving_unit,"
            + " competent_unit, channel, applicant_name, applicant_id_number, applicant_phone, applicant_address, status,"
            + " stage, current_unit, current_officer, statutory_days, received_at, counting_from, appointment_at,"
            + " original_appointment_at, paused_at, apology_count, decision, resolved_at, closed_at, resolution_class,"
            + " returned_at, outcome, working_days_late, responsible_unit, rating, process_instance_id, created_at,"
            + " updated_at) FROM STDIN", new StringReader(d.toString()));
        if (log.length() > 0) {
          copy.copyIn("COPY dossier_control_log (id, dossier_id, step_key, step_name, from_unit, to_unit, to_officer,"
              + " handed_at, stage_due_at, done_at, result_class) FROM STDIN", new StringReader(log.toString()));
        }
        if (letters.length() > 0) {
          copy.copyIn("COPY apology_letter (id, dossier_id, agency, letter_year, letter_seq, number,"
              + " original_appointment_at, new_appointment_at, reason, drafted_by, signed_by, signed_at) FROM STDIN",
              new StringReader(letters.toString()));
        }
        if (last % 100_000 == 0 || last == total) {
          System.out.println("  generated " + last + " dossiers, " + (logId - 1) + " control-log rows in "
              + (System.nanoTime() - t0) / 1_000_000_000L + " s");
        }
      }
      try (Statement st = c.createStatement()) {
        st.execute("SET session_replication_role = origin");
        st.execute("SELECT setval(pg_get_serial_sequence('dossier', 'id'), " + Math.max(total, 1) + ")");
        st.execute("SELECT setval(pg_get_serial_sequence('dossier_control_log', 'id'), " + Math.max(logId - 1, 1) + ")");
        st.execute("SELECT setval(pg_get_serial_sequence('apology_letter', 'id'), " + Math.max(letterId - 1, 1) + ")");
        st.execute("VACUUM ANALYZE dossier");
        st.execute("VACUUM ANALYZE dossier_control_log");
        st.execute("VACUUM ANALYZE apology_letter");
      }
    }
  }

  private void writeDocs(Path file, long n, long m, String pg, String loadLine, List<String> lines,
      Map<String, String> options) throws IOException {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
    } catch (IOException e) {
      // not Linux
    }
    String mem = "";
    try {
      mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .findFirst().map(l -> ", " + (Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024) + " GiB memory")
          .orElse("");
    } catch (IOException e) {
      // not Linux
    }
    StringBuilder args = new StringBuilder("reports");
    options.forEach((k, v) -> args.append(" --").append(k).append(' ').append(v));
    StringBuilder section = new StringBuilder();
    section.append("<!-- bench:reports:start -->\n## Reports (`bench reports`)\n\n")
        .append("- command: `./mvnw -B -Pbench verify -Dbench.args=\"").append(args).append("\"`\n")
        .append("- date: ").append(OffsetDateTime.now(ZONE).withNano(0)).append('\n')
        .append("- machine: ").append(cpu).append(", ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores").append(mem).append('\n')
        .append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append('\n')
        .append("- database: PostgreSQL ").append(pg).append("\n")
        .append("- data: ").append(n).append(" dossiers, ").append(m).append(" control-log rows\n")
        .append("- ").append(loadLine).append("\n\n```\n");
    lines.stream().filter(BenchSystem::forDocs).forEach(l -> section.append(l).append('\n'));
    section.append("```\n<!-- bench:reports:end -->\n");
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
        : "# Performance\n\nFigures measured with the benchmark entry point (`vn.motcua.bench.Bench`, Maven profile"
            + " `bench`). Each command rewrites its own section.\n\n";
    int a = text.indexOf("<!-- bench:reports:start -->");
    int b = text.indexOf("<!-- bench:reports:end -->");
    text = a >= 0 && b > a ? text.substring(0, a) + section + text.substring(b + "<!-- bench:reports:end -->\n".length())
        : text + section;
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
