package vn.motcua.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ControlLogEntry;
import vn.motcua.dossier.DocumentState;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDocument;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.OutcomeClass;
import vn.motcua.overdue.ApologyLetter;
import vn.motcua.web.ApiException;

/**
 * Forms 01–06 rendered from a fixture dossier (no database): each PDF has the right page size, embeds
 * its font, and its text, extracted back with PDFBox, has the dossier code, the applicant's name with
 * its diacritics and the dates in dd/MM/yyyy. The PDFs are kept in target/print-samples/ to look at.
 */
class PrintFormsTest {
  static final String CODE = "000.01.30.H60-260302-0007";
  static final String NAME = "Nguyễn Thị Hồng Nhung";
  static final PrintTemplates TEMPLATES = new PrintTemplates("");
  static final PdfRenderer RENDERER = new PdfRenderer();

  static Instant at(String local) {
    return OffsetDateTime.parse(local + "+07:00").toInstant();
  }

  static Dossier dossier(DossierStatus status, Instant appointment) {
    return new Dossier(7, CODE, "Procedure_HouseholdBusinessRegistration", "1.001612",
        "Đăng ký thành lập hộ kinh doanh", "tq-minhxuan", "tq-minhxuan", Channel.DIRECT,
        new Applicant(NAME, "001203004567", "0912345678", "nhung@example.vn",
            "Tổ 5, phường Minh Xuân, tỉnh Tuyên Quang", "Trần Đức Lượng"),
        "Đăng ký hộ kinh doanh tạp hóa Bình An", status, "Thẩm định hồ sơ", "tq-minhxuan", "cv.minh", 3,
        at("2026-03-02T09:00"), at("2026-03-02T09:10"), appointment, appointment, null, 0, 0, null, null,
        null, null, null, null, null, null, null, null, "pi-1", "mc.hung", at("2026-03-02T09:00"),
        at("2026-03-02T09:10"), null, null, null, 0);
  }

  static PrintableDossier printable(Dossier d, List<DossierEvent> events, List<ApologyLetter> letters) {
    List<DossierDocument> docs = List.of(
        new DossierDocument(1, 1, "Giấy đề nghị đăng ký hộ kinh doanh", 1, DocumentState.RECEIVED, null),
        new DossierDocument(2, 2, "Bản sao căn cước của chủ hộ", 1, DocumentState.RECEIVED, null));
    List<ControlLogEntry> log = List.of(
        new ControlLogEntry(1, "Task_CheckDossier", "Kiểm tra hồ sơ", "t1", null, null, "tq-minhxuan", "mc.hung",
            at("2026-03-02T09:00"), at("2026-03-02T17:30"), at("2026-03-02T09:10"), "mc.hung", OutcomeClass.EARLY,
            "Tiếp nhận", null, null),
        new ControlLogEntry(2, "Task_Appraise", "Thẩm định hồ sơ", "t2", "tq-minhxuan", "mc.hung", "tq-minhxuan",
            "cv.minh", at("2026-03-02T09:10"), at("2026-03-03T17:10"), null, null, null, null, null, null));
    Map<String, String> names = Map.of("mc.hung", "Trần Văn Hùng", "cv.minh", "Lê Quang Minh", "ld.thao", "Phạm Thu Thảo");
    return new PrintableDossier(d, docs, log, events, letters, key -> "Phường Minh Xuân",
        id -> names.getOrDefault(id, id), "482913");
  }

