package vn.motcua.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Format;
import vn.motcua.dossier.OutcomeClass;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.report.ReportRepository.DossierRow;
import vn.motcua.report.ReportRepository.GroupCounts;
import vn.motcua.report.ReportRepository.GroupKey;
import vn.motcua.web.ApiException;

/**
 * The supervisors' reports (báo cáo tình hình giải quyết TTHC): the periodic report per unit and
 * procedure with totals, the dossiers behind each number, the overdue and due-soon lists, the
 * service-quality indicators and the monthly on-time rate. Knows nothing of HTTP or the engine; the
 * access scope is decided by the caller ({@link ReportScope}).
 */
public class ReportService {
  public static final String COCKPIT_PROCESS_INSTANCE = "/camunda/app/cockpit/default/#/process-instance/";
  static final int MAX_ROWS = 1000;

  private final ReportRepository repository;
  private final OrganisationDirectory directory;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final Function<String, String> officerName;

  public ReportService(ReportRepository repository, OrganisationDirectory directory, WorkingCalendar calendar,
      Clock clock) {
    this(repository, directory, calendar, clock, userId -> userId);
  }

  /** {@code officerName}: an officer's full name from the login, for the lists and exports. */
  public ReportService(ReportRepository repository, OrganisationDirectory directory, WorkingCalendar calendar,
      Clock clock, Function<String, String> officerName) {
    this.officerName = officerName;
    this.repository = repository;
    this.directory = directory;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** "14:30 05/03/2026" in Vietnam's time. */
  public static String time(Instant t) {
    return Format.timeDay(t);
  }

  public Instant now() {
    return clock.instant();
  }

  String unitName(String key) {
    return key == null ? null : directory.find(key).map(Agency::name).orElse(key);
  }

  // ---------------- periodic report and indicators ----------------

  public record Column(String key, String group, String header) {}

  /**
   * Service-quality indicators (Decision 766/QĐ-TTg, Decree 61 Art. 27–32) computable from the records;
   * rates in percent with one decimal, {@code null} when the denominator is zero. Formulas: docs/reports.md.
   * Two on-time rates: Decision 766's over the dossiers resolved ({@code onTimeRate}) and Decree 61's
   * internal one over the dossiers received ({@code receivedOnTimeRate}).
   */
  public record Indicators(Double onTimeRate, Double onlineShare, Double averageProcessingDays,
      Double maxProcessingDays, Double averageWorkingDaysLate, long rated, long satisfied, Double satisfactionRate,
      Double apologyRate, Double receivedOnTimeRate) {}

  /** A line of the report: a unit (with its procedures) or one procedure of a unit, or the total. */
  public record Line(String unit, String unitName, String procedureKey, String procedureName, Map<String, Long> counts,
      Indicators indicators, List<Line> procedures) {}

  public record Report(String from, String to, String label, Instant asOf, List<Column> columns, List<Line> units,
      Line total) {}

  public Report report(ReportPeriod period, ReportScope scope) {
    Instant asOf = period.asOf(now());
    Map<GroupKey, GroupCounts> groups = repository.counts(period, asOf, scope);
    Map<String, Map<String, GroupCounts>> byUnit = new TreeMap<>();
    groups.forEach((k, g) -> {
      if (scope.includes(k.unit())) {
        byUnit.computeIfAbsent(k.unit(), u -> new TreeMap<>()).put(k.procedureKey(), g);
      }
    });
    List<Line> units = new ArrayList<>();
    GroupCounts grand = new GroupCounts();
    byUnit.entrySet().stream()
        .sorted(Comparator.comparing(e -> unitName(e.getKey())))
        .forEach(e -> {
          GroupCounts unitTotal = new GroupCounts();
          List<Line> procedures = new ArrayList<>();
          e.getValue().forEach((proc, g) -> {
            unitTotal.add(g);
            procedures.add(line(e.getKey(), proc, g.procedureName, g, null));
          });
          unitTotal.procedureName = null;
          grand.add(unitTotal);
          units.add(line(e.getKey(), null, null, unitTotal, procedures));
        });
    grand.procedureName = null;
    List<Column> columns = Arrays.stream(ReportColumn.values())
        .map(c -> new Column(c.key(), c.group(), c.header())).toList();
    return new Report(period.from().toString(), period.to().toString(), period.label(), asOf, columns, units,
        line(null, null, null, grand, null));
  }

  private Line line(String unit, String proc, String procName, GroupCounts g, List<Line> procedures) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (ReportColumn c : ReportColumn.values()) {
      counts.put(c.key(), g.get(c));
    }
    return new Line(unit, unit == null ? null : unitName(unit), proc, procName, counts, indicators(g), procedures);
  }

