package vn.motcua.dossier;

import static vn.motcua.db.SqlTime.instant;
import static vn.motcua.db.SqlTime.ts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to the dossier tables; no engine types. */
@Repository
public class DossierRepository {
  private final JdbcTemplate jdbc;
  private ReportFactsGuard reportFacts = ReportFactsGuard.NONE;

  public DossierRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The reports' roll-up, told before a sealed dossier's report facts change (see {@link ReportFactsGuard}). */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  public void setReportFactsGuard(ReportFactsGuard reportFacts) {
    this.reportFacts = reportFacts;
  }



  static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  /** Inserts a new dossier and returns its id. */
  public long insert(NewDossier d) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement(
          "INSERT INTO dossier (code, procedure_key, procedure_code, procedure_name, receiving_unit,"
              + " competent_unit, channel, applicant_name, applicant_id_number, applicant_phone,"
              + " applicant_email, applicant_address, representative, request_summary, status, stage,"
              + " current_unit, statutory_days, received_at, created_by, created_at, updated_at)"
              + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
          new String[] {"id"});
      int i = 1;
      ps.setString(i++, d.code());
      ps.setString(i++, d.procedureKey());
      ps.setString(i++, d.procedureCode());
      ps.setString(i++, d.procedureName());
      ps.setString(i++, d.receivingUnit());
      ps.setString(i++, d.competentUnit());
      ps.setString(i++, d.channel().name());
      ps.setString(i++, d.applicant().name());
      ps.setString(i++, d.applicant().idNumber());
      ps.setString(i++, d.applicant().phone());
      ps.setString(i++, d.applicant().email());
      ps.setString(i++, d.applicant().address());
      ps.setString(i++, d.applicant().representative());
      ps.setString(i++, d.requestSummary());
      ps.setInt(i++, DossierStatus.NEW.code());
      ps.setString(i++, "Tiếp nhận hồ sơ");
      ps.setString(i++, d.receivingUnit());
      ps.setInt(i++, d.statutoryDays());
      ps.setObject(i++, ts(d.receivedAt()));
      ps.setString(i++, d.createdBy());
      ps.setObject(i++, ts(d.receivedAt()));
      ps.setObject(i, ts(d.receivedAt()));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  /** The data of a dossier to be inserted. */
  public record NewDossier(
      String code, String procedureKey, String procedureCode, String procedureName, String receivingUnit,
      String competentUnit, Channel channel, Applicant applicant, String requestSummary, int statutoryDays,
      Instant receivedAt, String createdBy) {}

  public void insertDocuments(long dossierId, List<NewDocument> documents) {
    int position = 1;
    for (NewDocument doc : documents) {
      jdbc.update("INSERT INTO dossier_document (dossier_id, position, name, copies, state, note) VALUES (?,?,?,?,?,?)",
          dossierId, position++, doc.name(), doc.copies(), DocumentState.RECEIVED.name(), doc.note());
    }
  }

  public record NewDocument(String name, int copies, String note) {}

  public void setLookupPin(long id, String pin) {
    jdbc.update("UPDATE dossier SET lookup_pin = ? WHERE id = ?", pin, id);
  }

  public String lookupPin(long id) {
    return jdbc.queryForObject("SELECT lookup_pin FROM dossier WHERE id = ?", String.class, id);
  }

  /**
   * The citizen's rating of a dossier already returned (1–3, comment, channel ONLINE or COUNTER): a report
   * fact of a sealed dossier, so the dossier is first taken out of the reports' roll-up
   * ({@link ReportFactsGuard#unroll}); call it in a transaction (the dossier's row stays locked until it
   * ends, so no roll-up takes it meanwhile). Every other change to a sealed dossier's report facts must
   * follow the same pattern.
   */
  public void recordRating(long id, int rating, String comment, String channel, Instant at) {
    reportFacts.unroll(id);
    jdbc.update("UPDATE dossier SET rating = ?, rating_comment = ?, rating_channel = ?, rated_at = ?, updated_at = ?"
        + " WHERE id = ?", rating, comment, channel, ts(at), ts(at), id);
  }

  public void recordRatingSource(long id, String channel, Instant at) {
    jdbc.update("UPDATE dossier SET rating_channel = ?, rated_at = ? WHERE id = ?", channel, ts(at), id);
  }

  public Optional<Dossier> findById(long id) {
    return jdbc.query("SELECT * FROM dossier WHERE id = ?", DOSSIER, id).stream().findFirst();
  }

  public Optional<Dossier> findByCode(String code) {
    return jdbc.query("SELECT * FROM dossier WHERE code = ?", DOSSIER, code).stream().findFirst();
  }

