package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.APPROVED;
import static vn.motcua.procedure.ProcedureDriver.var;
import static vn.motcua.procedure.ProcedureDriver.vars;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.CatalogueFile;
import vn.motcua.catalogue.CatalogueImport;
import vn.motcua.catalogue.CatalogueRow;
import vn.motcua.catalogue.ImportReport;
import vn.motcua.catalogue.ImportReport.Outcome;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.dossier.OutcomeClass;

/**
 * The catalogue import (issue 27): a sample file with one procedure of every shape and a file of wrong rows;
 * every generated shape worked to its return with its stage timers and an apology, printed and reported;
 * re-import idempotent, a changed row a new version, a refined model kept; the search with and without
 * diacritics. The sample is imported once into the shared context (an unchanged import deploys nothing).
 */
@MotCuaSpringTest
class CatalogueImportTest extends DossierTestSupport {
  static final List<String> SAMPLE_KEYS = List.of("Procedure_TTHC_1_001022", "Procedure_TTHC_1_004227",
      "Procedure_TTHC_1_000000", "Procedure_TTHC_2_000001", "Procedure_TTHC_2_000002", "Procedure_TTHC_1_000003");
  @Autowired CatalogueImport importer;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired WorkingCalendar calendar;
  ProcedureDriver driver;

  static CatalogueFile file(String name) {
    try (InputStream in = CatalogueImportTest.class.getResourceAsStream("/catalogue/" + name)) {
      return CatalogueFile.read(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void sampleImported() {
    ImportReport report = importer.importFile(file("sample.json"), "test");
    assertThat(report.rows()).allSatisfy(r -> assertThat(r.outcome()).as(r.message())
        .isIn(Outcome.DEPLOYED, Outcome.UNCHANGED, Outcome.NEW_VERSION));
    driver = new ProcedureDriver(rest, taskService, identityService, dossiers, calendar);
    clockAt("2026-03-02T09:00");
  }

  @AfterEach
  void undeployModeler() {
    for (Deployment d : repositoryService.createDeploymentQuery().deploymentSource("Camunda Modeler").list()) {
      repositoryService.deleteDeployment(d.getId(), true);
    }
  }

  @Test
  void valid_rows_are_deployed_and_wrong_rows_refused_with_their_reasons_and_nothing_of_them_deployed() {
    List<CatalogueRow> rows = new ArrayList<>(file("sample.json").procedures());
    rows.addAll(file("invalid.json").procedures());
    ImportReport report = importer.importFile(new CatalogueFile("test", null, null, rows), "test");
    assertThat(report.rows()).hasSize(12);
    assertThat(report.rows().subList(0, 6)).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.UNCHANGED));
    List<ImportReport.Row> refused = report.rows().subList(6, 12);
    assertThat(refused).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.REFUSED));
    assertThat(refused.get(0).problems()).anySatisfy(p -> assertThat(p).contains("'tq-khongco' không phải mã đơn vị"));
    assertThat(refused.get(1).problems()).anySatisfy(p -> assertThat(p).contains("thời hạn giải quyết 0 ngày làm việc không hợp lệ"));
    assertThat(refused.get(2).problems()).anySatisfy(p -> assertThat(p).contains("vượt thời hạn 2 ngày làm việc"));
    assertThat(refused.get(3).problems()).anySatisfy(p -> assertThat(p).contains("trùng với dòng [11]"));
    assertThat(refused.get(4).problems()).anySatisfy(p -> assertThat(p).contains("trùng với dòng [10]"));
    assertThat(refused.get(5).problems()).anySatisfy(p -> assertThat(p).contains("dạng quy trình 'BATCH' không có"));
    for (String code : List.of("9_000001", "9_000002", "9_000003", "9_000004", "9_000005")) {
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Procedure_TTHC_" + code).count())
          .as("nothing of a refused row").isZero();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM catalogue_procedure WHERE code LIKE '9.%'", Integer.class)).isZero();
    // the valid ones are in the public catalogue with the facts of their row
    String listed = rest.getForObject("/api/public/procedures", String.class);
    SAMPLE_KEYS.forEach(k -> assertThat(listed).contains(k));
    Map<String, Object> inspection = rest.getForObject("/api/public/procedures/Procedure_TTHC_1_000000", Map.class);
    assertThat(inspection.get("code")).isEqualTo("1.000000");
    assertThat(inspection.get("statutoryDays")).isEqualTo(7);
    assertThat((String) inspection.get("feeNote")).contains("[U]");
    assertThat(inspection.get("documents").toString()).contains("Đơn đề nghị cấp giấy phép sửa chữa, cải tạo (bản chính: 1, bản sao: 0)");
    assertThat(inspection.get("forms").toString()).contains("form-field-inspection");
  }