  static Indicators indicators(GroupCounts g) {
    long resolved = g.get(ReportColumn.RESOLVED);
    long newReceived = g.get(ReportColumn.RECEIVED_ONLINE) + g.get(ReportColumn.RECEIVED_DIRECT);
    return new Indicators(
        percent(g.get(ReportColumn.RESOLVED_EARLY) + g.get(ReportColumn.RESOLVED_ON_TIME), resolved),
        percent(g.get(ReportColumn.RECEIVED_ONLINE), newReceived),
        resolved == 0 ? null : round(g.processingSeconds / resolved / 86400.0),
        resolved == 0 ? null : round(g.processingSecondsMax / 86400.0),
        g.lateDaysCount == 0 ? null : round((double) g.lateDays / g.lateDaysCount),
        g.rated, g.satisfied, percent(g.satisfied, g.rated),
        percent(g.resolvedWithApology, resolved),
        percent(g.get(ReportColumn.RESOLVED_EARLY) + g.get(ReportColumn.RESOLVED_ON_TIME), g.get(ReportColumn.RECEIVED)));
  }

  static Double percent(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
  }

  static Double round(double value) {
    return Math.round(value * 10.0) / 10.0;
  }

  // ---------------- drill-down ----------------

  /** A dossier in a drill-down or a deadline list, with unit names and the Cockpit link of its process. */
  public record DossierItem(String code, String procedureKey, String procedureName, String competentUnit,
      String competentUnitName, String receivingUnit, String channel, int status, String statusName, String stage,
      Instant receivedAt, Instant appointmentAt, Instant originalAppointmentAt, Instant resolvedAt,
      String resolutionClass, String currentUnit, String currentUnitName, String currentOfficer,
      String responsibleUnit, int apologyCount, Instant heldSince, Double heldWorkingHours,
      Double overdueWorkingHours, String cockpitUrl, String currentOfficerName) {}

  public record DossierPage(String column, String columnHeader, String unit, String procedureKey, long total,
      int offset, List<DossierItem> dossiers) {}

  public DossierPage dossiers(ReportPeriod period, ReportScope scope, String columnKey, String unit,
      String procedureKey, int offset, int limit) {
    ReportColumn column = ReportColumn.ofKey(columnKey == null ? "" : columnKey).orElseThrow(() ->
        ApiException.invalid("Cột báo cáo không hợp lệ.", Map.of("column", "Một trong: "
            + String.join(", ", Arrays.stream(ReportColumn.values()).map(ReportColumn::key).toList()) + ".")));
    if (offset < 0 || limit < 1 || limit > MAX_ROWS) {
      throw ApiException.invalid("Phân trang không hợp lệ.",
          Map.of("limit", "Từ 1 đến " + MAX_ROWS + " hồ sơ một trang; offset không âm."));
    }
    ReportRepository.Page page = repository.dossiers(period, period.asOf(now()), scope, column, unit, procedureKey,
        offset, limit);
    return new DossierPage(column.key(), column.fullHeader(), unit, procedureKey, page.total(), offset,
        page.rows().stream().map(r -> item(r, null)).toList());
  }

