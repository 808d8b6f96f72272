package vn.motcua.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.DossierNotice.Kind;
import vn.motcua.notification.NotificationMessages.Message;

/** The Vietnamese texts of the four notices, on both channels. */
class NotificationMessagesTest {
  private static final String URL = "https://dichvucong.tuyenquang.gov.vn/tra-cuu/";
  private static final String CODE = "000.00.12.H56-260302-0001";

  private static NoticeFacts facts(Kind kind, String items, boolean approved) {
    return new NoticeFacts(kind, CODE, "Đăng ký thành lập hộ kinh doanh", "Nguyễn Văn An", "UBND phường Minh Xuân",
        OffsetDateTime.parse("2026-03-05T09:00+07:00").toInstant(), items,
        kind == Kind.APOLOGY_ISSUED ? "01/2026/PXL-MX" : null,
        kind == Kind.APOLOGY_ISSUED ? "UBND phường Minh Xuân" : null,
        kind == Kind.APOLOGY_ISSUED ? "Cần thêm thời gian xác minh" : null,
        kind == Kind.APOLOGY_ISSUED ? OffsetDateTime.parse("2026-03-03T09:00+07:00").toInstant() : null, approved, URL);
  }

  private static void assertNfc(Message m) {
    assertThat(Normalizer.isNormalized(m.subject(), Normalizer.Form.NFC)).isTrue();
    assertThat(Normalizer.isNormalized(m.body(), Normalizer.Form.NFC)).isTrue();
  }

  @Test
  void receipt_names_the_code_the_procedure_the_appointment_and_the_status_page() {
    for (NotificationChannel channel : NotificationChannel.values()) {
      Message m = NotificationMessages.of(facts(Kind.RECEIVED, null, true), channel);
      assertNfc(m);
      assertThat(m.subject()).isEqualTo("Hồ sơ đã được tiếp nhận – mã hồ sơ " + CODE);
      assertThat(m.body()).contains(CODE, "Đăng ký thành lập hộ kinh doanh", "09:00 ngày 05/03/2026", URL + "?ma=" + CODE);
    }
    assertThat(NotificationMessages.of(facts(Kind.RECEIVED, null, true), NotificationChannel.EMAIL).body())
        .startsWith("Kính gửi ông/bà Nguyễn Văn An,").contains("UBND phường Minh Xuân đã tiếp nhận hồ sơ");
  }

  @Test
  void supplement_request_lists_every_item_and_how_to_submit_online_or_at_the_counter() {
    String items = "Bản sao căn cước của chủ hộ: ảnh mờ\nGiấy đề nghị: thiếu chữ ký";
    Message email = NotificationMessages.of(facts(Kind.SUPPLEMENT_REQUESTED, items, true), NotificationChannel.EMAIL);
    assertNfc(email);
    assertThat(email.subject()).isEqualTo("Yêu cầu bổ sung, hoàn thiện hồ sơ – mã hồ sơ " + CODE);
    assertThat(email.body()).contains(items, "trực tuyến tại trang tra cứu hồ sơ " + URL,
        "trực tiếp tại Bộ phận Một cửa – UBND phường Minh Xuân");
    Message sms = NotificationMessages.of(facts(Kind.SUPPLEMENT_REQUESTED, items, true), NotificationChannel.SMS);
    assertThat(sms.body()).contains("Bản sao căn cước của chủ hộ: ảnh mờ; Giấy đề nghị: thiếu chữ ký", URL,
        "Bộ phận Một cửa – UBND phường Minh Xuân").doesNotContain("\n");
  }

  @Test
  void a_long_supplement_list_is_shortened_in_the_sms_but_quoted_in_full_in_the_email() {
    String items = "Thiếu giấy tờ chứng minh chỗ ở hợp pháp của địa điểm kinh doanh. ".repeat(10);
    assertThat(NotificationMessages.of(facts(Kind.SUPPLEMENT_REQUESTED, items, true), NotificationChannel.EMAIL).body())
        .contains(items.strip());
    String sms = NotificationMessages.of(facts(Kind.SUPPLEMENT_REQUESTED, items, true), NotificationChannel.SMS).body();
    assertThat(sms).contains("…").contains(URL);
    assertThat(sms.length()).isLessThanOrEqualTo(NotificationMessages.SMS_MAX);
  }

