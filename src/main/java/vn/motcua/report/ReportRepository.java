package vn.motcua.report;

import static vn.motcua.db.SqlTime.instant;
import static vn.motcua.db.SqlTime.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the reports: aggregations in the database (one pass per column kind), never the dossiers
 * loaded into memory. Portable between H2 2.x and PostgreSQL; indexes in V4__reports.sql.
 */
@Repository
public class ReportRepository {
  /**
   * A dossier counts in a period when it was received before the period's end and had not left
   * processing before its start; dossiers refused at reception (status 3) never count.
   */
  static final String ALIVE = "d.status <> 3 AND d.received_at < :to AND (d.closed_at IS NULL OR d.closed_at >= :from)";

  private static final String RESOLVED = ReportColumn.Sql.RESOLVED;
  private static final String SECONDS = "(EXTRACT(EPOCH FROM d.resolved_at) - EXTRACT(EPOCH FROM d.received_at))";

  private final NamedParameterJdbcTemplate jdbc;

  public ReportRepository(JdbcTemplate jdbc) {
    this.jdbc = new NamedParameterJdbcTemplate(jdbc);
  }



  private static MapSqlParameterSource params(ReportPeriod period, Instant asOf, ReportScope scope) {
    MapSqlParameterSource p = new MapSqlParameterSource()
        .addValue("from", ts(period.start()))
        .addValue("to", ts(period.end()))
        .addValue("asOf", ts(asOf));
    if (!scope.all()) {
      p.addValue("units", scope.units().isEmpty() ? List.of("-") : List.copyOf(scope.units()));
    }
    return p;
  }

  private static String scopeFilter(ReportScope scope, String unitExpression) {
    return scope.all() ? "" : " AND " + unitExpression + " IN (:units)";
  }

  /** The key of a report cell: a unit and a procedure. */
  public record GroupKey(String unit, String procedureKey) {}

  /** Counts of one (unit, procedure) group, with the sums behind the indicators. */
  public static final class GroupCounts {
    final Map<ReportColumn, Long> counts = new EnumMap<>(ReportColumn.class);
    String procedureName;
    double processingSeconds;
    double processingSecondsMax;
    long lateDays;
    long lateDaysCount;
    long rated;
    long satisfied;
    long resolvedWithApology;
    /** Exact sums behind processingSeconds and processingSecondsMax (as the database adds them). */
    BigDecimal seconds = BigDecimal.ZERO;
    BigDecimal secondsMax;

    /** No dossier behind any column (a group known only to the roll-up, outside the period). */
    boolean empty() {
      return counts.values().stream().allMatch(v -> v == 0);
    }

    /** The indicator sums as numbers, from the exact sums. */
    void finish() {
      processingSeconds = seconds.doubleValue();
      processingSecondsMax = secondsMax == null ? 0 : secondsMax.doubleValue();
    }

    public long get(ReportColumn c) {
      return counts.getOrDefault(c, 0L);
    }

    void add(GroupCounts o) {
      o.counts.forEach((c, v) -> counts.merge(c, v, Long::sum));
      processingSeconds += o.processingSeconds;
      processingSecondsMax = Math.max(processingSecondsMax, o.processingSecondsMax);
      lateDays += o.lateDays;
      lateDaysCount += o.lateDaysCount;
      rated += o.rated;
      satisfied += o.satisfied;
      resolvedWithApology += o.resolvedWithApology;
      if (procedureName == null) {
        procedureName = o.procedureName;
      }
    }
  }

  /**
   * Every column of the report per (unit, procedure) in the period: the roll-up rows of the sealed
   * dossiers ({@link ReportRollup}) plus the dossiers not rolled up counted live. Gives exactly the numbers
   * of {@link #liveCounts} (docs/reports.md, "Roll-up"); only faster.
   */
  public Map<GroupKey, GroupCounts> counts(ReportPeriod period, Instant asOf, ReportScope scope) {
    Map<GroupKey, GroupCounts> result = live(period, asOf, scope, NOT_ROLLED_UP);
    rolledUp(period, asOf, scope, result);
    result.values().removeIf(GroupCounts::empty);
    result.values().forEach(GroupCounts::finish);
    return result;
  }

