package vn.motcua.citizen;

import static vn.motcua.db.SqlTime.ts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.db.SqlTime;

/**
 * The idempotency keys of online submissions ({@code public_submission}). A key is claimed in a short
 * transaction of its own before the dossier is made, so that concurrent requests with one key meet at its
 * primary key at once (never holding a lock while the winner registers: H2 would answer the others with a
 * lock timeout); the claim is completed with the dossier in the registration's transaction, or released
 * when that fails.
 */
@Repository
public class SubmissionKeys {
  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;

  public SubmissionKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** What an earlier submission under a key produced (no dossier yet: it is being registered). */
  public record Claim(String requestHash, Long dossierId, Instant createdAt) {}

  public Optional<Claim> find(String key) {
    return jdbc.query("SELECT request_hash, dossier_id, created_at FROM public_submission WHERE idempotency_key = ?",
        (rs, n) -> new Claim(rs.getString(1), rs.getObject(2) == null ? null : rs.getLong(2),
            SqlTime.instant(rs, "created_at")), key).stream().findFirst();
  }

  /** Claims the key, committed at once; false when another request holds or used it. */
  public boolean claim(String key, String requestHash, Instant at) {
    try {
      own.executeWithoutResult(s -> jdbc.update(
          "INSERT INTO public_submission (idempotency_key, request_hash, created_at) VALUES (?,?,?)", key,
          requestHash, ts(at)));
      return true;
    } catch (DataIntegrityViolationException | PessimisticLockingFailureException taken) {
      return false;
    }
  }

  /**
   * Takes over a claim left without dossier since {@code claimedAt} (its node died while registering); false
   * when someone else did first or the dossier came meanwhile.
   */
  public boolean takeOver(String key, Instant claimedAt, String requestHash, Instant at) {
    Integer rows = own.execute(s -> jdbc.update("UPDATE public_submission SET request_hash = ?, created_at = ? "
        + "WHERE idempotency_key = ? AND dossier_id IS NULL AND created_at = ?", requestHash, ts(at), key,
        ts(claimedAt)));
    return rows != null && rows == 1;
  }

  /** In the registration's transaction: the key now names its dossier; false when the claim was lost. */
  public boolean complete(String key, long dossierId) {
    return jdbc.update("UPDATE public_submission SET dossier_id = ? WHERE idempotency_key = ? AND dossier_id IS NULL",
        dossierId, key) == 1;
  }

  /** The registration failed: the key is free again (a claim that has its dossier stays). */
  public void release(String key) {
    own.executeWithoutResult(s -> jdbc.update(
        "DELETE FROM public_submission WHERE idempotency_key = ? AND dossier_id IS NULL", key));
  }
}
