package vn.motcua.report;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.calendar.OfficeZone;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.EngineClock;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.security.DossierAccess;
import vn.motcua.security.Officer;
import vn.motcua.web.ApiException;

/**
 * The supervisors' report API ({@code /api/reports}): the periodic report, the dossiers behind a number,
 * the overdue and due-soon lists, the indicators and the on-time trend, each also as XLSX or CSV. A
 * supervisor sees their own agencies (403 for another), a provincial supervisor all; see {@link DossierAccess}.
 * Access log (docs/personal-data.md): the lists of dossiers (the drill-down, the deadline lists and their exports)
 * write one {@code EXPORT} entry each, though their rows hold no applicant data
 * ({@link ReportRepository.DossierRow}); the aggregates (the report, the indicators, the trend and their exports)
 * show numbers per unit and procedure, no dossier, and are not logged.
 */
@RestController
@RequestMapping("/api/reports")
public class ReportController {
  private final ReportService reports;
  private final OrganisationDirectory directory;
  private final DossierAccess access;

  public ReportController(ReportService reports, OrganisationDirectory directory, DossierAccess access) {
    this.reports = reports;
    this.directory = directory;
    this.access = access;
  }

  /** The units the officer may report on, narrowed to {@code unit} when given (see {@link DossierAccess}). */
  private ReportScope scope(Officer officer, String unit) {
    return new ReportScope(access.reportableUnits(officer, unit));
  }

  private ReportPeriod period(String from, String to, String month, String year) {
    return ReportPeriod.parse(from, to, month, year, reports.now());
  }

  /** The logged-in supervisor, by name, for the supervisor page's header. */
  @GetMapping("/me")
  public Map<String, String> me(Officer officer) {
    return Map.of("userId", officer.userId(), "name", reports.officerName(officer.userId()));
  }

  /** The units the caller may report on, for the supervisor page's selector. */
  @GetMapping("/units")
  public List<Map<String, String>> units(Officer officer) {
    ReportScope scope = scope(officer, null);
    List<Map<String, String>> units = new ArrayList<>();
    directory.agencies().stream().filter(a -> scope.includes(a.key()))
        .forEach(a -> units.add(Map.of("key", a.key(), "name", a.name())));
    return units;
  }

  @GetMapping("/resolution")
  public ReportService.Report resolution(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String month,
      @RequestParam(required = false) String year, @RequestParam(required = false) String unit,
      Officer officer) {
    ReportScope scope = scope(officer, unit);
    return reports.report(period(from, to, month, year), scope);
  }

  @GetMapping("/resolution/dossiers")
  public ReportService.DossierPage resolutionDossiers(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String month,
      @RequestParam(required = false) String year, @RequestParam(required = false) String unit,
      @RequestParam(required = false) String procedure, @RequestParam String column,
      @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit,
      Officer officer) {
    ReportScope scope = scope(officer, unit);
    return reports.dossiers(period(from, to, month, year), scope, column, blank(unit), blank(procedure), offset, limit);
  }

  @GetMapping("/resolution/export")
  public ResponseEntity<byte[]> resolutionExport(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String month,
      @RequestParam(required = false) String year, @RequestParam(required = false) String unit,
      @RequestParam(defaultValue = "xlsx") String format, Officer officer) {
    ReportScope scope = scope(officer, unit);
    ReportPeriod period = period(from, to, month, year);
    ReportService.Report report = reports.report(period, scope);
    return file("bao-cao-giai-quyet-tthc-" + period.from() + "_" + period.to(), format,
        List.of("Báo cáo", "Chỉ số"), List.of(reports.reportTable(report), reports.indicatorTable(report)));
  }

  @GetMapping("/indicators")
  public Map<String, Object> indicators(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String month,
      @RequestParam(required = false) String year, @RequestParam(required = false) String unit,
      Officer officer) {
    ReportScope scope = scope(officer, unit);
    ReportService.Report report = reports.report(period(from, to, month, year), scope);
    List<Map<String, Object>> units = new ArrayList<>();
    for (ReportService.Line u : report.units()) {
      List<Map<String, Object>> procedures = new ArrayList<>();
      for (ReportService.Line p : u.procedures()) {
        procedures.add(Map.of("procedureKey", p.procedureKey(), "procedureName", p.procedureName(),
            "indicators", p.indicators()));
      }
      units.add(Map.of("unit", u.unit(), "unitName", u.unitName(), "indicators", u.indicators(),
          "procedures", procedures));
    }
    return Map.of("from", report.from(), "to", report.to(), "units", units, "total", report.total().indicators());
  }

  @GetMapping("/indicators/export")
  public ResponseEntity<byte[]> indicatorsExport(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String month,
      @RequestParam(required = false) String year, @RequestParam(required = false) String unit,
      @RequestParam(defaultValue = "xlsx") String format, Officer officer) {
    ReportScope scope = scope(officer, unit);
    ReportPeriod period = period(from, to, month, year);
    return file("chi-so-chat-luong-" + period.from() + "_" + period.to(), format, List.of("Chỉ số"),
        List.of(reports.indicatorTable(reports.report(period, scope))));
  }

