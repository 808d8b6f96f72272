package vn.motcua.overdue;

import static vn.motcua.db.SqlTime.instant;
import static vn.motcua.db.SqlTime.ts;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The alerts and apology letters of dossiers (tables dossier_alert, apology_letter, apology_sequence). */
@Repository
public class OverdueRepository {
  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;

  public OverdueRepository(JdbcTemplate jdbc, PlatformTransactionManager tm) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(tm);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }



  // ---- alerts ----

  public long insertAlert(long dossierId, AlertKind kind, Stage stage, AlertStatus status, Instant dueAt,
      Instant raisedAt, String processInstanceId) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("INSERT INTO dossier_alert (dossier_id, kind, stage_key, stage_name,"
          + " unit, officer, due_at, raised_at, status, closed_at, process_instance_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
          new String[] {"id"});
      ps.setLong(1, dossierId);
      ps.setString(2, kind.name());
      ps.setString(3, stage.key());
      ps.setString(4, stage.name());
      ps.setString(5, stage.unit());
      ps.setString(6, stage.officer());
      ps.setObject(7, ts(dueAt));
      ps.setObject(8, ts(raisedAt));
      ps.setString(9, status.name());
      ps.setObject(10, status == AlertStatus.OPEN ? null : ts(raisedAt));
      ps.setString(11, processInstanceId);
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  /** The alerts of a dossier of one kind for one deadline, and for one stage unless {@code stageKey} is null. */
  public List<Alert> alertsFor(long dossierId, AlertKind kind, String stageKey, Instant dueAt) {
    if (stageKey == null) {
      return jdbc.query("SELECT * FROM dossier_alert WHERE dossier_id = ? AND kind = ? AND due_at = ? ORDER BY id",
          ALERT, dossierId, kind.name(), ts(dueAt));
    }
    return jdbc.query("SELECT * FROM dossier_alert WHERE dossier_id = ? AND kind = ? AND stage_key = ? AND due_at = ?"
        + " ORDER BY id", ALERT, dossierId, kind.name(), stageKey, ts(dueAt));
  }

  /**
   * The alerts of one stage at one unit: partner agencies working in parallel hold the same stage (the
   * same task of the inter-agency block) and each has its own alerts.
   */
  public List<Alert> alertsFor(long dossierId, AlertKind kind, String stageKey, String unit, Instant dueAt) {
    if (unit == null) {
      return alertsFor(dossierId, kind, stageKey, dueAt);
    }
    return jdbc.query("SELECT * FROM dossier_alert WHERE dossier_id = ? AND kind = ? AND stage_key = ? AND unit = ?"
        + " AND due_at = ? ORDER BY id", ALERT, dossierId, kind.name(), stageKey, unit, ts(dueAt));
  }

  public List<Alert> alerts(long dossierId) {
    return jdbc.query("SELECT * FROM dossier_alert WHERE dossier_id = ? ORDER BY raised_at, id", ALERT, dossierId);
  }

  public Optional<Alert> alert(long id) {
    return jdbc.query("SELECT * FROM dossier_alert WHERE id = ?", ALERT, id).stream().findFirst();
  }

  /** Closes an open alert; returns whether it was open. */
  public boolean closeAlert(long id, AlertStatus status, Instant at) {
    return jdbc.update("UPDATE dossier_alert SET status = ?, closed_at = ? WHERE id = ? AND status = ?",
        status.name(), ts(at), id, AlertStatus.OPEN.name()) == 1;
  }

  private static final RowMapper<Alert> ALERT = (rs, n) -> new Alert(rs.getLong("id"), rs.getLong("dossier_id"),
      AlertKind.valueOf(rs.getString("kind")), rs.getString("stage_key"), rs.getString("stage_name"),
      rs.getString("unit"), rs.getString("officer"), instant(rs, "due_at"), instant(rs, "raised_at"),
      AlertStatus.valueOf(rs.getString("status")), instant(rs, "closed_at"), rs.getString("process_instance_id"));

  // ---- apology letters ----

  /**
   * The next letter number of an agency in a year. The year's row is created in its own short
   * transaction; the increment runs in the caller's, whose row lock keeps concurrent letters apart.
   */
  public int nextLetterSeq(String agency, int year) {
    Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM apology_sequence WHERE agency = ? AND letter_year = ?",
        Integer.class, agency, year);
    if (exists == null || exists == 0) {
      try {
        newTransaction.executeWithoutResult(s -> jdbc.update(
            "INSERT INTO apology_sequence (agency, letter_year, last_value) VALUES (?,?,0)", agency, year));
      } catch (DuplicateKeyException raced) {
        // another letter created the year's row first
      }
    }
    jdbc.update("UPDATE apology_sequence SET last_value = last_value + 1 WHERE agency = ? AND letter_year = ?",
        agency, year);
    return jdbc.queryForObject("SELECT last_value FROM apology_sequence WHERE agency = ? AND letter_year = ?",
        Integer.class, agency, year);
  }

  public long insertLetter(long dossierId, String agency, int year, int seq, String number, Instant original,
      Instant newAppointment, String reason, String draftedBy, String signedBy, Instant signedAt, boolean signedLate,
      String signedAs) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("INSERT INTO apology_letter (dossier_id, agency, letter_year,"
          + " letter_seq, number, original_appointment_at, new_appointment_at, reason, drafted_by, signed_by,"
          + " signed_at, signed_late, signed_as) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
      ps.setLong(1, dossierId);
      ps.setString(2, agency);
      ps.setInt(3, year);
      ps.setInt(4, seq);
      ps.setString(5, number);
      ps.setObject(6, ts(original));
      ps.setObject(7, ts(newAppointment));
      ps.setString(8, reason);
      ps.setString(9, draftedBy);
      ps.setString(10, signedBy);
      ps.setObject(11, ts(signedAt));
      ps.setBoolean(12, signedLate);
      ps.setString(13, signedAs);
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  public void recordDelivery(long letterId, Instant at, String by, String method, String note) {
    jdbc.update("UPDATE apology_letter SET delivered_at = ?, delivered_by = ?, delivery_method = ?, delivery_note = ?"
        + " WHERE id = ?", ts(at), by, method, note, letterId);
  }

  public List<ApologyLetter> letters(long dossierId) {
    return jdbc.query("SELECT * FROM apology_letter WHERE dossier_id = ? ORDER BY id", LETTER, dossierId);
  }

  public Optional<ApologyLetter> letter(long id) {
    return jdbc.query("SELECT * FROM apology_letter WHERE id = ?", LETTER, id).stream().findFirst();
  }

  private static final RowMapper<ApologyLetter> LETTER = (rs, n) -> new ApologyLetter(rs.getLong("id"),
      rs.getLong("dossier_id"), rs.getString("agency"), rs.getString("number"),
      instant(rs, "original_appointment_at"), instant(rs, "new_appointment_at"), rs.getString("reason"),
      rs.getString("drafted_by"), rs.getString("signed_by"), instant(rs, "signed_at"), instant(rs, "delivered_at"),
      rs.getString("delivered_by"), rs.getString("delivery_method"), rs.getString("delivery_note"),
      rs.getBoolean("signed_late"), rs.getString("signed_as"));
}
