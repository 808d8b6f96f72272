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
