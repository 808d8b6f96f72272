package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.web.RawHttp.Answer;

/**
 * Issue 19, what a hostile client and a clumsy officer sent: every answer a 4xx in the project's JSON
 * error shape with a Vietnamese message (never a 5xx, never Tomcat's HTML page), and nothing stored.
 * Sent over a plain socket to the real embedded server, so paths arrive as written.
 */
@MotCuaSpringTest
class HostileInputTest extends DossierTestSupport {
  static final byte[] PDF = "%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
      .getBytes(StandardCharsets.US_ASCII);
  private static final AtomicInteger CLIENTS = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  StoredCounts stored;

  @org.junit.jupiter.api.BeforeEach
  void counts() {
    stored = new StoredCounts(jdbc);
  }

  RawHttp http() {
    return new RawHttp(port);
  }

  static String newClient() {
    int n = CLIENTS.incrementAndGet();
    return "10.91." + (n / 250) + "." + (n % 250 + 1);
  }

  static String submission(String name, String address, String summary, String documents) {
    return """
        {"procedureKey": "Procedure_HouseholdBusinessRegistration", "receivingUnit": "tq-minhxuan",
         "applicant": {"name": %s, "idNumber": "008090004321", "phone": "0987333444",
                       "address": %s},
         "requestSummary": %s%s}
        """.formatted(name, address, summary, documents == null ? "" : ", \"documents\": " + documents);
  }

  static String valid() {
    return submission("\"Lê Thị Bình\"", "\"Số 12 đường Tân Trào, phường Minh Xuân\"", "\"Đăng ký hộ kinh doanh\"",
        null);
  }

  /** A multipart body with CRLF line ends (or only LF), parts given as name → (filename or null, bytes). */
  static byte[] multipart(String boundary, String eol, List<Object[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object[] p : parts) {
      String name = (String) p[0];
      String filename = (String) p[1];
      String type = (String) p[2];
      byte[] bytes = p[3] instanceof byte[] b ? b : ((String) p[3]).getBytes(StandardCharsets.UTF_8);
      String head = "--" + boundary + eol + "Content-Disposition: form-data; name=\"" + name + "\""
          + (filename == null ? "" : "; filename=\"" + filename + "\"") + eol
          + (type == null ? "" : "Content-Type: " + type + eol) + eol;
      out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(bytes);
      out.writeBytes(eol.getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--" + eol).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  static Object[] part(String name, String filename, String type, Object content) {
    return new Object[] {name, filename, type, content};
  }

  Answer submit(String dossierJson, String key) throws Exception {
    return submitParts(List.of(part("dossier", null, "application/json", dossierJson),
        part("files", "don.pdf", "application/pdf", PDF)), key, "application/json");
  }

  Answer submitParts(List<Object[]> parts, String key, String accept) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "multipart/form-data; boundary=BOUNDARYx19");
    headers.put("X-Forwarded-For", newClient());
    headers.put("Accept", accept);
    if (key != null) {
      headers.put("Idempotency-Key", key);
    }
    return http().send("POST", "/api/public/dossiers", headers, multipart("BOUNDARYx19", "\r\n", parts));
  }

  /** The project's JSON error: the status, a Vietnamese message, and the field at fault when named. */
  static Map<String, Object> jsonError(Answer a, int status, String field) throws Exception {
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    assertThat(a.contentType()).as(a.toString()).startsWith("application/json");
    Map<String, Object> body = JSON.readValue(a.bytes(), Map.class);
    assertThat(body.get("status")).as(a.toString()).isEqualTo(status);
    assertThat((String) body.get("message")).as(a.toString()).matches(m -> VIETNAMESE.matcher(m).find(),
        "a Vietnamese message");
    if (field != null) {
      assertThat((Map<String, Object>) body.get("fields")).as(a.toString()).containsKey(field);
    }
    return body;
  }