  @Test
  void a_hand_made_procedure_code_is_not_generated_again() {
    CatalogueRow birth = new CatalogueRow("1.001193", "Đăng ký khai sinh", "COMMUNE", "Hộ tịch", "RECEIVING_UNIT", 0, 0L,
        null, null, List.of(new CatalogueRow.Document("Tờ khai đăng ký khai sinh", 1, 0)), "SAME_DAY", null, null, null,
        null, null);
    ImportReport report = importer.importFile(new CatalogueFile("test", null, null, List.of(birth)), "test");
    assertThat(report.rows().get(0).outcome()).isEqualTo(Outcome.HAND_MADE);
    assertThat(report.rows().get(0).processKey()).isEqualTo("Procedure_BirthRegistration");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Procedure_TTHC_1_001193").count()).isZero();
  }

  @Test
  void re_importing_an_unchanged_file_deploys_nothing_and_a_changed_row_makes_a_new_version() {
    long deployments = repositoryService.createDeploymentQuery().count();
    ImportReport again = importer.importFile(file("sample.json"), "test");
    assertThat(again.count(Outcome.UNCHANGED)).isEqualTo(6);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);

    String key = "Procedure_TTHC_1_004227";
    int before = latest(key).getVersion();
    List<CatalogueRow> rows = new ArrayList<>(file("sample.json").procedures());
    CatalogueRow r = rows.get(1);
    rows.set(1, new CatalogueRow(r.code(), r.name(), r.level(), r.field(), r.competentAgency(), 5, r.fee(), r.feeNote(),
        r.legalBasis(), r.documents(), r.shape(), r.partners(), r.inspectionHours(), r.appraisalHours(),
        r.approvalHours(), r.provinceSpecific()));
    ImportReport changed = importer.importFile(new CatalogueFile("test", null, null, rows), "test");
    assertThat(changed.rows().get(1).outcome()).isEqualTo(Outcome.NEW_VERSION);
    assertThat(changed.count(Outcome.UNCHANGED)).isEqualTo(5);
    assertThat(latest(key).getVersion()).isEqualTo(before + 1);
    Map<String, Object> listed = rest.getForObject("/api/public/procedures/" + key, Map.class);
    assertThat(listed.get("statutoryDays")).isEqualTo(5);
    // back to the file's row: one more version (the content is the file's again), then unchanged
    assertThat(importer.importFile(file("sample.json"), "test").rows().get(1).outcome()).isEqualTo(Outcome.NEW_VERSION);
    assertThat(importer.importFile(file("sample.json"), "test").count(Outcome.UNCHANGED)).isEqualTo(6);
  }

  @Test
  void an_unchanged_row_is_not_generated_again_unless_the_generator_was_rebuilt() {
    long before = importer.modelsGenerated();
    assertThat(importer.importFile(file("sample.json"), "test").count(Outcome.UNCHANGED)).isEqualTo(6);
    assertThat(importer.modelsGenerated()).as("start-up of a province: a query per row, no model").isEqualTo(before);

    // a new build of the generator: each row generated and compared once, nothing deployed, then known again
    jdbc.update("UPDATE catalogue_procedure SET generator_fingerprint = 'an older build'");
    long deployments = repositoryService.createDeploymentQuery().count();
    assertThat(importer.importFile(file("sample.json"), "test").count(Outcome.UNCHANGED)).isEqualTo(6);
    assertThat(importer.modelsGenerated()).isEqualTo(before + 6);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(importer.importFile(file("sample.json"), "test").count(Outcome.UNCHANGED)).isEqualTo(6);
    assertThat(importer.modelsGenerated()).isEqualTo(before + 6);
  }

  @Test
  void a_model_refined_in_modeler_after_generation_is_never_overwritten_by_a_later_import() {
    String key = "Procedure_TTHC_1_000003";
    ProcessDefinition generated = latest(key);
    String xml = new String(resource(generated), StandardCharsets.UTF_8)
        .replace("name=\"Thẩm định và phê duyệt tại cơ quan cấp tỉnh\"", "name=\"Thẩm định hồ sơ biến động đất đai\"");
    ResponseEntity<Map> deployed = RuntimeDeploymentTest.deploy(rest, "qt.phuong", "bien-dong-dat-dai",
        Map.of("bien-dong-dat-dai.bpmn", xml));
    assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(200);
    ProcessDefinition refined = latest(key);
    assertThat(refined.getVersion()).isEqualTo(generated.getVersion() + 1);

    List<CatalogueRow> rows = new ArrayList<>(file("sample.json").procedures());
    CatalogueRow r = rows.get(5);
    rows.set(5, new CatalogueRow(r.code(), r.name(), r.level(), r.field(), r.competentAgency(), r.statutoryDays(),
        45000L, r.feeNote(), r.legalBasis(), r.documents(), r.shape(), r.partners(), r.inspectionHours(),
        r.appraisalHours(), r.approvalHours(), r.provinceSpecific()));
    for (CatalogueFile f : List.of(file("sample.json"), new CatalogueFile("test", null, null, rows))) {
      ImportReport report = importer.importFile(f, "test");
      ImportReport.Row row = report.rows().get(5);
      assertThat(row.outcome()).isEqualTo(Outcome.REFINED_KEPT);
      assertThat(row.message()).contains("đã được chỉnh sửa sau khi sinh", "bien-dong-dat-dai");
      assertThat(latest(key).getId()).as("the refined version stays the latest").isEqualTo(refined.getId());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Procedure_TTHC_1_001022", "Procedure_TTHC_1_004227", "Procedure_TTHC_1_000000",
      "Procedure_TTHC_2_000001", "Procedure_TTHC_2_000002", "Procedure_TTHC_1_000003"})
  void a_dossier_on_a_generated_procedure_runs_to_its_return_with_its_stage_timers_and_an_apology(String key) {
    Dossier d = driver.register(key);
    assertThat(d.procedureKey()).isEqualTo(key);
    driver.work(d, driver.openTasks(d, "Task_CheckDossier").get(0));
    assertThat(printed(d, "01")).as("receipt (form 01)").isEqualTo(200);
    // the rows with a fee (1.000000: 50.000 đồng, 1.000003: 30.000 đồng) wait for it; paid at the counter at once
    List<Task> fee = driver.openTasks(d, "Task_CollectFee");
    assertThat(fee).hasSize(Set.of("Procedure_TTHC_1_000000", "Procedure_TTHC_1_000003").contains(key) ? 1 : 0);
    for (Task collect : fee) {
      assertThat(reload(d).status()).isEqualTo(DossierStatus.AWAITING_FINANCIAL_OBLIGATIONS);
      driver.work(d, collect);
      assertThat(jdbc.queryForObject("SELECT amount FROM fee_payment WHERE dossier_id = ? AND status = 'PAID'",
          Long.class, d.id())).isEqualTo(key.endsWith("1_000000") ? 50_000L : 30_000L);
    }
    // the first stage timer that asks for an apology fires; the responsible unit apologises with a new date
    Job apologyTimer = timers(d).stream().filter(j -> activityOf(j).endsWith("ApologyDue"))
        .min(Comparator.comparing(Job::getDuedate)).orElseThrow();
    ClockUtil.setCurrentTime(apologyTimer.getDuedate());
    fireDueTimers(d);
    for (Task reason : driver.openTasks(d, "Task_PartnerReasonForApology")) {
      driver.work(d, reason);
    }
    assertThat(driver.openTasks(d, "Task_DraftApology")).as(key + " at " + apologyTimer.getDuedate()).hasSize(1);
    for (String task : List.of("Task_DraftApology", "Task_SignApology", "Task_DeliverApology")) {
      driver.work(d, driver.openTasks(d, task).get(0));
    }
    assertThat(reload(d).apologyCount()).isEqualTo(1);
    assertThat(printed(d, "04")).as("apology letter (form 04)").isEqualTo(200);
    driver.completingAlerts().driveToEnd(d);
    d = reload(d);
    assertThat(instance(d)).as("process ended").isNull();
    assertThat(d.status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(d.decision()).isEqualTo(APPROVED);
    assertThat(d.outcome()).isNotEqualTo(OutcomeClass.LATE);
    assertThat(printed(d, "05")).as("processing-control slip (form 05)").isEqualTo(200);
    assertThat(rest.withBasicAuth("mc.hung", "demo").getForEntity("/api/reports/ledger.pdf?from=2026-03-01&to=2026-03-31"
        + "&unit=tq-minhxuan", byte[].class).getStatusCode().value()).as("tracking ledger (form 06)").isEqualTo(200);
    String month = java.time.YearMonth.from(d.receivedAt().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))).toString();
    ResponseEntity<String> report = rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/api/reports/resolution?month=" + month, String.class);
    assertThat(report.getStatusCode().value()).isEqualTo(200);
    assertThat(report.getBody()).contains(key);
  }

  @Test
  @SuppressWarnings("unchecked")
  void a_citizen_submits_online_for_a_generated_procedure_follows_it_and_the_portal_event_names_its_code() {
    String key = "Procedure_TTHC_1_004227"; // Đăng ký giám hộ, generated from the sample row 1.004227
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    HttpHeaders pdf = new HttpHeaders();
    pdf.setContentType(MediaType.APPLICATION_OCTET_STREAM);
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("dossier", new HttpEntity<>("""
        {"procedureKey": "%s", "receivingUnit": "tq-minhxuan",
         "applicant": {"name": "Nông Thị Hằng", "idNumber": "008190004321", "phone": "0913222333",
                       "email": null, "address": "Tổ 3, phường Minh Xuân"},
         "requestSummary": "Đăng ký giám hộ cho cháu Nông Văn An"}
        """.formatted(key), json));
    body.add("files", new HttpEntity<>(new ByteArrayResource(
        "%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)) {
      @Override
      public String getFilename() {
        return "to-khai-giam-ho.pdf";
      }
    }, pdf));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.set("X-Forwarded-For", "10.99.27.1");
    ResponseEntity<Map> submitted = rest.exchange("/api/public/dossiers", HttpMethod.POST, new HttpEntity<>(body, headers),
        Map.class);
    assertThat(submitted.getStatusCode().value()).as(String.valueOf(submitted.getBody())).isEqualTo(201);
    String code = (String) submitted.getBody().get("code");
    String pin = (String) submitted.getBody().get("lookupPin");

    HttpHeaders lookupHeaders = new HttpHeaders();
    lookupHeaders.setContentType(MediaType.APPLICATION_JSON);
    lookupHeaders.set("X-Forwarded-For", "10.99.27.2");
    ResponseEntity<Map> found = rest.exchange("/api/public/dossiers/lookup", HttpMethod.POST,
        new HttpEntity<>("{\"code\": \"" + code + "\", \"secret\": \"" + pin + "\"}", lookupHeaders), Map.class);
    assertThat(found.getStatusCode().value()).isEqualTo(200);
    assertThat(found.getBody().toString()).contains("giám hộ");

    Dossier d = dossiers.getByCode(code);
    assertThat(d.procedureKey()).isEqualTo(key);
    assertThat(d.procedureCode()).isEqualTo("1.004227");
    // the national portal's status event 1 carries the catalogue's procedure code (docs/portal.md)
    assertThat(jdbc.queryForObject("SELECT procedure_code FROM portal_event WHERE dossier_id = ? AND sequence_no = 1",
        String.class, d.id())).isEqualTo("1.004227");
    // and the officers work it in Tasklist as any dossier: the reception check is open at Minh Xuân
    assertThat(driver.openTasks(d, "Task_CheckDossier")).hasSize(1);
  }

  @Test
  void the_catalogue_is_searched_by_code_or_words_of_the_name_with_or_without_diacritics() {
    assertThat(search("đăng ký khai tử")).first().isEqualTo("Procedure_TTHC_1_001022");
    assertThat(search("dang ky khai tu")).first().isEqualTo("Procedure_TTHC_1_001022");
    assertThat(search("DANG KY KHAI TU")).first().isEqualTo("Procedure_TTHC_1_001022");
    assertThat(search("giam ho")).containsExactly("Procedure_TTHC_1_004227");
    assertThat(search("1.004227")).containsExactly("Procedure_TTHC_1_004227");
    assertThat(search("1.0011")).contains("Procedure_BirthRegistration");
    assertThat(search("khai sinh")).contains("Procedure_BirthRegistration", "Procedure_TTHC_2_000002");
    assertThat(search("bien dong dat")).containsExactly("Procedure_TTHC_1_000003");
    assertThat(search("không có thủ tục này")).isEmpty();
    ResponseEntity<Map> empty = rest.getForEntity("/api/public/procedures/search?q=", Map.class);
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat((String) empty.getBody().get("message")).contains("Nhập mã thủ tục");
  }

  @Test
  void only_a_process_admin_imports_and_a_broken_file_is_refused_as_a_whole() {
    ResponseEntity<Map> officer = post("mc.hung", "{\"procedures\": []}");
    assertThat(officer.getStatusCode().value()).isIn(403);
    ResponseEntity<Map> supervisor = post("gs.ha", "{\"procedures\": []}");
    assertThat(supervisor.getStatusCode().value()).isEqualTo(403);
    assertThat((String) supervisor.getBody().get("message")).contains("quản trị quy trình");
    ResponseEntity<Map> broken = post("qt.phuong", "{\"procedures\": [");
    assertThat(broken.getStatusCode().value()).isEqualTo(400);
    assertThat((String) broken.getBody().get("message")).contains("không phải JSON hợp lệ");
    ResponseEntity<Map> ok = post("qt.phuong", "{\"procedures\": [{\"code\": \"9.000009\", \"name\": \"Sai\"}]}");
    assertThat(ok.getStatusCode().value()).isEqualTo(200);
    assertThat(ok.getBody().toString()).contains("REFUSED", "thiếu thời hạn giải quyết");
  }

  private ResponseEntity<Map> post(String user, String body) {
    return rest.withBasicAuth(user, "demo").postForEntity("/api/admin/catalogue/import", new HttpEntity<>(body, json()),
        Map.class);
  }

  private List<String> search(String q) {
    List<Map<String, Object>> found = rest.getForObject("/api/public/procedures/search?q={q}", List.class, q);
    return found.stream().map(m -> (String) m.get("key")).toList();
  }

  private int printed(Dossier d, String form) {
    return rest.withBasicAuth("mc.hung", "demo").getForEntity("/api/dossiers/" + d.code() + "/forms/" + form + ".pdf",
        byte[].class).getStatusCode().value();
  }

  private ProcessDefinition latest(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }

  private byte[] resource(ProcessDefinition def) {
    try (InputStream in = repositoryService.getResourceAsStream(def.getDeploymentId(), def.getResourceName())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
