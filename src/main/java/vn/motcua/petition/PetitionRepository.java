package vn.motcua.petition;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The petition tables (petition, petition_step, petition_event, petition_file, petition_code_sequence). */
@Repository
class PetitionRepository {
  static final String COLUMNS = "id, code, channel, receiving_unit, handling_unit, forwarded_at, dossier_code, category,"
      + " status, duplicate_of, petitioner_name, petitioner_phone, petitioner_email, petitioner_address, subject,"
      + " content, answer_text, published_text, received_at, received_by, answer_due_at, answered_at,"
      + " answered_on_time, published_at, archived_at, process_instance_id";

  static final RowMapper<Petition> ROW = (rs, i) -> new Petition(rs.getLong("id"), rs.getString("code"),
      Petition.Channel.valueOf(rs.getString("channel")), rs.getString("receiving_unit"), rs.getString("handling_unit"),
      instant(rs, "forwarded_at"), rs.getString("dossier_code"),
      rs.getString("category") == null ? null : Petition.Category.valueOf(rs.getString("category")),
      PetitionStatus.valueOf(rs.getString("status")), (Long) rs.getObject("duplicate_of", Long.class),
      rs.getString("petitioner_name"), rs.getString("petitioner_phone"), rs.getString("petitioner_email"),
      rs.getString("petitioner_address"), rs.getString("subject"), rs.getString("content"), rs.getString("answer_text"),
      rs.getString("published_text"), instant(rs, "received_at"), rs.getString("received_by"),
      instant(rs, "answer_due_at"), instant(rs, "answered_at"), (Boolean) rs.getObject("answered_on_time", Boolean.class),
      instant(rs, "published_at"), instant(rs, "archived_at"), rs.getString("process_instance_id"));

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;

