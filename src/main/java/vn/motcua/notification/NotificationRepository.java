package vn.motcua.notification;

import static vn.motcua.db.SqlTime.instant;
import static vn.motcua.db.SqlTime.ts;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.DossierNotice;

/**
 * The notifications to applicants and petitioners (table {@code notification}, the outbox of the sending jobs):
 * a row belongs to a dossier or to a petition; claiming and sending do not depend on which.
 */
@Repository
public class NotificationRepository {
  private static final String COLUMNS = "id, dossier_id, petition_id, kind, notice_key, channel, recipient, subject,"
      + " body, status, attempts, last_error, process_instance_id, created_at, last_attempt_at, sent_at";
  private static final RowMapper<Notification> ROW = (rs, i) -> {
    Long petitionId = rs.getObject("petition_id", Long.class);
    return new Notification(rs.getLong("id"), rs.getObject("dossier_id", Long.class), petitionId,
        petitionId == null ? DossierNotice.Kind.valueOf(rs.getString("kind")) : null,
        petitionId == null ? null : PetitionNotice.Kind.valueOf(rs.getString("kind")), rs.getString("notice_key"),
        NotificationChannel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getString("subject"),
        rs.getString("body"), NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
        rs.getString("last_error"), rs.getString("process_instance_id"), instant(rs, "created_at"),
        instant(rs, "last_attempt_at"), instant(rs, "sent_at"));
  };

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;

  public NotificationRepository(JdbcTemplate jdbc, PlatformTransactionManager tm) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(tm);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public boolean exists(long dossierId, String noticeKey, NotificationChannel channel) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE dossier_id = ? AND notice_key = ?"
        + " AND channel = ?", Integer.class, dossierId, noticeKey, channel.name());
    return n != null && n > 0;
  }

  /** Whether a message of this petition's notice was recorded on this channel. */
  public boolean existsForPetition(long petitionId, String noticeKey, NotificationChannel channel) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE petition_id = ? AND notice_key = ?"
        + " AND channel = ?", Integer.class, petitionId, noticeKey, channel.name());
    return n != null && n > 0;
  }

  /** Inserts a message about a dossier in the caller's transaction and returns it. */
  public Notification insert(long dossierId, DossierNotice.Kind kind, String noticeKey, NotificationChannel channel,
      String recipient, String subject, String body, NotificationStatus status, String reason, Instant at) {
    return insert(dossierId, null, kind.name(), noticeKey, channel, recipient, subject, body, status, reason, at);
  }

  /** Inserts a message about a petition in the caller's transaction and returns it. */
  public Notification insertForPetition(long petitionId, PetitionNotice.Kind kind, String noticeKey,
      NotificationChannel channel, String recipient, String subject, String body, NotificationStatus status,
      String reason, Instant at) {
    return insert(null, petitionId, kind.name(), noticeKey, channel, recipient, subject, body, status, reason, at);
  }

  private Notification insert(Long dossierId, Long petitionId, String kind, String noticeKey,
      NotificationChannel channel, String recipient, String subject, String body, NotificationStatus status,
      String reason, Instant at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      PreparedStatement ps = con.prepareStatement("INSERT INTO notification (dossier_id, petition_id, kind, notice_key,"
          + " channel, recipient, subject, body, status, attempts, last_error, created_at)"
          + " VALUES (?,?,?,?,?,?,?,?,?,0,?,?)", new String[] {"id"});
      ps.setObject(1, dossierId, Types.BIGINT);
      ps.setObject(2, petitionId, Types.BIGINT);
      ps.setString(3, kind);
      ps.setString(4, noticeKey);
      ps.setString(5, channel.name());
      ps.setString(6, recipient);
      ps.setString(7, subject);
      ps.setString(8, body);
      ps.setString(9, status.name());
      ps.setString(10, reason);
      ps.setObject(11, ts(at));
      return ps;
    }, key);
    return find(key.getKey().longValue()).orElseThrow();
  }

  public void setProcessInstance(long id, String processInstanceId) {
    jdbc.update("UPDATE notification SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
  }

  public Optional<Notification> find(long id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM notification WHERE id = ?", ROW, id).stream().findFirst();
  }

  public List<Notification> ofDossier(long dossierId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM notification WHERE dossier_id = ? ORDER BY created_at, id", ROW,
        dossierId);
  }

  public List<Notification> ofPetition(long petitionId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM notification WHERE petition_id = ? ORDER BY created_at, id", ROW,
        petitionId);
  }

  /**
   * Claims the message for one try by {@code owner}, in a transaction of its own that commits before the
   * channel is called: only a PENDING or FAILED row, or a SENDING row whose lease ran out before {@code now}
   * (its node died between the call and recording the outcome), is taken. One atomic conditional UPDATE, so of
   * two nodes trying at once exactly one gets the row, on H2 and PostgreSQL alike.
   *
   * @return whether this owner holds the row until {@code until}
   */
  public boolean claim(long id, String owner, Instant now, Instant until) {
    Integer n = newTransaction.execute(s -> jdbc.update("UPDATE notification SET status = ?, claimed_by = ?,"
        + " claimed_until = ?, last_attempt_at = ?, attempts = attempts + 1 WHERE id = ? AND (status IN (?, ?)"
        + " OR (status = ? AND (claimed_until IS NULL OR claimed_until < ?)))", NotificationStatus.SENDING.name(),
        owner, ts(until), ts(now), id, NotificationStatus.PENDING.name(), NotificationStatus.FAILED.name(),
        NotificationStatus.SENDING.name(), ts(now)));
    return n != null && n == 1;
  }

  /** Who holds a SENDING row and until when ({@code null} when the row is not SENDING). */
  public Claim claimOf(long id) {
    return jdbc.query("SELECT claimed_by, claimed_until FROM notification WHERE id = ? AND status = ?",
        (rs, i) -> new Claim(rs.getString("claimed_by"), instant(rs, "claimed_until")), id,
        NotificationStatus.SENDING.name()).stream().findFirst().orElse(null);
  }

  /** A node's hold on a message being sent. */
  public record Claim(String owner, Instant until) {}

  /**
   * Records that the channel took the message, in a transaction of its own: committed even if the
   * sending job's own transaction fails afterwards, so a retry finds the row SENT and sends nothing.
   */
  public void markSent(long id, Instant at) {
    newTransaction.executeWithoutResult(s -> jdbc.update("UPDATE notification SET status = ?, sent_at = ?,"
        + " last_error = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND status <> ?",
        NotificationStatus.SENT.name(), ts(at), id, NotificationStatus.SENT.name()));
  }

  /**
   * Records a failed try of {@code owner}, in a transaction of its own (the sending job's transaction rolls
   * back); a row another node claimed meanwhile, or one already SENT, is left as it is.
   */
  public void markFailed(long id, String owner, String error, Instant at) {
    newTransaction.executeWithoutResult(s -> jdbc.update("UPDATE notification SET status = ?, last_attempt_at = ?,"
        + " last_error = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND status = ? AND claimed_by = ?",
        NotificationStatus.FAILED.name(), ts(at), NotificationMessages.shorten(error == null ? "" : error, 1000), id,
        NotificationStatus.SENDING.name(), owner));
  }
}
