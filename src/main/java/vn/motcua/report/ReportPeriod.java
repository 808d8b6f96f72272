package vn.motcua.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import vn.motcua.calendar.OfficeZone;
import vn.motcua.dossier.Format;
import vn.motcua.web.ApiException;

/**
 * A reporting period of whole days in the configured zone ({@link OfficeZone}), both ends included (from 1 March to 31 March).
 * In SQL it is the half-open range [{@link #start()}, {@link #end()}).
 */
public record ReportPeriod(LocalDate from, LocalDate to) {
  /** Longest period a report may cover: ten years. */
  static final int MAX_DAYS = 3660;

  public ReportPeriod {
    if (from.isAfter(to)) {
      throw ApiException.invalid("Kỳ báo cáo không hợp lệ.", Map.of("to", "Ngày kết thúc phải sau ngày bắt đầu."));
    }
    if (from.plusDays(MAX_DAYS).isBefore(to)) {
      throw ApiException.invalid("Kỳ báo cáo quá dài.", Map.of("to", "Một báo cáo không quá 10 năm."));
    }
  }

  public Instant start() {
    return from.atStartOfDay(OfficeZone.get()).toInstant();
  }

  public Instant end() {
    return to.plusDays(1).atStartOfDay(OfficeZone.get()).toInstant();
  }

  /** When "overdue" is judged: the end of the period, or now if the period has not ended. */
  public Instant asOf(Instant now) {
    return end().isBefore(now) ? end() : now;
  }

  public static ReportPeriod ofMonth(YearMonth month) {
    return new ReportPeriod(month.atDay(1), month.atEndOfMonth());
  }

  /** A calendar quarter (quý) 1–4 of {@code year}: January–March, April–June, July–September, October–December. */
  public static ReportPeriod ofQuarter(int year, int quarter) {
    YearMonth first = YearMonth.of(year, quarter * 3 - 2);
    return new ReportPeriod(first.atDay(1), first.plusMonths(2).atEndOfMonth());
  }

  public static ReportPeriod ofYear(int year) {
    return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /**
   * The period from request parameters: {@code from} and {@code to} (YYYY-MM-DD), or {@code month}
   * (YYYY-MM), or {@code year}; none: the current month.
   */
  public static ReportPeriod parse(String from, String to, String month, String year, Instant now) {
    return parse(from, to, month, null, year, now);
  }

  /**
   * As {@link #parse(String, String, String, String, Instant)}, with {@code quarter} (YYYY-Qn, n 1–4) between
   * the month and the year: Circular 01/2018 evaluates quarterly and yearly.
   */
  public static ReportPeriod parse(String from, String to, String month, String quarter, String year, Instant now) {
    try {
      if (from != null || to != null) {
        if (from == null || to == null) {
          throw ApiException.invalid("Kỳ báo cáo không hợp lệ.",
              Map.of(from == null ? "from" : "to", "Cần cả ngày bắt đầu và ngày kết thúc (YYYY-MM-DD)."));
        }
        return new ReportPeriod(LocalDate.parse(from), LocalDate.parse(to));
      }
      if (month != null) {
        return ofMonth(YearMonth.parse(month));
      }
      if (quarter != null) {
        java.util.regex.Matcher q = java.util.regex.Pattern.compile("(\\d{4})-[Qq]([1-4])").matcher(quarter.strip());
        if (!q.matches()) {
          throw ApiException.invalid("Quý báo cáo không hợp lệ.", Map.of("quarter", "Quý theo dạng YYYY-Qn, n từ 1 đến 4."));
        }
        return ofQuarter(Integer.parseInt(q.group(1)), Integer.parseInt(q.group(2)));
      }
      if (year != null) {
        int y = Integer.parseInt(year);
        if (y < 2000 || y > 2100) {
          throw ApiException.invalid("Năm báo cáo không hợp lệ.", Map.of("year", "Năm từ 2000 đến 2100."));
        }
        return ofYear(y);
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw ApiException.invalid("Kỳ báo cáo không hợp lệ.",
          Map.of("period", "Ngày theo dạng YYYY-MM-DD, tháng YYYY-MM, năm YYYY."));
    }
    return ofMonth(YearMonth.from(now.atZone(OfficeZone.get())));
  }

  /** "01/03/2026 – 31/03/2026". */
  public String label() {
    return Format.day(from) + " – " + Format.day(to);
  }
}
