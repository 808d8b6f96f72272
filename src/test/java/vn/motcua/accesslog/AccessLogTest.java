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
  @Autowired vn.motcua.petition.PetitionService petitions;

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

  @Test
  void the_digitisation_view_and_each_dossier_in_a_search_answer_are_logged_and_an_empty_answer_is_not()
      throws Exception {
    ResponseEntity<byte[]> scans = get("mc.hung", "/api/dossiers/" + d.code() + "/digitisation");
    assertThat(scans.getStatusCode().value()).isEqualTo(200);
    assertThat(new String(scans.getBody(), StandardCharsets.UTF_8)).contains(d.code());
    ResponseEntity<byte[]> found = get("cv.minh", "/api/dossiers?code=" + d.code());
    assertThat(found.getStatusCode().value()).isEqualTo(200);
    JsonNode rows = JSON.readTree(found.getBody()).path("items");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).path("applicantName").asText()).as("the row shows personal data").isEqualTo("Lê Thị Bình");
    // an answer without the dossier (nothing found; another unit's officer does not find it): nothing
    assertThat(get("cv.minh", "/api/dossiers?code=KHONG-CO-" + d.code()).getStatusCode().value()).isEqualTo(200);
    ResponseEntity<byte[]> other = get("cv.huong", "/api/dossiers?code=" + d.code());
    assertThat(other.getStatusCode().value()).isEqualTo(200);
    assertThat(JSON.readTree(other.getBody()).path("items")).isEmpty();

    assertThat(entries()).extracting(AccessEntry::officer, AccessEntry::unit, AccessEntry::screen, AccessEntry::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("mc.hung", "tq-minhxuan", Screen.DIGITISATION, null),
            org.assertj.core.groups.Tuple.tuple("cv.minh", "tq-minhxuan", Screen.SEARCH, "/api/dossiers?code=" + d.code()));
    assertThat(entries()).allSatisfy(e -> assertThat(e.accessedAt()).isNotNull());
    assertThat(entries().get(1).officerName()).isEqualTo("Lê Quang Minh");

    // the supervisor and the citizen read the new screens in Vietnamese
    JsonNode log = JSON.readTree(rest.withBasicAuth("gs.nam", "demo")
        .getForEntity("/api/access-log?code=" + d.code(), String.class).getBody());
    assertThat(log.findValuesAsText("screenName")).containsExactly("Tìm kiếm hồ sơ (hồ sơ có trong kết quả)",
        "Xem tình trạng số hóa giấy tờ của hồ sơ");
    assertThat(citizenScreens()).containsExactly("Xem tình trạng số hóa giấy tờ của hồ sơ",
        "Tìm kiếm hồ sơ (hồ sơ có trong kết quả)");
  }

  @Test
  void the_evaluation_drill_down_is_logged_as_an_export() {
    String exports = "SELECT COUNT(*) FROM access_log WHERE screen = 'EXPORT' AND officer = 'gs.nam'"
        + " AND unit = 'tq-minhxuan' AND dossier_id IS NULL"
        + " AND detail = '/api/reports/evaluation/dossiers?unit=tq-minhxuan&index=totalTime'";
    long before = jdbc.queryForObject(exports, Long.class);
    assertThat(get("gs.nam", "/api/reports/evaluation/dossiers?unit=tq-minhxuan&index=totalTime").getStatusCode()
        .value()).isEqualTo(200);
    assertThat(jdbc.queryForObject(exports, Long.class)).isEqualTo(before + 1);
  }

  @Test
  void a_dossiers_variables_read_through_variable_queries_history_or_cockpit_write_one_entry_per_read_and_dossier()
      throws Exception {
    String pi = d.processInstanceId();
    // the reception runs in a building block, a sub-instance of the dossier's process
    String block = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult().getId();
    ResponseEntity<byte[]> both = get("gs.nam", "/engine-rest/variable-instance?processInstanceIdIn=" + pi + "," + block);
    assertThat(both.getStatusCode().value()).isEqualTo(200);
    String answer = new String(both.getBody(), StandardCharsets.UTF_8);
    assertThat(answer).as("the answer is passed on whole").contains("Lê Thị Bình").contains(block);
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    assertThat(rest.withBasicAuth("gs.nam", "demo").postForEntity("/engine-rest/variable-instance",
        new HttpEntity<>("{\"processInstanceIdIn\": [\"" + pi + "\"]}", h), String.class).getStatusCode().value())
        .isEqualTo(200);
    String variableId = runtimeService.createVariableInstanceQuery().processInstanceIdIn(pi)
        .variableName("applicantName").singleResult().getId();
    assertThat(get("gs.nam", "/engine-rest/variable-instance/" + variableId).getStatusCode().value()).isEqualTo(200);
    assertThat(get("gs.nam", "/engine-rest/execution/" + block + "/localVariables").getStatusCode().value())
        .isEqualTo(200);
    // the province's supervisor reads the history
    assertThat(get("gs.ha", "/engine-rest/history/variable-instance?processInstanceId=" + pi).getStatusCode().value())
        .isEqualTo(200);
    ResponseEntity<String> details = rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/engine-rest/history/detail?processInstanceId=" + pi, String.class);
    assertThat(details.getStatusCode().value()).isEqualTo(200);
    assertThat(details.getBody()).contains("Lê Thị Bình");
    String historicId = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi)
        .variableName("applicantName").singleResult().getId();
    assertThat(get("gs.ha", "/engine-rest/history/variable-instance/" + historicId).getStatusCode().value())
        .isEqualTo(200);
    // Cockpit's variables tab, through the webapps' API with the session
    HttpHeaders cockpit = login("gs.nam", "cockpit");
    cockpit.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> tab = rest.exchange("/camunda/api/engine/engine/default/variable-instance"
        + "?deserializeValues=false&firstResult=0&maxResults=50", HttpMethod.POST,
        new HttpEntity<>("{\"processInstanceIdIn\": [\"" + pi + "\"]}", cockpit), String.class);
    assertThat(tab.getStatusCode().value()).as(tab.getBody()).isEqualTo(200);
    assertThat(tab.getBody()).contains("Lê Thị Bình");
    // what shows no variable, and what the engine refused: nothing
    assertThat(get("gs.nam", "/engine-rest/variable-instance/count?processInstanceIdIn=" + pi).getStatusCode().value())
        .isEqualTo(200);
    assertThat(get("cv.huong", "/engine-rest/variable-instance/" + variableId).getStatusCode().is4xxClientError())
        .isTrue();
    assertThat(get("gs.nam", "/engine-rest/variable-instance?processInstanceIdIn=khong-co").getStatusCode().value())
        .isEqualTo(200);

    String api = "Cockpit / engine-rest: biến quy trình (";
    assertThat(entries()).extracting(AccessEntry::officer, AccessEntry::screen, AccessEntry::detail).containsExactly(
        org.assertj.core.groups.Tuple.tuple("gs.nam", Screen.ENGINE_VARIABLES, api + "GET /variable-instance)"),
        org.assertj.core.groups.Tuple.tuple("gs.nam", Screen.ENGINE_VARIABLES, api + "POST /variable-instance)"),
        org.assertj.core.groups.Tuple.tuple("gs.nam", Screen.ENGINE_VARIABLES, api + "GET /variable-instance/{id})"),
        org.assertj.core.groups.Tuple.tuple("gs.nam", Screen.ENGINE_VARIABLES,
            api + "GET /execution/{id}/localVariables)"),
        org.assertj.core.groups.Tuple.tuple("gs.ha", Screen.ENGINE_VARIABLES, api + "GET /history/variable-instance)"),
        org.assertj.core.groups.Tuple.tuple("gs.ha", Screen.ENGINE_VARIABLES, api + "GET /history/detail)"),
        org.assertj.core.groups.Tuple.tuple("gs.ha", Screen.ENGINE_VARIABLES,
            api + "GET /history/variable-instance/{id})"),
        org.assertj.core.groups.Tuple.tuple("gs.nam", Screen.ENGINE_VARIABLES, api + "POST /variable-instance)"));
    assertThat(entries()).allSatisfy(e -> {
      assertThat(e.dossierCode()).isEqualTo(d.code());
      assertThat(e.accessedAt()).isNotNull();
    });
    assertThat(entries().get(0).unit()).isEqualTo("tq-minhxuan");
    assertThat(entries().get(0).officerName()).isEqualTo("Ngô Văn Nam");
    assertThat(citizenScreens()).hasSize(8).containsOnly("Xem biến quy trình của hồ sơ (Cockpit, engine-rest)");
  }

  @Test
  void a_read_of_variables_that_belong_to_no_dossier_writes_nothing() throws Exception {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    HttpHeaders jsonPart = new HttpHeaders();
    jsonPart.setContentType(MediaType.APPLICATION_JSON);
    body.add("petition", new HttpEntity<>("""
        {"unit": "tq-minhxuan", "name": "Trần Thị Bích", "phone": "0987654321",
         "address": "Số 7 ngõ 3 đường Tân Trào, phường Minh Xuân",
         "subject": "Đèn đường hỏng", "content": "Đèn đường ngõ 3 hỏng đã hai tuần."}""", jsonPart));
    HttpHeaders headers = from();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<Map> filed = rest.exchange("/api/public/petitions", HttpMethod.POST, new HttpEntity<>(body, headers),
        Map.class);
    assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
    String pi = petitions.findByCode((String) filed.getBody().get("code")).orElseThrow().processInstanceId();
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM access_log", Long.class);

    ResponseEntity<String> read = rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/engine-rest/variable-instance?processInstanceIdIn=" + pi, String.class);
    assertThat(read.getStatusCode().value()).isEqualTo(200);
    assertThat(JSON.readTree(read.getBody())).as("the petition's variables were read").isNotEmpty();
    assertThat(rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/engine-rest/history/variable-instance?processInstanceId=" + pi, String.class)
        .getStatusCode().value()).isEqualTo(200);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log", Long.class)).isEqualTo(before);
  }

  /** The screens of the dossier's openings as the citizen reads them (with the lookup PIN). */
  private List<String> citizenScreens() throws Exception {
    HttpHeaders h = from();
    h.setContentType(MediaType.APPLICATION_JSON);
    return JSON.readTree(rest.postForEntity("/api/public/dossiers/" + d.code() + "/access-log",
        new HttpEntity<>("{\"secret\": \"" + pin + "\"}", h), String.class).getBody()).findValuesAsText("screen");
  }

  /** Logs into a Camunda webapp: the session cookie and the XSRF token for the webapps' API. */
  private HttpHeaders login(String user, String app) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
    String xsrf = cookie(page.getHeaders(), "XSRF-TOKEN");
    String session = cookie(page.getHeaders(), "JSESSIONID");
    HttpHeaders login = new HttpHeaders();
    login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    login.add("X-XSRF-TOKEN", xsrf);
    login.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + xsrf + (session == null ? "" : "; JSESSIONID=" + session));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", "demo");
    ResponseEntity<String> loggedIn = rest.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
        new HttpEntity<>(form, login), String.class);
    assertThat(loggedIn.getStatusCode().value()).as(loggedIn.getBody()).isEqualTo(200);
    String session2 = cookie(loggedIn.getHeaders(), "JSESSIONID");
    String sessionCookie = "JSESSIONID=" + (session2 == null ? session : session2);
    // the webapps' CSRF token of the logged-in session, handed out on a reading request
    HttpHeaders read = new HttpHeaders();
    read.add(HttpHeaders.COOKIE, sessionCookie);
    ResponseEntity<String> me = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(read), String.class);
    String token = cookie(me.getHeaders(), "XSRF-TOKEN");
    if (token == null) {
      token = cookie(loggedIn.getHeaders(), "XSRF-TOKEN");
    }
    if (token == null) {
      token = xsrf;
    }
    HttpHeaders browser = new HttpHeaders();
    browser.add("X-XSRF-TOKEN", token);
    browser.add(HttpHeaders.COOKIE, sessionCookie + "; XSRF-TOKEN=" + token);
    return browser;
  }

  private static String cookie(HttpHeaders headers, String name) {
    return headers.getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream().filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(name.length() + 1).split(";")[0]).reduce((a, b) -> b).orElse(null);
  }
}
