package vn.motcua.digitisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static vn.motcua.dossier.DossierVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.task.Task;
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
import vn.motcua.accesslog.AccessEntry;
import vn.motcua.accesslog.AccessLog;
import vn.motcua.accesslog.Screen;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.files.DossierFile;
import vn.motcua.files.DossierFiles;
import vn.motcua.payment.FeePayment;
import vn.motcua.payment.FeeService;
import vn.motcua.payment.StubPaymentGateway;
import vn.motcua.signature.PdfSignatures;

/**
 * Issue 24's "done when", end to end: a paper dossier of the judicial record certificate (200.000 đồng) is
 * scanned at the Nông Tiến counter (where the test profile enforces digitisation), its fee paid online through
 * the (stub) gateway's signed callback, verified by the police, appraised and approved at the Department of
 * Justice with a signed result file that verifies with PDFBox (and a modified copy does not), returned
 * electronically and downloaded by the citizen with the code and the lookup PIN; its access log names each
 * officer who opened it (through the officers' API or a task form in Tasklist), their unit and the screen, for
 * the supervisor and for the citizen.
 */
@MotCuaSpringTest
class DigitalDossierEndToEndTest extends DossierTestSupport {
  static final String JUDICIAL = "Procedure_JudicialRecord";
  static final String ID_NUMBER = "001203024024";
  static final String PHONE = "0912024024";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired StubPaymentGateway gateway;
  @Autowired FeeService fees;
  @Autowired PdfSignatures signatures;
  @Autowired DossierFiles files;
  @Autowired AccessLog accessLog;

