package vn.motcua.citizen;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-client limits of the public API: a sliding window of the moments a client did something (looked a
 * dossier up, failed a lookup, submitted). Kept in the database (table {@code client_throttle}), so every
 * node of a cluster counts against the same limit and a restart forgives nothing. The check and the record
 * are one transaction that locks the client's row: concurrent requests, on one node or several, cannot pass
 * the limit together. Uses the wall clock, not the engine's.
 *
 * <p>The moments are kept in slots of 1/{@value #SLOTS_PER_WINDOW} of the window ({@code start*count}, or
 * {@code start} for one act), so that a row stays small whatever the limit: the national portal, one client
 * for every online dossier of the province, may be allowed thousands an hour. A slot leaves the window with
 * its first act, so the window is shorter by at most one slot (6 s of an hour).
 */
@Component
public class ClientThrottle {
  /** What is counted. */
  public enum Action {
    LOOKUP,
    FAILED_LOOKUP,
    SUBMISSION
  }

  /** Slots a window is cut into: at most this many (plus one) entries per row, whatever the limit. */
  static final int SLOTS_PER_WINDOW = 600;

  /** Acts counted together: {@code count} of them since {@code start} (epoch milliseconds). */
  record Slot(long start, int count) {}

  private final CitizenProperties properties;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;
  private final Clock clock;

  @Autowired
  public ClientThrottle(CitizenProperties properties, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this(properties, jdbc, transactions, Clock.systemUTC());
  }

  ClientThrottle(CitizenProperties properties, JdbcTemplate jdbc, PlatformTransactionManager transactions,
      Clock clock) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.own = new TransactionTemplate(transactions);
    this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** The client's address: the connection's, or the first of X-Forwarded-For when the proxy is trusted. */
  public String client(HttpServletRequest request) {
    if (properties.trustForwardedFor()) {
      String forwarded = request.getHeader("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        String first = forwarded.split(",")[0].strip();
        if (!first.isEmpty() && first.length() <= 64) {
          return first;
        }
      }
    }
    return request.getRemoteAddr();
  }

  /** Refuses the lookup (HTTP 429) when the client failed too often lately or asks too fast. */
  public void beforeLookup(String client) {
    Long wait = retryAfter(hits(key(client, Action.FAILED_LOOKUP)), properties.maxFailedLookups(),
        properties.failedLookupWindow(), clock.millis());
    if (wait != null) {
      throw throttled("Bạn đã nhập sai mã hồ sơ hoặc thông tin xác minh quá nhiều lần. Vui lòng thử lại sau ", wait);
    }
    checkAndRecord(client, Action.LOOKUP, properties.lookupsPerMinute(), Duration.ofMinutes(1),
        "Bạn tra cứu quá nhanh. Vui lòng thử lại sau ");
  }

  public void failedLookup(String client) {
    checkAndRecord(client, Action.FAILED_LOOKUP, Integer.MAX_VALUE, properties.failedLookupWindow(), null);
  }

  /** Refuses a submission, supplement or evaluation (HTTP 429) beyond the hourly limit. */
  public void beforeSubmission(String client) {
    checkAndRecord(client, Action.SUBMISSION, properties.submissionsPerHour(), Duration.ofHours(1),
        "Bạn đã gửi quá nhiều yêu cầu trong một giờ. Vui lòng thử lại sau ");
  }

  /** Under the client's row lock: refuses when the window is full, else records now. One transaction of its own. */
  private void checkAndRecord(String client, Action action, int limit, Duration window, String message) {
    String key = key(client, action);
    ensureRow(key);
    Long wait = own.execute(status -> {
      String stored = jdbc.queryForObject("SELECT hits FROM client_throttle WHERE throttle_key = ? FOR UPDATE",
          String.class, key);
      long now = clock.millis();
      Deque<Slot> times = parse(stored);
      Long retry = retryAfter(times, limit, window, now);
      if (retry != null) {
        return retry;
      }
      record(times, now, window);
      jdbc.update("UPDATE client_throttle SET hits = ?, last_hit_ms = ? WHERE throttle_key = ?", format(times), now,
          key);
      return null;
    });
    if (wait != null) {
      throw throttled(message, wait);
    }
  }

