package vn.motcua.digitisation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.files.DossierFile;
import vn.motcua.files.DossierFiles;
import vn.motcua.signature.PdfSignatures;

/**
 * Digital first (issue 24, first half): a paper dossier's documents scanned at the reception check, the
 * undigitised item accepted only with a reason, the scans reused in the citizen's next dossier, the result
 * signed (PAdES) at approval and downloaded by the citizen with the code and the lookup PIN, the receipt (form 01)
 * signed — each signature verified and its tampering detected.
 */
@MotCuaSpringTest
class DigitalFirstTest extends DossierTestSupport {
  static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1};
  static final String REASON = "Bản gốc giấy chứng nhận đang được cơ quan khác giữ, sẽ số hóa khi người nộp mang đến";

  @Autowired PdfSignatures signatures;
  @Autowired DossierFiles files;

  /** Registers at Minh Xuân (mc.hung). */
  private Dossier registerFor(String idNumber) {
    return registerAs("mc.hung", idNumber);
  }

  /**
   * Registers at Nông Tiến (mc.tuan), where the test profile enforces digitisation at reception
   * ({@code motcua.digitisation.enforced-units}; production: every unit).
   */
  private Dossier registerAtNongTien(String idNumber) {
    return registerAs("mc.tuan", idNumber);
  }

  private Dossier registerAs(String officer, String idNumber) {
    ResponseEntity<Map> response = rest.withBasicAuth(officer, "demo").postForEntity("/api/dossiers",
        new HttpEntity<>(registration(idNumber, "0912345678"), json()), Map.class);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    return dossiers.getByCode((String) response.getBody().get("code"));
  }

  private ResponseEntity<Map> scan(String user, Dossier d, int position, String name, byte[] bytes) {
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
    return rest.withBasicAuth(user, "demo").postForEntity("/api/dossiers/" + d.code() + "/documents/" + position
        + "/scan", new HttpEntity<>(body, headers), Map.class);
  }

  private long scanCount(Dossier d) {
    return files.list(d.id()).stream().filter(f -> f.purpose() == DossierFile.Purpose.SCAN).count();
  }

  private List<String> events(Dossier d) {
    return dossiers.events(d.id()).stream().map(DossierEvent::type).toList();
  }

  private Object local(Task task, String name) {
    return taskService.getVariableLocal(task.getId(), name);
  }

  @Test
  void a_paper_dossier_is_scanned_document_by_document_and_then_accepted_with_a_signed_receipt() throws IOException {
    clockAt("2026-03-09T09:00");
    Dossier d = registerAtNongTien("001203099001");
    Task check = openTask(d);
    // the form shows what is still missing
    assertThat(local(check, Digitisation.MISSING_VARIABLE)).isEqualTo(2);
    assertThat((String) local(check, Digitisation.VIEW_VARIABLE)).contains("Giấy đề nghị đăng ký hộ kinh doanh",
        "chưa số hóa", "Còn 2 thành phần chưa số hóa");

    // accepting without the scans nor a reason is refused; the task stays open, nothing is recorded
    ResponseEntity<String> refused = complete("mc.tuan", check, var(RECEPTION_DECISION, COMPLETE));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).contains("Còn 2 thành phần hồ sơ chưa được số hóa", "ghi rõ lý do");
    assertThat(reload(d).status()).isEqualTo(DossierStatus.NEW);
    assertThat(openTask(d).getId()).isEqualTo(check.getId());

    // a file that is not what its name says, an empty request, another unit's officer: refused, nothing stored
    ResponseEntity<Map> fake = scan("mc.tuan", d, 1, "giay-de-nghi.pdf", "không phải PDF".getBytes(StandardCharsets.UTF_8));
    assertThat(fake.getStatusCode().value()).isEqualTo(400);
    assertThat((Map<String, String>) fake.getBody().get("fields")).containsKey("file");
    assertThat(String.valueOf(fake.getBody().get("message"))).contains("Tệp số hóa không hợp lệ");
    assertThat(scan("mc.hung", d, 1, "giay-de-nghi.pdf", PDF).getStatusCode().value()).isEqualTo(403);
    assertThat(scan("mc.tuan", d, 9, "giay-de-nghi.pdf", PDF).getStatusCode().value()).isEqualTo(404);
    assertThat(scanCount(d)).isZero();

    // both documents scanned: a PDF and a JPG
    ResponseEntity<Map> first = scan("mc.tuan", d, 1, "giay-de-nghi.pdf", PDF);
    assertThat(first.getStatusCode().value()).as(String.valueOf(first.getBody())).isEqualTo(200);
    assertThat((List<Object>) first.getBody().get("missing")).containsExactly("Bản sao căn cước của chủ hộ");
    assertThat(local(check, Digitisation.MISSING_VARIABLE)).as("the open form is refreshed").isEqualTo(1);
    ResponseEntity<Map> second = scan("mc.tuan", d, 2, "can-cuoc.jpg", JPEG);
    assertThat((List<Object>) second.getBody().get("missing")).isEmpty();
    assertThat(local(check, Digitisation.MISSING_VARIABLE)).isEqualTo(0);
    assertThat((String) local(check, Digitisation.VIEW_VARIABLE)).contains("đã số hóa", "can-cuoc.jpg",
        "Tất cả thành phần hồ sơ đã được số hóa");

    // the officers see the scans with the dossier's files, checksum verified
    ResponseEntity<List> listed = rest.withBasicAuth("mc.tuan", "demo").getForEntity("/api/dossiers/" + d.code()
        + "/files", List.class);
    assertThat(listed.getBody()).hasSize(2);
    ResponseEntity<byte[]> opened = rest.withBasicAuth("mc.tuan", "demo").getForEntity(
        (String) ((Map<?, ?>) listed.getBody().get(1)).get("href"), byte[].class);
    assertThat(opened.getBody()).isEqualTo(JPEG);

    completeOk("mc.tuan", check, var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter("mc.tuan", d);
    assertThat(reload(d).status()).isEqualTo(DossierStatus.IN_PROGRESS);
    assertThat(events(d)).contains("DOCUMENT_DIGITISED").doesNotContain("DIGITISATION_WAIVED");
    // scanning stops once the dossier is accepted
    assertThat(scan("mc.tuan", d, 1, "giay-de-nghi.pdf", PDF).getStatusCode().value()).isEqualTo(409);

    // the receipt (form 01) is signed by the receiving unit; a changed byte breaks it
    byte[] receipt = rest.withBasicAuth("mc.tuan", "demo").getForEntity("/api/dossiers/" + d.code() + "/forms/01.pdf",
        byte[].class).getBody();
    assertThat(signatures.check(receipt)).singleElement().satisfies(c -> {
      assertThat(c.valid()).as(c.problem()).isTrue();
      assertThat(c.signer()).isEqualTo(dossiers.unitName(d.receivingUnit()));
      assertThat(c.subFilter()).isEqualTo("ETSI.CAdES.detached");
    });
    assertThat(signatures.allValid(tamper(receipt))).isFalse();
  }

  @Test
  void an_undigitised_document_is_accepted_only_with_a_written_reason_kept_in_the_record() {
    clockAt("2026-03-09T10:00");
    Dossier d = registerAtNongTien("001203099002");
    assertThat(scan("mc.tuan", d, 1, "giay-de-nghi.pdf", PDF).getStatusCode().value()).isEqualTo(200);
    Task check = openTask(d);

    ResponseEntity<String> noReason = complete("mc.tuan", check, var(RECEPTION_DECISION, COMPLETE));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody()).contains("Còn 1 thành phần hồ sơ chưa được số hóa (Bản sao căn cước của chủ hộ)");
    ResponseEntity<String> tooShort = complete("mc.tuan", check,
        vars(var(RECEPTION_DECISION, COMPLETE), var(Digitisation.REASON_VARIABLE, "   chưa   ")));
    assertThat(tooShort.getStatusCode().value()).isEqualTo(400);
    assertThat(events(d)).doesNotContain("DIGITISATION_WAIVED");

    completeOk("mc.tuan", check, vars(var(RECEPTION_DECISION, COMPLETE), var(Digitisation.REASON_VARIABLE, REASON)));
    payFeeAtCounter("mc.tuan", d);
    assertThat(reload(d).status()).isEqualTo(DossierStatus.IN_PROGRESS);
    DossierEvent waived = dossiers.events(d.id()).stream().filter(e -> "DIGITISATION_WAIVED".equals(e.type()))
        .findFirst().orElseThrow();
    assertThat(waived.reason()).isEqualTo(REASON);
    assertThat(waived.details()).contains("Bản sao căn cước của chủ hộ");
    assertThat(waived.actor()).isEqualTo("mc.tuan");
  }

  @Test
  void where_the_check_is_not_in_force_the_form_shows_the_state_without_asking_for_a_reason() {
    clockAt("2026-03-09T11:00");
    Dossier d = registerFor("001203099007"); // Minh Xuân: not in the test profile's enforced-units
    Task check = openTask(d);
    assertThat((String) local(check, Digitisation.VIEW_VARIABLE)).contains("chưa số hóa", "chưa áp dụng kiểm tra");
    assertThat(local(check, Digitisation.MISSING_VARIABLE)).isEqualTo(0);
    completeOk("mc.hung", check, var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
    assertThat(events(d)).doesNotContain("DIGITISATION_WAIVED");
  }

  @Test
  void a_supplement_request_or_a_refusal_needs_no_scan() {
    clockAt("2026-03-09T10:30");
    Dossier d = registerAtNongTien("001203099003");
    completeOk("mc.tuan", openTask(d), vars(var(RECEPTION_DECISION, REFUSE),
        var(REFUSAL_REASON, "Thủ tục không thuộc thẩm quyền của phường")));
    assertThat(reload(d).status()).isEqualTo(DossierStatus.NOT_ACCEPTED);
    assertThat(scanCount(d)).isZero();
  }

  @Test
  void the_citizens_scans_are_reused_in_the_next_dossier_with_their_origin_and_not_asked_for_again() {
    clockAt("2026-03-10T09:00");
    Dossier earlier = registerAtNongTien("001203099004");
    scan("mc.tuan", earlier, 1, "giay-de-nghi.pdf", PDF);
    scan("mc.tuan", earlier, 2, "can-cuoc.jpg", JPEG);
    completeOk("mc.tuan", openTask(earlier), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter("mc.tuan", earlier);
    // another citizen's dossier reuses nothing
    Dossier stranger = registerAtNongTien("001203099005");
    assertThat(scanCount(stranger)).isZero();

    clockAt("2026-03-11T09:00");
    Dossier later = registerAtNongTien("001203099004");
    Task check = openTask(later);
    assertThat(local(check, Digitisation.MISSING_VARIABLE)).isEqualTo(0);
    assertThat((String) local(check, Digitisation.VIEW_VARIABLE)).contains("Tái sử dụng bản số hóa của hồ sơ "
        + earlier.code());

    ResponseEntity<Map> view = rest.withBasicAuth("mc.tuan", "demo").getForEntity("/api/dossiers/" + later.code()
        + "/digitisation", Map.class);
    List<Map<String, Object>> docs = (List<Map<String, Object>>) view.getBody().get("documents");
    assertThat(docs).allSatisfy(doc -> {
      assertThat(doc.get("digitised")).isEqualTo(true);
      assertThat(doc.get("originDossierCode")).isEqualTo(earlier.code());
      assertThat((String) doc.get("origin")).contains(earlier.code());
    });
    // the copy is the same document, kept with the new dossier
    List<DossierFile> copies = files.list(later.id());
    assertThat(copies).extracting(DossierFile::sha256).containsExactlyInAnyOrderElementsOf(
        files.list(earlier.id()).stream().map(DossierFile::sha256).toList());
    assertThat(copies).allSatisfy(f -> assertThat(f.reused()).isTrue());
    assertThat(events(later)).contains("DOCUMENT_REUSED");

    completeOk("mc.tuan", check, var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter("mc.tuan", later);
    assertThat(events(later)).doesNotContain("DIGITISATION_WAIVED");
  }

  @Test
  void the_result_is_signed_at_approval_and_returned_electronically_with_the_code_and_the_pin() throws IOException {
    clockAt("2026-03-12T09:00");
    Dossier d = registerFor("001203099006");
    scan("mc.hung", d, 1, "giay-de-nghi.pdf", PDF);
    scan("mc.hung", d, 2, "can-cuoc.jpg", JPEG);
    completeOk("mc.hung", openTask(d), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
    String pin = pinOnReceipt(d);
    assertThat(downloadResult(d, pin).getStatusCode().value()).as("no result yet").isEqualTo(404);

    clockAt("2026-03-12T14:00");
    completeOk("cv.minh", openTask(d), vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL),
        var(APPRAISAL_OPINION, "Hồ sơ đầy đủ, đủ điều kiện đăng ký"),
        var(RESULT_TEXT, "Cấp Giấy chứng nhận đăng ký hộ kinh doanh số 12A8000123")));
    clockAt("2026-03-13T09:00");
    completeOk("ld.thao", openTask(d), var(APPROVAL_DECISION, APPROVE));

    DossierFile result = files.list(d.id()).stream().filter(f -> f.purpose() == DossierFile.Purpose.RESULT)
        .findFirst().orElseThrow();
    assertThat(result.uploadedBy()).isEqualTo("ld.thao");
    assertThat(result.signedBy()).contains("CN=" + dossiers.unitName(d.competentUnit()));
    assertThat(events(d)).contains("RESULT_FILE_ISSUED");

    // the phone number shows the progress only: not enough for the result
    assertThat(downloadResult(d, "0912345678").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<byte[]> download = downloadResult(d, pin);
    assertThat(download.getStatusCode().value()).isEqualTo(200);
    assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    byte[] pdf = download.getBody();
    assertThat(signatures.check(pdf)).singleElement().satisfies(c -> {
      assertThat(c.valid()).as(c.problem()).isTrue();
      assertThat(c.signer()).isEqualTo(dossiers.unitName(d.competentUnit()));
      assertThat(c.subFilter()).isEqualTo("ETSI.CAdES.detached");
    });
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(doc)).contains("Cấp Giấy chứng nhận đăng ký hộ kinh doanh số 12A8000123",
          d.code());
    }
    assertThat(signatures.allValid(tamper(pdf))).as("a modified result fails verification").isFalse();

    // handed over electronically
    completeOk("mc.hung", openTask(d), vars(var(DELIVERY_METHOD, "ONLINE"), var(RECEIVER_NAME, "Nguyễn Văn An")));
    assertThat(reload(d).status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(downloadResult(d, pin).getStatusCode().value()).isEqualTo(200);
  }

  private ResponseEntity<byte[]> downloadResult(Dossier d, String secret) {
    HttpHeaders headers = json();
    headers.set("X-Forwarded-For", "10.24.0." + Math.abs(d.code().hashCode() % 200));
    return rest.postForEntity("/api/public/dossiers/" + d.code() + "/result",
        new HttpEntity<>("{\"secret\": \"" + secret + "\"}", headers), byte[].class);
  }

  private String pinOnReceipt(Dossier d) throws IOException {
    byte[] pdf = rest.withBasicAuth("mc.hung", "demo").getForEntity("/api/dossiers/" + d.code() + "/forms/01.pdf",
        byte[].class).getBody();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Matcher m = Pattern.compile("Mã tra cứu:\\D*(\\d{6})").matcher(new PDFTextStripper().getText(doc));
      assertThat(m.find()).isTrue();
      return m.group(1);
    }
  }

  /** The file with one byte of its signed content changed (inside the first signed range). */
  static byte[] tamper(byte[] pdf) throws IOException {
    int[] range;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      range = doc.getLastSignatureDictionary().getByteRange();
    }
    byte[] copy = pdf.clone();
    int at = range[1] / 3;
    copy[at] = (byte) (copy[at] ^ 0x20);
    return copy;
  }
}
