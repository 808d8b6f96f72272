package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.web.RawHttp.Answer;

/**
 * The permanent fuzz suite of issue 19: property-based (jqwik, seeded) hostile and clumsy requests over
 * every endpoint of the public and the officers' API — bodies, content types, Accept headers, paths,
 * multipart parts; Unicode NFC/NFD, combining marks, bidi controls, lone surrogates, zero-width characters,
 * bytes that are not UTF-8; numbers negative, fractional and huge; impossible dates; oversized files and
 * fake magic bytes. Every generated request carries at least one fault, so for every answer: no 5xx; an
 * error is the project's JSON error with a Vietnamese message whatever the Accept header asked for; and
 * nothing is stored (row counts of the dossier tables and the engine's process instances before and after).
 *
 * <p>Runs on the JUnit platform's jqwik engine beside Jupiter, in the suite's one cached Spring context
 * (real embedded server, H2 or PostgreSQL with -Ppostgres); requests go over a plain socket so that paths
 * arrive unnormalised. The seed is fixed ({@link #SEED}) so that CI runs the same requests; jqwik prints it
 * with a failing sample, and the summary line prints the requests tried and the 5xx count.
 */
@MotCuaSpringTest
class ApiFuzzTest {
  static final String SEED = "20261203019";
  /** The phone number of the fixture's dossiers: the right second factor. */
  static final String PHONE = "0987555666";
  static final int TRIES = 1100;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger TRIED = new AtomicInteger();
  private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
  private static final AtomicInteger STORED = new AtomicInteger();
  private static final Map<Integer, AtomicInteger> BY_STATUS = new java.util.TreeMap<>();
  private static Fixture fixture;

