package vn.motcua.citizen;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-client limits of the public API: a sliding window of the moments a client did something (looked a
 * dossier up, failed a lookup, submitted). In memory, per node; the windows are short, so a restart only
 * forgives a few minutes. Uses the wall clock, not the engine's.
 */
@Component
public class ClientThrottle {
  /** What is counted. */
  public enum Action {
    LOOKUP,
    FAILED_LOOKUP,
    SUBMISSION
  }

  private final CitizenProperties properties;
  private final Map<String, Deque<Long>> hits = new ConcurrentHashMap<>();
  private final Clock clock;

  @Autowired
  public ClientThrottle(CitizenProperties properties) {
    this(properties, Clock.systemUTC());
  }

  ClientThrottle(CitizenProperties properties, Clock clock) {
    this.properties = properties;
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
    refuseIfOver(client, Action.FAILED_LOOKUP, properties.maxFailedLookups(), properties.failedLookupWindow(),
        "Bạn đã nhập sai mã hồ sơ hoặc thông tin xác minh quá nhiều lần. Vui lòng thử lại sau ");
    refuseIfOver(client, Action.LOOKUP, properties.lookupsPerMinute(), Duration.ofMinutes(1),
        "Bạn tra cứu quá nhanh. Vui lòng thử lại sau ");
    record(client, Action.LOOKUP);
  }

  public void failedLookup(String client) {
    record(client, Action.FAILED_LOOKUP);
  }

  /** Refuses a submission, supplement or evaluation (HTTP 429) beyond the hourly limit. */
  public void beforeSubmission(String client) {
    refuseIfOver(client, Action.SUBMISSION, properties.submissionsPerHour(), Duration.ofHours(1),
        "Bạn đã gửi quá nhiều yêu cầu trong một giờ. Vui lòng thử lại sau ");
    record(client, Action.SUBMISSION);
  }

  private void refuseIfOver(String client, Action action, int limit, Duration window, String message) {
    long now = clock.millis();
    Deque<Long> times = hits.get(key(client, action));
    if (times == null) {
      return;
    }
    synchronized (times) {
      prune(times, now - window.toMillis());
      if (times.size() >= limit) {
        long retryAfter = Math.max(1, (times.peekFirst() + window.toMillis() - now + 999) / 1000);
        throw new ThrottledException(message + minutes(retryAfter) + ".", retryAfter);
      }
    }
  }

  private static String minutes(long seconds) {
    return seconds < 60 ? seconds + " giây" : ((seconds + 59) / 60) + " phút";
  }

  private void record(String client, Action action) {
    Deque<Long> times = hits.computeIfAbsent(key(client, action), k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.millis());
      int cap = Math.max(properties.lookupsPerMinute(),
          Math.max(properties.maxFailedLookups(), properties.submissionsPerHour())) + 1;
      while (times.size() > cap) {
        times.pollFirst();
      }
    }
  }

  private static void prune(Deque<Long> times, long before) {
    while (!times.isEmpty() && times.peekFirst() <= before) {
      times.pollFirst();
    }
  }

  private static String key(String client, Action action) {
    return action.name() + "|" + client;
  }

  /** Forgets clients idle for longer than every window, so memory stays bounded. */
  @Scheduled(fixedDelay = 600_000)
  public void forgetIdleClients() {
    long horizon = clock.millis() - Math.max(Duration.ofHours(1).toMillis(), properties.failedLookupWindow().toMillis());
    hits.entrySet().removeIf(e -> {
      synchronized (e.getValue()) {
        prune(e.getValue(), horizon);
        return e.getValue().isEmpty();
      }
    });
  }
}
