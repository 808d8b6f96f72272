package vn.motcua.citizen;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.report.ReportPeriod;
import vn.motcua.report.ReportScope;
import vn.motcua.report.ReportService;
import vn.motcua.web.ApiException;

/**
 * The public aggregate of the periodic report (Decree 61/2018 Art. 31: results are published): per
 * resolving agency and for the province, received and resolved early / on time / late, in progress and
 * overdue, the on-time rate. Numbers only, never a dossier. Served from memory for
 * {@code motcua.citizen.statistics-ttl} per period, so the public cannot load the report query.
 */
@RestController
@Tag(name = "Thống kê công khai")
public class PublicStatistics {
  private final ReportService reports;
  private final CitizenProperties properties;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Clock wallClock = Clock.systemUTC();

  public PublicStatistics(ReportService reports, CitizenProperties properties) {
    this.reports = reports;
    this.properties = properties;
  }

  public record Counts(long received, long receivedOnline, long resolved, long resolvedEarly, long resolvedOnTime,
      long resolvedLate, long inProgress, long inProgressOverdue, Double onTimeRate) {}

  public record UnitCounts(String unit, String unitName, Counts counts) {}

  public record Statistics(String period, String from, String to, Instant asOf, Counts province,
      List<UnitCounts> units) {}

  private record Cached(Statistics statistics, long expiresAt) {}

  @Operation(summary = "Thống kê công khai kết quả giải quyết hồ sơ",
      description = "Theo tháng (`month=YYYY-MM`) hoặc năm (`year=YYYY`); mặc định tháng hiện tại.")
  @GetMapping("/api/public/statistics")
  public Statistics statistics(@RequestParam(required = false) String month,
      @RequestParam(required = false) String year) {
    if (month != null && !month.matches("\\d{4}-\\d{2}")) {
      throw ApiException.invalid("Kỳ thống kê không hợp lệ.", Map.of("month", "Tháng theo dạng YYYY-MM."));
    }
    if (year != null && !year.matches("\\d{4}")) {
      throw ApiException.invalid("Kỳ thống kê không hợp lệ.", Map.of("year", "Năm theo dạng YYYY."));
    }
    ReportPeriod period = ReportPeriod.parse(null, null, month, month == null ? year : null, reports.now());
    String key = period.from() + "/" + period.to();
    long now = wallClock.millis();
    Cached hit = cache.get(key);
    if (hit != null && hit.expiresAt() > now) {
      return hit.statistics();
    }
    ReportService.Report report = reports.report(period, ReportScope.ALL);
    Statistics statistics = new Statistics(report.label(), report.from(), report.to(), report.asOf(),
        counts(report.total()),
        report.units().stream().map(u -> new UnitCounts(u.unit(), u.unitName(), counts(u))).toList());
    if (cache.size() > 200) {
      cache.clear();
    }
    cache.put(key, new Cached(statistics, now + properties.statisticsTtl().toMillis()));
    return statistics;
  }

  private static Counts counts(ReportService.Line line) {
    Map<String, Long> c = line.counts();
    return new Counts(c.get("received"), c.get("receivedOnline"), c.get("resolved"), c.get("resolvedEarly"),
        c.get("resolvedOnTime"), c.get("resolvedLate"), c.get("inProgress"), c.get("inProgressOverdue"),
        line.indicators().onTimeRate());
  }

  /** Drops the cached figures (tests, or after a correction of the records). */
  public void forget() {
    cache.clear();
  }
}
