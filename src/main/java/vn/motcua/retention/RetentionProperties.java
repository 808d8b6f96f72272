package vn.motcua.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retention of personal data (docs/personal-data.md, "Retention").
 *
 * @param enabled whether the nightly job runs
 * @param closedFor how long after its closing a dossier keeps its personal data (default 1825 days, as the
 *     models' history time to live)
 * @param cron when the job runs (Spring cron, the JVM's zone)
 * @param batchSize dossiers masked per transaction
 * @param accessLogKeep how long access-log entries are kept ({@code motcua.access-log.keep})
 */
@ConfigurationProperties("motcua.retention")
public record RetentionProperties(boolean enabled, Duration closedFor, String cron, int batchSize, Duration accessLogKeep) {
  public RetentionProperties {
    closedFor = closedFor == null ? Duration.ofDays(1825) : closedFor;
    batchSize = batchSize <= 0 ? 500 : batchSize;
    accessLogKeep = accessLogKeep == null ? Duration.ofDays(1825) : accessLogKeep;
    if (closedFor.isNegative() || closedFor.isZero()) {
      throw new IllegalArgumentException("motcua.retention.closed-for must be positive: " + closedFor);
    }
  }
}