  static String text(byte[] pdf, float expectedWidth, float expectedHeight) throws IOException {
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    java.nio.file.Path samples = java.nio.file.Path.of("target", "print-samples");
    java.nio.file.Files.createDirectories(samples);
    java.nio.file.Files.write(samples.resolve(StackWalker.getInstance().walk(
        f -> f.skip(1).filter(x -> x.getMethodName().contains("_")).findFirst().map(x -> x.getMethodName()).orElse("form"))
        + ".pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDRectangle box = doc.getPage(0).getMediaBox();
      assertThat(box.getWidth()).isCloseTo(expectedWidth, org.assertj.core.data.Offset.offset(2f));
      assertThat(box.getHeight()).isCloseTo(expectedHeight, org.assertj.core.data.Offset.offset(2f));
      for (var name : doc.getPage(0).getResources().getFontNames()) {
        PDFont font = doc.getPage(0).getResources().getFont(name);
        assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
      }
      // lines wrapped inside table cells and paragraphs joined again with one space
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  static String slipText(PrintForm form, PrintableDossier p) throws IOException {
    Map<String, Object> model = FormModels.slip(form, p, LocalDate.of(2026, 3, 9));
    return text(RENDERER.render(TEMPLATES.fill(form.template(), model)), PDRectangle.A5.getWidth(),
        PDRectangle.A5.getHeight());
  }

  @Test
  void receipt_01_has_the_code_the_name_the_documents_and_the_appointment_date() throws IOException {
    String text = slipText(PrintForm.RECEIPT, printable(dossier(DossierStatus.IN_PROGRESS, at("2026-03-05T09:10")),
        List.of(), List.of()));
    assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", CODE, NAME, "02/03/2026", "05/03/2026",
        "Giấy đề nghị đăng ký hộ kinh doanh", "Trần Văn Hùng", "Trần Đức Lượng", "Bộ phận Một cửa", "Mã tra cứu:", "482913");
  }

  @Test
  void receipt_01_with_six_documents_prints_on_one_a5_page_with_the_date_once_and_the_status_page_address()
      throws IOException {
    Dossier d = dossier(DossierStatus.IN_PROGRESS, at("2026-12-07T17:30"));
    PrintableDossier base = printable(d, List.of(), List.of());
    List<DossierDocument> six = List.of(
        new DossierDocument(1, 1, "Giấy đề nghị đăng ký hộ kinh doanh (Mẫu số 01 ban hành kèm theo Thông tư)", 1,
            DocumentState.RECEIVED, null),
        new DossierDocument(2, 2, "Bản sao căn cước hoặc hộ chiếu của chủ hộ kinh doanh", 1, DocumentState.RECEIVED, null),
        new DossierDocument(3, 3, "Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh", 1,
            DocumentState.RECEIVED, null),
        new DossierDocument(4, 4, "Văn bản ủy quyền cho thành viên làm chủ hộ kinh doanh", 1, DocumentState.RECEIVED, null),
        new DossierDocument(5, 5, "Bản sao hợp đồng thuê địa điểm kinh doanh có công chứng", 2, DocumentState.RECEIVED, null),
        new DossierDocument(6, 6, "Giấy xác nhận đủ điều kiện an toàn thực phẩm của cơ sở", 1, DocumentState.RECEIVED, null));
    PrintableDossier p = new PrintableDossier(d, six, base.controlLog(), base.events(), base.apologies(),
        base.unitName(), base.officerName(), base.lookupPin());
    byte[] pdf = RENDERER.render(TEMPLATES.fill(PrintForm.RECEIPT.template(),
        FormModels.slip(PrintForm.RECEIPT, p, LocalDate.of(2026, 12, 2), "https://motcua.tuyenquang.gov.vn/tra-cuu/")));
    String text = text(pdf, PDRectangle.A5.getWidth(), PDRectangle.A5.getHeight());
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).as("form 01 pages").isEqualTo(1);
    }
    assertThat(text).contains("17:30 ngày 07/12/2026", "Giấy xác nhận đủ điều kiện an toàn thực phẩm",
        "https://motcua.tuyenquang.gov.vn/tra-cuu/", "Trần Văn Hùng", NAME)
        .doesNotContain("(ngày 07/12/2026)", "trang /tra-cuu/");
  }

