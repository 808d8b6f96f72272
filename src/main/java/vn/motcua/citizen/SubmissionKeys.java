package vn.motcua.citizen;

import static vn.motcua.db.SqlTime.ts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
 * when that fails. A registration that failed because the database went away usually cannot release its
 * claim either (the same outage): the release is then retried in the background until the database is back,
 * so that the citizen's retry with the same key registers within seconds of the restart instead of waiting
 * for the claim to go stale (issue 20: a claim left by the PostgreSQL restart held one dossier back for ten
 * minutes).
 */
@Repository
public class SubmissionKeys {
  private static final Logger log = LoggerFactory.getLogger(SubmissionKeys.class);
  /** How often a failed release is tried again, and for how long (a claim older than that goes stale anyway). */
  static final Duration RELEASE_RETRY_EVERY = Duration.ofSeconds(2);
  static final Duration RELEASE_RETRY_FOR = Duration.ofMinutes(2);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;
  /** Runs a task after a delay, on a thread of its own. */
  private final BiConsumer<Duration, Runnable> later;

  @Autowired
  public SubmissionKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this(jdbc, transactions, daemonScheduler());
  }

  SubmissionKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, BiConsumer<Duration, Runnable> later) {
    this.jdbc = jdbc;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.later = later;
  }

  private static BiConsumer<Duration, Runnable> daemonScheduler() {
    ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "submission-key-release");
      t.setDaemon(true);
      return t;
    });
    return (delay, task) -> retries.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
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

  /**
   * The registration failed: the key is free again (a claim that has its dossier stays). Never throws: when
   * the database cannot be reached, the release is tried again every {@link #RELEASE_RETRY_EVERY} for
   * {@link #RELEASE_RETRY_FOR}, and the caller answers with the registration's own failure.
   */
  public void release(String key) {
    try {
      deleteClaim(key);
    } catch (RuntimeException e) {
      log.warn("Idempotency key {}: the failed registration's claim could not be released ({}); trying again every {} s",
          key, e.getMessage(), RELEASE_RETRY_EVERY.toSeconds());
      retryRelease(key, System.nanoTime() + RELEASE_RETRY_FOR.toNanos());
    }
  }

  private void retryRelease(String key, long until) {
    later.accept(RELEASE_RETRY_EVERY, () -> {
      try {
        deleteClaim(key);
        log.info("Idempotency key {}: claim released after the database came back", key);
      } catch (RuntimeException e) {
        if (System.nanoTime() < until) {
          retryRelease(key, until);
        } else {
          log.warn("Idempotency key {}: claim still not released; it goes stale and the next retry takes it over", key);
        }
      }
    });
  }

  private void deleteClaim(String key) {
    own.executeWithoutResult(s -> jdbc.update(
        "DELETE FROM public_submission WHERE idempotency_key = ? AND dossier_id IS NULL", key));
  }
}
