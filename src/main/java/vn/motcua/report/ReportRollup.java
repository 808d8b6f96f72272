package vn.motcua.report;

import static vn.motcua.db.SqlTime.instant;
import static vn.motcua.db.SqlTime.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.calendar.OfficeZone;
import vn.motcua.dossier.ReportFactsGuard;

/**
 * The roll-up of sealed dossiers for the reports (table {@code report_rollup}, V5__report_rollup.sql).
 *
 * <p>A dossier is <em>sealed</em> when its report facts can no longer change in the normal course of
 * processing: refused at reception (3), withdrawn (7), stopped (8), returned (10). A roll-up batch takes
 * sealed dossiers not yet rolled up, adds their flows to the rows of (day, unit, procedure) and marks them
 * ({@code dossier.rollup_batch}) in one transaction; a report then sums the rows and counts the other
 * dossiers live ({@link ReportRepository#counts}). Every writer of the roll-up holds the single row of
 * {@code report_rollup_lock}: two nodes never write it at once, and a batch that finds the row locked
 * leaves the work to the node holding it.
 *
 * <p>The rule for late changes: a change to a rolled-up dossier's report facts first calls
 * {@link #unroll(long)} in the same transaction (subtracts the dossier from the rows and clears its mark;
 * the next batch rolls it up again with its new facts). See docs/reports.md, "Roll-up".
 */
public class ReportRollup implements ReportFactsGuard {
  /**
   * Sealed and consistent: the identities the roll-up relies on hold (closed after reception, decided at
   * the closing, apology letters signed while it was open). A dossier that breaks one stays live.
   */
  static final String ELIGIBLE = "d.status IN (3, 7, 8, 10) AND d.closed_at IS NOT NULL"
      + " AND d.closed_at >= d.received_at AND (d.resolved_at IS NULL OR d.resolved_at = d.closed_at)"
      + " AND NOT EXISTS (SELECT 1 FROM apology_letter a WHERE a.dossier_id = d.id"
      + " AND (a.signed_at < d.received_at OR a.signed_at > d.closed_at))";

  private static final String SECONDS = "(EXTRACT(EPOCH FROM d.resolved_at) - EXTRACT(EPOCH FROM d.received_at))";

  private static final String FACTS = "SELECT d.id, d.status, d.competent_unit, d.responsible_unit, d.procedure_key,"
      + " d.procedure_name, d.channel, d.received_at, d.closed_at, d.resolved_at, d.resolution_class,"
      + " d.appointment_at, d.paused_at, d.working_days_late, d.rating, d.apology_count,"
      + " CASE WHEN d.resolved_at IS NULL THEN NULL ELSE " + SECONDS + " END AS seconds FROM dossier d";

  /** The flow columns of report_rollup, in the order of {@link RollupFlow} (and of {@link Delta#counts}). */
  static final List<String> COUNT_COLUMNS = Arrays.stream(RollupFlow.values()).map(RollupFlow::column).toList();

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final int batchSize;