  @Test
  void one_renderer_serves_renders_at_once_each_with_its_own_embedded_subset_fonts() throws Exception {
    // the renderer keeps its parsed fonts and lends each set to one render at a time: many renders at once,
    // and again after them, give every page its text and its own subsets of the two fonts
    PdfRenderer renderer = new PdfRenderer();
    Map<String, Object> model = FormModels.slip(PrintForm.RECEIPT, printable(dossier(DossierStatus.IN_PROGRESS,
        at("2026-03-05T09:10")), List.of(), List.of()), LocalDate.of(2026, 3, 9));
    String xhtml = TEMPLATES.fill(PrintForm.RECEIPT.template(), model);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<byte[]>> pdfs = new java.util.ArrayList<>();
      for (int i = 0; i < 24; i++) {
        pdfs.add(pool.submit(() -> renderer.render(xhtml)));
      }
      for (var f : pdfs) {
        byte[] pdf = f.get();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
          assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ")).contains(NAME, CODE,
              "Bản sao căn cước của chủ hộ");
          List<String> fonts = new java.util.ArrayList<>();
          for (var name : doc.getPage(0).getResources().getFontNames()) {
            PDFont font = doc.getPage(0).getResources().getFont(name);
            assertThat(font.isEmbedded()).isTrue();
            fonts.add(font.getName());
          }
          // a subset's name is a six-letter tag, "+", the font's name
          assertThat(fonts).anyMatch(n -> n.matches("[A-Z]{6}\\+DejaVuSerif"))
              .anyMatch(n -> n.matches("[A-Z]{6}\\+DejaVuSerif-Bold"));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(text(renderer.render(xhtml), PDRectangle.A5.getWidth(), PDRectangle.A5.getHeight())).contains(NAME);
  }

  @Test
  void receipt_01_is_refused_before_the_dossier_is_accepted() {
    assertThatThrownBy(() -> FormModels.slip(PrintForm.RECEIPT,
        printable(dossier(DossierStatus.NEW, null), List.of(), List.of()), LocalDate.of(2026, 3, 2)))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void supplement_request_02_lists_every_item() throws IOException {
    DossierEvent e = new DossierEvent(1, "SUPPLEMENT_REQUESTED", at("2026-03-02T10:00"), "mc.hung",
        "Thiếu bản sao căn cước của chủ hộ\nGiấy đề nghị chưa có chữ ký", "Phiếu yêu cầu bổ sung");
    String text = slipText(PrintForm.SUPPLEMENT_REQUEST,
        printable(dossier(DossierStatus.SUPPLEMENT_REQUESTED, null), List.of(e), List.of()));
    assertThat(text).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", CODE, NAME, "02/03/2026",
        "Thiếu bản sao căn cước của chủ hộ", "Giấy đề nghị chưa có chữ ký");
  }

  @Test
  void refusal_03_gives_the_reasons() throws IOException {
    DossierEvent e = new DossierEvent(1, "RECEPTION_REFUSED", at("2026-03-03T10:00"), "mc.hung",
        "Ngành nghề kinh doanh thuộc danh mục cấm", "Phiếu từ chối tiếp nhận hồ sơ");
    String text = slipText(PrintForm.REFUSAL,
        printable(dossier(DossierStatus.NOT_ACCEPTED, null), List.of(e), List.of()));
    assertThat(text).contains("PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ", CODE, NAME, "02/03/2026", "03/03/2026",
        "Ngành nghề kinh doanh thuộc danh mục cấm");
  }

  @Test
  void apology_04_signed_by_a_deputy_prints_KT_and_a_late_signature_is_marked() throws IOException {
    ApologyLetter letter = new ApologyLetter(1, 7, "tq-minhxuan", "01/2026/PXL", at("2026-03-05T09:10"),
        at("2026-03-10T09:10"), "Cần xác minh thực địa địa điểm kinh doanh", "cv.minh", "pt.yen",
        at("2026-03-04T15:00"), null, null, null, null, true, "DEPUTY_HEAD");
    String text = slipText(PrintForm.APOLOGY,
        printable(dossier(DossierStatus.IN_PROGRESS, at("2026-03-10T09:10")), List.of(), List.of(letter)));
    assertThat(text).contains("KT. Thủ trưởng cơ quan", "Phó Thủ trưởng cơ quan",
        "Phiếu được ký sau thời hạn quy định (chậm nhất 01 ngày làm việc trước ngày hẹn trả kết quả 05/03/2026)");
  }