  /** A letter only Vietnamese has among the languages the system could answer in. */
  static final java.util.regex.Pattern VIETNAMESE =
      java.util.regex.Pattern.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐ]");

  // ---------------------------------------------------------------- 5xx answers

  @Test
  void a_supplement_before_the_slip_is_sent_is_a_409_in_vietnamese_on_both_apis_and_changes_nothing() throws Exception {
    clockAt("2026-09-21T09:00");
    Answer created = submit(valid(), null);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Dossier d = dossiers.getByCode((String) JSON.readValue(created.bytes(), Map.class).get("code"));
    completeOk("mc.hung", openTask(d), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
    clockAt("2026-09-22T09:00");
    completeOk("cv.minh", openTask(d), vars(var(APPRAISAL_CONCLUSION, SUPPLEMENT),
        var(APPRAISAL_OPINION, "Giấy đề nghị chưa ghi ngành nghề."),
        var(SUPPLEMENT_ITEMS, "Bổ sung ngành nghề kinh doanh vào giấy đề nghị")));
    assertThat(reload(d).status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
    assertThat(openTask(d).getTaskDefinitionKey()).isEqualTo("Task_SendSupplementRequest");
    StoredCounts.Counts before = stored.counts();

    Answer officer = http().send("POST", "/api/dossiers/" + d.code() + "/supplement",
        Map.of("Authorization", RawHttp.basic("mc.hung", "demo"), "Content-Type", "application/json"),
        "{\"note\": \"Công dân mang đến\"}".getBytes(StandardCharsets.UTF_8));
    assertThat((String) jsonError(officer, 409, null).get("message")).contains("phiếu yêu cầu bổ sung");

    Map<String, String> headers = Map.of("Content-Type", "multipart/form-data; boundary=BOUNDARYx19",
        "X-Forwarded-For", newClient());
    Answer citizen = http().send("POST", "/api/public/dossiers/" + d.code() + "/supplements", headers,
        multipart("BOUNDARYx19", "\r\n", List.of(part("secret", null, null, "0987333444"),
            part("files", "bo-sung.pdf", "application/pdf", PDF))));
    assertThat((String) jsonError(citizen, 409, null).get("message")).contains("phiếu yêu cầu bổ sung");

    assertThat(reload(d).status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
    assertThat(stored.counts()).isEqualTo(before);
    // once the slip is sent, the same supplement is accepted
    completeOk("mc.hung", openTask(d), var("supplementSent", true));
    Answer after = http().send("POST", "/api/dossiers/" + d.code() + "/supplement",
        Map.of("Authorization", RawHttp.basic("mc.hung", "demo"), "Content-Type", "application/json"),
        "{\"note\": \"Công dân mang đến\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(after.status()).as(after.toString()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/html", "application/xml", "text/html;q=0.9, application/xhtml+xml", "image/png"})
  void an_error_asked_for_as_html_or_xml_is_still_the_json_error(String accept) throws Exception {
    Answer officer = http().send("GET", "/api/dossiers/KHONG-CO-0001",
        Map.of("Authorization", RawHttp.basic("mc.hung", "demo"), "Accept", accept), null);
    jsonError(officer, 404, null);
    Answer lookup = http().send("POST", "/api/public/dossiers/lookup",
        Map.of("Content-Type", "application/json", "Accept", accept, "X-Forwarded-For", newClient()),
        "{\"code\": \"../x\", \"secret\": \"1\"}".getBytes(StandardCharsets.UTF_8));
    jsonError(lookup, 400, "code");
    StoredCounts.Counts before = stored.counts();
    Answer bad = submitParts(List.of(part("dossier", null, "application/json", "{"),
        part("files", "don.pdf", "application/pdf", PDF)), null, accept);
    jsonError(bad, 400, "dossier");
    Answer unauthenticated = http().send("GET", "/api/dossiers", Map.of("Accept", accept), null);
    jsonError(unauthenticated, 401, null);
    assertThat(stored.counts()).isEqualTo(before);
  }

  @Test
  void the_secret_sent_as_a_file_part_is_a_400_naming_it() throws Exception {
    Map<String, String> headers = Map.of("Content-Type", "multipart/form-data; boundary=BOUNDARYx19",
        "X-Forwarded-For", newClient());
    Answer a = http().send("POST", "/api/public/dossiers/000.01.30.H60-260921-0001/supplements", headers,
        multipart("BOUNDARYx19", "\r\n", List.of(part("secret", "secret.txt", "text/plain", "0987333444"),
            part("files", "bo-sung.pdf", "application/pdf", PDF))));
    jsonError(a, 400, "secret");
  }

  // ---------------------------------------------------------------- stored though malformed

  @Test
  void malformed_text_numbers_and_parts_are_refused_naming_the_field_and_nothing_is_stored() throws Exception {
    StoredCounts.Counts before = stored.counts();
    String ok = "\"Số 12 đường Tân Trào\"";
    String sum = "\"Đăng ký hộ kinh doanh\"";
    jsonError(submit(submission("\"Lê Thị Bình\"", "\"Số 12 \\ud800 đường Tân Trào\"", sum, null), null), 400,
        "applicant.address");
    jsonError(submit(submission("\"Lê Thị Bình\"", ok, "\"Đăng ký \\udc00 hộ kinh doanh\"", null), null), 400,
        "requestSummary");
    jsonError(submit(submission("\"\u0301\u0300\u0303\u0309\"", ok, sum, null), null), 400, "applicant.name");
    jsonError(submit(submission("\"L\u0301\u0300\u0303\u0309\u0323\"", ok, sum, null), null), 400, "applicant.name");
    jsonError(submit(submission("\"Lê Thị \u0301Bình\"", ok, sum, null), null), 400, "applicant.name");
    jsonError(submit(submission("\"Lê Thị Bình\"", "\"Số 12 \u202Eđường Tân Trào\"", sum, null), null), 400,
        "applicant.address");
    jsonError(submit(submission("\"Lê Thị Bình\"", "\"Số 12\u200D đường\"", sum, null), null), 400,
        "applicant.address");
    jsonError(submit(submission("\"Lê Thị Bình\"", ok, "\"Đăng ký\u2066 hộ\u2069\"", null), null), 400,
        "requestSummary");
    jsonError(submit(submission("\"Lê Thị Bình\"", ok, sum, "[{\"name\": \"Giấy đề nghị\", \"copies\": 1.7}]"), null),
        400, "documents[0].copies");
    jsonError(submit(submission("\"Lê Thị Bình\"", ok, sum, "[{\"name\": \"Giấy đề nghị\", \"copies\": 1e400}]"),
        null), 400, null);
    jsonError(submitParts(List.of(part("dossier", null, "application/json", valid()),
        part("dossier", null, "application/json", valid().replace("Lê Thị Bình", "Trần Văn Cường")),
        part("files", "don.pdf", "application/pdf", PDF)), null, "application/json"), 400, "dossier");
    // the officers' API too: a fraction of a copy, a reason with a bidi override
    Map<String, String> officer = Map.of("Authorization", RawHttp.basic("mc.hung", "demo"),
        "Content-Type", "application/json");
    String counter = registration("001203004567", "0912345678").replaceFirst("\"copies\": 1}", "\"copies\": 1.7}");
    jsonError(http().send("POST", "/api/dossiers", officer, counter.getBytes(StandardCharsets.UTF_8)), 400,
        "documents[0].copies");
    // the calendar: a day name with a right-to-left override
    Map<String, String> admin = Map.of("Authorization", RawHttp.basic("demo", "demo"),
        "Content-Type", "application/json");
    jsonError(http().send("POST", "/api/admin/calendar/days", admin,
        "{\"date\": \"2027-05-03\", \"kind\": \"DAY_OFF\", \"name\": \"Nghỉ \u202Ebù\"}".getBytes(StandardCharsets.UTF_8)),
        400, "name");
    assertThat(stored.counts()).isEqualTo(before);
  }

  @Test
  void text_is_stored_in_nfc() throws Exception {
    String nfd = java.text.Normalizer.normalize("Lê Thị Bình", java.text.Normalizer.Form.NFD);
    Answer a = submit(submission("\"" + nfd + "\"", "\"" + java.text.Normalizer.normalize("Số 12 đường Tân Trào",
        java.text.Normalizer.Form.NFD) + "\"", "\"Đăng ký\"", null), null);
    assertThat(a.status()).as(a.toString()).isEqualTo(201);
    Dossier d = dossiers.getByCode((String) JSON.readValue(a.bytes(), Map.class).get("code"));
    assertThat(d.applicant().name()).isEqualTo("Lê Thị Bình");
    assertThat(java.text.Normalizer.isNormalized(d.applicant().address(), java.text.Normalizer.Form.NFC)).isTrue();
  }

  // ---------------------------------------------------------------- Tomcat's HTML pages

  @ParameterizedTest
  @ValueSource(strings = {"/api/public/dossiers/a%2Fb/evaluation", "/api/public/procedures/%00",
      "/api/public/procedures/%ZZ", "/api/public/../../etc/passwd", "/api/dossiers/%2e%2e/%2e%2e/x",
      "/api/public/procedures/a%5Cb", "/tra-cuu/%ZZ", "/engine-rest/task/%00", "/camunda/app/%2F",
      "/api/public/procedures/%C0%AF", "/..;/api/public", "/api/public/procedures/%uD800"})
  void a_path_tomcat_refuses_is_answered_with_the_json_error(String path) throws Exception {
    Answer a = http().send("GET", path, Map.of("Accept", "text/html"), null);
    assertThat(a.status()).as(a.toString()).isBetween(400, 499);
    jsonError(a, a.status(), null);
  }

  @Test
  void a_multipart_body_with_lf_only_line_ends_is_a_400_malformed_not_a_413() throws Exception {
    StoredCounts.Counts before = stored.counts();
    Map<String, String> headers = Map.of("Content-Type", "multipart/form-data; boundary=BOUNDARYx19",
        "X-Forwarded-For", newClient());
    Answer a = http().send("POST", "/api/public/dossiers", headers, multipart("BOUNDARYx19", "\n",
        List.of(part("dossier", null, "application/json", valid()), part("files", "don.pdf", "application/pdf", PDF))));
    Map<String, Object> body = jsonError(a, 400, null);
    assertThat((String) body.get("message")).doesNotContain("dung lượng cho phép").contains("định dạng");
    assertThat(stored.counts()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- throttling

  @Test
  void a_replay_of_a_used_key_is_answered_with_its_dossier_even_when_the_client_is_throttled() throws Exception {
    String client = newClient();
    String key = UUID.randomUUID().toString();
    Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "multipart/form-data; boundary=BOUNDARYx19",
        "X-Forwarded-For", client, "Idempotency-Key", key));
    byte[] body = multipart("BOUNDARYx19", "\r\n", List.of(part("dossier", null, "application/json",
        valid().replace("Lê Thị Bình", "Phùng Thị Hoa")), part("files", "don.pdf", "application/pdf", PDF)));
    Answer first = http().send("POST", "/api/public/dossiers", headers, body);
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    String code = (String) JSON.readValue(first.bytes(), Map.class).get("code");
    // the client uses up its hourly submissions (20 by default) with bad requests
    Map<String, String> spam = Map.of("Content-Type", "multipart/form-data; boundary=BOUNDARYx19",
        "X-Forwarded-For", client);
    int throttled = 0;
    for (int i = 0; i < 25; i++) {
      Answer a = http().send("POST", "/api/public/dossiers", spam, multipart("BOUNDARYx19", "\r\n",
          List.<Object[]>of(part("dossier", null, "application/json", "{}"))));
      throttled += a.status() == 429 ? 1 : 0;
    }
    assertThat(throttled).isGreaterThan(0);
    Answer replay = http().send("POST", "/api/public/dossiers", headers, body);
    assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
    assertThat(JSON.readValue(replay.bytes(), Map.class)).containsEntry("code", code).containsEntry("replayed", true);
  }
}