  DossierItem item(DossierRow r, Instant now) {
    Double held = null;
    Double overdue = null;
    if (now != null && r.heldSince() != null && r.heldSince().isBefore(now)) {
      held = hours(calendar.workingTimeBetween(r.heldSince(), now));
    }
    if (now != null && r.appointmentAt() != null && r.appointmentAt().isBefore(now)) {
      overdue = hours(calendar.workingTimeBetween(r.appointmentAt(), now));
    }
    return new DossierItem(r.code(), r.procedureKey(), r.procedureName(), r.competentUnit(),
        unitName(r.competentUnit()), r.receivingUnit(), r.channel(), r.status(),
        DossierStatus.ofCode(r.status()).label(), r.stage(), r.receivedAt(), r.appointmentAt(),
        r.originalAppointmentAt(), r.resolvedAt(), r.resolutionClass(), r.currentUnit(), unitName(r.currentUnit()),
        r.currentOfficer(), r.responsibleUnit(), r.apologyCount(), r.heldSince(), held, overdue,
        r.processInstanceId() == null ? null : COCKPIT_PROCESS_INSTANCE + r.processInstanceId(),
        r.currentOfficer() == null ? null : officerName.apply(r.currentOfficer()));
  }

  /** An officer's full name from the login ("Trần Văn Hùng" for mc.hung). */
  public String officerName(String userId) {
    return officerName.apply(userId);
  }

  private static Double hours(Duration d) {
    return round(d.toMinutes() / 60.0);
  }

  // ---------------- overdue and due-soon lists ----------------

  public record DeadlineLists(Instant asOf, Instant dueSoonUntil, long overdueTotal, List<DossierItem> overdue,
      long dueSoonTotal, List<DossierItem> dueSoon) {}

  /** Open dossiers past their appointment, and those due within {@code dueSoonWorkingDays} working days. */
  public DeadlineLists deadlines(ReportScope scope, int dueSoonWorkingDays, int limit) {
    if (dueSoonWorkingDays < 1 || dueSoonWorkingDays > 10) {
      throw ApiException.invalid("Số ngày sắp đến hạn không hợp lệ.", Map.of("days", "Từ 1 đến 10 ngày làm việc."));
    }
    if (limit < 1 || limit > MAX_ROWS) {
      throw ApiException.invalid("Phân trang không hợp lệ.", Map.of("limit", "Từ 1 đến " + MAX_ROWS + " hồ sơ."));
    }
    Instant now = now();
    Instant until = calendar.addWorkingDays(now, dueSoonWorkingDays);
    ReportRepository.Page overdue = repository.deadlineList(null, now, scope, limit);
    ReportRepository.Page soon = repository.deadlineList(now, until, scope, limit);
    return new DeadlineLists(now, until, overdue.total(), overdue.rows().stream().map(r -> item(r, now)).toList(),
        soon.total(), soon.rows().stream().map(r -> item(r, now)).toList());
  }

  // ---------------- on-time rate over time ----------------

  public record TrendPoint(String month, long resolved, long onTime, Double onTimeRate) {}

