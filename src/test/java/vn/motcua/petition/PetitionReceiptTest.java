package vn.motcua.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
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

/**
 * The petition's receipt (phiếu tiếp nhận phản ánh, kiến nghị) as PDF: the petitioner's copy after an online
 * submission, by code and phone on the public side (contact details partly masked), and the officer's copy of
 * a petition taken at the counter, with the contact details and the signatures.
 */
@MotCuaSpringTest
class PetitionReceiptTest extends PetitionTestSupport {

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(doc).replaceAll("\\s+", " ");
    }
  }

  private ResponseEntity<byte[]> publicReceipt(String code, String phone) {
    HttpHeaders headers = json();
    headers.set("X-Forwarded-For", newClient());
    headers.setAccept(java.util.List.of(MediaType.APPLICATION_PDF, MediaType.APPLICATION_JSON));
    return rest.exchange("/api/public/petitions/receipt", HttpMethod.POST, new HttpEntity<>(
        "{\"code\": \"" + code + "\", \"phone\": \"" + phone + "\"}", headers), byte[].class);
  }

  @Test
  void the_petitioner_downloads_the_receipt_of_an_online_petition_with_the_code_and_phone() throws IOException {
    clockAt("2026-03-09T09:00");
    Petition p = submitted("tq-minhxuan", "Đề nghị bỏ yêu cầu bản sao chứng thực sổ hộ khẩu",
        "Thủ tục đăng ký hộ kinh doanh tại phường vẫn yêu cầu bản sao sổ hộ khẩu dù sổ đã bị bãi bỏ.");
    ResponseEntity<byte[]> r = publicReceipt(p.code(), "0987 654 321");
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(r.getHeaders().getContentDisposition().getFilename()).isEqualTo("phieu-tiep-nhan-" + p.code() + ".pdf");
    String text = pdfText(r.getBody());
    assertThat(text).contains("PHIẾU TIẾP NHẬN PHẢN ÁNH, KIẾN NGHỊ", "Mã phản ánh, kiến nghị: " + p.code(),
        "Ủy ban nhân dân phường Minh Xuân tiếp nhận phản ánh, kiến nghị của:", "Ông/Bà: Trần Thị Bích", "Trực tuyến",
        "Đề nghị bỏ yêu cầu bản sao chứng thực sổ hộ khẩu", "1 tệp (anh-chup.pdf)",
        "Thời gian tiếp nhận: 09:00 ngày 09/03/2026", "Trong 5 ngày làm việc (đến 09:00 ngày 16/03/2026)",
        "http://localhost:8080/phan-anh/?ma=" + p.code(), "không cần chữ ký");
    // the public copy masks the contact details
    assertThat(text).contains("098****321", "b***@example.vn", "***, phường Minh Xuân")
        .doesNotContain("0987654321", "bich.tran@example.vn", "Tân Trào", "Người tiếp nhận");

    // a wrong phone is the same 404 as an unknown code, in Vietnamese
    ResponseEntity<byte[]> wrong = publicReceipt(p.code(), "0911111111");
    assertThat(wrong.getStatusCode().value()).isEqualTo(404);
    assertThat(new String(wrong.getBody(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("Không tìm thấy phản ánh, kiến nghị");
    assertThat(publicReceipt("", "0987654321").getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void the_officer_prints_the_receipt_of_a_petition_taken_at_the_counter_for_signing() throws IOException {
    clockAt("2026-03-09T10:30");
    ResponseEntity<Map> recorded = rest.withBasicAuth("mc.hung", "demo").postForEntity("/api/petitions",
        new HttpEntity<>("""
            {"channel": "COUNTER", "unit": "tq-minhxuan", "name": "Lê Văn Cường", "phone": "0912000111",
             "email": "cuong.le@example.vn", "address": "Tổ 9, phường Minh Xuân",
             "subject": "Phản ánh thời gian chờ tại quầy", "content": "Tôi phải chờ hơn hai giờ tại quầy số 2 ngày 06/3."}
            """, json()), Map.class);
    assertThat(recorded.getStatusCode().value()).as(String.valueOf(recorded.getBody())).isEqualTo(201);
    String code = (String) recorded.getBody().get("code");

    ResponseEntity<byte[]> r = rest.withBasicAuth("mc.hung", "demo").getForEntity(
        "/api/petitions/" + code + "/receipt.pdf", byte[].class);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    String text = pdfText(r.getBody());
    assertThat(text).contains("PHIẾU TIẾP NHẬN PHẢN ÁNH, KIẾN NGHỊ", code, "Ông/Bà: Lê Văn Cường",
        "Số điện thoại: 0912000111", "cuong.le@example.vn", "Tổ 9, phường Minh Xuân",
        "Trực tiếp tại Bộ phận Một cửa", "Tài liệu kèm theo: Không có", "Người phản ánh, kiến nghị",
        "Người tiếp nhận", "Thời gian tiếp nhận: 10:30 ngày 09/03/2026");
    // another ward's officer may not print it; without login nothing
    assertThat(rest.withBasicAuth("cv.huong", "demo").getForEntity("/api/petitions/" + code + "/receipt.pdf",
        byte[].class).getStatusCode().value()).isEqualTo(403);
    assertThat(rest.getForEntity("/api/petitions/" + code + "/receipt.pdf", byte[].class).getStatusCode().value())
        .isEqualTo(401);
  }
}
