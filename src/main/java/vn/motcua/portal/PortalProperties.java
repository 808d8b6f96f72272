package vn.motcua.portal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The province's link to the national public-service portal, prefix {@code motcua.portal} (docs/portal.md).
 * One deployment serves one province, so these are the province's settings.
 *
 * @param enabled whether events are sent; when off they are still recorded and wait, and are sent in order
 *     once it is switched on (the nodes read it at start)
 * @param endpoint the portal's URL that takes one status event per {@code POST}
 * @param apiKey the key the province got from the portal, sent as {@code X-API-Key}
 * @param agencyCode the province's code at the portal, sent in every event ({@code provinceCode})
 * @param procedures the procedure codes (mã TTHC, or procedure keys) whose dossiers are synced; empty: all
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout how long to wait for the answer (a time-out is retried); shorter than {@code claimLease}
 * @param claimLease how long a node holds the event it is sending; after it another node may send it again
 * @param backoffInitial the wait before the first retry; doubled at each failure
 * @param backoffMax the longest wait between two retries (retries never stop: an event is never dropped)
 * @param pollInterval how often the sender looks for events to send
 * @param batch how many dossiers the sender takes per round
 * @param senderEnabled whether this node runs the scheduled sender (tests run it themselves)
 */
@ConfigurationProperties("motcua.portal")
public record PortalProperties(
    @DefaultValue("false") boolean enabled,
    String endpoint,
    String apiKey,
    String agencyCode,
    @DefaultValue List<String> procedures,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout,
    @DefaultValue("PT1M") Duration claimLease,
    @DefaultValue("PT10S") Duration backoffInitial,
    @DefaultValue("PT10M") Duration backoffMax,
    @DefaultValue("PT2S") Duration pollInterval,
    @DefaultValue("50") int batch,
    @DefaultValue("true") boolean senderEnabled) {

  /** Whether the dossiers of this procedure (its code or key) are synced. */
  public boolean syncs(String procedureCode, String procedureKey) {
    List<String> listed = procedures == null ? List.of()
        : procedures.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    if (listed.isEmpty()) {
      return true;
    }
    return listed.stream()
        .anyMatch(p -> p.equalsIgnoreCase(procedureCode == null ? "" : procedureCode) || p.equals(procedureKey));
  }

  /** Back-off before attempt {@code attempts + 1}: initial, doubled each time, capped. */
  public Duration backoff(int attempts) {
    Duration d = backoffInitial;
    for (int i = 1; i < attempts && d.compareTo(backoffMax) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(backoffMax) > 0 ? backoffMax : d;
  }
}
