package vn.motcua.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierTestSupport;

/**
 * Who read what: every reading screen of a dossier's personal data writes one entry (who, their unit, when,
 * which dossier, which screen) and a refused read none; the unit's supervisor reads the log of the unit's
 * dossiers, another unit's supervisor does not; the citizen, with the code and the lookup PIN, sees who in
 * which unit opened the dossier and downloads their own data as JSON.
 */
@MotCuaSpringTest
class AccessLogTest extends DossierTestSupport {
  static final byte[] PDF = "%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
      .getBytes(StandardCharsets.US_ASCII);
  static final AtomicInteger CLIENTS = new AtomicInteger();
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired AccessLog accessLog;

  String client;
  Dossier d;
  String pin;

  @BeforeEach
  void anOnlineDossierWithAFile() {
    client = "10.25." + CLIENTS.incrementAndGet() + ".9";
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    HttpHeaders jsonPart = new HttpHeaders();
    jsonPart.setContentType(MediaType.APPLICATION_JSON);
    body.add("dossier", new HttpEntity<>("""
        {"procedureKey": "Procedure_HouseholdBusinessRegistration", "receivingUnit": "tq-minhxuan",
         "applicant": {"name": "Lê Thị Bình", "idNumber": "008090001234", "phone": "0987111222",
                       "address": "Số 12 đường Tân Trào, phường Minh Xuân"},
         "requestSummary": "Đăng ký hộ kinh doanh cửa hàng văn phòng phẩm"}""", jsonPart));
    HttpHeaders filePart = new HttpHeaders();
    filePart.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    body.add("files", new HttpEntity<>(new ByteArrayResource(PDF) {
      @Override
      public String getFilename() {
        return "giay-de-nghi.pdf";
      }
    }, filePart));
    HttpHeaders headers = from();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<Map> r = rest.exchange("/api/public/dossiers", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    d = dossiers.getByCode((String) r.getBody().get("code"));
    pin = (String) r.getBody().get("lookupPin");
  }

  private HttpHeaders from() {
    HttpHeaders h = new HttpHeaders();
    h.set("X-Forwarded-For", client);
    return h;
  }

  private ResponseEntity<byte[]> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").getForEntity(path, byte[].class);
  }

  private List<AccessEntry> entries() {
    return accessLog.ofDossier(d.id());
  }

  @Test
  void each_reading_screen_writes_who_when_which_dossier_and_screen_and_a_refused_read_writes_nothing() throws Exception {
    assertThat(get("mc.hung", "/api/dossiers/" + d.code()).getStatusCode().value()).isEqualTo(200);
    ResponseEntity<byte[]> list = get("cv.minh", "/api/dossiers/" + d.code() + "/files");
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    long fileId = JSON.readTree(list.getBody()).get(0).path("id").asLong();
    assertThat(get("cv.minh", "/api/dossiers/" + d.code() + "/files/" + fileId).getStatusCode().value()).isEqualTo(200);
    completeOk("mc.hung", openTask(d), var("receptionDecision", "COMPLETE"));
    assertThat(get("mc.hung", "/api/dossiers/" + d.code() + "/forms/01.pdf").getStatusCode().value()).isEqualTo(200);
    // refused: another unit's officer, and a form that does not apply
    assertThat(get("cv.huong", "/api/dossiers/" + d.code()).getStatusCode().value()).isEqualTo(403);
    assertThat(get("mc.hung", "/api/dossiers/" + d.code() + "/forms/03.pdf").getStatusCode().value()).isEqualTo(409);

    assertThat(entries()).extracting(AccessEntry::officer, AccessEntry::unit, AccessEntry::screen).containsExactly(
        org.assertj.core.groups.Tuple.tuple("mc.hung", "tq-minhxuan", Screen.DOSSIER_VIEW),
        org.assertj.core.groups.Tuple.tuple("cv.minh", "tq-minhxuan", Screen.FILE_LIST),
        org.assertj.core.groups.Tuple.tuple("cv.minh", "tq-minhxuan", Screen.FILE),
        org.assertj.core.groups.Tuple.tuple("mc.hung", "tq-minhxuan", Screen.PRINTED_FORM));
    assertThat(entries()).allSatisfy(e -> {
      assertThat(e.dossierCode()).isEqualTo(d.code());
      assertThat(e.accessedAt()).isNotNull();
    });
    assertThat(entries().get(0).officerName()).isEqualTo("Trần Văn Hùng");
    assertThat(entries().get(2).detail()).isEqualTo("Tệp số " + fileId);
    assertThat(entries().get(3).detail()).isEqualTo("Mẫu 01");

    // an export of a dossier list: one entry with its scope
    String exports = "SELECT COUNT(*) FROM access_log WHERE screen = 'EXPORT' AND officer = 'gs.nam'"
        + " AND unit = 'tq-minhxuan' AND detail LIKE '/api/reports/deadlines/export?unit=tq-minhxuan%'";
    long before = jdbc.queryForObject(exports, Long.class); // other tests of the suite export too
    assertThat(get("gs.nam", "/api/reports/deadlines/export?unit=tq-minhxuan&format=csv").getStatusCode().value())
        .isEqualTo(200);
    assertThat(jdbc.queryForObject(exports, Long.class)).isEqualTo(before + 1);
  }