  PetitionRepository(JdbcTemplate jdbc, PlatformTransactionManager tm) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(tm);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  /** The next number of a code prefix (unit and day); the row is created in its own short transaction. */
  int next(String prefix) {
    Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM petition_code_sequence WHERE prefix = ?", Integer.class,
        prefix);
    if (exists == null || exists == 0) {
      try {
        newTransaction.executeWithoutResult(s -> jdbc.update(
            "INSERT INTO petition_code_sequence (prefix, last_no) VALUES (?, 0)", prefix));
      } catch (DuplicateKeyException raced) {
        // another petition created the row first
      }
    }
    jdbc.update("UPDATE petition_code_sequence SET last_no = last_no + 1 WHERE prefix = ?", prefix);
    return jdbc.queryForObject("SELECT last_no FROM petition_code_sequence WHERE prefix = ?", Integer.class, prefix);
  }

  record NewRow(String code, Petition.Channel channel, String unit, String dossierCode, String name, String phone,
      String email, String address, String subject, String content, Instant receivedAt, String receivedBy,
      String idempotencyKey, String requestHash) {}

  long insert(NewRow r) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("INSERT INTO petition (code, channel, receiving_unit, handling_unit,"
          + " dossier_code, status, petitioner_name, petitioner_phone, petitioner_email, petitioner_address, subject,"
          + " content, received_at, received_by, idempotency_key, request_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
          Statement.RETURN_GENERATED_KEYS);
      ps.setString(1, r.code());
      ps.setString(2, r.channel().name());
      ps.setString(3, r.unit());
      ps.setString(4, r.unit());
      ps.setString(5, r.dossierCode());
      ps.setString(6, PetitionStatus.RECEIVED.name());
      ps.setString(7, r.name());
      ps.setString(8, r.phone());
      ps.setString(9, r.email());
      ps.setString(10, r.address());
      ps.setString(11, r.subject());
      ps.setString(12, r.content());
      ps.setTimestamp(13, ts(r.receivedAt()));
      ps.setString(14, r.receivedBy());
      ps.setString(15, r.idempotencyKey());
      ps.setString(16, r.requestHash());
      return ps;
    }, keys);
    return ((Number) keys.getKeys().get(keys.getKeys().containsKey("id") ? "id" : "ID")).longValue();
  }

  Optional<Petition> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM petition WHERE id = ?", ROW, id).stream().findFirst();
  }

  Optional<Petition> findByCode(String code) {
    return jdbc.query("SELECT " + COLUMNS + " FROM petition WHERE code = ?", ROW, code).stream().findFirst();
  }

  record KeyClaim(long id, String requestHash) {}

  Optional<KeyClaim> findByKey(String key) {
    return jdbc.query("SELECT id, request_hash FROM petition WHERE idempotency_key = ?",
        (rs, i) -> new KeyClaim(rs.getLong(1), rs.getString(2)), key).stream().findFirst();
  }

  /** An open petition of the unit with the same subject and content (a duplicate candidate), other than this one. */
  Optional<Petition> findOpenSame(String unit, String subject, String content, long except) {
    return jdbc.query("SELECT " + COLUMNS + " FROM petition WHERE (receiving_unit = ? OR handling_unit = ?)"
        + " AND LOWER(subject) = LOWER(?) AND content = ? AND id <> ? AND status IN ('RECEIVED','IN_PROGRESS',"
        + "'AWAITING_CLARIFICATION','AWAITING_DECISION') ORDER BY id", ROW, unit, unit, subject, content, except)
        .stream().findFirst();
  }

  void linkProcess(long id, String processInstanceId) {
    jdbc.update("UPDATE petition SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  void setStatus(long id, PetitionStatus status) {
    jdbc.update("UPDATE petition SET status = ? WHERE id = ?", status.name(), id);
  }

  void classify(long id, Petition.Category category, PetitionStatus status, Instant answerDueAt) {
    jdbc.update("UPDATE petition SET category = ?, status = ?, answer_due_at = ? WHERE id = ?",
        category == null ? null : category.name(), status.name(), ts(answerDueAt), id);
  }

  void forward(long id, String unit, Instant at, Instant answerDueAt) {
    jdbc.update("UPDATE petition SET handling_unit = ?, forwarded_at = ?, answer_due_at = ?, status = ? WHERE id = ?",
        unit, ts(at), ts(answerDueAt), PetitionStatus.IN_PROGRESS.name(), id);
  }

  void setAnswerDue(long id, Instant answerDueAt) {
    jdbc.update("UPDATE petition SET answer_due_at = ? WHERE id = ?", ts(answerDueAt), id);
  }

  void duplicate(long id, long original) {
    jdbc.update("UPDATE petition SET duplicate_of = ?, status = ? WHERE id = ?", original,
        PetitionStatus.DUPLICATE.name(), id);
  }

  void answer(long id, String text, Instant at, boolean onTime, PetitionStatus status) {
    jdbc.update("UPDATE petition SET answer_text = ?, answered_at = ?, answered_on_time = ?, status = ? WHERE id = ?",
        text, ts(at), onTime, status.name(), id);
  }

  void publish(long id, String text, Instant at) {
    jdbc.update("UPDATE petition SET published_text = ?, published_at = ?, status = ? WHERE id = ?", text, ts(at),
        PetitionStatus.PUBLISHED.name(), id);
  }

  void archive(long id, Instant at, PetitionStatus status) {
    jdbc.update("UPDATE petition SET archived_at = ?, status = ? WHERE id = ?", ts(at), status.name(), id);
  }

  List<Petition> ofDossier(String dossierCode) {
    return jdbc.query("SELECT " + COLUMNS + " FROM petition WHERE dossier_code = ? ORDER BY id", ROW, dossierCode);
  }

  List<Petition> duplicatesOf(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM petition WHERE duplicate_of = ? ORDER BY id", ROW, id);
  }

  List<Petition> ofUnits(List<String> units, int limit) {
    if (units.isEmpty()) {
      return List.of();
    }
    String in = String.join(",", units.stream().map(u -> "?").toList());
    Object[] args = new Object[units.size() * 2 + 1];
    for (int i = 0; i < units.size(); i++) {
      args[i] = units.get(i);
      args[units.size() + i] = units.get(i);
    }
    args[args.length - 1] = limit;
    return jdbc.query("SELECT " + COLUMNS + " FROM petition WHERE receiving_unit IN (" + in + ") OR handling_unit IN ("
        + in + ") ORDER BY received_at DESC, id DESC LIMIT ?", ROW, args);
  }

  /** Published answers, newest first, whose subject or published text contains the words. */
  List<Petition> published(String words, int limit, int offset) {
    String like = words == null ? "%" : "%" + words.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
        .replace("%", "\\%").replace("_", "\\_") + "%";
    return jdbc.query("SELECT " + COLUMNS + " FROM petition WHERE published_at IS NOT NULL AND (LOWER(subject) LIKE ?"
        + " ESCAPE '\\' OR LOWER(published_text) LIKE ? ESCAPE '\\') ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?",
        ROW, like, like, limit, offset);
  }

  // ---------- events ----------

  void event(long petitionId, String type, Instant at, String actor, String unit, String note) {
    jdbc.update("INSERT INTO petition_event (petition_id, type, at, actor, unit, note) VALUES (?,?,?,?,?,?)", petitionId,
        type, ts(at), actor, unit, note);
  }

  List<PetitionEvent> events(long petitionId) {
    return jdbc.query("SELECT type, at, actor, unit, note FROM petition_event WHERE petition_id = ? ORDER BY at, id",
        (rs, i) -> new PetitionEvent(rs.getString(1), instant(rs, "at"), rs.getString(3), rs.getString(4),
            rs.getString(5)), petitionId);
  }

  // ---------- steps ----------

  void openStep(long petitionId, PetitionStep step, String unit, String taskId, Instant startedAt, Instant dueAt) {
    jdbc.update("INSERT INTO petition_step (petition_id, step, unit, task_id, started_at, due_at) VALUES (?,?,?,?,?,?)",
        petitionId, step.name(), unit, taskId, ts(startedAt), ts(dueAt));
  }

  Optional<PetitionStepRecord> stepOfTask(String taskId) {
    return jdbc.query("SELECT " + STEP_COLUMNS + " FROM petition_step WHERE task_id = ?", STEP_ROW, taskId).stream()
        .findFirst();
  }

  /** The open step of this kind of a petition (the latest one). */
  Optional<PetitionStepRecord> openStep(long petitionId, PetitionStep step) {
    return jdbc.query("SELECT " + STEP_COLUMNS + " FROM petition_step WHERE petition_id = ? AND step = ? AND done_at IS"
        + " NULL ORDER BY id DESC", STEP_ROW, petitionId, step.name()).stream().findFirst();
  }

  void closeStep(long stepId, Instant at, String by, boolean late) {
    jdbc.update("UPDATE petition_step SET done_at = ?, done_by = ?, late = ? WHERE id = ?", ts(at), by, late, stepId);
  }

  void warnStep(long stepId, Instant at) {
    jdbc.update("UPDATE petition_step SET warned_at = ? WHERE id = ? AND warned_at IS NULL", ts(at), stepId);
  }

  void escalateStep(long stepId, Instant at) {
    jdbc.update("UPDATE petition_step SET escalated_at = ?, late = ? WHERE id = ? AND escalated_at IS NULL", ts(at),
        true, stepId);
  }

  List<PetitionStepRecord> steps(long petitionId) {
    return jdbc.query("SELECT " + STEP_COLUMNS + " FROM petition_step WHERE petition_id = ? ORDER BY id", STEP_ROW,
        petitionId);
  }

  static final String STEP_COLUMNS = "id, petition_id, step, unit, task_id, started_at, due_at, warned_at, escalated_at,"
      + " done_at, done_by, late";
  static final RowMapper<PetitionStepRecord> STEP_ROW = (rs, i) -> new PetitionStepRecord(rs.getLong("id"),
      rs.getLong("petition_id"), PetitionStep.valueOf(rs.getString("step")), rs.getString("unit"),
      rs.getString("task_id"), instant(rs, "started_at"), instant(rs, "due_at"), instant(rs, "warned_at"),
      instant(rs, "escalated_at"), instant(rs, "done_at"), rs.getString("done_by"),
      (Boolean) rs.getObject("late", Boolean.class));

  // ---------- files ----------

  void insertFile(long petitionId, String name, String contentType, long size, String sha256, String storageKey,
      Instant at) {
    jdbc.update("INSERT INTO petition_file (petition_id, original_name, content_type, size_bytes, sha256, storage_key,"
        + " uploaded_at) VALUES (?,?,?,?,?,?,?)", petitionId, name, contentType, size, sha256, storageKey, ts(at));
  }

  record FileRow(long id, String name, String contentType, long size, String sha256) {}

  List<FileRow> files(long petitionId) {
    return jdbc.query("SELECT id, original_name, content_type, size_bytes, sha256 FROM petition_file WHERE petition_id = ?"
        + " ORDER BY id", (rs, i) -> new FileRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
        rs.getString(5)), petitionId);
  }

  // ---------- figures ----------

  PetitionTimeliness.Counts answered(String unit, Instant from, Instant to) {
    return jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(CASE WHEN answered_on_time THEN 1 ELSE 0 END), 0)"
        + " FROM petition WHERE handling_unit = ? AND answered_at >= ? AND answered_at < ?",
        (rs, i) -> new PetitionTimeliness.Counts(rs.getLong(1), rs.getLong(2)), unit, ts(from), ts(to));
  }

  record UnitFigures(String unit, long received, long forwarded, long answered, long answeredOnTime, long answeredLate,
      long lateSteps) {}

  /** Per unit in [from, to): received (by receiving unit), forwarded (by the unit that forwarded), answered. */
  List<UnitFigures> figures(Instant from, Instant to) {
    return jdbc.query("""
        SELECT u.unit,
          (SELECT COUNT(*) FROM petition p WHERE p.receiving_unit = u.unit AND p.received_at >= ? AND p.received_at < ?),
          (SELECT COUNT(*) FROM petition p WHERE p.receiving_unit = u.unit AND p.forwarded_at >= ? AND p.forwarded_at < ?),
          (SELECT COUNT(*) FROM petition p WHERE p.handling_unit = u.unit AND p.answered_at >= ? AND p.answered_at < ?),
          (SELECT COUNT(*) FROM petition p WHERE p.handling_unit = u.unit AND p.answered_at >= ? AND p.answered_at < ?
             AND p.answered_on_time = TRUE),
          (SELECT COUNT(*) FROM petition p WHERE p.handling_unit = u.unit AND p.answered_at >= ? AND p.answered_at < ?
             AND p.answered_on_time = FALSE),
          (SELECT COUNT(*) FROM petition_step s WHERE s.unit = u.unit AND s.late = TRUE AND s.started_at >= ?
             AND s.started_at < ?)
        FROM (SELECT receiving_unit AS unit FROM petition UNION SELECT handling_unit FROM petition) u
        ORDER BY u.unit
        """, (rs, i) -> new UnitFigures(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
        rs.getLong(6), rs.getLong(7)), ts(from), ts(to), ts(from), ts(to), ts(from), ts(to), ts(from), ts(to),
        ts(from), ts(to), ts(from), ts(to));
  }
}
