package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.ControlLogEntry;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierTestSupport;

/**
 * Reception regardless of administrative boundary within the province (phi địa giới hành chính, Decree
 * 118/2025): a commune procedure received at the One-Stop Division of one commune (Nông Tiến) for another
 * commune (Minh Xuân) is appraised and approved by the competent commune's officers and returned at the
 * commune that received it; the dossier keeps both units and the reports charge the competent one.
 */
@MotCuaSpringTest
class CrossCommuneReceptionTest extends DossierTestSupport {
  static final String COMMUNE_PROCEDURE = "Procedure_HouseholdBusinessRegistration";

  @Autowired IdentityService identityService;
  @Autowired WorkingCalendar calendar;
  ProcedureDriver driver;

  @BeforeEach
  void newDriver() {
    driver = new ProcedureDriver(rest, taskService, identityService, dossiers, calendar);
  }

  private ResponseEntity<Map> registerAt(String officer, String procedureKey, String competentUnit) {
    String body = """
        {"procedureKey": "%s", "channel": "DIRECT", "competentUnit": %s,
         "applicant": {"name": "Trần Thị Hoa", "idNumber": "001203009876", "phone": "0912000111",
                       "address": "Tổ 7, phường Minh Xuân, tỉnh Tuyên Quang"},
         "requestSummary": "Đăng ký hộ kinh doanh tại phường Minh Xuân, nộp tại phường Nông Tiến"}
        """.formatted(procedureKey, competentUnit == null ? "null" : "\"" + competentUnit + "\"");
    return rest.withBasicAuth(officer, "demo").postForEntity("/api/dossiers", new HttpEntity<>(body, json()), Map.class);
  }