  @Test
  void the_units_supervisor_reads_the_log_of_its_dossiers_and_no_one_else_does() throws Exception {
    get("mc.hung", "/api/dossiers/" + d.code());
    get("cv.minh", "/api/dossiers/" + d.code() + "/files");

    ResponseEntity<String> nam = rest.withBasicAuth("gs.nam", "demo")
        .getForEntity("/api/access-log?code=" + d.code(), String.class);
    assertThat(nam.getStatusCode().value()).isEqualTo(200);
    JsonNode rows = JSON.readTree(nam.getBody());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).path("officerName").asText()).isEqualTo("Lê Quang Minh");
    assertThat(rows.get(0).path("screenName").asText()).isEqualTo("Xem danh sách tệp của hồ sơ");
    assertThat(rows.get(1).path("officer").asText()).isEqualTo("mc.hung");
    assertThat(rows.get(1).path("unitName").asText()).contains("Minh Xuân");
    // the province's supervisor sees it too
    assertThat(JSON.readTree(rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/api/access-log?code=" + d.code(), String.class).getBody())).hasSize(2);
    // another unit: refused; officers who are not supervisors: refused
    assertThat(rest.withBasicAuth("gs.nam", "demo").getForEntity("/api/access-log?unit=tq-nongtien", String.class)
        .getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> officer = rest.withBasicAuth("cv.minh", "demo").getForEntity("/api/access-log", String.class);
    assertThat(officer.getStatusCode().value()).isEqualTo(403);
    assertThat(officer.getBody()).contains("giám sát");
    assertThat(rest.withBasicAuth("gs.nam", "demo").getForEntity("/api/access-log?from=hôm-qua", String.class)
        .getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void the_citizen_sees_who_opened_the_dossier_and_downloads_own_data_with_the_pin_only() throws Exception {
    get("mc.hung", "/api/dossiers/" + d.code());
    HttpHeaders h = from();
    h.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<String> seen = rest.postForEntity("/api/public/dossiers/" + d.code() + "/access-log",
        new HttpEntity<>("{\"secret\": \"" + pin + "\"}", h), String.class);
    assertThat(seen.getStatusCode().value()).isEqualTo(200);
    JsonNode openings = JSON.readTree(seen.getBody());
    assertThat(openings).hasSize(1);
    assertThat(openings.get(0).path("officerName").asText()).isEqualTo("Trần Văn Hùng");
    assertThat(openings.get(0).path("unitName").asText()).contains("Minh Xuân");
    assertThat(openings.get(0).path("screen").asText()).isEqualTo("Xem chi tiết hồ sơ");
    assertThat(openings.get(0).path("openedAt").asText()).matches("\\d{2}:\\d{2} ngày \\d{2}/\\d{2}/\\d{4}");

    // the phone number shows the progress only
    ResponseEntity<String> phone = rest.postForEntity("/api/public/dossiers/" + d.code() + "/access-log",
        new HttpEntity<>("{\"secret\": \"0987111222\"}", h), String.class);
    assertThat(phone.getStatusCode().value()).isEqualTo(403);
    assertThat(phone.getBody()).contains("mã tra cứu");
    assertThat(rest.postForEntity("/api/public/dossiers/" + d.code() + "/my-data",
        new HttpEntity<>("{\"secret\": \"000000\"}", h), String.class).getStatusCode().value()).isEqualTo(404);

    ResponseEntity<String> mine = rest.postForEntity("/api/public/dossiers/" + d.code() + "/my-data",
        new HttpEntity<>("{\"secret\": \"" + pin + "\"}", h), String.class);
    assertThat(mine.getStatusCode().value()).isEqualTo(200);
    assertThat(mine.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("du-lieu-ca-nhan-" + d.code() + ".json");
    JsonNode data = JSON.readTree(mine.getBody());
    assertThat(data.path("code").asText()).isEqualTo(d.code());
    assertThat(data.path("applicant").path("name").asText()).isEqualTo("Lê Thị Bình");
    assertThat(data.path("applicant").path("idNumber").asText()).isEqualTo("008090001234");
    assertThat(data.path("files").get(0).path("name").asText()).isEqualTo("giay-de-nghi.pdf");
    assertThat(data.path("history")).isNotEmpty();
    assertThat(data.path("accessLog").get(0).path("officerName").asText()).isEqualTo("Trần Văn Hùng");
  }

  @Test
  void a_dossier_task_read_in_tasklist_or_through_engine_rest_is_logged_with_the_task_and_a_refused_one_is_not()
      throws Exception {
    org.camunda.bpm.engine.task.Task check = openTask(d);
    String base = "/engine-rest/task/" + check.getId();
    assertThat(get("mc.hung", base + "/form-variables").getStatusCode().value()).isEqualTo(200);
    ResponseEntity<byte[]> view = get("mc.hung", base + "/localVariables/dossierView");
    assertThat(view.getStatusCode().value()).isEqualTo(200);
    assertThat(new String(view.getBody(), StandardCharsets.UTF_8)).as("the answer is passed on whole").contains(d.code());
    // the ward's supervisor reads the dossier process's variables (Cockpit, or /engine-rest)
    assertThat(get("gs.nam", "/engine-rest/process-instance/" + d.processInstanceId() + "/variables")
        .getStatusCode().value()).isEqualTo(200);
    // refused or failed reads, and what is not a read of the dossier's data: nothing
    assertThat(get("cv.minh", base + "/form-variables").getStatusCode().value()).as("not their task").isEqualTo(403);
    assertThat(rest.withBasicAuth("mc.hung", "sai-mat-khau").getForEntity(base + "/form-variables", String.class)
        .getStatusCode().value()).isEqualTo(401);
    assertThat(get("mc.hung", "/engine-rest/task/khong-co/form-variables").getStatusCode().is4xxClientError()).isTrue();
    assertThat(get("mc.hung", base).getStatusCode().value()).isEqualTo(200);
    assertThat(get("mc.hung", "/engine-rest/task?processInstanceId=" + d.processInstanceId()).getStatusCode().value())
        .isEqualTo(200);

    // Tasklist itself reads the form through the webapps' API with its session
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    String xsrf = cookie(page.getHeaders(), "XSRF-TOKEN");
    String session = cookie(page.getHeaders(), "JSESSIONID");
    HttpHeaders login = new HttpHeaders();
    login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    login.add("X-XSRF-TOKEN", xsrf);
    login.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + xsrf + (session == null ? "" : "; JSESSIONID=" + session));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", "mc.hung");
    form.add("password", "demo");
    ResponseEntity<String> loggedIn = rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>(form, login), String.class);
    assertThat(loggedIn.getStatusCode().value()).as(loggedIn.getBody()).isEqualTo(200);
    HttpHeaders browser = new HttpHeaders();
    browser.add(HttpHeaders.COOKIE, "JSESSIONID=" + cookie(loggedIn.getHeaders(), "JSESSIONID"));
    ResponseEntity<String> tasklist = rest.exchange("/camunda/api/engine/engine/default/task/" + check.getId()
        + "/form-variables", HttpMethod.GET, new HttpEntity<>(browser), String.class);
    assertThat(tasklist.getStatusCode().value()).as(tasklist.getBody()).isEqualTo(200);
    assertThat(tasklist.getBody()).contains("dossierView");
    // without the session: refused by the webapp, nothing logged
    assertThat(rest.getForEntity("/camunda/api/engine/engine/default/task/" + check.getId() + "/form-variables",
        String.class).getStatusCode().value()).isIn(401, 403);

    String step = "Công việc: " + check.getName();
    assertThat(entries()).extracting(AccessEntry::officer, AccessEntry::unit, AccessEntry::screen, AccessEntry::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mc.hung", "tq-minhxuan", Screen.TASK_FORM, step),
            org.assertj.core.groups.Tuple.tuple("mc.hung", "tq-minhxuan", Screen.TASK_FORM, step),
            org.assertj.core.groups.Tuple.tuple("gs.nam", "tq-minhxuan", Screen.TASK_FORM,
                "Biến của quy trình " + d.processInstanceId()),
            org.assertj.core.groups.Tuple.tuple("mc.hung", "tq-minhxuan", Screen.TASK_FORM, step));

    // the citizen sees the Tasklist reads with the others
    HttpHeaders h = from();
    h.setContentType(MediaType.APPLICATION_JSON);
    JsonNode openings = JSON.readTree(rest.postForEntity("/api/public/dossiers/" + d.code() + "/access-log",
        new HttpEntity<>("{\"secret\": \"" + pin + "\"}", h), String.class).getBody());
    assertThat(openings.findValuesAsText("screen")).hasSize(4)
        .containsOnly("Xem hồ sơ trong biểu mẫu công việc (Tasklist)");
    assertThat(openings.findValuesAsText("officerName")).containsOnly("Trần Văn Hùng", "Ngô Văn Nam");
  }

  private static String cookie(HttpHeaders headers, String name) {
    return headers.getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream().filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1).split(";")[0]).reduce((a, b) -> b).orElse(null);
  }
}
