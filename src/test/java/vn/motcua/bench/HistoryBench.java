package vn.motcua.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import vn.motcua.dossier.DossierService;
import vn.motcua.organisation.OrganisationDirectory;

/**
 * {@code bench history}: N returned dossiers (household business and birth registrations at the
 * communes, received over the three years before now, ids in order of reception, codes as registration
 * makes them) with four control-log rows each (check, appraisal, approval, return), loaded by COPY on
 * PostgreSQL (batch INSERT on H2) into the application's fresh database; then the dossier lookup by code
 * ({@code DossierService.getByCode} and {@code GET /api/dossiers/{code}} as an officer of the unit) and the
 * officers' search ({@code GET /api/dossiers?...}) as the specialist of one commune and as the province's
 * supervisor, each with varying values. Prints p50 / p95 / max.
 */
final class HistoryBench {
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
  private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hà",
      "Ma", "Nông", "Triệu", "Lý", "Giàng"};
  private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Quang", "Thu", "Ngọc", "Hữu", "Thanh", "Xuân"};
  private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa",
      "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Ngân", "Phong", "Phúc", "Quân", "Sơn", "Tâm",
      "Thảo", "Trang", "Trung", "Tuấn", "Vân", "Yến"};

  static void run(Map<String, String> o) throws Exception {
    try (BenchSystem sys = new BenchSystem(o).start()) {
      List<String> lines = measure(sys, o);
      lines.forEach(System.out::println);
      sys.writeDocs("history-" + sys.db, "History scale, " + sys.db + " (`bench history`)",
          BenchSystem.command("history", o), lines);
    }
  }

  static List<String> measure(BenchSystem sys, Map<String, String> o) throws Exception {
    int n = Integer.parseInt(o.getOrDefault("dossiers", "1000000"));
    int logs = Integer.parseInt(o.getOrDefault("control-log", "4"));
    int runs = Integer.parseInt(o.getOrDefault("runs", "200"));
    sys.databaseLabel = sys.databaseName();
    List<String> lines = new ArrayList<>();
    long first;
    if (sys.reuse()) {
      first = sys.jdbc().queryForObject("SELECT MIN(id) FROM dossier WHERE status = 10", Long.class);
      n = sys.jdbc().queryForObject("SELECT COUNT(*) FROM dossier WHERE status = 10", Integer.class);
      long m = sys.jdbc().queryForObject("SELECT COUNT(*) FROM dossier_control_log", Long.class);
      lines.add("data: " + n + " returned dossiers, " + m + " control-log rows, reused from a previous run");
    } else {
      first = sys.jdbc().queryForObject("SELECT COALESCE(MAX(id), 0) FROM dossier", Long.class) + 1;
      long firstLog = sys.jdbc().queryForObject("SELECT COALESCE(MAX(id), 0) FROM dossier_control_log", Long.class) + 1;
      long t0 = System.nanoTime();
      generate(sys, first, n, firstLog, logs);
      long loadSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
      lines.add(String.format(Locale.ROOT, "data: %d returned dossiers, %d control-log rows, by %s with the indexes in"
          + " place, then ANALYZE: %d s", n, (long) n * logs, sys.db.equals("postgres") ? "COPY" : "batch INSERT",
          loadSeconds));
    }
    final int count = n;

    Random rnd = new Random(8);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String base = "http://localhost:" + sys.port() + "/api/dossiers";
    DossierService dossiers = sys.bean(DossierService.class);
    OrganisationDirectory directory = sys.bean(OrganisationDirectory.class);
    String unit = sys.units.get(0);
    String specialist = basic(BenchSystem.officer(unit, "specialist"));
    String supervisor = basic("gs.ha");
    long last = first + n - 1;
    IntFunction<Map<String, Object>> sample = i -> sys.jdbc().queryForMap("SELECT code, receiving_unit,"
        + " applicant_id_number, applicant_name, received_at FROM dossier WHERE id = ?", first + (long) rnd.nextInt(count));
    // rows of the specialist's own unit, for searches within the unit
    List<Map<String, Object>> own = sys.jdbc().queryForList("SELECT code, applicant_id_number, applicant_name,"
        + " received_at FROM dossier WHERE receiving_unit = ? AND id BETWEEN ? AND ? ORDER BY id"
        + " FETCH FIRST 500 ROWS ONLY", unit, first, last);
    String identifier = directory.get(unit).identifier();

    Map<String, Runnable> figures = new LinkedHashMap<>();
    Map<String, Object> results = new LinkedHashMap<>();
    figures.put("lookup by code, DossierService.getByCode", () -> {
      String code = (String) sample.apply(0).get("code");
      results.put("lookup by code, DossierService.getByCode", dossiers.getByCode(code).status().code());
    });
    figures.put("GET /api/dossiers/{code} (view with log), officer of the unit", () -> {
      Map<String, Object> d = sample.apply(0);
      String who = basic(BenchSystem.officer((String) d.get("receiving_unit"), "reception"));
      results.put("GET /api/dossiers/{code} (view with log), officer of the unit",
          call(http, base + "/" + d.get("code"), who).length() + " bytes");
    });
    figures.put("search, my units, newest first (commune specialist)", () ->
        results.put("search, my units, newest first (commune specialist)", rows(call(http, base + "?size=20", specialist))));
    figures.put("search, code prefix of a month (commune specialist)", () -> {
      Map<String, Object> d = own.get(rnd.nextInt(own.size()));
      String prefix = ((String) d.get("code")).substring(0, identifier.length() + 5);
      results.put("search, code prefix of a month (commune specialist)",
          rows(call(http, base + "?code=" + enc(prefix), specialist)));
    });
    figures.put("search, applicant ID (commune specialist)", () -> {
      Map<String, Object> d = own.get(rnd.nextInt(own.size()));
      results.put("search, applicant ID (commune specialist)",
          rows(call(http, base + "?applicant=" + d.get("applicant_id_number"), specialist)));
    });
    figures.put("search, applicant full name (commune specialist)", () -> {
      Map<String, Object> d = own.get(rnd.nextInt(own.size()));
      results.put("search, applicant full name (commune specialist)",
          rows(call(http, base + "?applicant=" + enc((String) d.get("applicant_name")), specialist)));
    });
    figures.put("search, returned, one month (commune specialist)", () -> {
      LocalDate from = LocalDate.now(BenchSystem.ZONE).minusDays(30 + rnd.nextInt(900));
      results.put("search, returned, one month (commune specialist)",
          rows(call(http, base + "?status=10&from=" + from + "&to=" + from.plusMonths(1), specialist)));
    });
    figures.put("search, applicant ID (provincial supervisor)", () -> {
      String id = (String) sample.apply(0).get("applicant_id_number");
      results.put("search, applicant ID (provincial supervisor)", rows(call(http, base + "?applicant=" + id, supervisor)));
    });
    figures.put("search, code prefix of a unit and day (provincial supervisor)", () -> {
      String code = (String) sample.apply(0).get("code");
      results.put("search, code prefix of a unit and day (provincial supervisor)",
          rows(call(http, base + "?code=" + enc(code.substring(0, code.lastIndexOf('-') + 1)), supervisor)));
    });
    figures.put("search, one unit, one day (provincial supervisor)", () -> {
      Map<String, Object> d = sample.apply(0);
      LocalDate day = toInstant(d.get("received_at")).atZone(BenchSystem.ZONE).toLocalDate();
      results.put("search, one unit, one day (provincial supervisor)", rows(call(http, base + "?unit="
          + d.get("receiving_unit") + "&from=" + day + "&to=" + day, supervisor)));
    });
    figures.put("search, whole province, one day (provincial supervisor)", () -> {
      LocalDate day = LocalDate.now(BenchSystem.ZONE).minusDays(1 + rnd.nextInt(1000));
      results.put("search, whole province, one day (provincial supervisor)",
          rows(call(http, base + "?from=" + day + "&to=" + day, supervisor)));
    });
    // the same searches through DossierService, without HTTP and authentication: what the SQL costs
    java.util.Set<String> mine = java.util.Set.of(unit);
    figures.put("service: search, my units, newest first", () -> results.put("service: search, my units, newest first",
        dossiers.search(vn.motcua.dossier.DossierSearch.of(null, null, null, null, null, null, 0, 20), mine).items().size()));
    figures.put("service: search, returned, one month, my units", () -> {
      LocalDate from = LocalDate.now(BenchSystem.ZONE).minusDays(30 + rnd.nextInt(900));
      results.put("service: search, returned, one month, my units", dossiers.search(vn.motcua.dossier.DossierSearch.of(
          null, null, 10, null, from, from.plusMonths(1), 0, 20), mine).items().size());
    });
    figures.put("service: search, applicant ID, whole province", () -> {
      String id = (String) sample.apply(0).get("applicant_id_number");
      results.put("service: search, applicant ID, whole province", dossiers.search(vn.motcua.dossier.DossierSearch.of(
          null, id, null, null, null, null, 0, 20), null).items().size());
    });
    figures.put("service: search, whole province, one day", () -> {
      LocalDate day = LocalDate.now(BenchSystem.ZONE).minusDays(1 + rnd.nextInt(1000));
      results.put("service: search, whole province, one day", dossiers.search(vn.motcua.dossier.DossierSearch.of(
          null, null, null, null, day, day, 0, 20), null).items().size());
    });
    Map<String, List<Double>> times = new LinkedHashMap<>();
    lines.add(BenchSystem.load());
    for (int r = -5; r < runs; r++) {
      for (var f : figures.entrySet()) {
        long t = System.nanoTime();
        f.getValue().run();
        double ms = (System.nanoTime() - t) / 1e6;
        if (r >= 0) {
          times.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(ms);
        }
      }
    }
    times.forEach((k, v) -> lines.add(BenchSystem.percentiles(k, v, results.get(k))));
    lines.add("(each search and lookup above includes the sampling query of its values, a primary-key read)");
    lines.add(BenchSystem.load());
    return lines;
  }

  private static Instant toInstant(Object v) {
    if (v instanceof java.time.OffsetDateTime t) {
      return t.toInstant();
    }
    if (v instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    return Instant.parse(v.toString());
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String call(HttpClient http, String url, String auth) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
          .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(url + ": HTTP " + r.statusCode() + " " + r.body());
      }
      return r.body();
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String rows(String body) {
    int n = body.split("\"code\"", -1).length - 1;
    return n + " rows" + (body.contains("\"hasMore\":true") ? ", more" : "");
  }

  /** Returned dossiers and their control log, consistent by construction. */
  static void generate(BenchSystem sys, long first, int n, long firstLog, int logs) throws Exception {
    OrganisationDirectory directory = sys.bean(OrganisationDirectory.class);
    List<String> units = sys.units;
    String[] identifiers = units.stream().map(u -> directory.get(u).identifier()).toArray(String[]::new);
    int[] seq = new int[units.size()];
    String[] seqDay = new String[units.size()];
    Random rnd = new Random(8);
    Instant now = Instant.now();
    Instant start = now.minus(Duration.ofDays(3 * 365));
    long span = Duration.between(start, now.minus(Duration.ofDays(10))).getSeconds();
    boolean pg = sys.db.equals("postgres");
    DataSource ds = sys.bean(DataSource.class);
    int batch = 10_000;
    long logId = firstLog;
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(!pg ? false : true);
      if (pg) {
        try (Statement st = c.createStatement()) {
          st.execute("SET session_replication_role = replica");
        }
      }
      CopyManager copy = pg ? c.unwrap(PGConnection.class).getCopyAPI() : null;
      PreparedStatement insD = pg ? null : c.prepareStatement("INSERT INTO dossier (id, code, procedure_key,"
          + " procedure_code, procedure_name, receiving_unit, competent_unit, channel, applicant_name, applicant_id_number,"
          + " applicant_phone, applicant_address, status, stage, current_unit, statutory_days, received_at, counting_from,"
          + " appointment_at, decision, resolved_at, returned_at, delivery_method, outcome, created_by, created_at,"
          + " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
      PreparedStatement insL = pg ? null : c.prepareStatement("INSERT INTO dossier_control_log (id, dossier_id,"
          + " step_key, step_name, from_unit, to_unit, to_officer, handed_at, stage_due_at, done_at, done_by,"
          + " result_class) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
      String[][] steps = {{"Task_CheckDossier", "Kiểm tra hồ sơ", "mc"}, {"Task_Appraise", "Thẩm định hồ sơ", "cv"},
          {"Task_Approve", "Phê duyệt kết quả", "ld"}, {"Task_ReturnResult", "Trả kết quả", "mc"}};
      for (long from = first; from < first + n; from += batch) {
        StringBuilder d = new StringBuilder();
        StringBuilder l = new StringBuilder();
        long to = Math.min(first + n, from + batch);
        for (long id = from; id < to; id++) {
          int u = rnd.nextInt(units.size());
          String unit = units.get(u);
          boolean household = rnd.nextInt(3) == 0;
          Instant received = start.plusSeconds((long) ((id - first + rnd.nextDouble()) * span / n));
          String day = DAY.format(received.atZone(BenchSystem.ZONE));
          if (!day.equals(seqDay[u])) {
            seqDay[u] = day;
            seq[u] = 0;
          }
          String code = identifiers[u] + "-" + day + "-" + String.format(Locale.ROOT, "%04d", ++seq[u]);
          int days = household ? 3 : 1;
          Instant appointment = received.plusSeconds(days * 86400L + 3600);
          Instant resolved = received.plusSeconds((long) (days * 86400L * (0.3 + rnd.nextDouble() * 0.8)));
          Instant returned = resolved.plusSeconds(7200 + rnd.nextInt(86400));
          String outcome = resolved.isAfter(appointment) ? "LATE" : "ON_TIME";
          String name = FAMILY[rnd.nextInt(FAMILY.length)] + " " + MIDDLE[rnd.nextInt(MIDDLE.length)] + " "
              + GIVEN[rnd.nextInt(GIVEN.length)];
          String idNumber = String.format(Locale.ROOT, "0%02d%09d", rnd.nextInt(96), rnd.nextInt(1_000_000_000));
          String procKey = household ? "Procedure_HouseholdBusinessRegistration" : "Procedure_BirthRegistration";
          String procCode = household ? "1.001612" : "1.001193";
          String procName = household ? "Đăng ký thành lập hộ kinh doanh" : "Đăng ký khai sinh";
          String reception = BenchSystem.officer(unit, "reception");
          Object[] row = {id, code, procKey, procCode, procName, unit, unit, rnd.nextInt(5) < 2 ? "ONLINE" : "DIRECT",
              name, idNumber, "0912345678", "Tổ 1, tỉnh Tuyên Quang", 10, "Đã trả kết quả", unit, days, received,
              received, appointment, "APPROVE", resolved, returned, "COUNTER", outcome, reception, received, returned};
          if (pg) {
            for (int k = 0; k < row.length; k++) {
              d.append(k == 0 ? "" : "\t").append(row[k] instanceof Instant t ? ts(t) : row[k]);
            }
            d.append('\n');
          } else {
            for (int k = 0; k < row.length; k++) {
              insD.setObject(k + 1, row[k] instanceof Instant t ? t.atOffset(ZoneOffset.ofHours(7)) : row[k]);
            }
            insD.addBatch();
          }
          long stepSeconds = Duration.between(received, returned).getSeconds() / Math.max(1, logs);
          for (int j = 0; j < logs; j++) {
            String[] s = steps[j % steps.length];
            Instant handed = received.plusSeconds(stepSeconds * j);
            Object[] log = {logId++, id, s[0], s[1], unit, unit, unit.substring(3) + "." + s[2], handed,
                handed.plusSeconds(stepSeconds + 600), handed.plusSeconds(stepSeconds - 60),
                unit.substring(3) + "." + s[2], "ON_TIME"};
            if (pg) {
              for (int k = 0; k < log.length; k++) {
                l.append(k == 0 ? "" : "\t").append(log[k] instanceof Instant t ? ts(t) : log[k]);
              }
              l.append('\n');
            } else {
              for (int k = 0; k < log.length; k++) {
                insL.setObject(k + 1, log[k] instanceof Instant t ? t.atOffset(ZoneOffset.ofHours(7)) : log[k]);
              }
              insL.addBatch();
            }
          }
        }
        if (pg) {
          copy.copyIn("COPY dossier (id, code, procedure_key, procedure_code, procedure_name, receiving_unit,"
              + " competent_unit, channel, applicant_name, applicant_id_number, applicant_phone, applicant_address,"
              + " status, stage, current_unit, statutory_days, received_at, counting_from, appointment_at, decision,"
              + " resolved_at, returned_at, delivery_method, outcome, created_by, created_at, updated_at) FROM STDIN",
              new StringReader(d.toString()));
          copy.copyIn("COPY dossier_control_log (id, dossier_id, step_key, step_name, from_unit, to_unit, to_officer,"
              + " handed_at, stage_due_at, done_at, done_by, result_class) FROM STDIN", new StringReader(l.toString()));
        } else {
          insD.executeBatch();
          insL.executeBatch();
          c.commit();
        }
        if ((to - first) % 100_000 == 0 || to == first + n) {
          System.out.println("  history: " + (to - first) + " dossiers loaded (" + BenchSystem.load() + ")");
        }
      }
      try (Statement st = c.createStatement()) {
        st.execute("ALTER TABLE dossier ALTER COLUMN id RESTART WITH " + (first + n));
        st.execute("ALTER TABLE dossier_control_log ALTER COLUMN id RESTART WITH " + logId);
        if (pg) {
          st.execute("SET session_replication_role = origin");
          st.execute("ANALYZE dossier");
          st.execute("ANALYZE dossier_control_log");
        } else {
          st.execute("ANALYZE");
          c.commit();
        }
      }
    }
  }

  private static String ts(Instant t) {
    return TS.format(t.atOffset(ZoneOffset.ofHours(7)));
  }
}