  private List<String> groups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList();
  }

  private Task only(Dossier d, String key) {
    List<Task> tasks = driver.openTasks(d, key);
    assertThat(tasks).as(key).hasSize(1);
    return tasks.get(0);
  }

  @Test
  void a_dossier_received_at_another_commune_is_resolved_by_the_competent_commune_and_returned_where_it_was_received() {
    clockAt("2026-03-02T09:00");
    ResponseEntity<Map> response = registerAt("mc.tuan", COMMUNE_PROCEDURE, "tq-minhxuan");
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    Dossier d = dossiers.getByCode((String) response.getBody().get("code"));
    assertThat(d.code()).as("numbered by the receiving agency (Circular 01/2018 Art. 19)").startsWith("000.02.30.H60-");
    assertThat(d.receivingUnit()).isEqualTo("tq-nongtien");
    assertThat(d.competentUnit()).isEqualTo("tq-minhxuan");

    Task check = only(d, "Task_CheckDossier");
    assertThat(groups(check)).containsExactly("tq-nongtien.reception");
    driver.answer("Task_CheckDossier", ProcedureDriver.vars(ProcedureDriver.var("receptionDecision", "COMPLETE"),
        ProcedureDriver.var("undigitisedReason", "Người nộp mang bản giấy, máy quét của bộ phận đang sửa")));
    driver.work(d, check);

    Task fee = only(d, "Task_CollectFee");
    assertThat(groups(fee)).as("the fee is taken where the dossier was received").containsExactly("tq-nongtien.reception");
    assertThat(driver.officerFor(fee)).isEqualTo("mc.tuan");
    driver.work(d, fee);

    Task appraise = only(d, "Task_Appraise");
    assertThat(groups(appraise)).as("the competent commune's specialists").containsExactly("tq-minhxuan.specialist");
    assertThat(driver.officerFor(appraise)).isEqualTo("cv.minh");
    driver.work(d, appraise);

    Task approve = only(d, "Task_Approve");
    assertThat(groups(approve)).as("the competent commune's leaders").containsExactly("tq-minhxuan.leader");
    driver.work(d, approve);

    Task giveBack = only(d, "Task_ReturnResult");
    assertThat(groups(giveBack)).as("returned at the One-Stop Division that received it")
        .containsExactly("tq-nongtien.reception");
    assertThat(driver.officerFor(giveBack)).isEqualTo("mc.tuan");
    driver.work(d, giveBack);

    d = reload(d);
    assertThat(d.status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(d.receivingUnit()).isEqualTo("tq-nongtien");
    assertThat(d.competentUnit()).as("the reports group and charge by the competent unit").isEqualTo("tq-minhxuan");
    List<ControlLogEntry> log = dossiers.controlLog(d.id());
    ControlLogEntry transfer = log.stream().filter(e -> e.stepKey().equals("Transfer")).findFirst().orElseThrow();
    assertThat(transfer.fromUnit()).isEqualTo("tq-nongtien");
    assertThat(transfer.toUnit()).isEqualTo("tq-minhxuan");
    assertThat(log.stream().filter(e -> "Task_ReturnResult".equals(e.stepKey())).map(ControlLogEntry::toUnit))
        .containsExactly("tq-nongtien");

    // the status events to the national portal name both agencies
    List<String> payloads = jdbc.queryForList("SELECT payload FROM portal_event e JOIN dossier d ON d.id = e.dossier_id"
        + " WHERE d.code = ? ORDER BY e.sequence_no", String.class, d.code());
    assertThat(payloads).isNotEmpty().allSatisfy(p -> assertThat(p)
        .contains("\"receivingAgencyCode\":\"tq-nongtien\"", "\"competentAgencyCode\":\"tq-minhxuan\""));
  }

  @Test
  void both_units_see_the_dossier_and_naming_the_receiving_commune_itself_is_the_usual_path() {
    ResponseEntity<Map> response = registerAt("mc.tuan", COMMUNE_PROCEDURE, "tq-nongtien");
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    Dossier same = dossiers.getByCode((String) response.getBody().get("code"));
    assertThat(same.competentUnit()).isEqualTo("tq-nongtien");

    Dossier other = dossiers.getByCode((String) registerAt("mc.tuan", COMMUNE_PROCEDURE, "tq-minhxuan").getBody()
        .get("code"));
    for (String officer : List.of("mc.tuan", "cv.minh", "ld.thao")) {
      assertThat(rest.withBasicAuth(officer, "demo").getForEntity("/api/dossiers/" + other.code(), Map.class)
          .getStatusCode().value()).as(officer).isEqualTo(200);
    }
    assertThat(rest.withBasicAuth("cv.duc", "demo").getForEntity("/api/dossiers/" + other.code(), Map.class)
        .getStatusCode().value()).as("an officer of neither unit").isEqualTo(403);
  }

  @Test
  void the_competent_unit_must_be_a_commune_of_the_province_and_a_provincial_procedure_keeps_its_agency() {
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM dossier", Long.class);
    ResponseEntity<Map> department = registerAt("mc.tuan", COMMUNE_PROCEDURE, "tq-stp");
    assertThat(department.getStatusCode().value()).isEqualTo(400);
    assertThat((Map<String, String>) department.getBody().get("fields")).containsKey("competentUnit");
    assertThat((String) ((Map<String, String>) department.getBody().get("fields")).get("competentUnit"))
        .contains("Ủy ban nhân dân cấp xã");

    ResponseEntity<Map> unknown = registerAt("mc.tuan", COMMUNE_PROCEDURE, "tq-nowhere");
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat((Map<String, String>) unknown.getBody().get("fields")).containsKey("competentUnit");

    ResponseEntity<Map> provincial = registerAt("mc.lan", "Procedure_JudicialRecord", "tq-minhxuan");
    assertThat(provincial.getStatusCode().value()).isEqualTo(400);
    assertThat((String) ((Map<String, String>) provincial.getBody().get("fields")).get("competentUnit"))
        .contains("Sở Tư pháp");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier", Long.class)).as("nothing stored").isEqualTo(before);
  }

  @Test
  void an_online_dossier_may_be_received_at_one_commune_for_another() {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    HttpHeaders jsonPart = new HttpHeaders();
    jsonPart.setContentType(MediaType.APPLICATION_JSON);
    body.add("dossier", new HttpEntity<>("""
        {"procedureKey": "%s", "receivingUnit": "tq-nongtien", "competentUnit": "tq-minhxuan",
         "applicant": {"name": "Lê Thị Bình", "idNumber": "008090001234", "phone": "0987111222",
                       "address": "Số 12 đường Tân Trào, phường Minh Xuân"},
         "requestSummary": "Đăng ký hộ kinh doanh"}
        """.formatted(COMMUNE_PROCEDURE), jsonPart));
    HttpHeaders filePart = new HttpHeaders();
    filePart.setContentType(MediaType.APPLICATION_PDF);
    body.add("files", new HttpEntity<>(new ByteArrayResource(
        "%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n".getBytes()) {
      @Override
      public String getFilename() {
        return "giay-de-nghi.pdf";
      }
    }, filePart));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.set("X-Forwarded-For", "10.88.0.7");
    ResponseEntity<Map> response = rest.postForEntity("/api/public/dossiers", new HttpEntity<>(body, headers), Map.class);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    Dossier d = dossiers.getByCode((String) response.getBody().get("code"));
    assertThat(d.receivingUnit()).isEqualTo("tq-nongtien");
    assertThat(d.competentUnit()).isEqualTo("tq-minhxuan");
    assertThat(groups(only(d, "Task_CheckDossier"))).containsExactly("tq-nongtien.reception");
  }
}
