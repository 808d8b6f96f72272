package vn.motcua.dossier;

import static vn.motcua.db.SqlTime.instant;
import static vn.motcua.db.SqlTime.ts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Plain JDBC access to the tables {@code dossier}, {@code dossier_document} and {@code dossier_event}; no
 * engine types. Package-private: the dossier feature is the only writer of its tables, other features go
 * through {@link DossierService}, {@link DossierRecords} and {@link ControlLog}.
 *
 * <p>Every write of a report fact (the columns the reports' roll-up counts: status, units, dates,
 * appointment, pause, lateness, rating, apologies) goes through {@link #updateFacts}, which takes a closed
 * dossier out of the roll-up first ({@link ReportFactsGuard}).
 */
@Repository
class DossierRepository {
  private final JdbcTemplate jdbc;
  private ReportFactsGuard reportFacts = ReportFactsGuard.NONE;
  private PortalStatusListener portal = PortalStatusListener.NONE;

  DossierRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The reports' roll-up, told before a sealed dossier's report facts change (see {@link ReportFactsGuard}). */
  @Autowired(required = false)
  void setReportFactsGuard(ReportFactsGuard reportFacts) {
    this.reportFacts = reportFacts;
  }

  /** The national portal's outbox, told of every write of the status in the same transaction (docs/portal.md). */
  @Autowired(required = false)
  void setPortalStatusListener(PortalStatusListener portal) {
    this.portal = portal;
  }

  private void portalChanged(long id, PortalStatusListener.Reason reason) {
    if (portal != PortalStatusListener.NONE) {
      findById(id).ifPresent(d -> portal.changed(d, portalDossierNumber(id), reason));
    }
  }

  /** The national portal's own number of a dossier submitted there, or null. */
  public String portalDossierNumber(long id) {
    return jdbc.query("SELECT portal_dossier_number FROM dossier WHERE id = ?", rs -> rs.next() ? rs.getString(1) : null,
        id);
  }

  /** Stores the national portal's own number beside ours (unique: a second dossier with it is refused). */
  public void setPortalDossierNumber(long id, String number) {
    jdbc.update("UPDATE dossier SET portal_dossier_number = ? WHERE id = ?", number, id);
    if (portal != PortalStatusListener.NONE) {
      findById(id).ifPresent(d -> portal.portalNumberSet(d, number));
    }
  }

  public Optional<Long> findIdByPortalDossierNumber(String number) {
    return jdbc.queryForList("SELECT id FROM dossier WHERE portal_dossier_number = ?", Long.class, number).stream()
        .findFirst();
  }

  /**
   * The one path of every change to a dossier's report facts: {@code UPDATE dossier SET <set> WHERE id = ?}.
   * An open dossier (no {@code closed_at}) cannot be rolled up, so it is updated at once, in one statement.
   * A closed one is first taken out of the roll-up ({@link ReportFactsGuard#unroll}, which locks its row, so
   * no batch takes it until the transaction ends), then updated.
   */
  private void updateFacts(long id, String set, Object... args) {
    Object[] withId = Arrays.copyOf(args, args.length + 1);
    withId[args.length] = id;
    if (jdbc.update("UPDATE dossier SET " + set + " WHERE id = ? AND closed_at IS NULL", withId) == 0) {
      reportFacts.unroll(id);
      jdbc.update("UPDATE dossier SET " + set + " WHERE id = ?", withId);
    }
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
    long id = key.getKey().longValue();
    portalChanged(id, PortalStatusListener.Reason.STATUS);
    return id;
  }

  /** The data of a dossier to be inserted. */
  record NewDossier(
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

  /** Stores the hash of a new lookup PIN (LookupPins); the former PIN, hashed or in clear, stops working. */
  public void setLookupPinHash(long id, String hash) {
    jdbc.update("UPDATE dossier SET lookup_pin_hash = ?, lookup_pin = NULL WHERE id = ?", hash, id);
  }

  /** The stored hash of the lookup PIN and, for a PIN issued before V14 and not yet hashed, the PIN in clear. */
  public record StoredPin(String hash, String legacyClear) {}

  public StoredPin lookupPin(long id) {
    return jdbc.query("SELECT lookup_pin_hash, lookup_pin FROM dossier WHERE id = ?",
        rs -> rs.next() ? new StoredPin(rs.getString(1), rs.getString(2)) : new StoredPin(null, null), id);
  }

  /** Up to {@code limit} dossiers whose PIN is still in clear (issued before V14): id and PIN. */
  public List<Map.Entry<Long, String>> clearLookupPins(int limit) {
    return jdbc.query("SELECT id, lookup_pin FROM dossier WHERE lookup_pin IS NOT NULL ORDER BY id FETCH FIRST "
        + limit + " ROWS ONLY", (rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)));
  }

  /** Replaces a PIN in clear by its hash, unless another node or a new PIN did it first. */
  public void hashClearLookupPin(long id, String clear, String hash) {
    jdbc.update("UPDATE dossier SET lookup_pin_hash = ?, lookup_pin = NULL WHERE id = ? AND lookup_pin = ?",
        hash, id, clear);
  }

  /**
   * The citizen's rating of a dossier already returned (1–3, comment, channel ONLINE or COUNTER): a report
   * fact of a sealed dossier, so the dossier is first taken out of the reports' roll-up
   * ({@link #updateFacts}); call it in a transaction (the dossier's row stays locked until it ends, so no
   * roll-up takes it meanwhile).
   */
  public void recordRating(long id, int rating, String comment, String channel, Instant at) {
    updateFacts(id, "rating = ?, rating_comment = ?, rating_channel = ?, rated_at = ?, updated_at = ?",
        rating, comment, channel, ts(at), ts(at));
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
    updateFacts(id, "status = ?, stage = COALESCE(?, stage), updated_at = ?", status.code(), stage, ts(at));
    portalChanged(id, PortalStatusListener.Reason.STATUS);
  }

  public void updateHolder(long id, String unit, String officer, String stage, Instant at) {
    jdbc.update("UPDATE dossier SET current_unit = ?, current_officer = ?, stage = COALESCE(?, stage),"
        + " updated_at = ? WHERE id = ?", unit, officer, stage, ts(at), id);
  }

  public void setDeadlines(long id, Instant countingFrom, Instant appointmentAt, Instant at) {
    updateFacts(id, "counting_from = ?, appointment_at = ?, updated_at = ?", ts(countingFrom), ts(appointmentAt),
        ts(at));
  }

  public void setAppointment(long id, Instant appointmentAt, Instant at) {
    updateFacts(id, "appointment_at = ?, updated_at = ?", ts(appointmentAt), ts(at));
  }

  public void setPausedAt(long id, Instant pausedAt, Instant at) {
    updateFacts(id, "paused_at = ?, updated_at = ?", ts(pausedAt), ts(at));
  }

  public void incrementSupplementCount(long id, Instant at) {
    jdbc.update("UPDATE dossier SET supplement_count = supplement_count + 1, updated_at = ? WHERE id = ?", ts(at), id);
  }

  public void recordDecision(long id, String decision, String result, Instant at, OutcomeClass resolutionClass) {
    updateFacts(id, "decision = ?, result = ?, resolved_at = ?, closed_at = ?, resolution_class = ?, status = ?,"
            + " updated_at = ?",
        decision, result, ts(at), ts(at), resolutionClass == null ? null : resolutionClass.name(),
        DossierStatus.RESOLVED.code(), ts(at));
    portalChanged(id, PortalStatusListener.Reason.STATUS);
  }

  /**
   * The dossier left processing without a decision (withdrawn, stopped, refused at reception): for the
   * reports. Not a path of {@link #updateFacts}: it writes only a dossier not yet closed, never a rolled-up one.
   */
  public void markClosed(long id, Instant at) {
    jdbc.update("UPDATE dossier SET closed_at = ? WHERE id = ? AND closed_at IS NULL", ts(at), id);
  }

  public void recordReturn(long id, Instant returnedAt, String deliveryMethod, OutcomeClass outcome,
      Integer workingHoursLate, Integer workingDaysLate, String responsibleUnit, Integer rating,
      String ratingComment) {
    updateFacts(id, "status = ?, returned_at = ?, delivery_method = ?, outcome = ?, working_hours_late = ?,"
            + " working_days_late = ?, responsible_unit = ?, rating = ?, rating_comment = ?, stage = ?,"
            + " current_officer = NULL, updated_at = ?",
        DossierStatus.RETURNED.code(), ts(returnedAt), deliveryMethod, outcome == null ? null : outcome.name(),
        workingHoursLate, workingDaysLate, responsibleUnit, rating, ratingComment, "Đã trả kết quả",
        ts(returnedAt));
    portalChanged(id, PortalStatusListener.Reason.STATUS);
  }

  /** Locks the dossier's row until the end of the transaction: timers of one dossier run one at a time. */
  public void lock(long id) {
    jdbc.query("SELECT id FROM dossier WHERE id = ? FOR UPDATE", (rs, n) -> rs.getLong(1), id);
  }

  /**
   * The lateness facts of a dossier, as the overdue rules decided them (vn.motcua.overdue): when and in which
   * unit it first ran late, the unit charged with it, how many stages ran late.
   */
  public void setLateness(long id, Instant overdueAt, String overdueUnit, String responsibleUnit, int lateStageCount,
      Instant at) {
    updateFacts(id, "overdue_at = ?, overdue_unit = ?, responsible_unit = ?, late_stage_count = ?, updated_at = ?",
        ts(overdueAt), overdueUnit, responsibleUnit, lateStageCount, ts(at));
  }

  /** A new appointment by an apology letter, with the first appointment and the count of letters. */
  public void setApology(long id, Instant originalAppointment, Instant appointment, int apologyCount, Instant at) {
    updateFacts(id, "original_appointment_at = ?, appointment_at = ?, apology_count = ?, updated_at = ?",
        ts(originalAppointment), ts(appointment), apologyCount, ts(at));
    portalChanged(id, PortalStatusListener.Reason.APPOINTMENT);
  }

  /**
   * Up to {@code batch} dossiers closed before {@code closedBefore} whose personal data is not masked yet, locked
   * for the caller's transaction; rows another node holds are skipped (retention, cluster-safe).
   */
  public List<Long> lockUnmaskedClosedBefore(Instant closedBefore, int batch) {
    return jdbc.query("SELECT id FROM dossier WHERE personal_data_masked_at IS NULL AND closed_at < ? ORDER BY id"
        + " LIMIT ? FOR UPDATE SKIP LOCKED", (rs, n) -> rs.getLong(1), ts(closedBefore), batch);
  }

  /**
   * Masks the applicant's personal data (name, ID number, phone, e-mail, address, representative, the request's
   * text, the rating comment, the lookup PIN); the report facts stay. False when it was already masked.
   */
  public boolean maskPersonalData(long id, Instant at) {
    return jdbc.update("UPDATE dossier SET applicant_name = ?, applicant_id_number = ?, applicant_phone = ?,"
        + " applicant_email = NULL, applicant_address = ?, representative = NULL, request_summary = NULL,"
        + " rating_comment = NULL, lookup_pin_hash = NULL, lookup_pin = NULL, personal_data_masked_at = ?"
        + " WHERE id = ? AND personal_data_masked_at IS NULL", MASKED, MASKED, MASKED, MASKED, ts(at), id) == 1;
  }

  /** What a masked field reads. */
  public static final String MASKED = "***";

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