  /** The client's row, created empty in a transaction of its own; a concurrent creation is as good. */
  private void ensureRow(String key) {
    Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM client_throttle WHERE throttle_key = ?", Integer.class,
        key);
    if (rows != null && rows > 0) {
      return;
    }
    try {
      own.executeWithoutResult(s -> jdbc.update(
          "INSERT INTO client_throttle (throttle_key, hits, last_hit_ms) VALUES (?, '', ?)", key, clock.millis()));
    } catch (DataIntegrityViolationException | PessimisticLockingFailureException raced) {
      // another request (on this node or another) created the row first
    }
  }

  private Deque<Slot> hits(String key) {
    List<String> stored = jdbc.queryForList("SELECT hits FROM client_throttle WHERE throttle_key = ?", String.class,
        key);
    return stored.isEmpty() ? new ArrayDeque<>() : parse(stored.get(0));
  }

  /**
   * Seconds until enough acts leave the window for one more, when the window holds {@code limit} acts (after
   * dropping the slots that left it), else null.
   */
  static Long retryAfter(Deque<Slot> times, int limit, Duration window, long now) {
    prune(times, now - window.toMillis());
    long held = times.stream().mapToLong(Slot::count).sum();
    if (held < limit) {
      return null;
    }
    long leaving = 0;
    for (Slot slot : times) {
      leaving += slot.count();
      if (held - leaving < limit) {
        return Math.max(1, (slot.start() + window.toMillis() - now + 999) / 1000);
      }
    }
    return Math.max(1, (window.toMillis() + 999) / 1000);
  }

  /** One more act at {@code now}: counted in the newest slot while it is younger than one slot's width. */
  static void record(Deque<Slot> times, long now, Duration window) {
    long width = Math.max(1, window.toMillis() / SLOTS_PER_WINDOW);
    Slot last = times.peekLast();
    if (last != null && now - last.start() < width && now >= last.start()) {
      times.pollLast();
      times.addLast(new Slot(last.start(), last.count() + 1));
    } else {
      times.addLast(new Slot(now, 1));
    }
    while (times.size() > SLOTS_PER_WINDOW + 1) {
      times.pollFirst(); // only after the clock went backwards: slots are otherwise at least a width apart
    }
  }

  private static ThrottledException throttled(String message, long retryAfterSeconds) {
    return new ThrottledException(message + minutes(retryAfterSeconds) + ".", retryAfterSeconds);
  }

  private static String minutes(long seconds) {
    return seconds < 60 ? seconds + " giây" : ((seconds + 59) / 60) + " phút";
  }

  static Deque<Slot> parse(String stored) {
    Deque<Slot> times = new ArrayDeque<>();
    if (stored != null && !stored.isBlank()) {
      for (String t : stored.split(",")) {
        String entry = t.strip();
        int star = entry.indexOf('*');
        times.addLast(star < 0 ? new Slot(Long.parseLong(entry), 1)
            : new Slot(Long.parseLong(entry.substring(0, star)), Integer.parseInt(entry.substring(star + 1))));
      }
    }
    return times;
  }

  static String format(Deque<Slot> times) {
    return times.stream().map(x -> x.count() == 1 ? String.valueOf(x.start()) : x.start() + "*" + x.count())
        .collect(Collectors.joining(","));
  }

  private static void prune(Deque<Slot> times, long before) {
    while (!times.isEmpty() && times.peekFirst().start() <= before) {
      times.pollFirst();
    }
  }

  /** The row key: the act and the client, cut to the column's width. */
  static String key(String client, Action action) {
    String key = action.name() + "|" + (client == null ? "" : client);
    return key.length() > 200 ? key.substring(0, 200) : key;
  }

  /** Forgets clients idle for longer than every window, so the table stays small. Harmless on every node. */
  @Scheduled(fixedDelay = 600_000)
  public void forgetIdleClients() {
    long horizon = clock.millis() - Math.max(Duration.ofHours(1).toMillis(), properties.failedLookupWindow().toMillis());
    jdbc.update("DELETE FROM client_throttle WHERE last_hit_ms < ?", horizon);
  }
}
