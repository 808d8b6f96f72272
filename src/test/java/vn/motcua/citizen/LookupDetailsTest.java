package vn.motcua.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.COMPLETE;
import static vn.motcua.dossier.DossierVariables.INCOMPLETE;
import static vn.motcua.dossier.DossierVariables.MISSING_ITEMS;
import static vn.motcua.dossier.DossierVariables.RECEPTION_DECISION;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.notification.SmsStub;
import vn.motcua.notification.TestChannels;

/**
 * Circular 01/2018 Art. 16: without authentication the lookup shows the code and the progress only. The phone
 * number on file shows the progress; the details (supplement items, result text) need the PIN printed on the
 * receipt (form 01, stored hashed) or a one-time code sent by SMS to the phone on file.
 */
@MotCuaSpringTest
class LookupDetailsTest extends CitizenApiSupport {
  private static final String ITEMS = "Thiếu bản sao hợp đồng thuê địa điểm kinh doanh";

  @Test
  void the_phone_shows_the_progress_and_the_pin_of_the_submission_shows_the_details() {
    clockAt("2026-09-21T09:00");
    String phone = "0912555111";
    ResponseEntity<Map> submitted = submit(newClient(), null,
        submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Trần Thị Mai", phone), files("don.pdf", PDF));
    assertThat(submitted.getStatusCode().value()).isEqualTo(201);
    String code = (String) submitted.getBody().get("code");
    String pin = (String) submitted.getBody().get("lookupPin");
    Dossier d = dossiers.getByCode(code);
    completeOk("mc.hung", openTask(d), vars(var(RECEPTION_DECISION, INCOMPLETE), var(MISSING_ITEMS, ITEMS)));

    String client = newClient();
    ResponseEntity<Map> progress = lookup(client, code, phone);
    assertThat(progress.getStatusCode().value()).isEqualTo(200);
    assertThat(progress.getBody().get("statusName")).isEqualTo("Yêu cầu bổ sung");
    assertThat(progress.getBody().get("awaitingSupplement")).isEqualTo(true);
    assertThat(progress.getBody().get("details")).isEqualTo(false);
    assertThat(progress.getBody().get("supplementRequest")).isNull();
    assertThat(progress.getBody().toString()).doesNotContain("hợp đồng thuê");
    assertThat((String) progress.getBody().get("detailsHint")).contains("mã tra cứu", "mã xác thực");

    ResponseEntity<Map> details = lookup(client, code, pin);
    assertThat(details.getStatusCode().value()).isEqualTo(200);
    assertThat(details.getBody().get("details")).isEqualTo(true);
    assertThat(details.getBody().get("supplementRequest")).isEqualTo(ITEMS);

    // a wrong PIN is refused as an unknown code, in Vietnamese, and counts against the client
    ResponseEntity<Map> wrong = lookup(client, code, pin.equals("000000") ? "000001" : "000000");
    assertThat(wrong.getStatusCode().value()).isEqualTo(404);
    assertThat((String) wrong.getBody().get("message")).contains("Không tìm thấy hồ sơ");

    // the PIN is not stored in clear
    Map<String, Object> row = jdbc.queryForMap("SELECT lookup_pin, lookup_pin_hash FROM dossier WHERE id = ?", d.id());
    assertThat(row.get("lookup_pin")).isNull();
    assertThat((String) row.get("lookup_pin_hash")).startsWith("pbkdf2-sha256$").doesNotContain(pin);
  }

  @Test
  void the_receipt_printed_at_the_counter_carries_a_new_pin_that_shows_the_details() throws IOException {
    clockAt("2026-09-22T09:00");
    Dossier d = register();
    completeOk("mc.hung", openTask(d), var(RECEPTION_DECISION, COMPLETE));
    String pin = pinOnReceipt(d);
    String client = newClient();
    ResponseEntity<Map> details = lookup(client, d.code(), pin);
    assertThat(details.getStatusCode().value()).isEqualTo(200);
    assertThat(details.getBody().get("details")).isEqualTo(true);
    assertThat(lookup(client, d.code(), "0912345678").getBody().get("details")).isEqualTo(false);

    // a reprint issues a new PIN; the former stops working
    String again = pinOnReceipt(d);
    assertThat(lookup(client, d.code(), again).getStatusCode().value()).isEqualTo(200);
    if (!again.equals(pin)) {
      assertThat(lookup(client, d.code(), pin).getStatusCode().value()).isEqualTo(404);
    }
  }

  private String pinOnReceipt(Dossier d) throws IOException {
    ResponseEntity<byte[]> pdf = rest.withBasicAuth("mc.hung", "demo")
        .getForEntity("/api/dossiers/" + d.code() + "/forms/01.pdf", byte[].class);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
      text = new PDFTextStripper().getText(doc);
    }
    Matcher m = Pattern.compile("Mã tra cứu:\\D*(\\d{6})").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group(1);
  }