  static final String PDF_TEXT = "%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n";
  static final byte[] PDF = PDF_TEXT.getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
      0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0};

  /** The application (the suite's cached context), its port, and dossiers to aim at, made once. */
  record Fixture(RawHttp http, StoredCounts stored, String newCode, String awaitingCode, String phone) {}

  private static TestContextManager spring;
  private static ApiFuzzTest instance;
  private static java.lang.reflect.Method property;

  /**
   * The suite's cached context, with Spring's test lifecycle run as for a Jupiter test (the process test
   * coverage listener records the fixture's process instances under this class).
   */
  static synchronized Fixture fixture() throws Exception {
    if (fixture == null) {
      spring = new TestContextManager(ApiFuzzTest.class);
      spring.beforeTestClass();
      instance = new ApiFuzzTest();
      spring.prepareTestInstance(instance);
      property = ApiFuzzTest.class.getDeclaredMethod("no_hostile_request_gets_a_5xx_or_stores_anything", Req.class);
      spring.beforeTestMethod(instance, property);
      ApplicationContext context = spring.getTestContext().getApplicationContext();
      int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
      RawHttp http = new RawHttp(port);
      String phone = PHONE;
      String newCode = submitValid(http, "Hà Thị Mận", phone);
      String awaitingCode = submitValid(http, "Vi Văn Khải", phone);
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      Long id = jdbc.queryForObject("SELECT id FROM dossier WHERE code = ?", Long.class, awaitingCode);
      String taskId = engine.getTaskService().createTaskQuery().processVariableValueEquals("dossierId", id)
          .singleResult().getId();
      Answer incomplete = http.send("POST", "/engine-rest/task/" + taskId + "/complete",
          Map.of("Authorization", RawHttp.basic("mc.hung", "demo"), "Content-Type", "application/json"),
          ("{\"variables\": {\"receptionDecision\": {\"value\": \"INCOMPLETE\"}, \"missingItems\": {\"value\": "
              + "\"Thiếu bản sao hợp đồng thuê địa điểm\"}}}").getBytes(StandardCharsets.UTF_8));
      assertThat(incomplete.status()).as(incomplete.toString()).isEqualTo(204);
      fixture = new Fixture(http, new StoredCounts(jdbc), newCode, awaitingCode, phone);
    }
    return fixture;
  }

  private static String submitValid(RawHttp http, String name, String phone) throws Exception {
    Map<String, Object> d = baseDossier();
    ((Map<String, Object>) d.get("applicant")).put("name", name);
    ((Map<String, Object>) d.get("applicant")).put("phone", phone);
    byte[] body = multipart("FuzzB0undary", "\r\n",
        List.of(part("dossier", null, "application/json", json(d)), part("files", "don.pdf", "application/pdf", PDF)));
    Answer a = http.send("POST", "/api/public/dossiers", Map.of("Content-Type",
        "multipart/form-data; boundary=FuzzB0undary", "X-Forwarded-For", "10.93.255.1"), body);
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    return (String) JSON.readValue(a.bytes(), Map.class).get("code");
  }

  // ================================================================ the property

  @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.OFF)
  void no_hostile_request_gets_a_5xx_or_stores_anything(@ForAll("requests") Req req) throws Exception {
    Fixture f = fixture();
    req = resolve(req, f);
    StoredCounts.Counts before = f.stored().counts();
    Answer a = f.http().send(req.method(), req.target(), req.headers(), req.body());
    TRIED.incrementAndGet();
    synchronized (BY_STATUS) {
      BY_STATUS.computeIfAbsent(a.status(), s -> new AtomicInteger()).incrementAndGet();
    }
    if (a.status() >= 500) {
      SERVER_ERRORS.incrementAndGet();
    }
    String context = "seed " + SEED + ", " + req + " → " + a;
    assertThat(a.status()).as(context).isLessThan(500);
    if (a.status() >= 400) {
      assertThat(a.contentType()).as(context).startsWith("application/json");
      Map<String, Object> body = JSON.readValue(a.bytes(), Map.class);
      assertThat(body.get("status")).as(context).isEqualTo(a.status());
      assertThat((String) body.get("message")).as(context).isNotBlank()
          .matches(m -> HostileInputTest.VIETNAMESE.matcher(m).find(), "a Vietnamese message");
    }
    StoredCounts.Counts after = f.stored().counts();
    if (!after.equals(before)) {
      STORED.incrementAndGet();
    }
    assertThat(after).as("stored by " + context).isEqualTo(before);
  }

  private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([^}]*)\\}");

  /** Puts the fixture's dossier codes where the request names them ({NEW}, {AWAITING}, "@NEW", "@AWAITING"). */
  static Req resolve(Req req, Fixture f) {
    String target = PLACEHOLDER.matcher(req.target()).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
        code(m.group(1), f)));
    byte[] body = req.body();
    if (body != null && req.what().startsWith("lookup")) {
      body = new String(body, StandardCharsets.UTF_8).replace("\"@NEW\"", json(f.newCode()))
          .replace("\"@AWAITING\"", json(f.awaitingCode())).getBytes(StandardCharsets.UTF_8);
    }
    Map<String, String> headers = req.headers();
    if ("NEXT".equals(headers.get("X-Forwarded-For"))) {
      int n = NEXT_CLIENT.incrementAndGet();
      headers = new LinkedHashMap<>(headers);
      headers.put("X-Forwarded-For", "10." + (110 + n / 62500) + "." + (n / 250 % 250) + "." + (n % 250 + 1));
    }
    return new Req(req.what(), req.method(), target, headers, body);
  }

  @AfterContainer
  static void summary() throws Exception {
    if (spring != null) {
      spring.afterTestMethod(instance, property, null);
      spring.afterTestClass();
    }
    System.out.printf("API fuzz (seed %s): %d requests tried, %d answered 5xx, %d stored something; answers by "
        + "status %s%n", SEED, TRIED.get(), SERVER_ERRORS.get(), STORED.get(), BY_STATUS);
  }

  /** One generated request; {@code what} says which endpoint and which faults. */
  record Req(String what, String method, String target, Map<String, String> headers, byte[] body) {
    @Override
    public String toString() {
      String b = body == null ? "" : new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8);
      return what + ": " + method + " " + target + " " + headers + (body == null ? "" : " body(" + body.length + ") "
          + b.replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}]", "·"));
    }
  }

  @Provide
  Arbitrary<Req> requests() {
    return Arbitraries.frequencyOf(
        Tuple.of(26, submissions()),
        Tuple.of(12, registrations()),
        Tuple.of(10, lookups()),
        Tuple.of(8, supplements()),
        Tuple.of(5, evaluations()),
        Tuple.of(10, officerActions()),
        Tuple.of(10, officerReads()),
        Tuple.of(6, calendar()),
        Tuple.of(13, paths()));
  }

  // ================================================================ building blocks

  static Arbitrary<String> accepts() {
    return Arbitraries.of("application/json", "*/*", "text/html", "application/xml", "text/html,application/xhtml+xml,"
        + "application/xml;q=0.9,*/*;q=0.8", "image/png", "application/pdf", "text/plain", ";;garbage//",
        "application/json;q=0", "");
  }

  /**
   * The client address (X-Forwarded-For; the test profile trusts it): mostly a new client per request
   * ({@code NEXT}, numbered when sent) so that the throttle lets most requests reach the checks behind it;
   * sometimes none, one that repeats, or garbage.
   */
  static Arbitrary<String> clients() {
    return Arbitraries.frequencyOf(Tuple.of(16, Arbitraries.just("NEXT")),
        Tuple.of(1, Arbitraries.of("", "10.99.0.1", "unknown", "::1", "999.999.999.999", "x".repeat(80),
            "1.2.3.4, 5.6.7.8", "\u202E1.1.1.1")));
  }

  private static final AtomicInteger NEXT_CLIENT = new AtomicInteger();

  /** A text with a character that has no place in it (bidi, zero-width, control, lone surrogate, ...). */
  static Arbitrary<String> spoiled(String text) {
    Arbitrary<String> bad = Arbitraries.of("\u202E", "\u202D", "\u202A", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u0000", "\u0007", "\u001B", "\u007F", "\u0085",
        "\u2028", "\u2029", "\uE000", "\uDB80\uDC00", "\uD800x", "x\uDFFF", "\uDBFFx", "\uFFFD", "\u0378",
        " \u0301", " \u0300\u0323 ", "a\u0301\u0301\u0301", "q\u0301\u0300");
    return Combinators.combine(bad, Arbitraries.integers().between(0, text.length()))
        .as((b, at) -> text.substring(0, at) + b + text.substring(at));
  }

  static Arbitrary<String> nfcOrNfd(String text) {
    return Arbitraries.of(Normalizer.Form.NFC, Normalizer.Form.NFD, Normalizer.Form.NFKD)
        .map(form -> Normalizer.normalize(text, form));
  }

  /** A JSON value that is not a whole number from 1 to 20: negative, zero, fractional, huge, of another type. */
  static Arbitrary<Raw> badCopies() {
    return Arbitraries.oneOf(
        Arbitraries.of("-1", "0", "21", "1.7", "0.5", "1.0", "2.000001", "1e400", "-1e400", "99999999999999999999999",
            "1E2", "\"một\"", "null", "[]", "{}", "NaN", "Infinity", "01", "-0", "1_000", "0x10")
            .map(Raw::new),
        Arbitraries.doubles().between(-1e12, 1e12).filter(d -> d != Math.rint(d)).map(d -> new Raw(Double.toString(d))),
        Arbitraries.longs().between(21, Long.MAX_VALUE).map(l -> new Raw(Long.toString(l))),
        Arbitraries.longs().between(Long.MIN_VALUE, 0).map(l -> new Raw(Long.toString(l))));
  }

  /** A JSON literal written as is. */
  record Raw(String json) {}

  static Map<String, Object> baseDossier() {
    Map<String, Object> applicant = new LinkedHashMap<>();
    applicant.put("name", "Lò Văn Páo");
    applicant.put("idNumber", "002095001234");
    applicant.put("phone", "0978123456");
    applicant.put("email", "pao.lo@example.vn");
    applicant.put("address", "Bản Tát, xã Tân Trào, tỉnh Tuyên Quang");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", "Giấy đề nghị đăng ký hộ kinh doanh");
    doc.put("copies", 1);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("procedureKey", "Procedure_HouseholdBusinessRegistration");
    d.put("receivingUnit", "tq-minhxuan");
    d.put("applicant", applicant);
    d.put("requestSummary", "Đăng ký hộ kinh doanh quán ăn Tân Trào");
    d.put("documents", new ArrayList<>(List.of(doc)));
    return d;
  }

  /** A change to the dossier JSON that makes it invalid, described. */
  record Fault(String what, Consumer<Map<String, Object>> apply) {}

  /** The applicant object, or a throwaway one when an earlier fault replaced it by something else. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> applicant(Map<String, Object> d) {
    return d.get("applicant") instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  /** The first document, or a throwaway one when an earlier fault replaced the list. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> firstDocument(Map<String, Object> d) {
    return d.get("documents") instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> m
        ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  /** Faults of the dossier's content; each alone makes the registration invalid. */
  static Arbitrary<Fault> contentFaults() {
    return Arbitraries.oneOf(
        spoiled("Lò Văn Páo").map(s -> new Fault("name " + codes(s), d -> applicant(d).put("name", s))),
        Arbitraries.strings().withCharRange('\u0300', '\u036F').ofMinLength(1).ofMaxLength(8)
            .map(s -> new Fault("name of marks only", d -> applicant(d).put("name", s))),
        Arbitraries.of("", " ", "1234", "<b>Páo</b>", "Páo; DROP TABLE dossier", "P", "x".repeat(201), "Páo\nVăn",
                "Páo\tVăn", "Páo@Văn", "\u202EoáP", "Páo 2")
            .map(s -> new Fault("name " + codes(s), d -> applicant(d).put("name", s))),
        spoiled("Bản Tát, xã Tân Trào").map(s -> new Fault("address " + codes(s), d -> applicant(d).put("address", s))),
        Arbitraries.of("x".repeat(501), "", "\t").map(s -> new Fault("address length " + s.length(),
            d -> applicant(d).put("address", s))),
        spoiled("Đăng ký hộ kinh doanh").map(s -> new Fault("summary " + codes(s), d -> d.put("requestSummary", s))),
        Arbitraries.just(new Fault("summary 2001 chars", d -> d.put("requestSummary", "ă".repeat(2001)))),
        Arbitraries.of("", "12345", "0912", "09123456789012", "+1 202 555 0100", "0912345abc", "٠٩١٢٣٤٥٦٧٨", "0912 345 67８")
            .map(s -> new Fault("phone " + s, d -> applicant(d).put("phone", s))),
        Arbitraries.of("", "123", "00120300456", "0012030045678", "abcdefghijkl", "001203004567 1", "-1", "1e11")
            .map(s -> new Fault("idNumber " + s, d -> applicant(d).put("idNumber", s))),
        Arbitraries.of("a@", "@b.vn", "a b@c.vn", "a@b", "x".repeat(70) + "@b.vn")
            .map(s -> new Fault("email " + s, d -> applicant(d).put("email", s))),
        badCopies().map(r -> new Fault("copies " + r.json(), d -> firstDocument(d).put("copies", r))),
        spoiled("Giấy đề nghị").map(s -> new Fault("document name " + codes(s), d -> firstDocument(d).put("name", s))),
        spoiled("Bản chính").map(s -> new Fault("document note " + codes(s), d -> firstDocument(d).put("note", s))),
        Arbitraries.of(new Raw("[null]"), new Raw("[1]"), new Raw("\"giấy\""), new Raw("{}"))
            .map(r -> new Fault("documents " + r.json(), d -> d.put("documents", r))),
        Arbitraries.of("", "Procedure_Nope", "../Procedure_HouseholdBusinessRegistration", "Procedure_\u202E",
                "Procedure_Household%00")
            .map(s -> new Fault("procedureKey " + s, d -> d.put("procedureKey", s))),
        Arbitraries.of(new Raw("1"), new Raw("[]"), new Raw("{\"a\":1}"), new Raw("true"))
            .map(r -> new Fault("procedureKey " + r.json(), d -> d.put("procedureKey", r))),
        Arbitraries.of(new Raw("\"Lò\""), new Raw("[]"), new Raw("null"), new Raw("42"))
            .map(r -> new Fault("applicant " + r.json(), d -> d.put("applicant", r))),
        Arbitraries.of(new Raw("1"), new Raw("{}"), new Raw("[\"x\"]"))
            .map(r -> new Fault("name " + r.json(), d -> applicant(d).put("name", r))));
  }

  /** Harmless changes that still must not make a faulty request pass: NFD text, other writing of the phone. */
  static Arbitrary<Fault> harmless() {
    return Arbitraries.oneOf(
        nfcOrNfd("Lò Văn Páo").map(s -> new Fault("name NFD", d -> applicant(d).put("name", s))),
        nfcOrNfd("Bản Tát, xã Tân Trào").map(s -> new Fault("address NFD", d -> applicant(d).put("address", s))),
        Arbitraries.of("0978 123 456", "+84978123456", "0978.123.456")
            .map(s -> new Fault("phone " + s, d -> applicant(d).put("phone", s))),
        Arbitraries.of("unknownField", "code", "status", "id")
            .map(k -> new Fault("unknown field " + k, d -> d.put(k, "000.01.30.H60-260101-0001"))),
        Arbitraries.just(new Fault("no documents", d -> d.remove("documents"))));
  }

  static String codes(String s) {
    StringBuilder b = new StringBuilder("[");
    s.codePoints().limit(40).forEach(c -> b.append(c < 0x80 && c >= 0x20 ? Character.toString(c)
        : String.format("U+%04X", c)).append(c < 0x80 && c >= 0x20 ? "" : " "));
    return b.append(s.length() > 40 ? "…]" : "]").toString();
  }

  /** The dossier JSON after its faults (harmless ones mixed in, at least one real fault). */
  static Arbitrary<Map.Entry<String, Map<String, Object>>> faultyDossier() {
    return Combinators.combine(contentFaults(), contentFaults().list().ofMaxSize(2), harmless().list().ofMaxSize(2))
        .as((first, more, benign) -> {
          Map<String, Object> d = baseDossier();
          List<Fault> all = new ArrayList<>(benign);
          all.add(first);
          all.addAll(more);
          StringBuilder what = new StringBuilder();
          for (Fault fault : all) {
            fault.apply().accept(d);
            what.append(fault.what()).append("; ");
          }
          return Map.entry(what.toString(), d);
        });
  }

  // ---------------------------------------------------------------- JSON and multipart writing

  /** JSON text; strings escape quotes, controls and every surrogate code unit, so lone halves go out as written. */
  static String json(Object value) {
    StringBuilder b = new StringBuilder();
    write(value, b);
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  private static void write(Object v, StringBuilder b) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof Raw r) {
      b.append(r.json());
    } else if (v instanceof String s) {
      b.append('"');
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') {
          b.append('\\').append(c);
        } else if (c < 0x20 || Character.isSurrogate(c)) {
          b.append(String.format("\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
      b.append('"');
    } else if (v instanceof Number || v instanceof Boolean) {
      b.append(v);
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        write(e.getKey().toString(), b);
        b.append(':');
        write(e.getValue(), b);
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        write(l.get(i), b);
      }
      b.append(']');
    } else {
      throw new IllegalArgumentException(v.getClass().toString());
    }
  }

  static Object[] part(String name, String filename, String type, Object content) {
    return new Object[] {name, filename, type, content};
  }

  static byte[] multipart(String boundary, String eol, List<Object[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object[] p : parts) {
      String head = "--" + boundary + eol + "Content-Disposition: form-data; name=\"" + p[0] + "\""
          + (p[1] == null ? "" : "; filename=\"" + p[1] + "\"") + eol
          + (p[2] == null ? "" : "Content-Type: " + p[2] + eol) + eol;
      out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(p[3] instanceof byte[] bytes ? bytes : ((String) p[3]).getBytes(StandardCharsets.UTF_8));
      out.writeBytes(eol.getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--" + eol).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** An upload: (file name, bytes), and whether it is acceptable on its own. */
  record Upload(String name, byte[] bytes, boolean acceptable) {}

  static Arbitrary<Upload> goodUploads() {
    return Arbitraries.of(new Upload("don.pdf", PDF, true), new Upload("anh.png", PNG, true),
        new Upload("Giấy đề nghị.pdf", PDF, true), new Upload(Normalizer.normalize("bản sao.pdf", Normalizer.Form.NFD),
            PDF, true), new Upload("../../etc/don.pdf", PDF, true));
  }

  static Arbitrary<Upload> badUploads() {
    byte[] jpegNamedPdf = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    return Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.of(
            new Upload("don.pdf", PNG, false), new Upload("anh.png", PDF, false), new Upload("anh.jpg", PNG, false),
            new Upload("don.pdf", jpegNamedPdf, false), new Upload("setup.exe", new byte[] {'M', 'Z', 0, 1}, false),
            new Upload("don.pdf", new byte[] {'M', 'Z', 0, 1}, false), new Upload("don.pdf", new byte[0], false),
            new Upload("don.pdf", "xin chào".getBytes(StandardCharsets.UTF_8), false),
            new Upload("don.pdf", "%PD".getBytes(StandardCharsets.US_ASCII), false),
            new Upload("don.exe", PDF, false), new Upload("don", PDF, false), new Upload("anh\u202Efdp.exe", PDF, false),
            new Upload("don\u200B.pdf", PDF, false), new Upload("don\u0000.pdf", PDF, false),
            new Upload("<script>.pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), false),
            new Upload("don.svg", "<svg/>".getBytes(StandardCharsets.UTF_8), false))),
        Tuple.of(1, Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(10 * 1024 * 1024 + 1)),
                Tuple.of(1, Arbitraries.just(21 * 1024 * 1024)))
            .map(size -> {
              byte[] big = new byte[size];
              System.arraycopy(PDF, 0, big, 0, PDF.length);
              return new Upload("lon.pdf", big, false);
            })),
        Tuple.of(4, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64)
            .filter(b -> b[0] != '%' && b[0] != (byte) 0x89 && b[0] != (byte) 0xFF)
            .map(b -> new Upload("ngau-nhien.pdf", b, false))));
  }

  // ---------------------------------------------------------------- the endpoints

  /** Online submission: the dossier, its files and the multipart framing, with at least one fault. */
  static Arbitrary<Req> submissions() {
    Arbitrary<String> framing = Arbitraries.frequencyOf(
        Tuple.of(14, Arbitraries.just("ok")), Tuple.of(1, Arbitraries.just("lf-only")),
        Tuple.of(1, Arbitraries.just("no-boundary")), Tuple.of(1, Arbitraries.just("wrong-boundary")),
        Tuple.of(1, Arbitraries.just("json-type")), Tuple.of(1, Arbitraries.just("duplicate-dossier")),
        Tuple.of(1, Arbitraries.just("dossier-as-file")), Tuple.of(1, Arbitraries.just("truncated")));
    Arbitrary<String> dossierText = Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.just("faulty")), Tuple.of(1, Arbitraries.of("", "{", "[]", "null", "\"x\"", "{\"a\":",
            "{\"procedureKey\": \"Procedure_HouseholdBusinessRegistration\"}", "[".repeat(5000), "{\"applicant\":"
                + "{\"name\":\"" + "Ă".repeat(100_000) + "\"}}", "\u00ff\u00fe")));
    Arbitrary<List<Upload>> uploads = Arbitraries.frequencyOf(
        Tuple.of(6, goodUploads().list().ofMinSize(1).ofMaxSize(2)),
        Tuple.of(3, Combinators.combine(goodUploads().list().ofMaxSize(1), badUploads())
            .as((good, bad) -> {
              List<Upload> l = new ArrayList<>(good);
              l.add(bad);
              return l;
            })),
        Tuple.of(1, Arbitraries.just(List.of())),
        Tuple.of(1, Arbitraries.just(java.util.Collections.nCopies(11, new Upload("trang.pdf", PDF, true)))));
    Arbitrary<String> keys = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")),
        Tuple.of(3, Arbitraries.strings().alpha().numeric().ofLength(36)),
        Tuple.of(1, Arbitraries.of("x y", "short", "k".repeat(101), "ключ-ключ-ключ", "../../../../", "%00%00%00%00")));
    return Combinators.combine(faultyDossier(), dossierText, uploads, framing, keys, accepts(), clients())
        .as((dossier, text, files, frame, key, accept, client) -> {
          String dossierJson = text.equals("faulty") ? json(dossier.getValue()) : text;
          boolean contentFault = text.equals("faulty");
          List<Object[]> parts = new ArrayList<>();
          if (frame.equals("dossier-as-file")) {
            parts.add(part("dossier", "dossier.json", "application/json", dossierJson));
          } else {
            parts.add(part("dossier", null, "application/json", dossierJson));
          }
          if (frame.equals("duplicate-dossier")) {
            parts.add(part("dossier", null, "application/json", json(baseDossier())));
          }
          for (Upload u : files) {
            parts.add(part("files", u.name(), "application/octet-stream", u.bytes()));
          }
          String boundary = "FuzzB0undary";
          byte[] body = multipart(boundary, frame.equals("lf-only") ? "\n" : "\r\n", parts);
          if (frame.equals("truncated")) {
            body = Arrays.copyOf(body, body.length / 2);
          }
          Map<String, String> headers = new LinkedHashMap<>();
          headers.put("Content-Type", switch (frame) {
            case "no-boundary" -> "multipart/form-data";
            case "wrong-boundary" -> "multipart/form-data; boundary=Other";
            case "json-type" -> "application/json";
            default -> "multipart/form-data; boundary=" + boundary;
          });
          if (!accept.isEmpty()) {
            headers.put("Accept", accept);
          }
          if (!client.isEmpty()) {
            headers.put("X-Forwarded-For", client);
          }
          if (!key.isEmpty()) {
            headers.put("Idempotency-Key", key);
          }
          String what = "submission [" + (contentFault ? dossier.getKey() : "dossier part " + codes(text)) + " files "
              + files.stream().map(u -> u.name() + "(" + u.bytes().length + ")").toList() + " framing " + frame
              + " key " + codes(key) + "]";
          return new Req(what, "POST", "/api/public/dossiers", headers, body);
        });
  }

  /** The officers' registration at the counter, as JSON, always with a content fault. */
  static Arbitrary<Req> registrations() {
    Arbitrary<String> channel = Arbitraries.of("DIRECT", "POST", "ONLINE", "FAX", "", "direct");
    Arbitrary<String> type = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("application/json")),
        Tuple.of(1, Arbitraries.of("application/json; charset=ISO-8859-1", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json;charset=utf-16")));
    return Combinators.combine(faultyDossier(), channel, type, accepts(), officers())
        .as((dossier, ch, ct, accept, officer) -> {
          Map<String, Object> d = dossier.getValue();
          d.remove("receivingUnit");
          d.put("channel", ch);
          Map<String, String> headers = new LinkedHashMap<>();
          headers.put("Content-Type", ct);
          if (!accept.isEmpty()) {
            headers.put("Accept", accept);
          }
          if (officer != null) {
            headers.put("Authorization", officer);
          }
          return new Req("registration [" + dossier.getKey() + " channel " + ch + "]", "POST", "/api/dossiers", headers,
              json(d).getBytes(StandardCharsets.UTF_8));
        });
  }

  /** Who calls the officers' API: mostly the Minh Xuân reception officer; sometimes nobody or garbage. */
  static Arbitrary<String> officers() {
    return Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just(RawHttp.basic("mc.hung", "demo"))),
        Tuple.of(2, Arbitraries.just(RawHttp.basic("gs.ha", "demo"))),
        Tuple.of(1, Arbitraries.of("Basic %%%", "Bearer abc", "Basic " + java.util.Base64.getEncoder()
            .encodeToString("khong-co-ai:sai".getBytes(StandardCharsets.UTF_8)), "Basic Og==", "")));
  }

  static Arbitrary<String> codesToTry() {
    return Arbitraries.oneOf(
        Arbitraries.of("NEW", "AWAITING"),
        Arbitraries.of("000.01.30.H60-260101-0001", "", "%2F", "..", "%2e%2e", "a%00b", "%ZZ", "a;b", "x".repeat(300),
            "000.01.30.Н60-260101-0001", "%E2%80%AEabc", "%F0%9F%98%80", "-1", "1e10", "null"),
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(30)
            .map(s -> java.net.URLEncoder.encode(s, StandardCharsets.UTF_8)));
  }

  static String code(String pick, Fixture f) {
    return switch (pick) {
      case "NEW" -> f.newCode();
      case "AWAITING" -> f.awaitingCode();
      default -> pick;
    };
  }

  /** A request whose target depends on the fixture's dossiers: resolved when sent. */
  static Req lazy(String what, String method, String targetTemplate, Map<String, String> headers, byte[] body) {
    return new Req(what, method, targetTemplate, headers, body);
  }

  /** Public lookup: bodies of every shape; codes and factors wrong or malformed. */
  static Arbitrary<Req> lookups() {
    Arbitrary<String> bodies = Arbitraries.oneOf(
        Combinators.combine(codesToTry(), Arbitraries.of("", "1", "0987555667", "+8498755566", "٠٩٨٧", "9".repeat(40),
                "0987 555 666\u202E", null))
            .as((code, secret) -> "{\"code\": " + (code.equals("NEW") || code.equals("AWAITING") ? "\"@" + code + "\""
                : json(code)) + ", \"secret\": " + json(secret) + "}"),
        Arbitraries.of("", "{", "[]", "null", "{\"code\": 1}", "{\"code\": [1,2], \"secret\": {}}", "code=1&secret=2",
            "{\"code\": \"" + "9".repeat(100_000) + "\"}", "[".repeat(3000), "{\"code\": 1e999999}",
            "{\"secret\": \"\\ud800\"}", "\u0000\u0001"));
    Arbitrary<String> types = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("application/json")),
        Tuple.of(1, Arbitraries.of("text/plain", "application/xml", "", "application/json; charset=nope")));
    return Combinators.combine(bodies, types, accepts(), clients()).as((body, type, accept, client) -> {
      Map<String, String> headers = new LinkedHashMap<>();
      if (!type.isEmpty()) {
        headers.put("Content-Type", type);
      }
      if (!accept.isEmpty()) {
        headers.put("Accept", accept);
      }
      if (!client.isEmpty()) {
        headers.put("X-Forwarded-For", client);
      }
      return new Req("lookup", "POST", "/api/public/dossiers/lookup", headers, body.getBytes(StandardCharsets.UTF_8));
    });
  }

  /**
   * Public supplement: with the right factor the files are always faulty (so nothing may be stored), with a
   * wrong one anything goes.
   */
  static Arbitrary<Req> supplements() {
    Arbitrary<String> secrets = Arbitraries.of("RIGHT", "", "0987555667", "123456", "\u202E0987555666");
    Arbitrary<List<Upload>> faulty = Arbitraries.oneOf(badUploads().list().ofMinSize(1).ofMaxSize(2),
        Arbitraries.just(List.of()));
    Arbitrary<List<Upload>> any = Arbitraries.oneOf(goodUploads().list().ofMaxSize(2), faulty);
    Arbitrary<String> notes = Arbitraries.oneOf(Arbitraries.of("", "Bổ sung hợp đồng"), spoiled("Bổ sung hợp đồng"));
    Arbitrary<String> framing = Arbitraries.of("ok", "ok", "ok", "ok", "lf-only", "secret-as-file", "duplicate-secret");
    return Combinators.combine(codesToTry(), secrets, faulty, any, notes, framing, accepts(), clients())
        .as((code, secret, bad, whatever, note, frame, accept, client) -> {
          List<Upload> files = secret.equals("RIGHT") ? bad : whatever;
          List<Object[]> parts = new ArrayList<>();
          parts.add(part("secret", frame.equals("secret-as-file") ? "secret.txt" : null, null,
              secret.equals("RIGHT") ? PHONE : secret));
          if (frame.equals("duplicate-secret")) {
            parts.add(part("secret", null, null, "0987555667"));
          }
          if (!note.isEmpty()) {
            parts.add(part("note", null, null, note));
          }
          for (Upload u : files) {
            parts.add(part("files", u.name(), "application/octet-stream", u.bytes()));
          }
          Map<String, String> headers = new LinkedHashMap<>();
          headers.put("Content-Type", "multipart/form-data; boundary=FuzzB0undary");
          if (!accept.isEmpty()) {
            headers.put("Accept", accept);
          }
          headers.put("X-Forwarded-For", client.isEmpty() ? "NEXT" : client);
          return lazy("supplement [code " + code + " secret " + codes(secret) + " note " + codes(note) + " files "
                  + files.stream().map(u -> u.name() + "(" + u.bytes().length + ")").toList() + " " + frame + "]",
              "POST", "/api/public/dossiers/{" + code + "}/supplements", headers,
              multipart("FuzzB0undary", frame.equals("lf-only") ? "\n" : "\r\n", parts));
        });
  }

  /** Evaluation of dossiers that are not returned (so never recorded), with ratings of every shape. */
  static Arbitrary<Req> evaluations() {
    Arbitrary<String> ratings = Arbitraries.of("3", "0", "4", "-1", "2.5", "1e9", "\"3\"", "null", "true", "[3]",
        "99999999999999999999");
    Arbitrary<String> secrets = Arbitraries.of("RIGHT", "", "1", "x".repeat(40));
    Arbitrary<String> comments = Arbitraries.oneOf(Arbitraries.of("", "Tốt"), spoiled("Cán bộ tận tình"),
        Arbitraries.just("ơ".repeat(1001)));
    return Combinators.combine(codesToTry(), ratings, secrets, comments, accepts(), clients())
        .as((code, rating, secret, comment, accept, client) -> {
          Map<String, String> headers = new LinkedHashMap<>();
          headers.put("Content-Type", "application/json");
          if (!accept.isEmpty()) {
            headers.put("Accept", accept);
          }
          headers.put("X-Forwarded-For", client.isEmpty() ? "NEXT" : client);
          String body = "{\"secret\": " + json(secret.equals("RIGHT") ? PHONE : secret) + ", \"rating\": "
              + rating + ", \"comment\": " + json(comment) + "}";
          return lazy("evaluation [code " + code + " rating " + rating + " comment " + codes(comment) + "]", "POST",
              "/api/public/dossiers/{" + code + "}/evaluation", headers, body.getBytes(StandardCharsets.UTF_8));
        });
  }

  /**
   * The officers' actions on a dossier (supplement, stop, pause, resume): on the awaiting dossier only what
   * must fail (a stop or a pause with a faulty reason or kind); elsewhere anything, which the dossier's state
   * refuses.
   */
  static Arbitrary<Req> officerActions() {
    Arbitrary<String> actions = Arbitraries.of("supplement", "stop", "pause", "resume");
    Arbitrary<String> reasons = Arbitraries.oneOf(Arbitraries.of("", " ", "ư".repeat(2001)),
        spoiled("Công dân xin rút hồ sơ"));
    Arbitrary<String> kinds = Arbitraries.of("WITHDRAWN", "STOPPED", "RETURNED", "", "withdrawn", "7");
    Arbitrary<String> malformed = Arbitraries.of("", "{", "[]", "null", "{\"kind\": 7}", "{\"reason\": [\"a\"]}",
        "{\"status\": \"NOPE\", \"reason\": \"x\"}");
    return Combinators.combine(actions, codesToTry(), reasons, kinds, malformed, Arbitraries.integers().between(0, 3),
            officers(), accepts())
        .as((action, code, reason, kind, bad, shape, officer, accept) -> {
          String body = switch (shape) {
            case 0 -> bad;
            default -> "{\"kind\": " + json(kind) + ", \"status\": \"AWAITING_FINANCIAL_OBLIGATIONS\", \"reason\": "
                + json(reason) + ", \"note\": " + json(reason) + "}";
          };
          String target = code.equals("AWAITING") && action.equals("supplement")
              ? "NEW" : code; // the awaiting dossier takes a supplement: aim at the new one instead
          Map<String, String> headers = new LinkedHashMap<>();
          headers.put("Content-Type", "application/json");
          if (!accept.isEmpty()) {
            headers.put("Accept", accept);
          }
          if (officer != null && !officer.isEmpty()) {
            headers.put("Authorization", officer);
          }
          return lazy(action + " [code " + target + " body " + codes(body) + "]", "POST",
              "/api/dossiers/{" + target + "}/" + action, headers, body.getBytes(StandardCharsets.UTF_8));
        });
  }

  /** The officers' reads with malformed parameters: search, dossier, files, printed forms, reports. */
  static Arbitrary<Req> officerReads() {
    Arbitrary<String> values = Arbitraries.oneOf(
        Arbitraries.of("-1", "0", "1.5", "99999999999999999999", "1e400", "NaN", "", "%00", "%ZZ", "%E2%80%AE",
            "2026-02-30", "2026-13-01", "0000-01-01", "9999-12-31", "+999999999-01-01", "2026-1-1", "2026-03",
            "2026-W10", "1970", "-2026", "2026-03-01T25:00", "a%2Fb", "tq-minhxuan", "tq-nowhere", "xlsx", "docx",
            "csv", "on_time", "%C3%A0%CC%80"),
        Arbitraries.strings().withCharRange('!', '~').ofMaxLength(20)
            .map(s -> java.net.URLEncoder.encode(s, StandardCharsets.UTF_8)));
    Arbitrary<String> paths = Arbitraries.of("/api/dossiers", "/api/dossiers/{C}", "/api/dossiers/{C}/files",
        "/api/dossiers/{C}/files/{V}", "/api/dossiers/{C}/forms/{V}.pdf", "/api/dossiers/{C}/forms/01.pdf",
        "/api/reports/units", "/api/reports/resolution", "/api/reports/resolution/dossiers", "/api/reports/indicators",
        "/api/reports/deadlines", "/api/reports/trend", "/api/reports/resolution/export", "/api/reports/ledger.pdf",
        "/api/public/statistics", "/api/public/procedures", "/api/public/procedures/{V}",
        "/api/admin/calendar/days", "/api/admin/calendar/working-days", "/api/admin/reports/rollup/check");
    Arbitrary<List<String>> params = Arbitraries.of("code", "applicant", "status", "unit", "from", "to", "page", "size",
        "month", "year", "format", "column", "offset", "limit", "procedure", "days").list().ofMaxSize(4);
    return Combinators.combine(paths, codesToTry(), values, params, values.list().ofSize(4), officers(), accepts())
        .as((path, code, v, names, vs, officer, accept) -> {
          StringBuilder q = new StringBuilder();
          for (int i = 0; i < names.size(); i++) {
            q.append(i == 0 ? "?" : "&").append(names.get(i)).append('=').append(vs.get(i));
          }
          String target = path.replace("{C}", "{" + code + "}").replace("{V}", v.isEmpty() ? "x" : v) + q;
          Map<String, String> headers = new LinkedHashMap<>();
          if (!accept.isEmpty()) {
            headers.put("Accept", accept);
          }
          if (officer != null && !officer.isEmpty()) {
            headers.put("Authorization", officer.contains("mc.hung") && path.startsWith("/api/admin")
                ? RawHttp.basic("gs.ha", "demo") : officer);
          }
          return lazy("read", "GET", target, headers, null);
        });
  }

  /** The calendar's administration: days with impossible dates, kinds and names. */
  static Arbitrary<Req> calendar() {
    Arbitrary<String> dates = Arbitraries.of("2027-02-30", "2027-13-01", "1899-01-01", "2201-01-01", "27-05-03",
        "2027/05/03", "", "2027-05-03T00:00", "2027-02-29", "2027-5-3");
    Arbitrary<String> names = Arbitraries.oneOf(spoiled("Nghỉ bù Quốc khánh"), Arbitraries.of("", "ă".repeat(201)));
    Arbitrary<String> kinds = Arbitraries.of("DAY_OFF", "MAKEUP_WORKING_DAY", "HOLIDAY", "", "day_off", "1");
    return Combinators.combine(Arbitraries.integers().between(0, 3), dates, names, kinds, accepts())
        .as((shape, date, name, kind, accept) -> {
          Map<String, String> headers = new LinkedHashMap<>();
          headers.put("Authorization", RawHttp.basic("gs.ha", "demo"));
          if (!accept.isEmpty()) {
            headers.put("Accept", accept);
          }
          return switch (shape) {
            case 0 -> {
              headers.put("Content-Type", "application/json");
              // a valid date with a faulty name, or a faulty date with a valid name: never stored
              String body = "{\"date\": \"2027-05-03\", \"kind\": " + json(kind) + ", \"name\": " + json(name) + "}";
              yield new Req("calendar day [name " + codes(name) + " kind " + kind + "]", "POST",
                  "/api/admin/calendar/days", headers, body.getBytes(StandardCharsets.UTF_8));
            }
            case 1 -> {
              headers.put("Content-Type", "application/json");
              String body = "{\"date\": " + json(date) + ", \"kind\": \"DAY_OFF\", \"name\": \"Nghỉ bù\", \"note\": "
                  + json(name) + "}";
              yield new Req("calendar day [date " + date + "]", "POST", "/api/admin/calendar/days", headers,
                  body.getBytes(StandardCharsets.UTF_8));
            }
            case 2 -> new Req("calendar delete [" + date + "]", "DELETE",
                "/api/admin/calendar/days/" + java.net.URLEncoder.encode(date.isEmpty() ? "x" : date,
                    StandardCharsets.UTF_8), headers, null);
            default -> new Req("calendar read [" + date + "]", "GET",
                "/api/admin/calendar/working-days?from=" + java.net.URLEncoder.encode(date, StandardCharsets.UTF_8)
                    + "&days=" + (name.length() % 7 == 0 ? "-5" : "99999999999"), headers, null);
          };
        });
  }

  /** Paths the connector or the router must refuse: encoded slashes, NUL, bad escapes, dot segments. */
  static Arbitrary<Req> paths() {
    Arbitrary<String> prefixes = Arbitraries.of("/api/public/dossiers/", "/api/public/procedures/", "/api/dossiers/",
        "/api/reports/", "/api/admin/calendar/days/", "/tra-cuu/", "/giam-sat/", "/", "/api/", "/swagger-ui/",
        "/v3/api-docs/");
    Arbitrary<String> tokens = Arbitraries.of("%2F", "%2f", "%5C", "%00", "%ZZ", "%", "%1", "%G0", "..", "%2e%2e",
        ".%2e", "..;", ";", ";jsessionid=1", "%C0%AF", "%C0%AE%C0%AE", "%E2%80%AE", "%EF%BB%BF", "%uD800", "%ED%A0%80",
        "%FF", "//", "./", "~", "a", "%20", "+", "%2B", "%3B", "%23", "%3F", "x".repeat(1500));
    Arbitrary<String> methods = Arbitraries.of("GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
        "TRACE");
    return Combinators.combine(prefixes, tokens.list().ofMinSize(1).ofMaxSize(4), methods, accepts(), officers())
        .as((prefix, parts, method, accept, officer) -> {
          Map<String, String> headers = new LinkedHashMap<>();
          if (!accept.isEmpty()) {
            headers.put("Accept", accept);
          }
          if (officer != null && !officer.isEmpty()) {
            headers.put("Authorization", officer);
          }
          byte[] body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
              ? "{}".getBytes(StandardCharsets.UTF_8) : null;
          if (body != null) {
            headers.put("Content-Type", "application/json");
          }
          return new Req("path", method, prefix + String.join("", parts), headers, body);
        });
  }
}
