package vn.motcua.portal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the sender every {@code motcua.portal.poll-interval} on every node (the claims make that safe); off
 * with {@code motcua.portal.sender-enabled=false} (the tests run {@link PortalSync#sendDue} themselves).
 */
@Component
@ConditionalOnProperty(name = "motcua.portal.sender-enabled", havingValue = "true", matchIfMissing = true)
public class PortalSyncJob {
  private final PortalSync sync;

  public PortalSyncJob(PortalSync sync) {
    this.sync = sync;
  }

  @Scheduled(fixedDelayString = "${motcua.portal.poll-interval:PT2S}", initialDelayString = "PT10S")
  public void run() {
    sync.sendDue();
  }
}