  @Test
  void apology_gives_the_letter_number_the_old_and_the_new_date() {
    Message email = NotificationMessages.of(facts(Kind.APOLOGY_ISSUED, null, true), NotificationChannel.EMAIL);
    assertNfc(email);
    assertThat(email.subject()).isEqualTo("Thư xin lỗi và hẹn lại ngày trả kết quả – mã hồ sơ " + CODE);
    assertThat(email.body()).contains("UBND phường Minh Xuân thành thật xin lỗi", "09:00 ngày 03/03/2026",
        "số: 01/2026/PXL-MX", "Lý do: Cần thêm thời gian xác minh", "Ngày hẹn trả kết quả mới: 09:00 ngày 05/03/2026");
    assertThat(NotificationMessages.of(facts(Kind.APOLOGY_ISSUED, null, true), NotificationChannel.SMS).body())
        .contains("01/2026/PXL-MX", "hẹn trả kết quả mới: 09:00 ngày 05/03/2026");
  }

  @Test
  void result_ready_says_where_and_how_to_collect_it() {
    Message email = NotificationMessages.of(facts(Kind.RESULT_READY, null, true), NotificationChannel.EMAIL);
    assertNfc(email);
    assertThat(email.subject()).isEqualTo("Đã có kết quả giải quyết hồ sơ – mã hồ sơ " + CODE);
    assertThat(email.body()).contains("đã có kết quả giải quyết", "Nơi nhận kết quả: Bộ phận Một cửa – UBND phường Minh Xuân",
        "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "giấy tờ tùy thân", "văn bản ủy quyền");
    assertThat(NotificationMessages.of(facts(Kind.RESULT_READY, null, false), NotificationChannel.EMAIL).body())
        .contains("không giải quyết, có nêu rõ lý do");
    assertThat(NotificationMessages.of(facts(Kind.RESULT_READY, null, true), NotificationChannel.SMS).body())
        .contains(CODE, "Bộ phận Một cửa – UBND phường Minh Xuân");
  }

  @Test
  void the_sms_never_names_the_applicant() {
    for (Kind kind : Kind.values()) {
      String sms = NotificationMessages.of(facts(kind, "Thiếu bản sao căn cước", true), NotificationChannel.SMS).body();
      assertThat(sms).as(kind.name()).doesNotContain("Nguyễn Văn An").startsWith("Một Cửa: ");
    }
  }

  @Test
  void officers_see_recipients_masked() {
    assertThat(NotificationMessages.mask(NotificationChannel.SMS, "0912345678")).isEqualTo("091****678");
    assertThat(NotificationMessages.mask(NotificationChannel.EMAIL, "an.nguyen@example.vn")).isEqualTo("a***@example.vn");
    assertThat(NotificationMessages.mask(NotificationChannel.SMS, "123")).isEqualTo("***");
    assertThat(NotificationMessages.mask(NotificationChannel.EMAIL, "@x")).isEqualTo("***");
  }

  @Test
  void a_long_petition_answer_is_whole_in_the_email_and_shortened_in_the_sms_with_the_link_whole() {
    String code = "PAKN-000.01.30.H60-260309-0001";
    String link = "https://dichvucong.tuyenquang.gov.vn/phan-anh/?ma=" + code;
    String answer = "Sở Tư pháp trả lời phản ánh, kiến nghị " + code + ": " + "Nội dung trả lời chi tiết. ".repeat(60);
    PetitionFacts f = new PetitionFacts(PetitionNotice.Kind.ANSWERED, code, "Kiến nghị rút ngắn thời hạn",
        "Trần Thị Bích", "0987654321", "bich.tran@example.vn", answer, link);
    Message sms = NotificationMessages.of(f, NotificationChannel.SMS);
    Message email = NotificationMessages.of(f, NotificationChannel.EMAIL);
    assertNfc(sms);
    assertNfc(email);
    assertThat(sms.subject()).isEqualTo("Trả lời phản ánh, kiến nghị – mã " + code);
    assertThat(sms.body()).hasSizeLessThanOrEqualTo(480).startsWith("Một Cửa: Sở Tư pháp trả lời")
        .endsWith("… Xem: " + link).doesNotContain("Trần Thị Bích");
    assertThat(email.body()).startsWith("Kính gửi ông/bà Trần Thị Bích,").contains(answer.strip(), link, code);
    assertThat(NotificationChannel.SMS.recipient(f)).isEqualTo("0987654321");
    assertThat(NotificationChannel.EMAIL.recipient(f)).isEqualTo("bich.tran@example.vn");
    // a channel that does not say how to reach a petitioner sends them nothing
    assertThat(NotificationChannel.valueOf("KIOSK").recipient(f)).isNull();
  }
}
