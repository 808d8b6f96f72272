package vn.motcua.accesslog;

import static vn.motcua.db.SqlTime.instant;
import static vn.motcua.db.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table access_log (V25). */
@Repository
public class AccessLogRepository {
  private final JdbcTemplate jdbc;

  public AccessLogRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Long dossierId, String officer, String officerName, String unit, Screen screen, String detail,
      Instant at) {
    jdbc.update("INSERT INTO access_log (dossier_id, officer, officer_name, unit, screen, detail, accessed_at)"
        + " VALUES (?,?,?,?,?,?,?)", dossierId, officer, officerName, unit, screen.name(), cut(detail), ts(at));
  }

  /** A dossier as an entry needs it: its id and the units through which an officer reaches it. */
  public record DossierUnits(long id, String code, String receivingUnit, String competentUnit, String currentUnit) {}

  /** The dossiers with these ids (unknown ids are left out), in chunks of {@value #CHUNK}. */
  public List<DossierUnits> dossiersById(Collection<Long> ids) {
    return dossiers("id", List.copyOf(new java.util.LinkedHashSet<>(ids)));
  }

  /** The dossiers with these codes (unknown codes are left out), in chunks of {@value #CHUNK}. */
  public List<DossierUnits> dossiersByCode(Collection<String> codes) {
    return dossiers("code", List.copyOf(new java.util.LinkedHashSet<>(codes)));
  }

  static final int CHUNK = 500;

  private List<DossierUnits> dossiers(String column, List<?> keys) {
    List<DossierUnits> found = new ArrayList<>();
    for (int i = 0; i < keys.size(); i += CHUNK) {
      List<?> chunk = keys.subList(i, Math.min(keys.size(), i + CHUNK));
      found.addAll(jdbc.query("SELECT id, code, receiving_unit, competent_unit, current_unit FROM dossier WHERE "
          + column + " IN (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ") ORDER BY id",
          (rs, n) -> new DossierUnits(rs.getLong("id"), rs.getString("code"), rs.getString("receiving_unit"),
              rs.getString("competent_unit"), rs.getString("current_unit")), chunk.toArray()));
    }
    return found;
  }

  /** One entry of the same read for each dossier, in one batch: {@code units} holds each entry's unit, in order. */
  public void insertAll(List<DossierUnits> dossiers, List<String> units, String officer, String officerName,
      Screen screen, String detail, Instant at) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < dossiers.size(); i++) {
      rows.add(new Object[] {dossiers.get(i).id(), officer, officerName, units.get(i), screen.name(), cut(detail), ts(at)});
    }
    jdbc.batchUpdate("INSERT INTO access_log (dossier_id, officer, officer_name, unit, screen, detail, accessed_at)"
        + " VALUES (?,?,?,?,?,?,?)", rows);
  }

  private static AccessEntry row(ResultSet rs, int n) throws SQLException {
    long dossier = rs.getLong("dossier_id");
    return new AccessEntry(rs.getLong("id"), rs.wasNull() ? null : dossier, rs.getString("code"), rs.getString("officer"),
        rs.getString("officer_name"), rs.getString("unit"), Screen.valueOf(rs.getString("screen")),
        rs.getString("detail"), instant(rs, "accessed_at"));
  }

  public List<AccessEntry> ofDossier(long dossierId) {
    return jdbc.query("SELECT a.*, d.code FROM access_log a JOIN dossier d ON d.id = a.dossier_id"
        + " WHERE a.dossier_id = ? ORDER BY a.accessed_at, a.id", AccessLogRepository::row, dossierId);
  }

  /**
   * Reads of the dossiers of {@code units} (received or resolved there) and exports made by officers of those
   * units; {@code units} null: every unit. Newest first.
   */
  public List<AccessEntry> search(Collection<String> units, String code, Instant from, Instant to, int limit, int offset) {
    StringBuilder sql = new StringBuilder("SELECT a.*, d.code FROM access_log a LEFT JOIN dossier d ON d.id = a.dossier_id"
        + " WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (units != null) {
      String in = String.join(",", java.util.Collections.nCopies(units.size(), "?"));
      sql.append(" AND (d.receiving_unit IN (").append(in).append(") OR d.competent_unit IN (").append(in)
          .append(") OR (a.dossier_id IS NULL AND a.unit IN (").append(in).append(")))");
      args.addAll(units);
      args.addAll(units);
      args.addAll(units);
    }
    if (code != null) {
      sql.append(" AND d.code = ?");
      args.add(code);
    }
    if (from != null) {
      sql.append(" AND a.accessed_at >= ?");
      args.add(ts(from));
    }
    if (to != null) {
      sql.append(" AND a.accessed_at < ?");
      args.add(ts(to));
    }
    sql.append(" ORDER BY a.accessed_at DESC, a.id DESC LIMIT ? OFFSET ?");
    args.add(limit);
    args.add(offset);
    return jdbc.query(sql.toString(), AccessLogRepository::row, args.toArray());
  }

  /** Deletes the entries older than {@code before}; the number deleted. */
  public int deleteBefore(Instant before) {
    return jdbc.update("DELETE FROM access_log WHERE accessed_at < ?", ts(before));
  }

  private static String cut(String s) {
    return s == null || s.length() <= 500 ? s : s.substring(0, 500);
  }
}
