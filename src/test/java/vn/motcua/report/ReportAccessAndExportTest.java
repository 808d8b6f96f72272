package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.report.ReportFixture.UNIT;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.MotCuaSpringTest;

/**
 * Who may see which report (a supervisor their own agency, a provincial supervisor all, nobody else),
 * bad input refused in Vietnamese, the XLSX and CSV exports read back with the same numbers as the API,
 * and the Prometheus metrics behind a supervisor's login.
 */
@MotCuaSpringTest
class ReportAccessAndExportTest {
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void fixture() {
    ReportFixture.load(jdbc);
  }

  private ResponseEntity<Map> get(String user, String url) {
    return rest.withBasicAuth(user, "demo").getForEntity(url, Map.class);
  }

  @Test
  void a_commune_supervisor_gets_403_for_another_units_report() {
    ResponseEntity<Map> response = get("gs.nam", "/api/reports/resolution?month=2024-05&unit=" + UNIT);
    assertThat(response.getStatusCode().value()).isEqualTo(403);
    assertThat((String) response.getBody().get("message")).contains("không có quyền xem báo cáo")
        .contains("Hà Giang 1");
    assertThat(get("gs.nam", "/api/reports/resolution/dossiers?month=2024-05&column=received&unit=" + UNIT)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(get("gs.nam", "/api/reports/deadlines?unit=tq-nongtien").getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("gs.nam", "demo").getForEntity(
        "/api/reports/resolution/export?month=2024-05&unit=" + UNIT, byte[].class).getStatusCode().value())
        .isEqualTo(403);
  }

  @Test
  @SuppressWarnings("unchecked")
  void a_commune_supervisor_sees_only_their_own_unit_and_the_provincial_supervisor_all() {
    ResponseEntity<Map> own = get("gs.nam", "/api/reports/resolution?month=2024-05");
    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat((List<Map<String, Object>>) own.getBody().get("units"))
        .allSatisfy(u -> assertThat(u.get("unit")).isEqualTo("tq-minhxuan"));
    assertThat(get("gs.nam", "/api/reports/resolution?month=2024-05&unit=tq-minhxuan").getStatusCode().value())
        .isEqualTo(200);
    ResponseEntity<Map> all = get("gs.ha", "/api/reports/resolution?month=2024-05");
    assertThat((List<Map<String, Object>>) all.getBody().get("units"))
        .extracting(u -> u.get("unit")).contains(UNIT, ReportFixture.OTHER_UNIT);
  }

  @Test
  void officers_who_are_not_supervisors_and_anonymous_callers_are_refused() {
    assertThat(get("cv.minh", "/api/reports/resolution").getStatusCode().value()).isEqualTo(403);
    assertThat(get("mc.hung", "/api/reports/deadlines").getStatusCode().value()).isEqualTo(403);
    assertThat(rest.getForEntity("/api/reports/resolution", Map.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void bad_input_is_refused_with_a_vietnamese_message() {
    ResponseEntity<Map> month = get("gs.ha", "/api/reports/resolution?month=2024-13");
    assertThat(month.getStatusCode().value()).isEqualTo(400);
    assertThat((String) month.getBody().get("message")).isEqualTo("Kỳ báo cáo không hợp lệ.");
    assertThat(get("gs.ha", "/api/reports/resolution?from=2024-05-31&to=2024-05-01").getStatusCode().value())
        .isEqualTo(400);
    ResponseEntity<Map> column = get("gs.ha", "/api/reports/resolution/dossiers?month=2024-05&column=nope");
    assertThat(column.getStatusCode().value()).isEqualTo(400);
    assertThat((String) column.getBody().get("message")).isEqualTo("Cột báo cáo không hợp lệ.");
    assertThat(get("gs.ha", "/api/reports/resolution?unit=tq-khong-co").getStatusCode().value()).isEqualTo(404);
    assertThat(get("gs.ha", "/api/reports/resolution/export?format=pdf").getStatusCode().value()).isEqualTo(400);
    assertThat(get("gs.ha", "/api/reports/deadlines?days=0").getStatusCode().value()).isEqualTo(400);
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_xlsx_export_reads_back_with_the_numbers_of_the_api() throws Exception {
    Map<String, Object> report = get("gs.ha", "/api/reports/resolution?month=2024-05&unit=" + UNIT).getBody();
    Map<String, Number> total = ReportColumnsTest.counts((Map<String, Object>) report.get("total"));
    ResponseEntity<byte[]> file = rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/api/reports/resolution/export?format=xlsx&month=2024-05&unit=" + UNIT, byte[].class);
    assertThat(file.getStatusCode().value()).isEqualTo(200);
    assertThat(file.getHeaders().getContentType().toString()).startsWith(TableExport.XLSX_TYPE);
    assertThat(file.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
      Sheet sheet = wb.getSheet("Báo cáo");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("Báo cáo tình hình giải quyết thủ tục hành chính");
      Row groups = sheet.getRow(3);
      Row headers = sheet.getRow(4);
      assertThat(groups.getCell(3).getStringCellValue()).isEqualTo("Số hồ sơ tiếp nhận");
      assertThat(headers.getCell(4).getStringCellValue()).isEqualTo("Kỳ trước chuyển sang");
      Row totalRow = findRow(sheet, "Tổng cộng");
      List<Long> numbers = new ArrayList<>();
      for (int c = 3; c < headers.getLastCellNum(); c++) {
        Cell cell = totalRow.getCell(c);
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        numbers.add((long) cell.getNumericCellValue());
      }
      assertThat(numbers).containsExactlyElementsOf(total.values().stream().map(Number::longValue).toList());
      assertThat(numbers.get(0)).isEqualTo(12);
      Sheet indicators = wb.getSheet("Chỉ số");
      Row indicatorTotal = findRow(indicators, "Tổng cộng");
      assertThat(indicators.getRow(3).getCell(2).getStringCellValue()).isEqualTo("Tỷ lệ giải quyết đúng hạn (%)");
      assertThat(indicatorTotal.getCell(2).getNumericCellValue()).isEqualTo(66.7);
    }
  }

  static Row findRow(Sheet sheet, String first) {
    for (Row row : sheet) {
      Cell cell = row.getCell(1);
      if (cell != null && cell.getCellType() == CellType.STRING && first.equals(cell.getStringCellValue())) {
        return row;
      }
      Cell zero = row.getCell(0);
      if (zero != null && zero.getCellType() == CellType.STRING && first.equals(zero.getStringCellValue())) {
        return row;
      }
    }
    throw new AssertionError("no row " + first);
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_csv_export_is_utf8_with_a_byte_order_mark_and_the_same_numbers() {
    Map<String, Object> report = get("gs.ha", "/api/reports/resolution?month=2024-05&unit=" + UNIT).getBody();
    Map<String, Number> total = ReportColumnsTest.counts((Map<String, Object>) report.get("total"));
    ResponseEntity<byte[]> file = rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/api/reports/resolution/export?format=csv&month=2024-05&unit=" + UNIT, byte[].class);
    assertThat(file.getStatusCode().value()).isEqualTo(200);
    assertThat(file.getHeaders().getContentType().toString()).startsWith("text/csv");
    byte[] body = file.getBody();
    assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
    String[] lines = new String(body, StandardCharsets.UTF_8).substring(1).split("\r\n");
    assertThat(lines[0]).startsWith("STT,Đơn vị giải quyết,Thủ tục hành chính,Số hồ sơ tiếp nhận - Tổng số,"
        + "Số hồ sơ tiếp nhận - Kỳ trước chuyển sang");
    String totalLine = lines[lines.length - 1];
    assertThat(totalLine).startsWith(",Tổng cộng,,");
    List<Long> numbers = java.util.Arrays.stream(totalLine.split(",", -1)).skip(3).map(Long::valueOf).toList();
    assertThat(numbers).containsExactlyElementsOf(total.values().stream().map(Number::longValue).toList());
  }

  @Test
  void the_deadline_lists_export_to_two_sheets() throws Exception {
    ResponseEntity<byte[]> file = rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/api/reports/deadlines/export?format=xlsx&unit=" + UNIT, byte[].class);
    assertThat(file.getStatusCode().value()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
      Sheet overdue = wb.getSheet("Quá hạn");
      assertThat(overdue.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Mã hồ sơ");
      List<String> codes = new ArrayList<>();
      for (int r = 4; r <= overdue.getLastRowNum(); r++) {
        codes.add(overdue.getRow(r).getCell(0).getStringCellValue());
      }
      assertThat(codes).contains("RPT-OVERDUE", "RPT-OPEN").doesNotContain("RPT-PAUSED");
      assertThat(wb.getSheet("Sắp đến hạn")).isNotNull();
    }
  }

  @Test
  void the_on_time_chart_exports_with_its_rates() throws Exception {
    ResponseEntity<byte[]> file = rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/api/reports/trend/export?format=xlsx&from=2024-04&to=2024-06&unit=" + UNIT, byte[].class);
    assertThat(file.getStatusCode().value()).isEqualTo(200);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
      Sheet sheet = wb.getSheet("Tỷ lệ đúng hạn");
      assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo("Tỷ lệ đúng hạn (%)");
      assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("2024-05");
      assertThat(sheet.getRow(5).getCell(3).getNumericCellValue()).isEqualTo(66.7);
    }
    ResponseEntity<byte[]> csv = rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/api/reports/trend/export?format=csv&from=2024-05&to=2024-05&unit=" + UNIT, byte[].class);
    assertThat(new String(csv.getBody(), StandardCharsets.UTF_8))
        .isEqualTo("\uFEFFTháng,Số hồ sơ đã giải quyết,Số hồ sơ trước hạn và đúng hạn,Tỷ lệ đúng hạn (%)\r\n"
            + "2024-05,6,4,66.7\r\n");
  }

  @Test
  void the_supervisor_page_is_served_in_vietnamese_without_external_resources() {
    ResponseEntity<String> page = rest.getForEntity("/giam-sat/", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("<html lang=\"vi\">", "Giám sát tình hình giải quyết thủ tục hành chính",
        "giam-sat.js").doesNotContain("http://", "https://");
    ResponseEntity<String> script = rest.getForEntity("/giam-sat/giam-sat.js", String.class);
    assertThat(script.getStatusCode().value()).isEqualTo(200);
    assertThat(script.getBody()).contains("/api/reports/resolution", "cockpitUrl")
        .doesNotContain("http://", "https://");
  }

  @Test
  void the_supervisor_page_names_people_and_picks_months_in_vietnamese() {
    ResponseEntity<Map> me = get("gs.ha", "/api/reports/me");
    assertThat(me.getStatusCode().value()).isEqualTo(200);
    assertThat(me.getBody()).containsEntry("userId", "gs.ha").containsEntry("name", "Đỗ Thanh Hà");
    String page = rest.getForEntity("/giam-sat/", String.class).getBody();
    // the browser's own month picker speaks the browser's language ("December 2026"): the page has its own
    assertThat(page).doesNotContain("type=\"month\"").contains("Tháng 12", "name=\"monthYear\"");
    String script = rest.getForEntity("/giam-sat/giam-sat.js", String.class).getBody();
    assertThat(script).contains("/api/reports/me", "currentOfficerName", "CLOSED.includes(d.status)");
    assertThat(rest.getForEntity("/giam-sat/giam-sat.css", String.class).getBody())
        .contains("[hidden] { display: none !important; }");
  }

  @Test
  void prometheus_metrics_need_a_supervisors_login() {
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(rest.withBasicAuth("cv.minh", "demo").getForEntity("/actuator/prometheus", String.class)
        .getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> metrics = rest.withBasicAuth("gs.ha", "demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(metrics.getStatusCode().value()).isEqualTo(200);
    assertThat(metrics.getBody()).contains("motcua_dossiers_received_total{channel=\"ONLINE\"}",
        "motcua_dossiers_returned_total{outcome=\"LATE\"}", "motcua_dossiers_overdue_open{unit=\"" + UNIT + "\"}",
        "motcua_apology_letters_total", "motcua_apology_letters_late_total", "motcua_jobs_failed",
        "motcua_incidents_open");
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
  }
}
