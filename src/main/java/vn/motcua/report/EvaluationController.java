package vn.motcua.report;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.security.DossierAccess;
import vn.motcua.security.Officer;

/**
 * The evaluation indices ({@code /api/reports/evaluation}): Circular 01/2018's nine indices and Decision 766's
 * components per agency for a quarter ({@code quarter=YYYY-Qn}), a year, a month or any days; the dossiers
 * behind each score; the XLSX export. Access as every report: a supervisor their agencies, a provincial
 * supervisor all ({@link DossierAccess#reportableUnits}).
 * Access log (docs/personal-data.md): the dossiers behind a score ({@code /dossiers}) write one {@code EXPORT}
 * entry, as the report's drill-down (the same rows, no applicant data); the indices and their export are
 * aggregates per unit and are not logged.
 */
@RestController
@RequestMapping("/api/reports/evaluation")
public class EvaluationController {
  private final EvaluationService evaluation;
  private final ReportService reports;
  private final DossierAccess access;

  public EvaluationController(EvaluationService evaluation, ReportService reports, DossierAccess access) {
    this.evaluation = evaluation;
    this.reports = reports;
    this.access = access;
  }

  private ReportScope scope(Officer officer, String unit) {
    return new ReportScope(access.reportableUnits(officer, unit));
  }

  private ReportPeriod period(String from, String to, String month, String quarter, String year) {
    return ReportPeriod.parse(from, to, month, quarter, year, reports.now());
  }

  @GetMapping
  public EvaluationService.Evaluation evaluation(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String month,
      @RequestParam(required = false) String quarter, @RequestParam(required = false) String year,
      @RequestParam(required = false) String unit, Officer officer) {
    ReportScope scope = scope(officer, unit);
    return evaluation.evaluate(period(from, to, month, quarter, year), scope);
  }

  /** The dossiers behind an index of a unit ({@code score}: only those with that score, 0–2). */
  @GetMapping("/dossiers")
  public ReportService.DossierPage dossiers(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String month,
      @RequestParam(required = false) String quarter, @RequestParam(required = false) String year,
      @RequestParam(required = false) String unit, @RequestParam String index,
      @RequestParam(required = false) Integer score, @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "100") int limit, Officer officer) {
    ReportScope scope = scope(officer, unit);
    return evaluation.dossiers(period(from, to, month, quarter, year), scope, index, score, blank(unit), offset, limit);
  }

  /** XLSX: the sheets "Chỉ số Thông tư 01" and "Chỉ số QĐ 766"; CSV: the nine indices. */
  @GetMapping("/export")
  public ResponseEntity<byte[]> export(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String month,
      @RequestParam(required = false) String quarter, @RequestParam(required = false) String year,
      @RequestParam(required = false) String unit, @RequestParam(defaultValue = "xlsx") String format,
      Officer officer) {
    ReportScope scope = scope(officer, unit);
    ReportPeriod period = period(from, to, month, quarter, year);
    EvaluationService.Evaluation e = evaluation.evaluate(period, scope);
    return ReportController.file("danh-gia-giai-quyet-tthc-" + period.from() + "_" + period.to(), format,
        List.of(SHEET_INDICES, SHEET_766), List.of(evaluation.indexTable(e), evaluation.decision766Table(e)));
  }

  static final String SHEET_INDICES = "Chỉ số Thông tư 01";
  static final String SHEET_766 = "Chỉ số QĐ 766";

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
