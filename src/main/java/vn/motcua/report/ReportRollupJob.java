package vn.motcua.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rolls up the newly sealed dossiers every {@code motcua.reports.rollup.interval} (default 5 minutes,
 * fixed delay, first run after {@code motcua.reports.rollup.initial-delay}). Every node runs it; the lock
 * row of the roll-up lets one node at a time do the work. {@code motcua.reports.rollup.enabled=false}
 * stops it (the reports stay exact, counting more dossiers live). See docs/reports.md, "Roll-up".
 */
@Component
class ReportRollupJob {
  private static final Logger log = LoggerFactory.getLogger(ReportRollupJob.class);

  private final ReportRollup rollup;
  private final boolean enabled;

  ReportRollupJob(ReportRollup rollup, @Value("${motcua.reports.rollup.enabled:true}") boolean enabled) {
    this.rollup = rollup;
    this.enabled = enabled;
  }

  @Scheduled(fixedDelayString = "${motcua.reports.rollup.interval:PT5M}",
      initialDelayString = "${motcua.reports.rollup.initial-delay:PT1M}")
  void run() {
    if (!enabled) {
      return;
    }
    try {
      ReportRollup.Run run = rollup.rollUp();
      if (run.dossiers() > 0) {
        log.info("Report roll-up: {} dossiers in {} batches", run.dossiers(), run.batches());
      }
    } catch (RuntimeException e) {
      // the reports stay exact (the dossiers are counted live); the next run tries again
      log.warn("Report roll-up failed, will retry at the next run", e);
    }
  }
}
