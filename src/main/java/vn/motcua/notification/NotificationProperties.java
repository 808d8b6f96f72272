package vn.motcua.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notifications to applicants, prefix {@code motcua.notification} (docs/notifications.md). E-mail is on
 * when Spring Boot's {@code spring.mail.host} is set; SMS is on when {@code sms.url} is set.
 *
 * @param statusPageUrl the public status page named in messages, where the applicant follows the dossier
 *     and uploads a supplement
 * @param retryCycle the sending job's retry cycle (ISO 8601 repetitions and interval, {@code R5/PT10M}):
 *     after the last failed retry the job becomes an incident in Cockpit
 * @param mail sender of the e-mails
 * @param sms the SMS gateway's HTTP endpoint
 * @param claimLease how long a node holds a message it is handing to the channel: longer than the slowest
 *     channel call (SMS connect + read timeout, SMTP timeouts), shorter than the job executor's lock time;
 *     a message claimed by a node that died is sent again, under the same reference, after this lease. The
 *     retries must last longer than the lease, or a send cut off by a node's death or the database's restart
 *     becomes an incident before the lease runs out: such a configuration is refused at start-up
 */
@ConfigurationProperties("motcua.notification")
public record NotificationProperties(
    @DefaultValue("http://localhost:8080/tra-cuu/") String statusPageUrl,
    @DefaultValue("R5/PT10M") String retryCycle,
    @DefaultValue Mail mail,
    @DefaultValue Sms sms,
    @DefaultValue("PT1M") Duration claimLease) {

  public NotificationProperties {
    Duration retries = retrySpan(retryCycle);
    if (retries != null && claimLease != null && retries.compareTo(claimLease) <= 0) {
      throw new IllegalArgumentException("motcua.notification.retry-cycle " + retryCycle + " retries for " + retries
          + " in all, not longer than motcua.notification.claim-lease " + claimLease + ": a message whose send was cut"
          + " off (a node's death, the database's restart) would become an incident while this node still holds it;"
          + " give the retries a longer interval or more of them (docs/notifications.md)");
    }
  }

  /**
   * How long the retries of a cycle wait in all, from the first failure to the last attempt, as Camunda runs them:
   * {@code R5/PT10M} is five attempts, so four waits, 40 minutes; {@code PT1M,PT5M} is three attempts after the
   * two waits, 6 minutes. Null when the cycle is not one of these forms (the engine reads it when a job fails).
   */
  static Duration retrySpan(String cycle) {
    if (cycle == null || cycle.isBlank()) {
      return null;
    }
    try {
      String c = cycle.trim();
      if (c.startsWith("R") && c.contains("/")) {
        int slash = c.indexOf('/');
        long attempts = Long.parseLong(c.substring(1, slash));
        return Duration.parse(c.substring(slash + 1)).multipliedBy(Math.max(0, attempts - 1));
      }
      Duration total = Duration.ZERO;
      for (String part : c.split(",")) {
        total = total.plus(Duration.parse(part.trim()));
      }
      return total;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * @param from the sender address
   * @param fromName the sender's display name
   */
  public record Mail(@DefaultValue("khong-tra-loi@motcua.local") String from, @DefaultValue("Một Cửa") String fromName) {}

  /**
   * @param url where the adapter POSTs each message as JSON; empty: SMS off
   * @param token bearer token sent as {@code Authorization: Bearer <token>}; empty: no header
   * @param connectTimeout how long to wait for the connection
   * @param readTimeout how long to wait for the gateway's answer
   */
  public record Sms(String url, String token, @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("10s") Duration readTimeout) {

    public boolean configured() {
      return url != null && !url.isBlank();
    }
  }
}
