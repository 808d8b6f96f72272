package vn.motcua.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a request may have stored: the row counts of the dossier tables (and those the public API and the
 * calendar write) and the engine's process instances, running and historic. Equal counts before and after
 * a refused request: nothing stored.
 */
public final class StoredCounts {
  static final List<String> TABLES = List.of("dossier", "dossier_document", "dossier_event", "dossier_control_log",
      "dossier_file", "dossier_responsible_unit", "public_submission", "notification", "dossier_alert",
      "apology_letter", "calendar_day");

  private final JdbcTemplate jdbc;

  public StoredCounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public record Counts(Map<String, Long> rows) {}

  /** One query: every table's rows, the engine's running and historic process instances and open tasks. */
  public Counts counts() {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String table : TABLES) {
      sql.append("(SELECT COUNT(*) FROM ").append(table).append("), ");
    }
    sql.append("(SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_), (SELECT COUNT(*) FROM "
        + "ACT_HI_PROCINST), (SELECT COUNT(*) FROM ACT_RU_TASK)");
    return jdbc.query(sql.toString(), rs -> {
      rs.next();
      Map<String, Long> rows = new LinkedHashMap<>();
      int i = 1;
      for (String table : TABLES) {
        rows.put(table, rs.getLong(i++));
      }
      rows.put("process instances", rs.getLong(i++));
      rows.put("historic process instances", rs.getLong(i++));
      rows.put("tasks", rs.getLong(i));
      return new Counts(rows);
    });
  }
}