  @Test
  void a_paper_dossier_is_scanned_paid_online_resolved_with_a_signed_result_returned_electronically_and_its_reads_logged()
      throws IOException {
    clockAt("2026-03-16T09:00");

    // 1. paper reception at Nông Tiến: each document scanned, then accepted; the receipt printed with the PIN
    ResponseEntity<Map> registered = rest.withBasicAuth("mc.tuan", "demo").postForEntity("/api/dossiers",
        new HttpEntity<>("""
            {"procedureKey": "%s", "channel": "DIRECT",
             "applicant": {"name": "Hà Thị Thu", "idNumber": "%s", "phone": "%s",
                           "address": "Thôn Nông Tiến, phường Nông Tiến, tỉnh Tuyên Quang"},
             "requestSummary": "Cấp Phiếu lý lịch tư pháp số 1 để bổ sung hồ sơ xin việc",
             "documents": [{"name": "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "copies": 1},
                           {"name": "Bản chụp căn cước của người được cấp Phiếu", "copies": 1}]}
            """.formatted(JUDICIAL, ID_NUMBER, PHONE), json()), Map.class);
    assertThat(registered.getStatusCode().value()).as(String.valueOf(registered.getBody())).isEqualTo(201);
    Dossier d = dossiers.getByCode((String) registered.getBody().get("code"));
    assertThat(d.receivingUnit()).isEqualTo("tq-nongtien");

    Task check = task(d, "Task_CheckDossier");
    assertThat(taskService.getVariableLocal(check.getId(), Digitisation.MISSING_VARIABLE)).isEqualTo(2);
    assertThat(complete("mc.tuan", check, var(RECEPTION_DECISION, COMPLETE)).getStatusCode().value())
        .as("not accepted before the scans").isEqualTo(400);
    assertThat(scan(d, 1, "to-khai.pdf", DigitalFirstTest.PDF).getStatusCode().value()).isEqualTo(200);
    ResponseEntity<Map> last = scan(d, 2, "can-cuoc.jpg", DigitalFirstTest.JPEG);
    assertThat((List<?>) last.getBody().get("missing")).isEmpty();
    assertThat(get("mc.tuan", "/api/dossiers/" + d.code() + "/files").getStatusCode().value()).isEqualTo(200);
    completeOk("mc.tuan", check, var(RECEPTION_DECISION, COMPLETE));
    assertThat(events(d)).contains("DOCUMENT_DIGITISED", "RECEIPT_ISSUED").doesNotContain("DIGITISATION_WAIVED");
    assertThat(files.list(d.id())).filteredOn(f -> f.purpose() == DossierFile.Purpose.SCAN).hasSize(2);
    String pin = pinOnReceipt(d);

    // 2. the fee, paid online: the citizen starts the payment, the gateway's signed callback lets the dossier go on
    assertThat(reload(d).status()).isEqualTo(DossierStatus.AWAITING_FINANCIAL_OBLIGATIONS);
    assertThat(tasks(d, "Task_PartnerProcess")).as("not before the fee is paid").isEmpty();
    ResponseEntity<Map> payment = rest.postForEntity("/api/public/dossiers/" + d.code() + "/payment",
        new HttpEntity<>("{\"secret\": \"" + PHONE + "\"}", citizen(d)), Map.class);
    assertThat(payment.getStatusCode().value()).as(String.valueOf(payment.getBody())).isEqualTo(201);
    assertThat(((Number) payment.getBody().get("amount")).longValue()).isEqualTo(200_000L);
    StubPaymentGateway.SentCallback callback = gateway.settle(
        gateway.paymentIdOf((String) payment.getBody().get("reference")), "PAID");
    assertThat(callback.status()).isEqualTo(200);
    assertThat(callback.signature()).isNotBlank();
    FeePayment paid = fees.paid(d.id()).orElseThrow();
    assertThat(paid.method()).isEqualTo(FeePayment.ONLINE);
    assertThat(events(d)).containsSubsequence("FEE_DUE", "FEE_ONLINE_STARTED", "FEE_PAID", "CLOCK_RESUMED",
        "TRANSFERRED");

    // 3. the police verify; the Department of Justice appraises and approves: the result file is issued, signed
    clockAt("2026-03-17T09:00");
    assertThat(get("cv.long", "/api/dossiers/" + d.code()).getStatusCode().value()).isEqualTo(200);
    completeOk("cv.long", task(d, "Task_PartnerProcess"), vars(var(PARTNER_DECISION, PARTNER_DONE),
        var(PARTNER_RESULT, "Không có tiền án, tiền sự trong Cơ sở dữ liệu lý lịch tư pháp")));
    clockAt("2026-03-18T09:00");
    assertThat(get("cv.duc", "/api/dossiers/" + d.code()).getStatusCode().value()).isEqualTo(200);
    List<Map<String, Object>> scans = JSON.convertValue(JSON.readTree(
        get("cv.duc", "/api/dossiers/" + d.code() + "/files").getBody()), List.class);
    assertThat(scans).hasSize(2);
    assertThat(get("cv.duc", (String) scans.get(0).get("href")).getBody()).isEqualTo(DigitalFirstTest.PDF);
    completeOk("cv.duc", task(d, "Task_Appraise"), vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL),
        var(APPRAISAL_OPINION, "Đủ điều kiện cấp Phiếu lý lịch tư pháp số 1"),
        var(RESULT_TEXT, "Phiếu lý lịch tư pháp số 1, số 123/2026/LLTP: Không có án tích")));
    clockAt("2026-03-18T14:00");
    // the leader opens the task in Tasklist, which reads its form (the dossier view) through the engine's REST API
    Task approve = task(d, "Task_Approve");
    assertThat(get("ld.son", "/engine-rest/task/" + approve.getId() + "/form-variables").getStatusCode().value())
        .isEqualTo(200);
    completeOk("ld.son", approve, var(APPROVAL_DECISION, APPROVE));
    DossierFile result = files.list(d.id()).stream().filter(f -> f.purpose() == DossierFile.Purpose.RESULT)
        .findFirst().orElseThrow();
    assertThat(result.uploadedBy()).isEqualTo("ld.son");
    assertThat(events(d)).containsSubsequence("APPROVED", "RESULT_FILE_ISSUED");

    // 4. returned electronically; the citizen downloads the result with the code and the PIN (the phone is not enough)
    clockAt("2026-03-19T08:30");
    completeOk("mc.tuan", task(d, "Task_ReturnResult"), vars(var(DELIVERY_METHOD, "ONLINE"),
        var(RECEIVER_NAME, "Hà Thị Thu")));
    assertThat(reload(d).status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(instance(d)).isNull();
    assertThat(downloadResult(d, PHONE).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<byte[]> download = downloadResult(d, pin);
    assertThat(download.getStatusCode().value()).isEqualTo(200);
    assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    byte[] pdf = download.getBody();

    // 5. the result's PAdES signature verifies with PDFBox; a modified copy fails
    assertThat(signatures.check(pdf)).singleElement().satisfies(c -> {
      assertThat(c.valid()).as(c.problem()).isTrue();
      assertThat(c.signer()).isEqualTo(dossiers.unitName("tq-stp"));
      assertThat(c.subFilter()).isEqualTo("ETSI.CAdES.detached");
    });
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getSignatureDictionaries()).hasSize(1);
      assertThat(new PDFTextStripper().getText(doc)).contains("Phiếu lý lịch tư pháp số 1, số 123/2026/LLTP", d.code());
    }
    assertThat(signatures.allValid(DigitalFirstTest.tamper(pdf))).as("a modified result fails verification").isFalse();

    // 6. the access log: each officer who opened the dossier, with their unit and the screen
    List<AccessEntry> log = accessLog.ofDossier(d.id());
    assertThat(log).extracting(AccessEntry::officer, AccessEntry::unit, AccessEntry::screen).containsExactly(
        tuple("mc.tuan", "tq-nongtien", Screen.FILE_LIST),
        tuple("mc.tuan", "tq-nongtien", Screen.PRINTED_FORM),
        tuple("cv.long", "tq-ca", Screen.DOSSIER_VIEW),
        tuple("cv.duc", "tq-stp", Screen.DOSSIER_VIEW),
        tuple("cv.duc", "tq-stp", Screen.FILE_LIST),
        tuple("cv.duc", "tq-stp", Screen.FILE),
        tuple("ld.son", "tq-stp", Screen.TASK_FORM));
    assertThat(log).allSatisfy(e -> assertThat(e.dossierCode()).isEqualTo(d.code()));
    // the province's supervisor reads it
    JsonNode supervised = JSON.readTree(rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/api/access-log?code=" + d.code(), String.class).getBody());
    assertThat(supervised).hasSize(log.size());
    assertThat(supervised.findValuesAsText("officer")).containsOnly("mc.tuan", "cv.long", "cv.duc", "ld.son");
    // and so does the citizen, with the code and the PIN: who, in which unit, through which screen
    ResponseEntity<String> seen = rest.postForEntity("/api/public/dossiers/" + d.code() + "/access-log",
        new HttpEntity<>("{\"secret\": \"" + pin + "\"}", citizen(d)), String.class);
    assertThat(seen.getStatusCode().value()).isEqualTo(200);
    JsonNode openings = JSON.readTree(seen.getBody());
    assertThat(openings).hasSize(log.size());
    assertThat(openings.findValuesAsText("officerName")).contains("Bùi Minh Tuấn", "Trịnh Văn Long", "Hoàng Anh Đức",
        "Vũ Hồng Sơn");
    assertThat(openings.findValuesAsText("unitName")).contains(dossiers.unitName("tq-nongtien"),
        dossiers.unitName("tq-ca"), dossiers.unitName("tq-stp"));
    assertThat(openings.findValuesAsText("screen")).contains(Screen.DOSSIER_VIEW.label(), Screen.FILE_LIST.label(),
        Screen.FILE.label(), Screen.PRINTED_FORM.label(), Screen.TASK_FORM.label());
  }

  // ---------------- steps ----------------

  private List<Task> tasks(Dossier d, String key) {
    return taskService.createTaskQuery().processVariableValueEquals(DOSSIER_ID, d.id()).taskDefinitionKey(key).list();
  }

  private Task task(Dossier d, String key) {
    List<Task> list = tasks(d, key);
    assertThat(list).as(key + " of " + events(d)).hasSize(1);
    return list.get(0);
  }

  private List<String> events(Dossier d) {
    return dossiers.events(d.id()).stream().map(DossierEvent::type).toList();
  }

  private ResponseEntity<byte[]> get(String officer, String path) {
    return rest.withBasicAuth(officer, "demo").getForEntity(path, byte[].class);
  }

  private HttpHeaders citizen(Dossier d) {
    HttpHeaders h = json();
    h.set("X-Forwarded-For", "10.24.24." + Math.abs(d.code().hashCode() % 200));
    return h;
  }

  private ResponseEntity<Map> scan(Dossier d, int position, String name, byte[] bytes) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    HttpHeaders part = new HttpHeaders();
    part.setContentDispositionFormData("file", name);
    body.add("file", new HttpEntity<>(new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return name;
      }
    }, part));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<Map> r = rest.withBasicAuth("mc.tuan", "demo").postForEntity("/api/dossiers/" + d.code()
        + "/documents/" + position + "/scan", new HttpEntity<>(body, headers), Map.class);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    return r;
  }

  private String pinOnReceipt(Dossier d) throws IOException {
    ResponseEntity<byte[]> receipt = get("mc.tuan", "/api/dossiers/" + d.code() + "/forms/01.pdf");
    assertThat(receipt.getStatusCode().value()).isEqualTo(200);
    assertThat(signatures.allValid(receipt.getBody())).as("the receipt is signed").isTrue();
    try (PDDocument doc = Loader.loadPDF(receipt.getBody())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text.replaceAll("\\s+", " ")).contains("200.000 đồng");
      Matcher m = Pattern.compile("Mã tra cứu:\\D*(\\d{6})").matcher(text);
      assertThat(m.find()).isTrue();
      return m.group(1);
    }
  }

  private ResponseEntity<byte[]> downloadResult(Dossier d, String secret) {
    return rest.postForEntity("/api/public/dossiers/" + d.code() + "/result",
        new HttpEntity<>("{\"secret\": \"" + secret + "\"}", citizen(d)), byte[].class);
  }
}