  @Test
  void a_one_time_code_sent_to_the_phone_on_file_shows_the_details_once() {
    clockAt("2026-09-23T09:00");
    String phone = "0912555222";
    ResponseEntity<Map> submitted = submit(newClient(), null,
        submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Lò Văn Pao", phone), files("don.pdf", PDF));
    String code = (String) submitted.getBody().get("code");
    Dossier d = dossiers.getByCode(code);
    completeOk("mc.hung", openTask(d), vars(var(RECEPTION_DECISION, INCOMPLETE), var(MISSING_ITEMS, ITEMS)));

    String client = newClient();
    try (SmsStub sms = new SmsStub(TestChannels.SMS_PORT, TestChannels.SMS_PATH)) {
      // a wrong phone number gets nothing sent, and the lookup's answer
      ResponseEntity<Map> wrongPhone = askCode(client, code, "0912555229");
      assertThat(wrongPhone.getStatusCode().value()).isEqualTo(404);
      assertThat(sms.accepted()).isEmpty();

      ResponseEntity<Map> asked = askCode(client, code, phone);
      assertThat(asked.getStatusCode().value()).as(String.valueOf(asked.getBody())).isEqualTo(202);
      assertThat(asked.getBody().get("sentTo")).isEqualTo("0912 *** 222");
      assertThat(sms.accepted()).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo(phone));
      Matcher m = Pattern.compile("(\\d{6})").matcher(sms.accepted().get(0).text().replace(code, ""));
      assertThat(m.find()).isTrue();
      String otp = m.group(1);
      // the code is not stored in clear
      assertThat(jdbc.queryForList("SELECT code_hash FROM lookup_code WHERE dossier_id = ?", String.class, d.id()))
          .singleElement().satisfies(h -> assertThat(h).startsWith("pbkdf2-sha256$").doesNotContain(otp));

      ResponseEntity<Map> details = lookup(client, code, otp);
      assertThat(details.getStatusCode().value()).isEqualTo(200);
      assertThat(details.getBody().get("details")).isEqualTo(true);
      assertThat(details.getBody().get("supplementRequest")).isEqualTo(ITEMS);
      // used once
      assertThat(lookup(client, code, otp).getStatusCode().value()).isEqualTo(404);

      // three codes per dossier and hour
      String other = newClient();
      assertThat(askCode(other, code, phone).getStatusCode().value()).isEqualTo(202);
      assertThat(askCode(other, code, phone).getStatusCode().value()).isEqualTo(202);
      ResponseEntity<Map> fourth = askCode(other, code, phone);
      assertThat(fourth.getStatusCode().value()).isEqualTo(429);
      assertThat((String) fourth.getBody().get("message")).contains("mã xác thực");
      assertThat(sms.accepted()).hasSize(3);
    }
  }

  @Test
  void an_expired_one_time_code_is_refused() {
    clockAt("2026-09-24T09:00");
    String phone = "0912555333";
    ResponseEntity<Map> submitted = submit(newClient(), null,
        submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Vàng Thị Dung", phone), files("don.pdf", PDF));
    String code = (String) submitted.getBody().get("code");
    String client = newClient();
    try (SmsStub sms = new SmsStub(TestChannels.SMS_PORT, TestChannels.SMS_PATH)) {
      assertThat(askCode(client, code, phone).getStatusCode().value()).isEqualTo(202);
      Matcher m = Pattern.compile("(\\d{6})").matcher(sms.accepted().get(0).text().replace(code, ""));
      assertThat(m.find()).isTrue();
      clockAt("2026-09-24T09:11");
      ResponseEntity<Map> late = lookup(client, code, m.group(1));
      assertThat(late.getStatusCode().value()).isEqualTo(404);
      assertThat((String) late.getBody().get("message")).contains("Không tìm thấy hồ sơ");
    }
  }

  @Test
  void the_status_page_offers_the_pin_and_the_one_time_code() {
    String page = rest.getForObject("/tra-cuu/index.html", String.class);
    assertThat(page).contains("id=\"details-secret\"", "Mã tra cứu hoặc mã xác thực", "Gửi mã xác thực qua tin nhắn");
    String script = rest.getForObject("/tra-cuu/tra-cuu.js", String.class);
    assertThat(script).contains("/one-time-code", "details-secret");
  }

  private ResponseEntity<Map> askCode(String client, String code, String phone) {
    HttpHeaders headers = from(client);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange("/api/public/dossiers/" + code + "/one-time-code", HttpMethod.POST,
        new HttpEntity<>("{\"secret\": \"" + phone + "\"}", headers), Map.class);
  }
}
