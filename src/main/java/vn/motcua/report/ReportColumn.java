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
      "a.signed_at >= :from AND a.signed_at < :to", r -> r.inPeriod(RollupFlow.APOLOGIES)),
  /**
   * Apology letters signed after their legal limit (later than one working day before the appointment they
   * move; Decree 118/2025, formerly Decree 61/2018 Art. 19(3)): accepted, marked on form 04, counted here.
   */
  APOLOGIES_LATE("apologiesSignedLate", "Khác", "Phiếu xin lỗi ký sau thời hạn", Kind.APOLOGY,
      "a.signed_at >= :from AND a.signed_at < :to AND a.signed_late = TRUE",
      r -> r.inPeriod(RollupFlow.APOLOGIES_LATE)),
  /**
   * Late dossiers resolved in the period, once for each unit charged with the delay: every unit of the
   * dossier's record of charged units ({@code dossier_responsible_unit}: each unit whose own stage ran
   * late), else its responsible unit, else its competent unit.
   */
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
    /**
     * Apology letters signed in the period joined to their dossiers, by the dossier's competent unit; the
     * column's condition is on the letter {@code a}.
     */
    APOLOGY,
    /**
     * Late dossiers resolved in the period, by each unit charged with the delay: in the main pass for the
     * competent unit, in small queries of their own for the others.
     */
    CHARGED
  }

  static final class Sql {
    static final String RESOLVED = "d.resolved_at >= :from AND d.resolved_at < :to";
    static final String IN_PROGRESS = "(d.closed_at IS NULL OR d.closed_at >= :to)";
    /** Past its appointment at {@code :asOf} and not paused then (a paused clock is the citizen's time). */
    static final String OVERDUE = "(d.appointment_at IS NOT NULL AND d.appointment_at < :asOf"
        + " AND (d.paused_at IS NULL OR d.paused_at >= :asOf))";
    /** The unit charged with a late dossier that has no record of charged units (before issue 18). */
    static final String CHARGED_UNIT = "COALESCE(d.responsible_unit, d.competent_unit)";
    /** The dossier has a record of charged units. */
    static final String HAS_CHARGED_ROWS = "EXISTS (SELECT 1 FROM dossier_responsible_unit r"
        + " WHERE r.dossier_id = d.id)";

    /** The dossier {@code d} is charged to a unit matching {@code unitTest} (e.g. {@code = :unit}). */
    static String chargedTo(String unitTest) {
      return "(EXISTS (SELECT 1 FROM dossier_responsible_unit r WHERE r.dossier_id = d.id AND r.unit " + unitTest
          + ") OR (NOT " + HAS_CHARGED_ROWS + " AND " + CHARGED_UNIT + " " + unitTest + "))";
    }

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

  /** The condition on a dossier {@code d}: the column counts it (the drill-down lists it). */
  String condition() {
    return kind == Kind.APOLOGY ? "d.id IN (SELECT a.dossier_id FROM apology_letter a WHERE " + condition + ")"
        : condition;
  }

  /** The condition on an apology letter {@code a} of a column of kind {@link Kind#APOLOGY}. */
  String letterCondition() {
    if (kind != Kind.APOLOGY) {
      throw new IllegalStateException(this + " does not count apology letters");
    }
    return condition;
  }

  /** The column's number for the rolled-up dossiers of one (unit, procedure). */
  long rolledUp(RolledUp rows) {
    return rollup.applyAsLong(rows);
  }

  /**
   * The condition that a dossier {@code d} counts in this column for a unit matching {@code unitTest}
   * ({@code = :unit}, {@code IN (:units)}): its competent unit, or, for a column of kind
   * {@link Kind#CHARGED}, one of the units charged with its delay.
   */
  String unitCondition(String unitTest) {
    return kind == Kind.CHARGED ? Sql.chargedTo(unitTest) : "d.competent_unit " + unitTest;
  }

  public static Optional<ReportColumn> ofKey(String key) {
    return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
  }
}
