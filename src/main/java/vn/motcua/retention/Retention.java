package vn.motcua.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.accesslog.AccessLog;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.EngineClock;
import vn.motcua.files.DossierFiles;

/**
 * Masks the personal data of dossiers closed longer than {@code motcua.retention.closed-for} and removes their
 * files, in batches of one transaction each; deletes access-log entries older than
 * {@code motcua.access-log.keep}. Every node runs it at {@code motcua.retention.cron}: each batch locks its
 * dossiers with FOR UPDATE SKIP LOCKED, so two nodes never mask the same dossier and a node that dies
 * mid-batch leaves its rows to the next run (masking is idempotent). The report facts are not touched: the
 * reports stay as they were (RetentionTest).
 */
@Service
public class Retention {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);
  static final String ACTOR = "system";

  private final DossierService dossiers;
  private final DossierFiles files;
  private final AccessLog accessLog;
  private final RetentionProperties properties;
  private final Clock clock;
  private final TransactionTemplate tx;

  public Retention(DossierService dossiers, DossierFiles files, AccessLog accessLog, RetentionProperties properties,
      EngineClock clock, PlatformTransactionManager transactions) {
    this.dossiers = dossiers;
    this.files = files;
    this.accessLog = accessLog;
    this.properties = properties;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
  }

  /** What a run did. */
  public record Run(int dossiersMasked, int filesRemoved, int accessEntriesDeleted) {}

  @Scheduled(cron = "${motcua.retention.cron:0 30 1 * * *}")
  void scheduled() {
    if (!properties.enabled()) {
      return;
    }
    try {
      Run run = run();
      if (run.dossiersMasked() > 0 || run.accessEntriesDeleted() > 0) {
        log.info("Retention: {} dossiers masked, {} files removed, {} access-log entries deleted", run.dossiersMasked(),
            run.filesRemoved(), run.accessEntriesDeleted());
      }
    } catch (RuntimeException e) {
      // nothing half-done stays: each batch is one transaction; the next run goes on
      log.warn("Retention run failed, will retry at the next run", e);
    }
  }

  /** One run: every dossier due, batch by batch, then the old access-log entries. */
  public Run run() {
    Instant now = clock.instant();
    Instant closedBefore = now.minus(properties.closedFor());
    int masked = 0;
    int removed = 0;
    while (true) {
      List<String> keys = new ArrayList<>();
      List<Long> ids = tx.execute(s -> {
        List<Long> batch = dossiers.maskPersonalData(closedBefore, properties.batchSize(), ACTOR);
        batch.forEach(id -> keys.addAll(files.forget(id)));
        return batch;
      });
      files.deleteStored(keys);
      masked += ids.size();
      removed += keys.size();
      if (ids.size() < properties.batchSize()) {
        break;
      }
    }
    Instant keepFrom = now.minus(properties.accessLogKeep());
    Integer deleted = tx.execute(s -> accessLog.forgetBefore(keepFrom));
    return new Run(masked, removed, deleted == null ? 0 : deleted);
  }
}
