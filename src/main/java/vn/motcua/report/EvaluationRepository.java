package vn.motcua.report;

import static vn.motcua.db.SqlTime.ts;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.motcua.report.EvaluationIndex.Sql;
import vn.motcua.report.ReportRepository.DossierRow;
import vn.motcua.report.ReportRepository.Page;

/**
 * The SQL of the evaluation indices ({@link EvaluationIndex}): the per-dossier scores counted per competent
 * agency in one pass over the dossiers resolved in the period, the agency facts of the online index and of
 * digitisation, and the dossiers behind a score (with the same expression). Portable between H2 2.x and
 * PostgreSQL. Live queries on the dossiers of the period (the roll-up holds no per-index figures).
 */
@Repository
public class EvaluationRepository {
  private static final List<EvaluationIndex> SCORED =
      List.of(EvaluationIndex.values()).stream().filter(EvaluationIndex::perDossier).toList();

  private final NamedParameterJdbcTemplate jdbc;

  public EvaluationRepository(JdbcTemplate jdbc) {
    this.jdbc = new NamedParameterJdbcTemplate(jdbc);
  }

  /** What the expressions need beside the period: the published procedures and the One-Stop units. */
  public record Context(List<String> published, List<String> publishedPartly, List<String> oneStopUnits,
      EvaluationProperties properties) {}

  private static List<String> nonEmpty(List<String> values) {
    return values == null || values.isEmpty() ? List.of("-") : List.copyOf(values);
  }

  private static MapSqlParameterSource params(ReportPeriod period, ReportScope scope, Context c) {
    MapSqlParameterSource p = new MapSqlParameterSource()
        .addValue("from", ts(period.start()))
        .addValue("to", ts(period.end()))
        .addValue("published", nonEmpty(c.published()))
        .addValue("publishedPartly", nonEmpty(c.publishedPartly()))
        .addValue("oneStopUnits", nonEmpty(c.oneStopUnits()))
        .addValue("citizenSteps", nonEmpty(c.properties().citizenSteps()))
        .addValue("agenciesFull", c.properties().agenciesFull())
        .addValue("agenciesPartial", c.properties().agenciesPartial());
    if (!scope.all()) {
      p.addValue("units", scope.units().isEmpty() ? List.of("-") : List.copyOf(scope.units()));
    }
    return p;
  }

  private static String scopeFilter(ReportScope scope) {
    return scope.all() ? "" : " AND d.competent_unit IN (:units)";
  }

  /** How many dossiers scored 2, 1 and 0 on each per-dossier index ({@code [2], [1], [0]}). */
  public static final class Scores {
    final Map<EvaluationIndex, long[]> counts = new EnumMap<>(EvaluationIndex.class);

    public long count(EvaluationIndex index, int score) {
      long[] c = counts.get(index);
      return c == null ? 0 : c[score];
    }

    void add(Scores o) {
      o.counts.forEach((i, c) -> {
        long[] mine = counts.computeIfAbsent(i, x -> new long[3]);
        for (int s = 0; s < 3; s++) {
          mine[s] += c[s];
        }
      });
    }
  }

  /** The per-dossier scores of the dossiers resolved in the period, per competent agency. */
  public Map<String, Scores> scores(ReportPeriod period, ReportScope scope, Context context) {
    StringBuilder sql = new StringBuilder("SELECT d.competent_unit AS unit");
    for (EvaluationIndex i : SCORED) {
      for (int s = 0; s < 3; s++) {
        sql.append(", SUM(CASE WHEN (").append(i.score()).append(") = ").append(s).append(" THEN 1 ELSE 0 END) AS ")
            .append(i.key()).append(s);
      }
    }
    sql.append(" FROM dossier d WHERE ").append(Sql.EVALUATED).append(scopeFilter(scope))
        .append(" GROUP BY d.competent_unit");
    Map<String, Scores> result = new LinkedHashMap<>();
    jdbc.query(sql.toString(), params(period, scope, context), rs -> {
      Scores s = new Scores();
      for (EvaluationIndex i : SCORED) {
        long[] c = new long[3];
        for (int score = 0; score < 3; score++) {
          c[score] = rs.getLong(i.key() + score);
        }
        s.counts.put(i, c);
      }
      result.put(rs.getString("unit"), s);
    });
    return result;
  }

