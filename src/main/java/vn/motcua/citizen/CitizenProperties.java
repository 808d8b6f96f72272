package vn.motcua.citizen;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the public API, prefix {@code motcua.citizen}. Counted per client (its IP address; behind the
 * province's reverse proxy set {@code trust-forwarded-for} so that the first address of
 * {@code X-Forwarded-For} is the client), kept in the database so that every node counts against one limit.
 *
 * @param maxFailedLookups failed lookups (unknown code or wrong second factor) before the client is
 *     throttled; default 5
 * @param failedLookupWindow how long failed lookups count and a throttled client waits; default 15 minutes
 * @param lookupsPerMinute lookups of any outcome a client may make per minute; default 30
 * @param submissionsPerHour online submissions, supplements and evaluations a client may send per hour;
 *     default 20
 * @param trustForwardedFor take the client address from {@code X-Forwarded-For}; only behind a proxy
 *     that sets it; default false
 * @param statisticsTtl how long the public statistics of a period are served from memory; default 5 min
 */
@ConfigurationProperties("motcua.citizen")
public record CitizenProperties(Integer maxFailedLookups, Duration failedLookupWindow, Integer lookupsPerMinute,
    Integer submissionsPerHour, Boolean trustForwardedFor, Duration statisticsTtl) {
  public CitizenProperties {
    maxFailedLookups = maxFailedLookups == null ? 5 : maxFailedLookups;
    failedLookupWindow = failedLookupWindow == null ? Duration.ofMinutes(15) : failedLookupWindow;
    lookupsPerMinute = lookupsPerMinute == null ? 30 : lookupsPerMinute;
    submissionsPerHour = submissionsPerHour == null ? 20 : submissionsPerHour;
    trustForwardedFor = trustForwardedFor != null && trustForwardedFor;
    statisticsTtl = statisticsTtl == null ? Duration.ofMinutes(5) : statisticsTtl;
  }
}