  /** The same numbers computed from the dossiers alone, every one live (the reference of the roll-up). */
  public Map<GroupKey, GroupCounts> liveCounts(ReportPeriod period, Instant asOf, ReportScope scope) {
    Map<GroupKey, GroupCounts> result = live(period, asOf, scope, "");
    result.values().forEach(GroupCounts::finish);
    return result;
  }

  private static final String NOT_ROLLED_UP = " AND d.rollup_batch IS NULL";

  /**
   * One pass over the dossiers alive in the period (and matching {@code only}) grouped by competent unit and
   * procedure (every MAIN column, the indicator sums, the late dossiers charged to their own competent unit),
   * the few late dossiers charged to another unit, and the apology letters signed in the period joined to
   * their dossiers (in the main pass when {@code only} restricts it to the dossiers not rolled up).
   */
  private Map<GroupKey, GroupCounts> live(ReportPeriod period, Instant asOf, ReportScope scope, String only) {
    // Over the few dossiers not rolled up, the apology letters of the period are counted in the main pass
    // (joined per dossier) instead of a query of their own; the reference (liveCounts) keeps the latter.
    boolean fold = !only.isEmpty();
    Map<GroupKey, GroupCounts> result = new LinkedHashMap<>();
    MapSqlParameterSource p = params(period, asOf, scope);
    List<ReportColumn> main = new ArrayList<>();
    List<ReportColumn> charged = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT d.competent_unit AS unit, d.procedure_key AS proc,"
        + " MAX(d.procedure_name) AS proc_name");
    for (ReportColumn c : ReportColumn.values()) {
      if (c.kind() == ReportColumn.Kind.MAIN) {
        sql.append(", SUM(CASE WHEN ").append(c.condition()).append(" THEN 1 ELSE 0 END) AS c").append(main.size());
        main.add(c);
      } else if (c.kind() == ReportColumn.Kind.CHARGED) {
        // charged to the competent unit itself: in this pass (to other units: below)
        sql.append(", SUM(CASE WHEN ").append(c.condition()).append(" THEN (CASE WHEN ")
            .append(c.unitCondition("= d.competent_unit")).append(" THEN 1 ELSE 0 END) ELSE 0 END) AS ch")
            .append(charged.size());
        charged.add(c);
      }
    }
    List<ReportColumn> letters = Arrays.stream(ReportColumn.values())
        .filter(c -> c.kind() == ReportColumn.Kind.APOLOGY).toList();
    String resolvedLate = RESOLVED + " AND d.resolution_class = 'LATE'";
    sql.append(", SUM(CASE WHEN ").append(RESOLVED).append(" THEN ").append(SECONDS).append(" ELSE 0 END) AS m_sec")
        .append(", MAX(CASE WHEN ").append(RESOLVED).append(" THEN ").append(SECONDS).append(" END) AS m_sec_max")
        .append(", SUM(CASE WHEN ").append(resolvedLate).append(" AND d.working_days_late IS NOT NULL")
        .append(" THEN d.working_days_late ELSE 0 END) AS m_late_days")
        .append(", SUM(CASE WHEN ").append(resolvedLate).append(" AND d.working_days_late IS NOT NULL")
        .append(" THEN 1 ELSE 0 END) AS m_late_n")
        .append(", SUM(CASE WHEN ").append(RESOLVED).append(" AND d.rating IS NOT NULL THEN 1 ELSE 0 END) AS m_rated")
        .append(", SUM(CASE WHEN ").append(RESOLVED).append(" AND d.rating = 3 THEN 1 ELSE 0 END) AS m_satisfied")
        .append(", SUM(CASE WHEN ").append(RESOLVED).append(" AND d.apology_count > 0 THEN 1 ELSE 0 END) AS m_apology")
        .append(fold ? letterSums(letters, "SUM(COALESCE(ap.n%d, 0)) AS m_letters%d") : "")
        .append(" FROM dossier d")
        .append(fold ? " LEFT JOIN (SELECT a.dossier_id" + letterSums(letters, "SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS n%d")
            + " FROM apology_letter a WHERE a.signed_at >= :from AND a.signed_at < :to GROUP BY a.dossier_id) ap"
            + " ON ap.dossier_id = d.id" : "")
        .append(" WHERE ").append(ALIVE).append(only).append(scopeFilter(scope, "d.competent_unit"))
        .append(" GROUP BY d.competent_unit, d.procedure_key");
    jdbc.query(sql.toString(), p, rs -> {
      GroupCounts g = result.computeIfAbsent(new GroupKey(rs.getString("unit"), rs.getString("proc")),
          k -> new GroupCounts());
      g.procedureName = rs.getString("proc_name");
      for (int i = 0; i < main.size(); i++) {
        g.counts.put(main.get(i), rs.getLong("c" + i));
      }
      for (int i = 0; i < charged.size(); i++) {
        g.counts.put(charged.get(i), rs.getLong("ch" + i));
      }
      g.seconds = g.seconds.add(decimal(rs.getBigDecimal("m_sec")));
      g.secondsMax = max(g.secondsMax, rs.getBigDecimal("m_sec_max"));
      g.lateDays = rs.getLong("m_late_days");
      g.lateDaysCount = rs.getLong("m_late_n");
      g.rated = rs.getLong("m_rated");
      g.satisfied = rs.getLong("m_satisfied");
      g.resolvedWithApology = rs.getLong("m_apology");
      for (int i = 0; fold && i < letters.size(); i++) {
        if (rs.getLong("m_letters" + i) > 0) {
          g.counts.put(letters.get(i), rs.getLong("m_letters" + i));
        }
      }
    });
    // Late dossiers charged to units other than the competent one (a stage held elsewhere ran late): few,
    // found through the record of charged units, or, for dossiers without one, ix_dossier_responsible.
    for (ReportColumn c : charged) {
      RowCallbackHandler add = rs -> {
        GroupCounts g = result.computeIfAbsent(new GroupKey(rs.getString("unit"), rs.getString("proc")),
            k -> new GroupCounts());
        if (g.procedureName == null) {
          g.procedureName = rs.getString("proc_name");
        }
        g.counts.merge(c, rs.getLong("n"), Long::sum);
      };
      jdbc.query("SELECT r.unit AS unit, d.procedure_key AS proc, MAX(d.procedure_name) AS proc_name, COUNT(*) AS n"
          + " FROM dossier d JOIN dossier_responsible_unit r ON r.dossier_id = d.id WHERE r.unit <> d.competent_unit"
          + " AND " + ALIVE + only + " AND " + c.condition() + scopeFilter(scope, "r.unit")
          + " GROUP BY r.unit, d.procedure_key", p, add);
      jdbc.query("SELECT d.responsible_unit AS unit, d.procedure_key AS proc, MAX(d.procedure_name) AS proc_name,"
          + " COUNT(*) AS n FROM dossier d WHERE d.responsible_unit IS NOT NULL AND d.responsible_unit <> d.competent_unit"
          + " AND NOT " + ReportColumn.Sql.HAS_CHARGED_ROWS + " AND " + ALIVE + only + " AND " + c.condition()
          + scopeFilter(scope, "d.responsible_unit") + " GROUP BY d.responsible_unit, d.procedure_key", p, add);
    }
    if (fold) {
      return result;
    }
    jdbc.query("SELECT d.competent_unit AS unit, d.procedure_key AS proc, MAX(d.procedure_name) AS proc_name"
        + letterSums(letters, "SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS n%d")
        + " FROM apology_letter a JOIN dossier d ON d.id = a.dossier_id"
        + " WHERE a.signed_at >= :from AND a.signed_at < :to AND " + ALIVE + only
        + scopeFilter(scope, "d.competent_unit") + " GROUP BY d.competent_unit, d.procedure_key", p, rs -> {
          GroupCounts g = result.computeIfAbsent(new GroupKey(rs.getString("unit"), rs.getString("proc")),
              k -> new GroupCounts());
          if (g.procedureName == null) {
            g.procedureName = rs.getString("proc_name");
          }
          for (int i = 0; i < letters.size(); i++) {
            g.counts.put(letters.get(i), rs.getLong("n" + i));
          }
        });
    return result;
  }

  /**
   * One select item per apology-letter column: {@code format} with the column's letter condition (when it
   * asks for one) and its index, each prefixed by a comma.
   */
  private static String letterSums(List<ReportColumn> letters, String format) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < letters.size(); i++) {
      s.append(", ").append(format.contains("%s") ? String.format(format, letters.get(i).letterCondition(), i)
          : String.format(format, i, i));
    }
    return s.toString();
  }

  /**
   * Adds the rolled-up dossiers to {@code result}: every flow summed over the period's days, the stock
   * flows also over the days before, and each column computed from those sums by its roll-up formula
   * ({@link ReportColumn}; e.g. received = received up to T − closed before F, with F and T the period's
   * first and last days). Derivation: docs/reports.md, "Roll-up".
   */
  private void rolledUp(ReportPeriod period, Instant asOf, ReportScope scope, Map<GroupKey, GroupCounts> result) {
    MapSqlParameterSource p = params(period, asOf, scope).addValue("fromDay", period.from())
        .addValue("toDay", period.to());
    RollupFlow[] flows = RollupFlow.values();
    StringBuilder sql = new StringBuilder("SELECT r.unit, r.procedure_key, MAX(r.procedure_name) AS proc_name,"
        + " MAX(CASE WHEN r.report_day >= :fromDay THEN r.processing_seconds_max END) AS seconds_max,"
        + " SUM(CASE WHEN r.report_day >= :fromDay THEN r.processing_seconds ELSE 0 END) AS p_processing_seconds");
    for (RollupFlow f : flows) {
      sql.append(", SUM(CASE WHEN r.report_day >= :fromDay THEN r.").append(f.column()).append(" ELSE 0 END) AS p_")
          .append(f.column());
      if (f.stock()) {
        sql.append(", SUM(CASE WHEN r.report_day < :fromDay THEN r.").append(f.column()).append(" ELSE 0 END) AS b_")
            .append(f.column());
      }
    }
    sql.append(" FROM report_rollup r WHERE r.report_day <= :toDay").append(scopeFilter(scope, "r.unit"))
        .append(" GROUP BY r.unit, r.procedure_key");
    jdbc.query(sql.toString(), p, rs -> {
      GroupCounts g = result.computeIfAbsent(new GroupKey(rs.getString("unit"), rs.getString("procedure_key")),
          k -> new GroupCounts());
      if (g.procedureName == null) {
        g.procedureName = rs.getString("proc_name");
      }
      long[] in = new long[flows.length];
      long[] before = new long[flows.length];
      for (RollupFlow f : flows) {
        in[f.ordinal()] = rs.getLong("p_" + f.column());
        before[f.ordinal()] = f.stock() ? rs.getLong("b_" + f.column()) : 0;
      }
      ReportColumn.RolledUp rows = new ReportColumn.RolledUp() {
        @Override
        public long inPeriod(RollupFlow flow) {
          return in[flow.ordinal()];
        }

        @Override
        public long before(RollupFlow flow) {
          if (!flow.stock()) {
            throw new IllegalStateException(flow + " is summed over the period only: declare it a stock");
          }
          return before[flow.ordinal()];
        }
      };
      for (ReportColumn c : ReportColumn.values()) {
        add(g, c, c.rolledUp(rows));
      }
      g.seconds = g.seconds.add(decimal(rs.getBigDecimal("p_processing_seconds")));
      g.secondsMax = max(g.secondsMax, rs.getBigDecimal("seconds_max"));
      g.lateDays += rows.inPeriod(RollupFlow.LATE_DAYS);
      g.lateDaysCount += rows.inPeriod(RollupFlow.LATE_DAYS_COUNT);
      g.rated += rows.inPeriod(RollupFlow.RATED);
      g.satisfied += rows.inPeriod(RollupFlow.SATISFIED);
      g.resolvedWithApology += rows.inPeriod(RollupFlow.RESOLVED_WITH_APOLOGY);
    });
    if (asOf.isBefore(period.end())) {
      // The period has not ended: "overdue" is judged now, not at the period's end as in the rows. The
      // rolled-up dossiers open at the period's end (closed after it: normally none) are judged again.
      String atEnd = ReportColumn.Sql.OVERDUE.replace(":asOf", ":to");
      jdbc.query("SELECT d.competent_unit AS unit, d.procedure_key AS proc, SUM(CASE WHEN " + ReportColumn.Sql.OVERDUE
          + " THEN 1 ELSE 0 END) - SUM(CASE WHEN " + atEnd + " THEN 1 ELSE 0 END) AS n FROM dossier d"
          + " WHERE d.rollup_batch IS NOT NULL AND d.status <> 3 AND d.closed_at >= :to AND d.received_at < :to"
          + scopeFilter(scope, "d.competent_unit") + " GROUP BY d.competent_unit, d.procedure_key", p, rs -> {
            GroupCounts g = result.get(new GroupKey(rs.getString("unit"), rs.getString("proc")));
            long n = rs.getLong("n");
            add(g, ReportColumn.IN_PROGRESS_OVERDUE, n);
            add(g, ReportColumn.IN_PROGRESS_WITHIN, -n);
          });
    }
  }

  private static void add(GroupCounts g, ReportColumn c, long n) {
    g.counts.merge(c, n, Long::sum);
  }

  private static BigDecimal decimal(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }

  private static BigDecimal max(BigDecimal a, BigDecimal b) {
    return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
  }

  /** A dossier behind a number of the report or in a deadline list; no personal data of the applicant. */
  public record DossierRow(
      String code, String procedureKey, String procedureName, String receivingUnit, String competentUnit,
      String channel, int status, String stage, Instant receivedAt, Instant appointmentAt,
      Instant originalAppointmentAt, Instant resolvedAt, Instant closedAt, String resolutionClass,
      String currentUnit, String currentOfficer, String responsibleUnit, int apologyCount, Instant pausedAt,
      Instant heldSince, String processInstanceId) {}

  static final String ROW_COLUMNS = "d.code, d.procedure_key, d.procedure_name, d.receiving_unit,"
      + " d.competent_unit, d.channel, d.status, d.stage, d.received_at, d.appointment_at, d.original_appointment_at,"
      + " d.resolved_at, d.closed_at, d.resolution_class, d.current_unit, d.current_officer, d.responsible_unit,"
      + " d.apology_count, d.paused_at, d.updated_at, d.process_instance_id";

  static DossierRow row(ResultSet rs, boolean withHolder) throws SQLException {
    Instant held = withHolder ? instant(rs, "held_since") : null;
    if (withHolder && held == null) {
      held = instant(rs, "updated_at");
    }
    return new DossierRow(rs.getString("code"), rs.getString("procedure_key"), rs.getString("procedure_name"),
        rs.getString("receiving_unit"), rs.getString("competent_unit"), rs.getString("channel"), rs.getInt("status"),
        rs.getString("stage"), instant(rs, "received_at"), instant(rs, "appointment_at"),
        instant(rs, "original_appointment_at"), instant(rs, "resolved_at"), instant(rs, "closed_at"),
        rs.getString("resolution_class"), rs.getString("current_unit"), rs.getString("current_officer"),
        rs.getString("responsible_unit"), rs.getInt("apology_count"), instant(rs, "paused_at"), held,
        rs.getString("process_instance_id"));
  }

  /** A page of the dossiers behind one number, and how many there are. */
  public record Page(long total, List<DossierRow> rows) {}

  public Page dossiers(ReportPeriod period, Instant asOf, ReportScope scope, ReportColumn column, String unit,
      String procedureKey, int offset, int limit) {
    MapSqlParameterSource p = params(period, asOf, scope).addValue("offset", offset).addValue("limit", limit);
    StringBuilder where = new StringBuilder(" FROM dossier d WHERE ").append(ALIVE).append(" AND ")
        .append(column.condition()).append(scope.all() ? "" : " AND " + column.unitCondition("IN (:units)"));
    if (unit != null) {
      where.append(" AND ").append(column.unitCondition("= :unit"));
      p.addValue("unit", unit);
    }
    if (procedureKey != null) {
      where.append(" AND d.procedure_key = :proc");
      p.addValue("proc", procedureKey);
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, p, Long.class);
    List<DossierRow> rows = jdbc.query("SELECT " + ROW_COLUMNS + where + " ORDER BY d.received_at, d.id"
        + " LIMIT :limit OFFSET :offset", p, (rs, n) -> row(rs, false));
    return new Page(total == null ? 0 : total, rows);
  }

  /**
   * Open dossiers (not paused) whose appointment falls in [since, until), with who holds each and since
   * when (the latest open row of its control log). {@code since == null}: every one before {@code until}.
   */
  public Page deadlineList(Instant since, Instant until, ReportScope scope, int limit) {
    MapSqlParameterSource p = new MapSqlParameterSource().addValue("until", ts(until)).addValue("limit", limit);
    StringBuilder where = new StringBuilder(" FROM dossier d WHERE d.closed_at IS NULL AND d.paused_at IS NULL"
        + " AND d.appointment_at < :until");
    if (since != null) {
      where.append(" AND d.appointment_at >= :since");
      p.addValue("since", ts(since));
    }
    if (!scope.all()) {
      where.append(" AND (d.current_unit IN (:units) OR d.competent_unit IN (:units))");
      p.addValue("units", List.copyOf(scope.units()));
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, p, Long.class);
    List<DossierRow> rows = jdbc.query("SELECT " + ROW_COLUMNS + ", (SELECT MAX(c.handed_at) FROM dossier_control_log c"
        + " WHERE c.dossier_id = d.id AND c.done_at IS NULL) AS held_since" + where
        + " ORDER BY d.appointment_at, d.id LIMIT :limit", p, (rs, n) -> row(rs, true));
    return new Page(total == null ? 0 : total, rows);
  }

  /**
   * Resolved, and resolved early or on time, in one period (a point of the on-time chart): the roll-up rows
   * of the period's days plus the dossiers not rolled up (a rolled-up dossier was decided when it closed).
   */
  public long[] onTime(ReportPeriod period, ReportScope scope) {
    MapSqlParameterSource p = params(period, period.end(), scope).addValue("fromDay", period.from())
        .addValue("toDay", period.to());
    long[] live = onTime(period, scope, NOT_ROLLED_UP);
    long[] rolled = jdbc.queryForObject("SELECT SUM(r.resolved) AS n, SUM(r.resolved_early + r.resolved_on_time) AS ok"
        + " FROM report_rollup r WHERE r.report_day >= :fromDay AND r.report_day <= :toDay"
        + scopeFilter(scope, "r.unit"), p, (rs, n) -> new long[] {rs.getLong("n"), rs.getLong("ok")});
    return new long[] {live[0] + rolled[0], live[1] + rolled[1]};
  }

  /** The same from the dossiers alone (the reference of the roll-up). */
  public long[] liveOnTime(ReportPeriod period, ReportScope scope) {
    return onTime(period, scope, "");
  }

  private long[] onTime(ReportPeriod period, ReportScope scope, String only) {
    MapSqlParameterSource p = params(period, period.end(), scope);
    return jdbc.queryForObject("SELECT COUNT(*) AS n, SUM(CASE WHEN d.resolution_class IN ('EARLY', 'ON_TIME')"
        + " THEN 1 ELSE 0 END) AS ok FROM dossier d WHERE d.status <> 3 AND d.closed_at >= :from AND d.closed_at < :to"
        + " AND " + RESOLVED + only + scopeFilter(scope, "d.competent_unit"), p,
        (rs, n) -> new long[] {rs.getLong("n"), rs.getLong("ok")});
  }
}