  /**
   * The facts of the online index and of digitisation: the new dossiers of the period, those received online,
   * the procedures of the new dossiers and those with an online one, the new dossiers with a digitised file
   * (dossier_file), the online dossiers resolved late in the period.
   */
  public record AgencyFacts(long received, long online, long procedures, long onlineProcedures, long digitised,
      long onlineLate) {
    static final AgencyFacts NONE = new AgencyFacts(0, 0, 0, 0, 0, 0);
  }

  /** Per competent agency ({@code grouped}), or for the whole scope under the key {@code ""}. */
  public Map<String, AgencyFacts> agencyFacts(ReportPeriod period, ReportScope scope, Context context,
      boolean grouped) {
    String unit = grouped ? "d.competent_unit" : "''";
    String group = grouped ? " GROUP BY d.competent_unit" : "";
    MapSqlParameterSource p = params(period, scope, context);
    Map<String, long[]> raw = new LinkedHashMap<>();
    jdbc.query("SELECT " + unit + " AS unit, COUNT(*) AS received,"
        + " SUM(CASE WHEN d.channel = 'ONLINE' THEN 1 ELSE 0 END) AS online,"
        + " COUNT(DISTINCT d.procedure_key) AS procs,"
        + " COUNT(DISTINCT CASE WHEN d.channel = 'ONLINE' THEN d.procedure_key END) AS online_procs,"
        + " SUM(CASE WHEN EXISTS (SELECT 1 FROM dossier_file f WHERE f.dossier_id = d.id) THEN 1 ELSE 0 END)"
        + " AS digitised FROM dossier d WHERE " + Sql.NEW + scopeFilter(scope) + group, p, rs -> {
          raw.put(rs.getString("unit"), new long[] {rs.getLong("received"), rs.getLong("online"), rs.getLong("procs"),
              rs.getLong("online_procs"), rs.getLong("digitised"), 0});
        });
    jdbc.query("SELECT " + unit + " AS unit, COUNT(*) AS n FROM dossier d WHERE " + Sql.EVALUATED
        + " AND d.channel = 'ONLINE' AND d.resolution_class = 'LATE'" + scopeFilter(scope) + group, p, rs -> {
          raw.computeIfAbsent(rs.getString("unit"), u -> new long[6])[5] = rs.getLong("n");
        });
    Map<String, AgencyFacts> result = new LinkedHashMap<>();
    raw.forEach((u, v) -> result.put(u, new AgencyFacts(v[0], v[1], v[2], v[3], v[4], v[5])));
    return result;
  }

  /**
   * The dossiers behind a score: for a per-dossier index those resolved in the period with that score
   * ({@code score == null}: every scored one); for the online index the agency's new dossiers of the period.
   */
  public Page dossiers(ReportPeriod period, ReportScope scope, Context context, EvaluationIndex index,
      Integer score, String unit, int offset, int limit) {
    MapSqlParameterSource p = params(period, scope, context).addValue("offset", offset).addValue("limit", limit);
    StringBuilder where = new StringBuilder(" FROM dossier d WHERE ");
    if (index.perDossier()) {
      where.append(Sql.EVALUATED).append(" AND (").append(index.score()).append(")");
      if (score == null) {
        where.append(" IS NOT NULL");
      } else {
        where.append(" = :score");
        p.addValue("score", score);
      }
    } else {
      where.append(Sql.NEW);
    }
    where.append(scopeFilter(scope));
    if (unit != null) {
      where.append(" AND d.competent_unit = :unit");
      p.addValue("unit", unit);
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, p, Long.class);
    List<DossierRow> rows = jdbc.query("SELECT " + ReportRepository.ROW_COLUMNS + where
        + " ORDER BY d.received_at, d.id LIMIT :limit OFFSET :offset", p, (rs, n) -> ReportRepository.row(rs, false));
    return new Page(total == null ? 0 : total, rows);
  }
}
