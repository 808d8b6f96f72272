package vn.motcua.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without locking the officer out. Failures are counted per <b>source</b> (the
 * client's address) <b>and account</b>: after {@code freeFailures} wrong passwords, that source must wait before
 * it may try that account again, {@code baseDelay} doubled by each further failure up to {@code maxDelay}; a
 * source that fails on many accounts (spraying) waits too, after {@code sourceFreeFailures}. A waiting source is
 * refused before its password is checked (HTTP 429), so it learns nothing. The officer's own login from their
 * own computer is never delayed by someone else's failures; a success clears the pair.
 *
 * <p>Camunda's own per-account delay (which locks the account for everyone, the issue-19 lock-out) is off:
 * {@code login-delay-base: 0}, {@code login-max-attempts} at its maximum (application.yml). State is the table
 * {@code login_failure}, so every node of a cluster sees the same delays. Used by {@link LoginThrottleFilter}
 * for HTTP Basic on {@code /engine-rest} and {@code /api} and the webapps' login form.
 */
@Component
public class LoginThrottle {
  static final String ANY_ACCOUNT = "*";
  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private final JdbcTemplate jdbc;
  private final LoginThrottleProperties properties;
  private volatile Clock clock = Clock.systemUTC();

  public LoginThrottle(JdbcTemplate jdbc, LoginThrottleProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** For tests: a clock they move. */
  void useClock(Clock clock) {
    this.clock = clock;
  }

  LoginThrottleProperties properties() {
    return properties;
  }

  /** What is known of a source and account before the password is checked. */
  public record Check(Duration waitFor, boolean known) {
    public boolean blocked() {
      return !waitFor.isZero();
    }
  }

  /** How long the source must still wait before it may try the account, and whether it failed on it lately. */
  public Check check(String source, String account) {
    Instant now = clock.instant();
    List<Object[]> rows = jdbc.query(
        "SELECT account, blocked_until, last_failure_at FROM login_failure WHERE source = ? AND account IN (?, ?)",
        (rs, i) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()},
        key(source), key(account), ANY_ACCOUNT);
    Duration wait = Duration.ZERO;
    boolean known = false;
    for (Object[] row : rows) {
      Instant until = (Instant) row[1];
      if (until.isAfter(now)) {
        Duration left = Duration.between(now, until);
        wait = left.compareTo(wait) > 0 ? left : wait;
      }
      known |= !ANY_ACCOUNT.equals(row[0]);
    }
    return new Check(wait, known);
  }

  /** A wrong password of {@code account} from {@code source}: one more failure for the pair and the source. */
  public Duration failed(String source, String account) {
    Instant now = clock.instant();
    Duration pair = record(key(source), key(account), properties.freeFailures(), now);
    Duration any = record(key(source), ANY_ACCOUNT, properties.sourceFreeFailures(), now);
    Duration wait = pair.compareTo(any) >= 0 ? pair : any;
    if (!wait.isZero()) {
      log.warn("Login of '{}' from {} failed again: that source waits {} s before its next try", key(account),
          key(source), wait.toSeconds());
    }
    return wait;
  }

  /** A correct password: the source's failures on the account are forgotten. */
  public void succeeded(String source, String account) {
    jdbc.update("DELETE FROM login_failure WHERE source = ? AND account = ?", key(source), key(account));
  }

  /** The delay after {@code failures} failures of which {@code free} are free: 0, then base, 2 base, 4 base... */
  static Duration delay(int failures, int free, Duration base, Duration max) {
    if (failures <= free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - free - 1, 30);
    Duration d = base.multipliedBy(1L << doublings);
    return d.compareTo(max) > 0 ? max : d;
  }

  private Duration record(String source, String account, int free, Instant now) {
    Instant forgetBefore = now.minus(properties.forgetAfter());
    for (int attempt = 0; attempt < 3; attempt++) {
      List<Object[]> row = jdbc.query("SELECT failures, last_failure_at FROM login_failure WHERE source = ? AND account = ?",
          (rs, i) -> new Object[] {rs.getInt(1), rs.getTimestamp(2).toInstant()}, source, account);
      int failures = row.isEmpty() || ((Instant) row.get(0)[1]).isBefore(forgetBefore) ? 1 : (int) row.get(0)[0] + 1;
      Duration wait = delay(failures, free, properties.baseDelay(), properties.maxDelay());
      if (!row.isEmpty()) {
        int updated = jdbc.update("UPDATE login_failure SET failures = ?, last_failure_at = ?, blocked_until = ? "
            + "WHERE source = ? AND account = ? AND failures = ?", failures, ts(now), ts(now.plus(wait)), source,
            account, row.get(0)[0]);
        if (updated == 1) {
          return wait;
        }
      } else {
        try {
          jdbc.update("INSERT INTO login_failure (source, account, failures, last_failure_at, blocked_until) "
              + "VALUES (?,?,?,?,?)", source, account, failures, ts(now), ts(now.plus(wait)));
          return wait;
        } catch (DuplicateKeyException raced) {
          // another request of the same source recorded its failure first: count on top of it
        }
      }
    }
    return Duration.ZERO;
  }

  /** Forgets failures older than {@code forget-after}; run now and then so the table stays small. */
  @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
  public void forgetOld() {
    jdbc.update("DELETE FROM login_failure WHERE last_failure_at < ? AND blocked_until < ?",
        ts(clock.instant().minus(properties.forgetAfter())), ts(clock.instant()));
  }

  private static OffsetDateTime ts(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String key(String value) {
    String v = value == null ? "" : value;
    return v.length() > 120 ? v.substring(0, 120) : v;
  }

}