  public ReportRollup(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, int batchSize) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
    this.batchSize = batchSize;
  }

  // ---------------- the facts of a dossier and what it adds to the rows ----------------

  /**
   * What the reports read of a dossier. {@code seconds}: resolved − received, as the live query computes it;
   * {@code letters}: its apology letters; {@code chargedRecord}: the units of its record of charged units
   * (dossier_responsible_unit), empty when it has none.
   */
  record Facts(long id, int status, String competentUnit, String responsibleUnit, String procedureKey,
      String procedureName, String channel, Instant receivedAt, Instant closedAt, Instant resolvedAt,
      String resolutionClass, Instant appointmentAt, Instant pausedAt, Integer workingDaysLate, Integer rating,
      int apologyCount, BigDecimal seconds, List<Letter> letters, List<String> chargedRecord) {

    /** The units charged with the dossier's delay (as {@link ReportColumn#LATE_CHARGED} counts them). */
    List<String> chargedUnits() {
      if (!chargedRecord.isEmpty()) {
        return chargedRecord;
      }
      return List.of(responsibleUnit != null ? responsibleUnit : competentUnit);
    }

    Facts with(List<Letter> letters, List<String> chargedRecord) {
      return new Facts(id, status, competentUnit, responsibleUnit, procedureKey, procedureName, channel, receivedAt,
          closedAt, resolvedAt, resolutionClass, appointmentAt, pausedAt, workingDaysLate, rating, apologyCount,
          seconds, letters, chargedRecord);
    }
  }

  /** An apology letter: when it was signed, and whether after its legal limit. */
  record Letter(Instant signedAt, boolean late) {}

  /** A row of report_rollup. */
  record RowKey(LocalDate day, String unit, String procedureKey) {}

  static final Comparator<RowKey> ROW_ORDER = Comparator.comparing(RowKey::day).thenComparing(RowKey::unit)
      .thenComparing(RowKey::procedureKey);

  /** What dossiers add to one row: a count per {@link RollupFlow} (by ordinal) and the processing times. */
  static final class Delta {
    String procedureName;
    final long[] counts = new long[RollupFlow.values().length];
    BigDecimal seconds = BigDecimal.ZERO;
    BigDecimal secondsMax;

    void add(RollupFlow flow, long n) {
      counts[flow.ordinal()] += n;
    }
  }

  static LocalDate day(Instant t) {
    return t.atZone(OfficeZone.get()).toLocalDate();
  }

  /**
   * Adds what one sealed dossier contributes, by the day (Vietnam's time) of each of its events, to
   * {@code rows}: every {@link RollupFlow}'s contribution, and the processing time on the day of the
   * decision. The flows mirror the column conditions of {@link ReportColumn} for a dossier whose facts are
   * final (docs/reports.md, "Roll-up", for the derivation of each column).
   */
  static void contribute(Facts f, Map<RowKey, Delta> rows) {
    if (f.status() == 3) {
      return; // refused at reception: never counts
    }
    for (RollupFlow flow : RollupFlow.values()) {
      flow.contribute(f, new RollupFlow.Rows() {
        @Override
        public void add(Instant when, long n) {
          add(day(when), f.competentUnit(), n);
        }

        @Override
        public void add(LocalDate day, String unit, long n) {
          row(rows, new RowKey(day, unit, f.procedureKey()), f.procedureName()).add(flow, n);
        }
      });
    }
    if (f.resolvedAt() != null) {
      Delta r = row(rows, new RowKey(day(f.resolvedAt()), f.competentUnit(), f.procedureKey()), f.procedureName());
      r.seconds = r.seconds.add(f.seconds());
      r.secondsMax = r.secondsMax == null || r.secondsMax.compareTo(f.seconds()) < 0 ? f.seconds() : r.secondsMax;
    }
  }

  private static Delta row(Map<RowKey, Delta> rows, RowKey key, String procedureName) {
    Delta d = rows.computeIfAbsent(key, k -> new Delta());
    if (procedureName != null && (d.procedureName == null || d.procedureName.compareTo(procedureName) < 0)) {
      d.procedureName = procedureName;
    }
    return d;
  }

  /** The facts of the row, without its letters and its record of charged units ({@link Facts#with}). */
  private static Facts facts(ResultSet rs) throws SQLException {
    return new Facts(rs.getLong("id"), rs.getInt("status"), rs.getString("competent_unit"),
        rs.getString("responsible_unit"), rs.getString("procedure_key"), rs.getString("procedure_name"),
        rs.getString("channel"), instant(rs, "received_at"), instant(rs, "closed_at"), instant(rs, "resolved_at"),
        rs.getString("resolution_class"), instant(rs, "appointment_at"), instant(rs, "paused_at"),
        integer(rs, "working_days_late"), integer(rs, "rating"), rs.getInt("apology_count"),
        rs.getBigDecimal("seconds"), List.of(), List.of());
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  /** The apology letters of these dossiers. */
  private Map<Long, List<Letter>> letters(List<Long> ids) {
    Map<Long, List<Letter>> letters = new HashMap<>();
    for (int i = 0; i < ids.size(); i += 1000) {
      named.query("SELECT a.dossier_id, a.signed_at, a.signed_late FROM apology_letter a WHERE a.dossier_id IN (:ids)",
          new MapSqlParameterSource("ids", ids.subList(i, Math.min(ids.size(), i + 1000))),
          rs -> {
            letters.computeIfAbsent(rs.getLong("dossier_id"), k -> new ArrayList<>())
                .add(new Letter(instant(rs, "signed_at"), rs.getBoolean("signed_late")));
          });
    }
    return letters;
  }

  private static final String CHARGED_RECORD = "SELECT r.dossier_id, r.unit FROM dossier_responsible_unit r";

  /** The records of charged units of these dossiers (units in name order). */
  private Map<Long, List<String>> chargedRecords(List<Long> ids) {
    Map<Long, List<String>> units = new HashMap<>();
    for (int i = 0; i < ids.size(); i += 1000) {
      named.query(CHARGED_RECORD + " WHERE r.dossier_id IN (:ids) ORDER BY r.dossier_id, r.unit",
          new MapSqlParameterSource("ids", ids.subList(i, Math.min(ids.size(), i + 1000))), chargedUnit(units));
    }
    return units;
  }

  private static RowCallbackHandler chargedUnit(Map<Long, List<String>> units) {
    return rs -> {
      units.computeIfAbsent(rs.getLong("dossier_id"), k -> new ArrayList<>()).add(rs.getString("unit"));
    };
  }

  /** The facts with their letters and records of charged units. */
  private List<Facts> complete(List<Facts> facts) {
    List<Long> ids = facts.stream().map(Facts::id).toList();
    Map<Long, List<Letter>> letters = letters(ids);
    Map<Long, List<String>> charged = chargedRecords(ids);
    return facts.stream().map(f -> f.with(letters.getOrDefault(f.id(), List.of()),
        charged.getOrDefault(f.id(), List.of()))).toList();
  }

  // ---------------- the lock ----------------

  /** Waits for the lock row; returns the last batch number. */
  private long lock() {
    return jdbc.queryForObject("SELECT last_batch FROM report_rollup_lock WHERE id = 1 FOR UPDATE", Long.class);
  }

  /** The lock row if free, else {@code null} (another node is writing the roll-up). */
  private Long tryLock() {
    List<Long> rows = jdbc.query("SELECT last_batch FROM report_rollup_lock WHERE id = 1 FOR UPDATE SKIP LOCKED",
        (rs, n) -> rs.getLong(1));
    return rows.isEmpty() ? null : rows.get(0);
  }

  // ---------------- writing rows ----------------

  private static final String ADD = "UPDATE report_rollup SET "
      + String.join(", ", COUNT_COLUMNS.stream().map(c -> c + " = " + c + " + ?").toList())
      + ", processing_seconds = processing_seconds + CAST(? AS DECIMAL(24,9))"
      + ", processing_seconds_max = CASE WHEN processing_seconds_max IS NULL"
      + " OR processing_seconds_max < CAST(? AS DECIMAL(24,9)) THEN CAST(? AS DECIMAL(24,9)) ELSE processing_seconds_max END"
      + ", procedure_name = CASE WHEN procedure_name IS NULL OR procedure_name < CAST(? AS VARCHAR(300))"
      + " THEN CAST(? AS VARCHAR(300)) ELSE procedure_name END"
      + " WHERE report_day = ? AND unit = ? AND procedure_key = ?";

  private static final String INSERT = "INSERT INTO report_rollup (report_day, unit, procedure_key, procedure_name, "
      + String.join(", ", COUNT_COLUMNS) + ", processing_seconds, processing_seconds_max) VALUES (?, ?, ?, ?, "
      + String.join(", ", COUNT_COLUMNS.stream().map(c -> "?").toList()) + ", ?, ?)";

  /** Adds ({@code sign} 1) or subtracts (-1) the deltas; rows are written in key order (no deadlock between writers). */
  private void apply(Map<RowKey, Delta> rows, int sign) {
    List<RowKey> keys = rows.keySet().stream().sorted(ROW_ORDER).toList();
    List<Object[]> updates = new ArrayList<>();
    for (RowKey k : keys) {
      Delta d = rows.get(k);
      List<Object> a = new ArrayList<>();
      for (long v : d.counts) {
        a.add(sign * v);
      }
      a.add(sign > 0 ? d.seconds : d.seconds.negate());
      BigDecimal max = sign > 0 ? d.secondsMax : null; // subtracting: the maximum is recomputed (unroll)
      a.add(max);
      a.add(max);
      a.add(d.procedureName);
      a.add(d.procedureName);
      a.add(k.day());
      a.add(k.unit());
      a.add(k.procedureKey());
      updates.add(a.toArray());
    }
    int n = COUNT_COLUMNS.size();
    int[] types = new int[n + 8];
    Arrays.fill(types, 0, n, Types.BIGINT);
    types[n] = Types.DECIMAL;
    types[n + 1] = Types.DECIMAL;
    types[n + 2] = Types.DECIMAL;
    types[n + 3] = Types.VARCHAR;
    types[n + 4] = Types.VARCHAR;
    types[n + 5] = Types.DATE;
    types[n + 6] = Types.VARCHAR;
    types[n + 7] = Types.VARCHAR;
    List<Object[]> inserts = new ArrayList<>();
    for (int from = 0; from < updates.size(); from += 1000) {
      List<Object[]> chunk = updates.subList(from, Math.min(updates.size(), from + 1000));
      int[] counts = jdbc.batchUpdate(ADD, chunk, types);
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 0) {
          // a row deleted by hand: the subtraction is kept as a row of its own, so the sums stay right
          Delta d = rows.get(keys.get(from + i));
          inserts.add(insertArgs(keys.get(from + i), sign > 0 ? d : negated(d)));
        }
      }
    }
    insert(inserts);
  }

  private static Delta negated(Delta d) {
    Delta n = new Delta();
    merge(n, d);
    for (int i = 0; i < n.counts.length; i++) {
      n.counts[i] = -n.counts[i];
    }
    n.seconds = n.seconds.negate();
    n.secondsMax = null;
    return n;
  }

  private static Object[] insertArgs(RowKey k, Delta d) {
    List<Object> a = new ArrayList<>(List.of(k.day(), k.unit(), k.procedureKey()));
    a.add(d.procedureName);
    for (long v : d.counts) {
      a.add(v);
    }
    a.add(d.seconds);
    a.add(d.secondsMax);
    return a.toArray();
  }

  private void insert(List<Object[]> inserts) {
    int n = COUNT_COLUMNS.size();
    int[] types = new int[n + 6];
    types[0] = Types.DATE;
    types[1] = Types.VARCHAR;
    types[2] = Types.VARCHAR;
    types[3] = Types.VARCHAR;
    Arrays.fill(types, 4, 4 + n, Types.BIGINT);
    types[4 + n] = Types.DECIMAL;
    types[5 + n] = Types.DECIMAL;
    for (int from = 0; from < inserts.size(); from += 1000) {
      jdbc.batchUpdate(INSERT, inserts.subList(from, Math.min(inserts.size(), from + 1000)), types);
    }
  }

  // ---------------- roll-up ----------------

  /** What a roll-up did: dossiers rolled up, batches, whether another node held the lock. */
  public record Run(long dossiers, int batches, boolean busy) {}

  /**
   * Rolls up every sealed dossier not yet rolled up, one transaction per batch. Safe at any time on any
   * node: when another node holds the lock, returns at once with {@code busy}.
   */
  public Run rollUp() {
    long total = 0;
    int batches = 0;
    while (true) {
      Integer n = tx.execute(s -> rollUpBatch());
      if (n == null || n < 0) {
        return new Run(total, batches, true);
      }
      if (n > 0) {
        total += n;
        batches++;
      }
      if (n < batchSize) {
        return new Run(total, batches, false);
      }
    }
  }

  /** One batch in its own transaction (tests): the number of dossiers rolled up, -1 when the lock is taken. */
  int rollUpOnce() {
    Integer n = tx.execute(s -> rollUpBatch());
    return n == null ? -1 : n;
  }

  /** One batch in the current transaction: the number of dossiers rolled up, -1 when the lock is taken. */
  private int rollUpBatch() {
    Long last = tryLock();
    if (last == null) {
      return -1;
    }
    long batch = last + 1;
    // Dossiers locked by a transaction changing them are skipped: the next batch takes them.
    List<Facts> sealed = named.query(FACTS + " WHERE d.rollup_batch IS NULL AND " + ELIGIBLE
            + " LIMIT :n FOR UPDATE SKIP LOCKED", new MapSqlParameterSource("n", batchSize),
        (rs, i) -> facts(rs));
    if (sealed.isEmpty()) {
      return 0;
    }
    List<Long> ids = sealed.stream().map(Facts::id).toList();
    Map<RowKey, Delta> rows = new HashMap<>();
    for (Facts f : complete(sealed)) {
      contribute(f, rows);
    }
    apply(rows, 1);
    for (int i = 0; i < ids.size(); i += 1000) {
      named.update("UPDATE dossier SET rollup_batch = :batch WHERE id IN (:ids)", new MapSqlParameterSource()
          .addValue("batch", batch).addValue("ids", ids.subList(i, Math.min(ids.size(), i + 1000))));
    }
    jdbc.update("UPDATE report_rollup_lock SET last_batch = ?, last_run_at = ? WHERE id = 1", batch,
        ts(clock.instant()));
    return sealed.size();
  }

  // ---------------- un-roll ----------------

  /**
   * Before a change to a dossier's report facts (in the transaction of the change): if the dossier is
   * rolled up, subtracts it from the rows and clears its mark, so the reports count it live until the next
   * batch rolls it up again with its new facts. Locks the dossier's row, so no batch takes it meanwhile.
   * Returns whether it was rolled up.
   */
  @Override
  public boolean unroll(long dossierId) {
    Boolean done = tx.execute(s -> {
      List<Long> batch = jdbc.query("SELECT rollup_batch FROM dossier WHERE id = ? FOR UPDATE",
          (rs, n) -> (Long) rs.getObject(1, Long.class), dossierId);
      if (batch.isEmpty() || batch.get(0) == null) {
        return false;
      }
      lock();
      Facts f = complete(jdbc.query(FACTS + " WHERE d.id = ?", (rs, n) -> facts(rs), dossierId)).get(0);
      Map<RowKey, Delta> rows = new HashMap<>();
      contribute(f, rows);
      apply(rows, -1);
      jdbc.update("UPDATE dossier SET rollup_batch = NULL WHERE id = ?", dossierId);
      if (f.resolvedAt() != null && f.status() != 3) {
        recomputeMax(new RowKey(day(f.resolvedAt()), f.competentUnit(), f.procedureKey()));
      }
      return true;
    });
    return Boolean.TRUE.equals(done);
  }

  /** The longest processing time of a row from the dossiers still rolled up into it. */
  private void recomputeMax(RowKey k) {
    jdbc.update("UPDATE report_rollup SET processing_seconds_max = (SELECT MAX(" + SECONDS + ") FROM dossier d"
        + " WHERE d.rollup_batch IS NOT NULL AND d.status <> 3 AND d.competent_unit = ? AND d.procedure_key = ?"
        + " AND d.resolved_at >= ? AND d.resolved_at < ?) WHERE report_day = ? AND unit = ? AND procedure_key = ?",
        k.unit(), k.procedureKey(), ts(start(k.day())), ts(start(k.day().plusDays(1))), k.day(), k.unit(),
        k.procedureKey());
  }

  private static Instant start(LocalDate day) {
    return day.atStartOfDay(OfficeZone.get()).toInstant();
  }

  // ---------------- rebuild ----------------

  /** What a rebuild did. */
  public record Rebuild(LocalDate from, LocalDate to, long dossiersReleased, long dossiersCounted, long rows) {}

  /**
   * Recomputes the rows of the days {@code from}..{@code to} from the current facts of the rolled-up
   * dossiers (after a manual SQL fix of dossiers); dossiers marked but no longer sealed or consistent are
   * released to the live count. {@code null} bounds: the whole history. One transaction.
   */
  public Rebuild rebuild(LocalDate from, LocalDate to) {
    return tx.execute(s -> {
      lock();
      LocalDate first = from;
      LocalDate last = to;
      if (first == null || last == null) {
        Instant min = jdbc.queryForObject("SELECT MIN(received_at) AS m FROM dossier WHERE rollup_batch IS NOT NULL",
            (rs, n) -> instant(rs, "m"));
        LocalDate today = day(clock.instant());
        first = first != null ? first : min == null ? today : day(min);
        LocalDate maxRow = jdbc.queryForObject("SELECT MAX(report_day) FROM report_rollup", LocalDate.class);
        last = last != null ? last : maxRow != null && maxRow.isAfter(today) ? maxRow : today;
      }
      MapSqlParameterSource p = new MapSqlParameterSource().addValue("start", ts(start(first)))
          .addValue("end", ts(start(last.plusDays(1)))).addValue("first", first).addValue("last", last);
      int released = named.update("UPDATE dossier SET rollup_batch = NULL WHERE id IN (SELECT d.id FROM dossier d"
          + " WHERE d.rollup_batch IS NOT NULL AND (CASE WHEN " + ELIGIBLE + " THEN 1 ELSE 0 END) = 0"
          + " AND d.received_at < :end AND (d.closed_at IS NULL OR d.closed_at >= :start))", p);
      named.update("DELETE FROM report_rollup WHERE report_day >= :first AND report_day <= :last", p);
      Map<RowKey, Delta> rows = new HashMap<>();
      long[] counted = {0};
      LocalDate f0 = first;
      LocalDate l0 = last;
      Consumer<Facts> add = f -> {
        Map<RowKey, Delta> own = new HashMap<>();
        contribute(f, own);
        own.forEach((k, d) -> {
          if (!k.day().isBefore(f0) && !k.day().isAfter(l0)) {
            merge(rows.computeIfAbsent(k, x -> new Delta()), d);
          }
        });
        counted[0]++;
      };
      // every event of a dossier lies between its reception and its closing: those overlapping the days
      String overlapping = " WHERE d.rollup_batch IS NOT NULL AND d.received_at < :end AND d.closed_at >= :start";
      Map<Long, List<String>> charged = new HashMap<>();
      named.query(CHARGED_RECORD + " JOIN dossier d ON d.id = r.dossier_id" + overlapping
          + " ORDER BY r.dossier_id, r.unit", p, chargedUnit(charged));
      named.query(FACTS + overlapping, p, rs -> {
        Facts f = facts(rs);
        add.accept(f.with(List.of(), charged.getOrDefault(f.id(), List.of())));
      });
      // apology letters of the rolled-up dossiers signed in those days (not in the facts above)
      named.query("SELECT a.signed_at, a.signed_late, d.competent_unit, d.procedure_key, d.procedure_name"
          + " FROM apology_letter a JOIN dossier d ON d.id = a.dossier_id WHERE d.rollup_batch IS NOT NULL"
          + " AND d.status <> 3 AND a.signed_at >= :start AND a.signed_at < :end", p, rs -> {
            Delta d = row(rows, new RowKey(day(instant(rs, "signed_at")), rs.getString("competent_unit"),
                rs.getString("procedure_key")), rs.getString("procedure_name"));
            d.add(RollupFlow.APOLOGIES, 1);
            if (rs.getBoolean("signed_late")) {
              d.add(RollupFlow.APOLOGIES_LATE, 1);
            }
          });
      List<Object[]> inserts = new ArrayList<>();
      rows.keySet().stream().sorted(ROW_ORDER).forEach(k -> inserts.add(insertArgs(k, rows.get(k))));
      insert(inserts);
      return new Rebuild(first, last, released, counted[0], inserts.size());
    });
  }

  private static void merge(Delta into, Delta d) {
    if (d.procedureName != null && (into.procedureName == null || into.procedureName.compareTo(d.procedureName) < 0)) {
      into.procedureName = d.procedureName;
    }
    for (int i = 0; i < into.counts.length; i++) {
      into.counts[i] += d.counts[i];
    }
    into.seconds = into.seconds.add(d.seconds);
    if (d.secondsMax != null && (into.secondsMax == null || into.secondsMax.compareTo(d.secondsMax) < 0)) {
      into.secondsMax = d.secondsMax;
    }
  }

  /**
   * Forgets the whole roll-up: no row, no dossier marked (the reports count everything live until the
   * next roll-up). For the benchmark and for starting over; one transaction.
   */
  public long reset() {
    Integer n = tx.execute(s -> {
      lock();
      jdbc.update("DELETE FROM report_rollup");
      return jdbc.update("UPDATE dossier SET rollup_batch = NULL WHERE rollup_batch IS NOT NULL");
    });
    return n == null ? 0 : n;
  }

  /** Dossiers rolled up, sealed dossiers waiting, rows, last batch and when. */
  public record Status(long rolledUp, long waiting, long rows, long lastBatch, Instant lastRunAt) {}

  public Status status() {
    long rolled = jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE rollup_batch IS NOT NULL", Long.class);
    long waiting = jdbc.queryForObject("SELECT COUNT(*) FROM dossier d WHERE d.rollup_batch IS NULL AND " + ELIGIBLE,
        Long.class);
    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM report_rollup", Long.class);
    return jdbc.queryForObject("SELECT last_batch, last_run_at FROM report_rollup_lock WHERE id = 1",
        (rs, n) -> new Status(rolled, waiting, rows, rs.getLong("last_batch"), instant(rs, "last_run_at")));
  }
}
