package vn.motcua.dossier;

import static vn.motcua.db.SqlTime.instant;
import static vn.motcua.db.SqlTime.ts;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The processing-control log (phiếu kiểm soát, table {@code dossier_control_log}): one row per handoff of a
 * dossier. Written only through {@link ControlLog}, {@link DossierRecords} and {@link DossierService}.
 */
@Repository
class ControlLogRepository {
  private final JdbcTemplate jdbc;

  ControlLogRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long openControlStep(long dossierId, String stepKey, String stepName, String taskId, String fromUnit,
      String fromOfficer, String toUnit, String toOfficer, Instant handedAt, Instant stageDueAt) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement(
          "INSERT INTO dossier_control_log (dossier_id, step_key, step_name, task_id, from_unit, from_officer,"
              + " to_unit, to_officer, handed_at, stage_due_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
          new String[] {"id"});
      ps.setLong(1, dossierId);
      ps.setString(2, stepKey);
      ps.setString(3, stepName);
      ps.setString(4, taskId);
      ps.setString(5, fromUnit);
      ps.setString(6, fromOfficer);
      ps.setString(7, toUnit);
      ps.setString(8, toOfficer);
      ps.setObject(9, ts(handedAt));
      ps.setObject(10, ts(stageDueAt));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  public Optional<ControlLogEntry> controlStepOfTask(String taskId) {
    return jdbc.query("SELECT * FROM dossier_control_log WHERE task_id = ?", CONTROL, taskId).stream().findFirst();
  }

  public void assignControlStep(String taskId, String officer) {
    jdbc.update("UPDATE dossier_control_log SET to_officer = ? WHERE task_id = ?", officer, taskId);
  }

  public void setControlStepDue(String taskId, Instant due) {
    jdbc.update("UPDATE dossier_control_log SET stage_due_at = ? WHERE task_id = ? AND done_at IS NULL",
        ts(due), taskId);
  }

  public void closeControlStep(long entryId, Instant doneAt, String doneBy, OutcomeClass resultClass,
      String outcome, String note) {
    jdbc.update("UPDATE dossier_control_log SET done_at = ?, done_by = ?, result_class = ?, outcome = ?, note = ?"
            + " WHERE id = ? AND done_at IS NULL",
        ts(doneAt), doneBy, resultClass == null ? null : resultClass.name(), outcome, note, entryId);
  }

  public List<ControlLogEntry> controlLog(long dossierId) {
    return jdbc.query("SELECT * FROM dossier_control_log WHERE dossier_id = ? ORDER BY id",
        CONTROL, dossierId);
  }

  /** A stage ran past its deadline: the open row of its task is marked late (once). */
  public void markLate(String taskId, Instant at) {
    jdbc.update("UPDATE dossier_control_log SET overdue_at = ?, result_class = ? WHERE task_id = ?"
        + " AND done_at IS NULL AND overdue_at IS NULL", ts(at), OutcomeClass.LATE.name(), taskId);
  }

  private static final RowMapper<ControlLogEntry> CONTROL = (rs, n) -> new ControlLogEntry(
      rs.getLong("id"), rs.getString("step_key"), rs.getString("step_name"), rs.getString("task_id"),
      rs.getString("from_unit"), rs.getString("from_officer"), rs.getString("to_unit"), rs.getString("to_officer"),
      instant(rs, "handed_at"), instant(rs, "stage_due_at"), instant(rs, "done_at"), rs.getString("done_by"),
      rs.getString("result_class") == null ? null : OutcomeClass.valueOf(rs.getString("result_class")),
      rs.getString("outcome"), rs.getString("note"), instant(rs, "overdue_at"));
}
