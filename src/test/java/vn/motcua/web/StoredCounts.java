package vn.motcua.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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
  private final ProcessEngine engine;

  public StoredCounts(JdbcTemplate jdbc, ProcessEngine engine) {
    this.jdbc = jdbc;
    this.engine = engine;
  }

  public record Counts(Map<String, Long> rows) {}

  public Counts counts() {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : TABLES) {
      rows.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }
    rows.put("process instances", engine.getRuntimeService().createProcessInstanceQuery().count());
    rows.put("historic process instances", engine.getHistoryService().createHistoricProcessInstanceQuery().count());
    rows.put("tasks", engine.getTaskService().createTaskQuery().count());
    return new Counts(rows);
  }
}
