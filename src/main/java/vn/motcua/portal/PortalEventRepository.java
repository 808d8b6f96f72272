package vn.motcua.portal;

import static vn.motcua.db.SqlTime.instant;
import static vn.motcua.db.SqlTime.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to {@code portal_event}, the outbox of the national portal's status events. */
@Repository
class PortalEventRepository {
  /** The event has no earlier event of its dossier that the portal has not acknowledged. */
  private static final String IS_HEAD = " NOT EXISTS (SELECT 1 FROM portal_event p WHERE p.dossier_id = e.dossier_id"
      + " AND p.sequence_no < e.sequence_no AND p.state <> 'SENT')";

  private final JdbcTemplate jdbc;

  PortalEventRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The reason of the dossier's refusal at reception, written in its history with the refusal (or null). */
  String refusalReason(long dossierId) {
    List<String> reasons = jdbc.queryForList("SELECT reason FROM dossier_event WHERE dossier_id = ?"
        + " AND event_type = 'RECEPTION_REFUSED' ORDER BY occurred_at DESC, id DESC", String.class, dossierId);
    return reasons.isEmpty() ? null : reasons.get(0);
  }

  /** The last event of the dossier: its sequence and status, or null. */
  record Last(int sequence, int statusCode) {}

  Last last(long dossierId) {
    return jdbc.query("SELECT sequence_no, status_code FROM portal_event WHERE dossier_id = ?"
            + " ORDER BY sequence_no DESC FETCH FIRST 1 ROWS ONLY",
        rs -> rs.next() ? new Last(rs.getInt(1), rs.getInt(2)) : null, dossierId);
  }

  void insert(long dossierId, String dossierCode, String procedureCode, int sequence, int statusCode, String reason,
      String eventKey, String payload, Instant changedAt) {
    jdbc.update("INSERT INTO portal_event (dossier_id, dossier_code, procedure_code, sequence_no, status_code, reason,"
            + " event_key, payload, state, attempts, next_attempt_at, changed_at) VALUES (?,?,?,?,?,?,?,?,'PENDING',0,?,?)",
        dossierId, dossierCode, procedureCode, sequence, statusCode, reason, eventKey, payload, ts(changedAt),
        ts(changedAt));
  }

  /**
   * Up to {@code limit} events that may be sent now: pending, due, not held by a live claim, and the first
   * unacknowledged event of their dossier (so a dossier's events go one at a time, in order).
   */
  List<Long> due(Instant now, int limit) {
    return jdbc.queryForList("SELECT e.id FROM portal_event e WHERE e.state = 'PENDING' AND e.next_attempt_at <= ?"
        + " AND (e.claimed_until IS NULL OR e.claimed_until < ?) AND" + IS_HEAD
        + " ORDER BY e.next_attempt_at, e.id FETCH FIRST " + limit + " ROWS ONLY", Long.class, ts(now), ts(now));
  }

  /**
   * Claims the event for this node until {@code until}, in its own committed statement: only if it is still
   * pending, not held by a live claim and still the head of its dossier. False if another node was first.
   */
  boolean claim(long id, String owner, Instant now, Instant until) {
    return jdbc.update("UPDATE portal_event e SET claimed_by = ?, claimed_until = ? WHERE e.id = ?"
        + " AND e.state = 'PENDING' AND (e.claimed_until IS NULL OR e.claimed_until < ?) AND" + IS_HEAD,
        owner, ts(until), id, ts(now)) == 1;
  }

  void setPayload(long id, String payload) {
    jdbc.update("UPDATE portal_event SET payload = ? WHERE id = ?", payload, id);
  }

  /** The portal acknowledged the event sent under this node's claim. */
  boolean markSent(long id, String owner, Instant at) {
    return jdbc.update("UPDATE portal_event SET state = 'SENT', acked_at = ?, attempts = attempts + 1,"
        + " last_error = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
        ts(at), id, owner) == 1;
  }

  /** A failure to retry: the next attempt after the back-off, the claim released. */
  void markRetry(long id, String owner, String error, Instant next) {
    jdbc.update("UPDATE portal_event SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
        + " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
        shorten(error), ts(next), id, owner);
  }

  /** The portal refused the event: the dead letter. */
  boolean markDead(long id, String owner, String reason) {
    return jdbc.update("UPDATE portal_event SET state = 'DEAD', attempts = attempts + 1, last_error = ?,"
        + " claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?", shorten(reason), id, owner) == 1;
  }

  void setDeadLetterProcess(long id, String processInstanceId) {
    jdbc.update("UPDATE portal_event SET dead_letter_process = ? WHERE id = ?", processInstanceId, id);
  }

  /**
   * Puts the given events back in the queue (state PENDING, due now, attempts from zero, any claim dropped),
   * keeping their sequence and idempotency key. Returns how many.
   */
  int requeue(List<Long> ids, Instant now) {
    int n = 0;
    for (Long id : ids) {
      n += jdbc.update("UPDATE portal_event SET state = 'PENDING', attempts = 0, next_attempt_at = ?,"
          + " claimed_by = NULL, claimed_until = NULL, acked_at = NULL, dead_letter_process = NULL WHERE id = ?",
          ts(now), id);
    }
    return n;
  }

  Optional<PortalEvent> find(long id) {
    return jdbc.query("SELECT * FROM portal_event WHERE id = ?", EVENT, id).stream().findFirst();
  }

  List<PortalEvent> ofDossier(long dossierId) {
    return jdbc.query("SELECT * FROM portal_event WHERE dossier_id = ? ORDER BY sequence_no", EVENT, dossierId);
  }

  List<PortalEvent> ofDossierCode(String code) {
    return jdbc.query("SELECT * FROM portal_event WHERE dossier_code = ? ORDER BY sequence_no", EVENT, code);
  }

  /** The events of the changes made in [from, to), by dossier and sequence. */
  List<PortalEvent> changedBetween(Instant from, Instant to) {
    return jdbc.query("SELECT * FROM portal_event WHERE changed_at >= ? AND changed_at < ?"
        + " ORDER BY dossier_id, sequence_no", EVENT, ts(from), ts(to));
  }

  List<PortalEvent> inState(PortalEvent.State state, int limit) {
    return jdbc.query("SELECT * FROM portal_event WHERE state = ? ORDER BY changed_at, id FETCH FIRST " + limit
        + " ROWS ONLY", EVENT, state.name());
  }

  /** How many events are in each state. */
  List<Object[]> counts() {
    return jdbc.query("SELECT state, COUNT(*) FROM portal_event GROUP BY state",
        (rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)});
  }

  private static String shorten(String text) {
    if (text == null) {
      return null;
    }
    return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
  }

  private static final RowMapper<PortalEvent> EVENT = (rs, n) -> new PortalEvent(
      rs.getLong("id"), rs.getLong("dossier_id"), rs.getString("dossier_code"), rs.getString("procedure_code"),
      rs.getInt("sequence_no"), rs.getInt("status_code"), rs.getString("reason"), rs.getString("event_key"),
      rs.getString("payload"), PortalEvent.State.valueOf(rs.getString("state")), rs.getInt("attempts"),
      instant(rs, "next_attempt_at"), rs.getString("claimed_by"), instant(rs, "claimed_until"),
      rs.getString("last_error"), instant(rs, "changed_at"), instant(rs, "acked_at"),
      rs.getString("dead_letter_process"));
}