  @GetMapping("/deadlines")
  public ReportService.DeadlineLists deadlines(@RequestParam(required = false) String unit,
      @RequestParam(defaultValue = "1") int days, @RequestParam(defaultValue = "200") int limit,
      Officer officer) {
    return reports.deadlines(scope(officer, unit), days, limit);
  }

  @GetMapping("/deadlines/export")
  public ResponseEntity<byte[]> deadlinesExport(@RequestParam(required = false) String unit,
      @RequestParam(defaultValue = "1") int days, @RequestParam(defaultValue = "xlsx") String format,
      @RequestParam(defaultValue = "overdue") String list, Officer officer) {
    ReportService.DeadlineLists lists = reports.deadlines(scope(officer, unit), days, ReportService.MAX_ROWS);
    Table overdue = reports.dossierTable("Danh sách hồ sơ quá hạn", "Số liệu đến " + ReportService.time(lists.asOf()), lists.overdue());
    Table soon = reports.dossierTable("Danh sách hồ sơ sắp đến hạn", "Hẹn trả trước " + ReportService.time(lists.dueSoonUntil()),
        lists.dueSoon());
    if ("csv".equals(format)) {
      if (!"overdue".equals(list) && !"dueSoon".equals(list)) {
        throw ApiException.invalid("Danh sách không hợp lệ.", Map.of("list", "overdue hoặc dueSoon."));
      }
      return file("ho-so-" + ("overdue".equals(list) ? "qua-han" : "sap-den-han"), format, List.of("x"),
          List.of("overdue".equals(list) ? overdue : soon));
    }
    return file("ho-so-qua-han-sap-den-han", format, List.of("Quá hạn", "Sắp đến hạn"), List.of(overdue, soon));
  }

  @GetMapping("/resolution/dossiers/export")
  public ResponseEntity<byte[]> dossiersExport(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String month,
      @RequestParam(required = false) String year, @RequestParam(required = false) String unit,
      @RequestParam(required = false) String procedure, @RequestParam String column,
      @RequestParam(defaultValue = "xlsx") String format, Officer officer) {
    ReportScope scope = scope(officer, unit);
    ReportPeriod period = period(from, to, month, year);
    ReportService.DossierPage page = reports.dossiers(period, scope, column, blank(unit), blank(procedure), 0,
        ReportService.MAX_ROWS);
    return file("ho-so-" + page.column(), format, List.of("Hồ sơ"), List.of(reports.dossierTable(
        page.columnHeader(), "Kỳ báo cáo: " + period.label() + "; " + page.total() + " hồ sơ", page.dossiers())));
  }

  @GetMapping("/trend")
  public List<ReportService.TrendPoint> trend(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String unit,
      Officer officer) {
    ReportScope scope = scope(officer, unit);
    YearMonth[] months = months(from, to);
    return reports.trend(months[0], months[1], scope);
  }

  @GetMapping("/trend/export")
  public ResponseEntity<byte[]> trendExport(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String unit,
      @RequestParam(defaultValue = "xlsx") String format, Officer officer) {
    ReportScope scope = scope(officer, unit);
    YearMonth[] months = months(from, to);
    List<ReportService.TrendPoint> points = reports.trend(months[0], months[1], scope);
    return file("ty-le-dung-han-" + months[0] + "_" + months[1], format, List.of("Tỷ lệ đúng hạn"),
        List.of(reports.trendTable(points, "Từ tháng " + months[0] + " đến tháng " + months[1])));
  }

  /** First and last month: {@code from}, {@code to} (YYYY-MM); by default the 12 months up to this one. */
  private YearMonth[] months(String from, String to) {
    try {
      YearMonth last = to == null ? YearMonth.from(reports.now().atZone(OfficeZone.get())) : YearMonth.parse(to);
      YearMonth first = from == null ? last.minusMonths(11) : YearMonth.parse(from);
      return new YearMonth[] {first, last};
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("Tháng không hợp lệ.", Map.of("from", "Tháng theo dạng YYYY-MM."));
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static ResponseEntity<byte[]> file(String name, String format, List<String> sheets, List<Table> tables) {
    byte[] body;
    String type;
    switch (format) {
      case "xlsx" -> {
        body = TableExport.xlsx(sheets, tables);
        type = TableExport.XLSX_TYPE;
      }
      case "csv" -> {
        body = TableExport.csv(tables.get(0));
        type = TableExport.CSV_TYPE;
      }
      default -> throw ApiException.invalid("Định dạng xuất không hợp lệ.", Map.of("format", "xlsx hoặc csv."));
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(name + "." + format, StandardCharsets.UTF_8).build().toString())
        .body(body);
  }
}
