package vn.motcua.dossier;

import static vn.motcua.db.SqlTime.instant;
import static vn.motcua.db.SqlTime.ts;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The officers' search over the dossiers (read only). */
@Repository
class DossierSearchRepository {
  private final JdbcTemplate jdbc;

  DossierSearchRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The officers' search: the criteria that are set, limited to the dossiers of {@code units} (receiving,
   * competent or current unit; {@code null}: every unit), newest first, one row more than the page to
   * tell whether more follow. Served by the indexes of V7/V8 (docs/performance.md).
   */
  public List<DossierSearch.Row> search(DossierSearch q, Collection<String> units, ZoneId zone) {
    StringBuilder sql = new StringBuilder("SELECT code, procedure_key, procedure_name, receiving_unit, competent_unit,"
        + " applicant_name, applicant_id_number, status, stage, current_unit, received_at, appointment_at, returned_at"
        + " FROM dossier WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (q.codePrefix() != null) {
      sql.append(" AND code LIKE ? ESCAPE '!'");
      args.add(q.codePrefix().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }
    if (q.applicant() != null) {
      sql.append(q.applicantIsId() ? " AND applicant_id_number = ?" : " AND applicant_name = ?");
      args.add(q.applicant());
    }
    if (q.status() != null) {
      sql.append(" AND status = ?");
      args.add(q.status().code());
    }
    if (q.unit() != null) {
      sql.append(" AND (receiving_unit = ? OR competent_unit = ?)");
      args.add(q.unit());
      args.add(q.unit());
    }
    if (q.from() != null) {
      sql.append(" AND received_at >= ?");
      args.add(ts(q.from().atStartOfDay(zone).toInstant()));
    }
    if (q.to() != null) {
      sql.append(" AND received_at < ?");
      args.add(ts(q.to().plusDays(1).atStartOfDay(zone).toInstant()));
    }
    if (units != null) {
      String marks = String.join(", ", Collections.nCopies(Math.max(units.size(), 1), "?"));
      sql.append(" AND (receiving_unit IN (").append(marks).append(") OR competent_unit IN (").append(marks)
          .append(") OR current_unit IN (").append(marks).append("))");
      List<String> keys = units.isEmpty() ? List.of("") : List.copyOf(units);
      for (int i = 0; i < 3; i++) {
        args.addAll(keys);
      }
    }
    sql.append(" ORDER BY received_at DESC, id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
    args.add((long) q.page() * q.size());
    args.add(q.size() + 1);
    return jdbc.query(sql.toString(), (rs, n) -> {
      DossierStatus status = DossierStatus.ofCode(rs.getInt("status"));
      return new DossierSearch.Row(rs.getString("code"), rs.getString("procedure_key"), rs.getString("procedure_name"),
          rs.getString("receiving_unit"), rs.getString("competent_unit"), rs.getString("applicant_name"),
          rs.getString("applicant_id_number"), status.code(), status.label(), rs.getString("stage"),
          rs.getString("current_unit"), instant(rs, "received_at"), instant(rs, "appointment_at"),
          instant(rs, "returned_at"));
    }, args.toArray());
  }
}
