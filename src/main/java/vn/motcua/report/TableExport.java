package vn.motcua.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes report tables to XLSX (Apache POI) and CSV. The CSV is UTF-8 with a byte-order mark, comma
 * separated, CRLF line ends and quoted where needed, so Excel and LibreOffice show Vietnamese text.
 */
public final class TableExport {
  public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String CSV_TYPE = "text/csv;charset=UTF-8";

  private TableExport() {}

  /** One workbook, one sheet per table (sheet names given). */
  public static byte[] xlsx(List<String> sheetNames, List<Table> tables) {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Font bold = wb.createFont();
      bold.setBold(true);
      CellStyle titleStyle = wb.createCellStyle();
      Font titleFont = wb.createFont();
      titleFont.setBold(true);
      titleFont.setFontHeightInPoints((short) 14);
      titleStyle.setFont(titleFont);
      CellStyle header = wb.createCellStyle();
      header.setFont(bold);
      header.setWrapText(true);
      header.setAlignment(HorizontalAlignment.CENTER);
      header.setVerticalAlignment(VerticalAlignment.CENTER);
      header.setBorderBottom(BorderStyle.THIN);
      header.setBorderTop(BorderStyle.THIN);
      header.setBorderLeft(BorderStyle.THIN);
      header.setBorderRight(BorderStyle.THIN);
      for (int t = 0; t < tables.size(); t++) {
        Table table = tables.get(t);
        Sheet sheet = wb.createSheet(sheetNames.get(t));
        int r = 0;
        Cell title = sheet.createRow(r++).createCell(0);
        title.setCellValue(table.title());
        title.setCellStyle(titleStyle);
        sheet.createRow(r++).createCell(0).setCellValue(table.subtitle());
        r++;
        int headerStart = r;
        if (table.groups() != null) {
          Row groupRow = sheet.createRow(r++);
          for (int c = 0; c < table.headers().size(); c++) {
            Cell cell = groupRow.createCell(c);
            String g = table.groups().get(c);
            cell.setCellValue(g == null ? table.headers().get(c) : g);
            cell.setCellStyle(header);
          }
        }
        Row headerRow = sheet.createRow(r++);
        for (int c = 0; c < table.headers().size(); c++) {
          Cell cell = headerRow.createCell(c);
          cell.setCellValue(table.headers().get(c));
          cell.setCellStyle(header);
        }
        if (table.groups() != null) {
          mergeGroups(sheet, table, headerStart);
        }
        for (List<Object> values : table.rows()) {
          Row row = sheet.createRow(r++);
          for (int c = 0; c < values.size(); c++) {
            Object v = values.get(c);
            if (v == null) {
              continue;
            }
            Cell cell = row.createCell(c);
            if (v instanceof Number n) {
              cell.setCellValue(n.doubleValue());
            } else {
              cell.setCellValue(v.toString());
            }
          }
        }
        for (int c = 0; c < table.headers().size(); c++) {
          sheet.setColumnWidth(c, c < 3 ? 40 * 256 : 16 * 256);
        }
        sheet.createFreezePane(0, r - table.rows().size());
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Merges equal consecutive group headers, and a column without group over its two header rows. */
  private static void mergeGroups(Sheet sheet, Table table, int groupRow) {
    int c = 0;
    while (c < table.headers().size()) {
      String g = table.groups().get(c);
      if (g == null) {
        sheet.addMergedRegion(new CellRangeAddress(groupRow, groupRow + 1, c, c));
        c++;
        continue;
      }
      int end = c;
      while (end + 1 < table.headers().size() && g.equals(table.groups().get(end + 1))) {
        end++;
      }
      if (end > c) {
        sheet.addMergedRegion(new CellRangeAddress(groupRow, groupRow, c, end));
      }
      c = end + 1;
    }
  }

  public static byte[] csv(Table table) {
    StringBuilder sb = new StringBuilder("\uFEFF");
    line(sb, List.copyOf(table.flatHeaders()));
    for (List<Object> row : table.rows()) {
      line(sb, row);
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder sb, List<?> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object v = values.get(i);
      String s = v == null ? "" : v instanceof Double d ? number(d) : v.toString();
      if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
        s = '"' + s.replace("\"", "\"\"") + '"';
      }
      sb.append(s);
    }
    sb.append("\r\n");
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