  public List<DossierDocument> documents(long dossierId) {
    return jdbc.query("SELECT * FROM dossier_document WHERE dossier_id = ? ORDER BY position",
        (rs, n) -> new DossierDocument(rs.getLong("id"), rs.getInt("position"), rs.getString("name"),
            rs.getInt("copies"), DocumentState.valueOf(rs.getString("state")), rs.getString("note")),
        dossierId);
  }

  public void setDocumentState(long dossierId, int position, DocumentState state, String note) {
    jdbc.update("UPDATE dossier_document SET state = ?, note = ? WHERE dossier_id = ? AND position = ?",
        state.name(), note, dossierId, position);
  }

  public void markAllDocuments(long dossierId, DocumentState from, DocumentState to) {
    jdbc.update("UPDATE dossier_document SET state = ? WHERE dossier_id = ? AND state = ?",
        to.name(), dossierId, from.name());
  }

  public void setProcessInstance(long id, String processInstanceId) {
    jdbc.update("UPDATE dossier SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  public void updateStatus(long id, DossierStatus status, String stage, Instant at) {
    jdbc.update("UPDATE dossier SET status = ?, stage = COALESCE(?, stage), updated_at = ? WHERE id = ?",
        status.code(), stage, ts(at), id);
  }

  public void updateHolder(long id, String unit, String officer, String stage, Instant at) {
    jdbc.update("UPDATE dossier SET current_unit = ?, current_officer = ?, stage = COALESCE(?, stage),"
        + " updated_at = ? WHERE id = ?", unit, officer, stage, ts(at), id);
  }

  public void setDeadlines(long id, Instant countingFrom, Instant appointmentAt, Instant at) {
    jdbc.update("UPDATE dossier SET counting_from = ?, appointment_at = ?, updated_at = ? WHERE id = ?",
        ts(countingFrom), ts(appointmentAt), ts(at), id);
  }

  public void setAppointment(long id, Instant appointmentAt, Instant at) {
    jdbc.update("UPDATE dossier SET appointment_at = ?, updated_at = ? WHERE id = ?", ts(appointmentAt), ts(at), id);
  }

  public void setPausedAt(long id, Instant pausedAt, Instant at) {
    jdbc.update("UPDATE dossier SET paused_at = ?, updated_at = ? WHERE id = ?", ts(pausedAt), ts(at), id);
  }

  public void incrementSupplementCount(long id, Instant at) {
    jdbc.update("UPDATE dossier SET supplement_count = supplement_count + 1, updated_at = ? WHERE id = ?", ts(at), id);
  }

  public void recordDecision(long id, String decision, String result, Instant at, OutcomeClass resolutionClass) {
    jdbc.update("UPDATE dossier SET decision = ?, result = ?, resolved_at = ?, closed_at = ?, resolution_class = ?,"
            + " status = ?, updated_at = ? WHERE id = ?",
        decision, result, ts(at), ts(at), resolutionClass == null ? null : resolutionClass.name(),
        DossierStatus.RESOLVED.code(), ts(at), id);
  }

  /** The dossier left processing without a decision (withdrawn, stopped, refused at reception): for the reports. */
  public void markClosed(long id, Instant at) {
    jdbc.update("UPDATE dossier SET closed_at = ? WHERE id = ? AND closed_at IS NULL", ts(at), id);
  }

  public void recordReturn(long id, Instant returnedAt, String deliveryMethod, OutcomeClass outcome,
      Integer workingHoursLate, Integer workingDaysLate, String responsibleUnit, Integer rating,
      String ratingComment) {
    jdbc.update("UPDATE dossier SET status = ?, returned_at = ?, delivery_method = ?, outcome = ?,"
            + " working_hours_late = ?, working_days_late = ?, responsible_unit = ?, rating = ?, rating_comment = ?,"
            + " stage = ?, current_officer = NULL, updated_at = ? WHERE id = ?",
        DossierStatus.RETURNED.code(), ts(returnedAt), deliveryMethod, outcome == null ? null : outcome.name(),
        workingHoursLate, workingDaysLate, responsibleUnit, rating, ratingComment, "Đã trả kết quả",
        ts(returnedAt), id);
  }

  /** Locks the dossier's row until the end of the transaction: timers of one dossier run one at a time. */
  public void lock(long id) {
    jdbc.query("SELECT id FROM dossier WHERE id = ? FOR UPDATE", (rs, n) -> rs.getLong(1), id);
  }

  /**
   * A stage ran past its deadline: the control log row of its task is marked, the dossier remembers the
   * first unit and time it ran late and counts its late stages.
   */
  public void markStageOverdue(long id, String taskId, String unit, Instant at) {
    if (taskId != null) {
      jdbc.update("UPDATE dossier_control_log SET overdue_at = ?, result_class = ? WHERE task_id = ?"
          + " AND done_at IS NULL AND overdue_at IS NULL", ts(at), OutcomeClass.LATE.name(), taskId);
    }
    jdbc.update("UPDATE dossier SET overdue_at = COALESCE(overdue_at, ?), overdue_unit = COALESCE(overdue_unit, ?),"
        + " responsible_unit = COALESCE(responsible_unit, ?), late_stage_count = late_stage_count + 1,"
        + " updated_at = ? WHERE id = ?", ts(at), unit, unit, ts(at), id);
  }

  /** The dossier is re-appointed by an apology letter: the first appointment is kept for the record. */
  public void reappoint(long id, Instant newAppointment, Instant at) {
    jdbc.update("UPDATE dossier SET original_appointment_at = COALESCE(original_appointment_at, appointment_at),"
        + " appointment_at = ?, apology_count = apology_count + 1, updated_at = ? WHERE id = ?",
        ts(newAppointment), ts(at), id);
  }

  public void recordEvent(long dossierId, String type, Instant at, String actor, String reason, String details) {
    jdbc.update("INSERT INTO dossier_event (dossier_id, event_type, occurred_at, actor, reason, details)"
        + " VALUES (?,?,?,?,?,?)", dossierId, type, ts(at), actor, reason, details);
  }

  public List<DossierEvent> events(long dossierId) {
    return jdbc.query("SELECT * FROM dossier_event WHERE dossier_id = ? ORDER BY occurred_at, id",
        (rs, n) -> new DossierEvent(rs.getLong("id"), rs.getString("event_type"), instant(rs, "occurred_at"),
            rs.getString("actor"), rs.getString("reason"), rs.getString("details")),
        dossierId);
  }

  // ---- processing-control log ----

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

  /**
   * The officers' search: the criteria that are set, limited to the dossiers of {@code units} (receiving,
   * competent or current unit; {@code null}: every unit), newest first, one row more than the page to
   * tell whether more follow. Served by the indexes of V7/V8 (docs/performance.md).
   */
  public List<DossierSearch.Row> search(DossierSearch q, java.util.Collection<String> units, java.time.ZoneId zone) {
    StringBuilder sql = new StringBuilder("SELECT code, procedure_key, procedure_name, receiving_unit, competent_unit,"
        + " applicant_name, applicant_id_number, status, stage, current_unit, received_at, appointment_at, returned_at"
        + " FROM dossier WHERE 1 = 1");
    List<Object> args = new java.util.ArrayList<>();
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
      String marks = String.join(", ", java.util.Collections.nCopies(Math.max(units.size(), 1), "?"));
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

  private static final RowMapper<ControlLogEntry> CONTROL = (rs, n) -> new ControlLogEntry(
      rs.getLong("id"), rs.getString("step_key"), rs.getString("step_name"), rs.getString("task_id"),
      rs.getString("from_unit"), rs.getString("from_officer"), rs.getString("to_unit"), rs.getString("to_officer"),
      instant(rs, "handed_at"), instant(rs, "stage_due_at"), instant(rs, "done_at"), rs.getString("done_by"),
      rs.getString("result_class") == null ? null : OutcomeClass.valueOf(rs.getString("result_class")),
      rs.getString("outcome"), rs.getString("note"), instant(rs, "overdue_at"));

  private static final RowMapper<Dossier> DOSSIER = (rs, n) -> new Dossier(
      rs.getLong("id"), rs.getString("code"), rs.getString("procedure_key"), rs.getString("procedure_code"),
      rs.getString("procedure_name"), rs.getString("receiving_unit"), rs.getString("competent_unit"),
      Channel.valueOf(rs.getString("channel")),
      new Applicant(rs.getString("applicant_name"), rs.getString("applicant_id_number"),
          rs.getString("applicant_phone"), rs.getString("applicant_email"), rs.getString("applicant_address"),
          rs.getString("representative")),
      rs.getString("request_summary"), DossierStatus.ofCode(rs.getInt("status")), rs.getString("stage"),
      rs.getString("current_unit"), rs.getString("current_officer"), rs.getInt("statutory_days"),
      instant(rs, "received_at"), instant(rs, "counting_from"), instant(rs, "appointment_at"),
      instant(rs, "original_appointment_at"), instant(rs, "paused_at"), rs.getInt("supplement_count"),
      rs.getInt("apology_count"), rs.getString("decision"), rs.getString("result"), instant(rs, "resolved_at"),
      instant(rs, "returned_at"), rs.getString("delivery_method"),
      rs.getString("outcome") == null ? null : OutcomeClass.valueOf(rs.getString("outcome")),
      integer(rs, "working_hours_late"), rs.getString("responsible_unit"), integer(rs, "rating"),
      rs.getString("rating_comment"), rs.getString("process_instance_id"), rs.getString("created_by"),
      instant(rs, "created_at"), instant(rs, "updated_at"), integer(rs, "working_days_late"),
      instant(rs, "overdue_at"), rs.getString("overdue_unit"), rs.getInt("late_stage_count"));

}
