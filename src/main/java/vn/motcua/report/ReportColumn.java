package vn.motcua.report;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The columns of the periodic report of administrative-procedure resolution (form 06a/VPCP/KSTT, plus
 * withdrawals, apologies and the late dossiers charged to the unit). Each column is one SQL condition on a
 * dossier {@code d} that is "alive" in the period (see {@link ReportRepository#ALIVE}); the same condition
 * gives the number (a sum) and the dossiers behind it (the drill-down), so the two cannot disagree.
 *
 * <p>Parameters: {@code :from} and {@code :to} (the period, half-open), {@code :asOf} (the earlier of the
 * period's end and now: when "overdue" is judged). Each column also says how it is computed from the
 * roll-up rows of the sealed dossiers ({@link RollupFlow}, {@link ReportRollup}), so a column is declared in
 * this one place. Formulas and sources: docs/reports.md (and "Adding a column").
 */
public enum ReportColumn {
  RECEIVED("received", "Số hồ sơ tiếp nhận", "Tổng số", Kind.MAIN, "1 = 1",
      r -> r.upToEnd(RollupFlow.RECEIVED) - r.before(RollupFlow.CLOSED)),
  CARRIED_OVER("carriedOver", "Số hồ sơ tiếp nhận", "Kỳ trước chuyển sang", Kind.MAIN, "d.received_at < :from",
      r -> r.before(RollupFlow.RECEIVED) - r.before(RollupFlow.CLOSED)),
  RECEIVED_ONLINE("receivedOnline", "Số hồ sơ tiếp nhận", "Mới tiếp nhận trực tuyến", Kind.MAIN,
      "d.received_at >= :from AND d.channel = 'ONLINE'", r -> r.inPeriod(RollupFlow.RECEIVED_ONLINE)),
  RECEIVED_DIRECT("receivedDirect", "Số hồ sơ tiếp nhận", "Mới tiếp nhận trực tiếp, bưu chính", Kind.MAIN,
      "d.received_at >= :from AND d.channel <> 'ONLINE'",
      r -> r.inPeriod(RollupFlow.RECEIVED) - r.inPeriod(RollupFlow.RECEIVED_ONLINE)),
  RESOLVED("resolved", "Số hồ sơ đã giải quyết", "Tổng số", Kind.MAIN, Sql.RESOLVED,
      r -> r.inPeriod(RollupFlow.RESOLVED)),
  RESOLVED_EARLY("resolvedEarly", "Số hồ sơ đã giải quyết", "Trước hạn", Kind.MAIN,
      Sql.RESOLVED + " AND d.resolution_class = 'EARLY'", r -> r.inPeriod(RollupFlow.RESOLVED_EARLY)),
  RESOLVED_ON_TIME("resolvedOnTime", "Số hồ sơ đã giải quyết", "Đúng hạn", Kind.MAIN,
      Sql.RESOLVED + " AND d.resolution_class = 'ON_TIME'", r -> r.inPeriod(RollupFlow.RESOLVED_ON_TIME)),
  RESOLVED_LATE("resolvedLate", "Số hồ sơ đã giải quyết", "Quá hạn", Kind.MAIN,
      Sql.RESOLVED + " AND d.resolution_class = 'LATE'", r -> r.inPeriod(RollupFlow.RESOLVED_LATE)),
  IN_PROGRESS("inProgress", "Số hồ sơ đang giải quyết", "Tổng số", Kind.MAIN, Sql.IN_PROGRESS,
      r -> r.upToEnd(RollupFlow.RECEIVED) - r.upToEnd(RollupFlow.CLOSED)),
  IN_PROGRESS_WITHIN("inProgressWithinDeadline", "Số hồ sơ đang giải quyết", "Trong hạn", Kind.MAIN,
      Sql.IN_PROGRESS + " AND NOT (" + Sql.OVERDUE + ")",
      r -> r.upToEnd(RollupFlow.RECEIVED) - r.upToEnd(RollupFlow.CLOSED) - r.upToEnd(RollupFlow.OVERDUE_DELTA)),
  IN_PROGRESS_OVERDUE("inProgressOverdue", "Số hồ sơ đang giải quyết", "Quá hạn", Kind.MAIN,
      Sql.IN_PROGRESS + " AND " + Sql.OVERDUE, r -> r.upToEnd(RollupFlow.OVERDUE_DELTA)),
  WITHDRAWN("withdrawn", "Khác", "Rút hồ sơ, dừng giải quyết", Kind.MAIN,
      "d.status IN (7, 8) AND d.closed_at < :to", r -> r.inPeriod(RollupFlow.WITHDRAWN)),
  APOLOGIES("apologies", "Khác", "Phiếu xin lỗi, hẹn lại", Kind.APOLOGY,
      "d.id IN (SELECT a.dossier_id FROM apology_letter a WHERE a.signed_at >= :from AND a.signed_at < :to)",
      r -> r.inPeriod(RollupFlow.APOLOGIES)),
  LATE_CHARGED("lateCharged", "Khác", "Quá hạn do đơn vị gây ra", Kind.CHARGED,
      Sql.RESOLVED + " AND d.resolution_class = 'LATE'", r -> r.inPeriod(RollupFlow.LATE_CHARGED));

  /**
   * The roll-up rows of one (unit, procedure) summed up to the period's last day (ReportRepository#counts):
   * what a column's roll-up formula reads.
   */
  interface RolledUp {
    /** The flow summed over the period's days. */
    long inPeriod(RollupFlow flow);

    /** A stock flow ({@link RollupFlow#stock()}) summed over the days before the period. */
    long before(RollupFlow flow);

    /** A stock flow summed from the beginning to the period's last day. */
    default long upToEnd(RollupFlow flow) {
      return before(flow) + inPeriod(flow);
    }
  }

  /** How the column is counted (ReportRepository#counts); the drill-down always uses {@link #condition()}. */
  public enum Kind {
    /** One pass over the dossiers alive in the period, by competent unit (đơn vị giải quyết). */
    MAIN,
    /** Apology letters signed in the period joined to their dossiers, by the dossier's competent unit. */
    APOLOGY,
    /**
     * Late dossiers resolved in the period, by the unit charged with the delay: in the main pass when it is
     * the competent unit, else in a small query of its own.
     */
    CHARGED
  }

  static final class Sql {
    static final String RESOLVED = "d.resolved_at >= :from AND d.resolved_at < :to";
    static final String IN_PROGRESS = "(d.closed_at IS NULL OR d.closed_at >= :to)";
    /** Past its appointment at {@code :asOf} and not paused then (a paused clock is the citizen's time). */
    static final String OVERDUE = "(d.appointment_at IS NOT NULL AND d.appointment_at < :asOf"
        + " AND (d.paused_at IS NULL OR d.paused_at >= :asOf))";
    /** The unit charged with a late dossier: the unit of its (last) late stage, else the competent unit. */
    static final String CHARGED_UNIT = "COALESCE(d.responsible_unit, d.competent_unit)";

    private Sql() {}
  }

  private final String key;
  private final String group;
  private final String header;
  private final Kind kind;
  private final String condition;
  private final ToLongFunction<RolledUp> rollup;

  /**
   * @param condition the live count: an SQL condition on a dossier {@code d} alive in the period (the
   *     drill-down uses it too)
   * @param rollup the same number from the roll-up rows of the sealed dossiers ({@link RollupFlow})
   */
  ReportColumn(String key, String group, String header, Kind kind, String condition, ToLongFunction<RolledUp> rollup) {
    this.key = key;
    this.group = group;
    this.header = header;
    this.kind = kind;
    this.condition = condition;
    this.rollup = rollup;
  }

  public String key() {
    return key;
  }

  /** Vietnamese header of the column group (as in form 06a). */
  public String group() {
    return group;
  }

  /** Vietnamese header of the column. */
  public String header() {
    return header;
  }

  /** Group and column in one Vietnamese header, for one-line headers (CSV, lists). */
  public String fullHeader() {
    return header.equals("Tổng số") ? group + ": tổng số" : group + ": " + header.substring(0, 1).toLowerCase()
        + header.substring(1);
  }

  public Kind kind() {
    return kind;
  }

  String condition() {
    return condition;
  }

  /** The column's number for the rolled-up dossiers of one (unit, procedure). */
  long rolledUp(RolledUp rows) {
    return rollup.applyAsLong(rows);
  }

  /** The SQL expression of the unit a dossier counts for in this column. */
  String unitExpression() {
    return kind == Kind.CHARGED ? Sql.CHARGED_UNIT : "d.competent_unit";
  }

  public static Optional<ReportColumn> ofKey(String key) {
    return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
  }
}
