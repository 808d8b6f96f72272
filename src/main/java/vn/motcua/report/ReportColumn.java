package vn.motcua.report;

/**
 * The columns of the periodic report of administrative-procedure resolution (form 06a/VPCP/KSTT, plus
 * withdrawals, apologies and the late dossiers charged to the unit). Each column is one SQL condition on a
 * dossier {@code d} that is "alive" in the period (see {@link ReportRepository#ALIVE}); the same condition
 * gives the number (a sum) and the dossiers behind it (the drill-down), so the two cannot disagree.
 *
 * <p>Parameters: {@code :from} and {@code :to} (the period, half-open), {@code :asOf} (the earlier of the
 * period's end and now: when "overdue" is judged). Formulas and sources: docs/reports.md.
 */
public enum ReportColumn {
  RECEIVED("received", "Số hồ sơ tiếp nhận", "Tổng số", Kind.MAIN, "1 = 1"),
  CARRIED_OVER("carriedOver", "Số hồ sơ tiếp nhận", "Kỳ trước chuyển sang", Kind.MAIN, "d.received_at < :from"),
  RECEIVED_ONLINE("receivedOnline", "Số hồ sơ tiếp nhận", "Mới tiếp nhận trực tuyến", Kind.MAIN,
      "d.received_at >= :from AND d.channel = 'ONLINE'"),
  RECEIVED_DIRECT("receivedDirect", "Số hồ sơ tiếp nhận", "Mới tiếp nhận trực tiếp, bưu chính", Kind.MAIN,
      "d.received_at >= :from AND d.channel <> 'ONLINE'"),
  RESOLVED("resolved", "Số hồ sơ đã giải quyết", "Tổng số", Kind.MAIN, Sql.RESOLVED),
  RESOLVED_EARLY("resolvedEarly", "Số hồ sơ đã giải quyết", "Trước hạn", Kind.MAIN,
      Sql.RESOLVED + " AND d.resolution_class = 'EARLY'"),
  RESOLVED_ON_TIME("resolvedOnTime", "Số hồ sơ đã giải quyết", "Đúng hạn", Kind.MAIN,
      Sql.RESOLVED + " AND d.resolution_class = 'ON_TIME'"),
  RESOLVED_LATE("resolvedLate", "Số hồ sơ đã giải quyết", "Quá hạn", Kind.MAIN,
      Sql.RESOLVED + " AND d.resolution_class = 'LATE'"),
  IN_PROGRESS("inProgress", "Số hồ sơ đang giải quyết", "Tổng số", Kind.MAIN, Sql.IN_PROGRESS),
  IN_PROGRESS_WITHIN("inProgressWithinDeadline", "Số hồ sơ đang giải quyết", "Trong hạn", Kind.MAIN,
      Sql.IN_PROGRESS + " AND NOT (" + Sql.OVERDUE + ")"),
  IN_PROGRESS_OVERDUE("inProgressOverdue", "Số hồ sơ đang giải quyết", "Quá hạn", Kind.MAIN,
      Sql.IN_PROGRESS + " AND " + Sql.OVERDUE),
  WITHDRAWN("withdrawn", "Khác", "Rút hồ sơ, dừng giải quyết", Kind.MAIN,
      "d.status IN (7, 8) AND d.closed_at < :to"),
  APOLOGIES("apologies", "Khác", "Phiếu xin lỗi, hẹn lại", Kind.APOLOGY,
      "d.id IN (SELECT a.dossier_id FROM apology_letter a WHERE a.signed_at >= :from AND a.signed_at < :to)"),
  LATE_CHARGED("lateCharged", "Khác", "Quá hạn do đơn vị gây ra", Kind.CHARGED,
      Sql.RESOLVED + " AND d.resolution_class = 'LATE'");

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

  ReportColumn(String key, String group, String header, Kind kind, String condition) {
    this.key = key;
    this.group = group;
    this.header = header;
    this.kind = kind;
    this.condition = condition;
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

  /** The SQL expression of the unit a dossier counts for in this column. */
  String unitExpression() {
    return kind == Kind.CHARGED ? Sql.CHARGED_UNIT : "d.competent_unit";
  }

  public static java.util.Optional<ReportColumn> ofKey(String key) {
    return java.util.Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
  }
}