  @Test
  void apology_04_has_the_original_and_new_dates_and_the_signature_of_the_head() throws IOException {
    ApologyLetter letter = new ApologyLetter(1, 7, "tq-minhxuan", "01/2026/PXL", at("2026-03-05T09:10"),
        at("2026-03-10T09:10"), "Cần xác minh thực địa địa điểm kinh doanh", "cv.minh", "ld.thao",
        at("2026-03-04T15:00"), null, null, null, null, false, null);
    String text = slipText(PrintForm.APOLOGY,
        printable(dossier(DossierStatus.IN_PROGRESS, at("2026-03-10T09:10")), List.of(), List.of(letter)));
    assertThat(text).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", CODE, NAME, "05/03/2026", "10/03/2026",
        "04/03/2026", "Cần xác minh thực địa địa điểm kinh doanh", "Phạm Thu Thảo", "01/2026/PXL");
  }

  @Test
  void control_slip_05_has_one_row_per_handover() throws IOException {
    String text = slipText(PrintForm.CONTROL_SLIP,
        printable(dossier(DossierStatus.IN_PROGRESS, at("2026-03-05T09:10")), List.of(), List.of()));
    assertThat(text).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", CODE, NAME, "09:00 ngày 02/03/2026", "09:10 02/03/2026",
        "05/03/2026", "Kiểm tra hồ sơ", "Thẩm định hồ sơ", "Trước hạn", "Đang xử lý", "Lê Quang Minh");
  }

  @Test
  void ledger_06_is_a4_landscape_with_numbered_rows() throws IOException {
    PrintableDossier p = printable(dossier(DossierStatus.IN_PROGRESS, at("2026-03-05T09:10")), List.of(), List.of());
    Map<String, Object> model = FormModels.ledger("Phường Minh Xuân", LocalDate.of(2026, 3, 1),
        LocalDate.of(2026, 3, 31), List.of(new FormModels.LedgerRow(12, p)), LocalDate.of(2026, 4, 1));
    String text = text(RENDERER.render(TEMPLATES.fill("form-06", model)), PDRectangle.A4.getHeight(),
        PDRectangle.A4.getWidth());
    assertThat(text).contains("SỔ THEO DÕI HỒ SƠ", CODE, NAME, "01/03/2026", "31/03/2026", "05/03/2026", "12",
        "Đăng ký thành lập hộ kinh doanh");
  }

  @Test
  void an_administrator_overrides_a_template_from_the_file_system(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    java.nio.file.Files.writeString(dir.resolve("form-05.html"), """
        <!DOCTYPE html><html xmlns:th="http://www.thymeleaf.org"><head><meta charset="UTF-8"/>
        <style th:replace="~{common :: style}"></style></head>
        <body><h1>Phiếu kiểm soát (mẫu riêng của tỉnh)</h1><p th:text="${code}"></p><p th:text="${applicantName}"></p></body></html>
        """);
    PrintTemplates custom = new PrintTemplates(dir.toString());
    assertThat(custom.overridden("form-05")).isTrue();
    Map<String, Object> model = FormModels.slip(PrintForm.CONTROL_SLIP,
        printable(dossier(DossierStatus.IN_PROGRESS, at("2026-03-05T09:10")), List.of(), List.of()), LocalDate.of(2026, 3, 9));
    String text = text(RENDERER.render(custom.fill("form-05", model)), PDRectangle.A5.getWidth(),
        PDRectangle.A5.getHeight());
    assertThat(text).contains("MẪU RIÊNG CỦA TỈNH", CODE, NAME);
  }
}
