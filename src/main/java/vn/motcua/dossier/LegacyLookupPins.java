package vn.motcua.dossier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After start-up, hashes in the background the lookup PINs that an earlier version stored in clear (column
 * {@code lookup_pin}, V6). Until a PIN is hashed the lookup still accepts it; each node may run this at once
 * (each row is replaced only if it still holds the same PIN).
 */
@Component
class LegacyLookupPins {
  private static final Logger log = LoggerFactory.getLogger(LegacyLookupPins.class);
  private final DossierService dossiers;

  LegacyLookupPins(DossierService dossiers) {
    this.dossiers = dossiers;
  }

  @EventListener(ApplicationReadyEvent.class)
  void hashInBackground() {
    Thread worker = new Thread(() -> {
      try {
        long start = System.nanoTime();
        int n = dossiers.hashClearLookupPins(200);
        if (n > 0) {
          log.info("Hashed {} lookup PINs stored in clear by an earlier version in {} s", n,
              (System.nanoTime() - start) / 1_000_000_000);
        }
      } catch (RuntimeException e) {
        log.warn("Hashing the lookup PINs stored in clear stopped (next start-up continues): {}", e.toString());
      }
    }, "legacy-lookup-pins");
    worker.setDaemon(true);
    worker.start();
  }
}
