package vn.motcua.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.report.ReportRepository.GroupCounts;
import vn.motcua.report.ReportRepository.GroupKey;
import vn.motcua.security.DossierAccess;
import vn.motcua.security.Officer;
import vn.motcua.web.ApiException;

/**
 * Operation of the reports' roll-up, for the system administrator only ({@code /api/admin/reports/rollup}):
 * its state, a roll-up now, a rebuild of the rows of a period after a manual SQL fix of dossiers, and a
 * check that the report of a period gives the same numbers with the roll-up as live. See docs/reports.md.
 */
@RestController
@RequestMapping("/api/admin/reports/rollup")
public class ReportRollupController {
  private final ReportRollup rollup;
  private final ReportRepository repository;
  private final ReportService reports;
  private final DossierAccess access;

  public ReportRollupController(ReportRollup rollup, ReportRepository repository, ReportService reports,
      DossierAccess access) {
    this.rollup = rollup;
    this.repository = repository;
    this.reports = reports;
    this.access = access;
  }

  @GetMapping
  public ReportRollup.Status status(Officer officer) {
    access.requireRollupOperator(officer);
    return rollup.status();
  }

  /** Rolls up the sealed dossiers waiting now (what the scheduled job does). */
  @PostMapping
  public ReportRollup.Run run(Officer officer) {
    access.requireRollupOperator(officer);
    return rollup.rollUp();
  }

  /** Recomputes the rows of the days from..to (both YYYY-MM-DD; none: the whole history). */
  @PostMapping("/rebuild")
  public ReportRollup.Rebuild rebuild(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Officer officer) {
    access.requireRollupOperator(officer);
    if ((from == null) != (to == null)) {
      throw ApiException.invalid("Khoảng ngày không hợp lệ.",
          Map.of(from == null ? "from" : "to", "Cần cả ngày bắt đầu và ngày kết thúc (YYYY-MM-DD), hoặc không ngày nào."));
    }
    try {
      LocalDate f = from == null ? null : LocalDate.parse(from);
      LocalDate t = to == null ? null : LocalDate.parse(to);
      if (f != null && f.isAfter(t)) {
        throw ApiException.invalid("Khoảng ngày không hợp lệ.", Map.of("to", "Ngày kết thúc phải sau ngày bắt đầu."));
      }
      return rollup.rebuild(f, t);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("Khoảng ngày không hợp lệ.", Map.of("from", "Ngày theo dạng YYYY-MM-DD."));
    }
  }

  /** Differences between the report of a period with the roll-up and computed live (none expected). */
  @GetMapping("/check")
  public Map<String, Object> check(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String month,
      @RequestParam(required = false) String year, Officer officer) {
    access.requireRollupOperator(officer);
    ReportPeriod period = ReportPeriod.parse(from, to, month, year, reports.now());
    Instant asOf = period.asOf(reports.now());
    Map<GroupKey, GroupCounts> rolled = repository.counts(period, asOf, ReportScope.ALL);
    Map<GroupKey, GroupCounts> live = repository.liveCounts(period, asOf, ReportScope.ALL);
    List<String> differences = differences(rolled, live);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", period.from().toString());
    body.put("to", period.to().toString());
    body.put("groups", live.size());
    body.put("same", differences.isEmpty());
    body.put("differences", differences);
    return body;
  }

  /** Every (unit, procedure, column or indicator sum) where the two disagree. */
  static List<String> differences(Map<GroupKey, GroupCounts> a, Map<GroupKey, GroupCounts> b) {
    List<String> out = new ArrayList<>();
    Set<GroupKey> keys = new TreeSet<>(Comparator.comparing(GroupKey::unit)
        .thenComparing(GroupKey::procedureKey));
    keys.addAll(a.keySet());
    keys.addAll(b.keySet());
    GroupCounts none = new GroupCounts();
    for (GroupKey k : keys) {
      GroupCounts x = a.getOrDefault(k, none);
      GroupCounts y = b.getOrDefault(k, none);
      if (!a.containsKey(k) || !b.containsKey(k)) {
        out.add(k.unit() + "/" + k.procedureKey() + ": " + (a.containsKey(k) ? "only with the roll-up" : "only live"));
        continue;
      }
      for (ReportColumn c : ReportColumn.values()) {
        if (x.get(c) != y.get(c)) {
          out.add(k.unit() + "/" + k.procedureKey() + " " + c.key() + ": " + x.get(c) + " ≠ " + y.get(c));
        }
      }
      compare(out, k, "processingSeconds", x.processingSeconds, y.processingSeconds);
      compare(out, k, "processingSecondsMax", x.processingSecondsMax, y.processingSecondsMax);
      compare(out, k, "lateDays", x.lateDays, y.lateDays);
      compare(out, k, "lateDaysCount", x.lateDaysCount, y.lateDaysCount);
      compare(out, k, "rated", x.rated, y.rated);
      compare(out, k, "satisfied", x.satisfied, y.satisfied);
      compare(out, k, "resolvedWithApology", x.resolvedWithApology, y.resolvedWithApology);
      if (!Objects.equals(x.procedureName, y.procedureName)) {
        out.add(k.unit() + "/" + k.procedureKey() + " procedureName: " + x.procedureName + " ≠ " + y.procedureName);
      }
    }
    return out;
  }

  private static void compare(List<String> out, GroupKey k, String what, double x, double y) {
    if (Double.compare(x, y) != 0) {
      out.add(k.unit() + "/" + k.procedureKey() + " " + what + ": " + x + " ≠ " + y);
    }
  }
}
