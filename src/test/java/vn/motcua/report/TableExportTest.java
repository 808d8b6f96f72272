package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableExportTest {
  static final Table TABLE = new Table("Tiêu đề", "Kỳ: tháng 3", Arrays.asList(null, "Nhóm", "Nhóm"),
      List.of("Tên", "Số, có dấu phẩy", "Tỷ lệ"),
      List.of(Arrays.asList("Ủy ban nhân dân phường \"Minh Xuân\"", 12L, 66.7), Arrays.asList("Hà Giang", 0L, null)));

  @Test
  void csv_has_a_byte_order_mark_crlf_and_quotes_where_needed() {
    byte[] csv = TableExport.csv(TABLE);
    assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(csv, StandardCharsets.UTF_8);
    assertThat(text).isEqualTo("\uFEFFTên,\"Nhóm - Số, có dấu phẩy\",Nhóm - Tỷ lệ\r\n"
        + "\"Ủy ban nhân dân phường \"\"Minh Xuân\"\"\",12,66.7\r\n"
        + "Hà Giang,0,\r\n");
  }

  @Test
  void xlsx_keeps_vietnamese_text_numbers_and_merged_group_headers() throws Exception {
    byte[] xlsx = TableExport.xlsx(List.of("Báo cáo"), List.of(TABLE));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var sheet = wb.getSheet("Báo cáo");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Tiêu đề");
      assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Nhóm");
      assertThat(sheet.getRow(4).getCell(2).getStringCellValue()).isEqualTo("Tỷ lệ");
      assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("Ủy ban nhân dân phường \"Minh Xuân\"");
      assertThat(sheet.getRow(5).getCell(1).getNumericCellValue()).isEqualTo(12.0);
      assertThat(sheet.getRow(5).getCell(2).getNumericCellValue()).isEqualTo(66.7);
      assertThat(sheet.getRow(6).getCell(2)).isNull();
      assertThat(sheet.getMergedRegions()).hasSize(2);
    }
  }
}