  public List<TrendPoint> trend(YearMonth first, YearMonth last, ReportScope scope) {
    if (first.isAfter(last) || first.plusMonths(120).isBefore(last)) {
      throw ApiException.invalid("Khoảng thời gian không hợp lệ.", Map.of("to", "Từ 1 đến 120 tháng, tháng đầu trước tháng cuối."));
    }
    List<TrendPoint> points = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      long[] v = repository.onTime(ReportPeriod.ofMonth(m), scope);
      points.add(new TrendPoint(m.toString(), v[0], v[1], percent(v[1], v[0])));
    }
    return points;
  }

  // ---------------- tables for export ----------------

  public Table reportTable(Report report) {
    List<String> groups = new ArrayList<>(List.of("STT", "Đơn vị giải quyết", "Thủ tục hành chính"));
    List<String> headers = new ArrayList<>(groups);
    groups.replaceAll(g -> null);
    for (Column c : report.columns()) {
      groups.add(c.group());
      headers.add(c.header());
    }
    List<List<Object>> rows = new ArrayList<>();
    int n = 1;
    for (Line unit : report.units()) {
      rows.add(countsRow(String.valueOf(n++), unit.unitName(), "Cộng đơn vị", unit));
      for (Line p : unit.procedures()) {
        rows.add(countsRow("", unit.unitName(), p.procedureName(), p));
      }
    }
    rows.add(countsRow("", "Tổng cộng", "", report.total()));
    return new Table("Báo cáo tình hình giải quyết thủ tục hành chính", "Kỳ báo cáo: " + report.label()
        + "; số liệu đến " + Format.timeDay(report.asOf()), groups, headers, rows);
  }

  private static List<Object> countsRow(String no, String unit, String procedure, Line line) {
    List<Object> row = new ArrayList<>(List.of(no, unit == null ? "" : unit, procedure == null ? "" : procedure));
    line.counts().values().forEach(row::add);
    return row;
  }

  static final List<String> INDICATOR_HEADERS = List.of("Đơn vị giải quyết", "Thủ tục hành chính",
      "Tỷ lệ giải quyết đúng hạn (%)", "Tỷ lệ hồ sơ trực tuyến (%)", "Thời gian giải quyết trung bình (ngày)",
      "Thời gian giải quyết dài nhất (ngày)", "Số ngày làm việc trễ hạn trung bình", "Số lượt đánh giá",
      "Số lượt hài lòng", "Tỷ lệ hài lòng (%)", "Tỷ lệ hồ sơ phải xin lỗi (%)",
      "Tỷ lệ giải quyết đúng hạn trên hồ sơ tiếp nhận (%)");

  public Table indicatorTable(Report report) {
    List<List<Object>> rows = new ArrayList<>();
    for (Line unit : report.units()) {
      rows.add(indicatorRow(unit.unitName(), "Cộng đơn vị", unit.indicators()));
      for (Line p : unit.procedures()) {
        rows.add(indicatorRow(unit.unitName(), p.procedureName(), p.indicators()));
      }
    }
    rows.add(indicatorRow("Tổng cộng", "", report.total().indicators()));
    return new Table("Chỉ số chất lượng phục vụ", "Kỳ: " + report.label(), null, INDICATOR_HEADERS, rows);
  }

  private static List<Object> indicatorRow(String unit, String procedure, Indicators i) {
    List<Object> row = new ArrayList<>();
    row.add(unit);
    row.add(procedure == null ? "" : procedure);
    row.addAll(Arrays.asList(i.onTimeRate(), i.onlineShare(), i.averageProcessingDays(), i.maxProcessingDays(),
        i.averageWorkingDaysLate(), i.rated(), i.satisfied(), i.satisfactionRate(), i.apologyRate(),
        i.receivedOnTimeRate()));
    return row;
  }

  static final List<String> DOSSIER_HEADERS = List.of("Mã hồ sơ", "Thủ tục hành chính", "Đơn vị giải quyết",
      "Trạng thái", "Bước đang xử lý", "Ngày tiếp nhận", "Hẹn trả", "Ngày giải quyết", "Kết quả",
      "Đơn vị đang giữ", "Cán bộ đang giữ", "Giữ từ", "Số giờ làm việc đã giữ", "Số giờ làm việc quá hạn");

  public Table dossierTable(String title, String subtitle, List<DossierItem> items) {
    return new Table(title, subtitle, null, DOSSIER_HEADERS, items.stream().map(ReportService::dossierRow).toList());
  }

  static List<Object> dossierRow(DossierItem i) {
    Function<Instant, String> f = Format::timeDay;
    return Arrays.asList(i.code(), i.procedureName(), i.competentUnitName(), i.statusName(), i.stage(),
        f.apply(i.receivedAt()), f.apply(i.appointmentAt()), f.apply(i.resolvedAt()), classLabel(i.resolutionClass()),
        i.currentUnitName(), i.currentOfficerName(), f.apply(i.heldSince()), i.heldWorkingHours(), i.overdueWorkingHours());
  }

  static String classLabel(String resolutionClass) {
    return resolutionClass == null ? null : OutcomeClass.valueOf(resolutionClass).label();
  }

  public Table trendTable(List<TrendPoint> points, String subtitle) {
    return new Table("Tỷ lệ giải quyết đúng hạn theo tháng", subtitle, null,
        List.of("Tháng", "Số hồ sơ đã giải quyết", "Số hồ sơ trước hạn và đúng hạn", "Tỷ lệ đúng hạn (%)"),
        points.stream().map(p -> Arrays.<Object>asList(p.month(), p.resolved(), p.onTime(), p.onTimeRate())).toList());
  }
}
