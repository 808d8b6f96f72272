package vn.motcua.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The per-client windows of the public API, on a clock the test moves. */
class ClientThrottleTest {
  static class MovingClock extends Clock {
    Instant now = Instant.parse("2026-11-28T08:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovingClock clock = new MovingClock();
  private final ClientThrottle throttle = new ClientThrottle(
      new CitizenProperties(3, Duration.ofMinutes(15), 10, 2, false, null), clock);

  @Test
  void failed_lookups_throttle_the_client_for_the_window_and_then_forgive() {
    for (int i = 0; i < 3; i++) {
      throttle.beforeLookup("203.0.113.5");
      throttle.failedLookup("203.0.113.5");
    }
    assertThatThrownBy(() -> throttle.beforeLookup("203.0.113.5")).isInstanceOf(ThrottledException.class)
        .satisfies(e -> assertThat(((ThrottledException) e).retryAfterSeconds()).isEqualTo(900))
        .hasMessageContaining("15 phút");
    throttle.beforeLookup("203.0.113.6"); // someone else
    clock.now = clock.now.plus(Duration.ofMinutes(10));
    assertThatThrownBy(() -> throttle.beforeLookup("203.0.113.5")).isInstanceOf(ThrottledException.class)
        .hasMessageContaining("5 phút");
    clock.now = clock.now.plus(Duration.ofMinutes(5));
    throttle.beforeLookup("203.0.113.5");
  }

  @Test
  void too_many_lookups_in_a_minute_and_too_many_submissions_in_an_hour_are_refused() {
    for (int i = 0; i < 10; i++) {
      throttle.beforeLookup("198.51.100.1");
    }
    assertThatThrownBy(() -> throttle.beforeLookup("198.51.100.1")).isInstanceOf(ThrottledException.class)
        .hasMessageContaining("quá nhanh");
    clock.now = clock.now.plusSeconds(61);
    throttle.beforeLookup("198.51.100.1");

    throttle.beforeSubmission("198.51.100.1");
    throttle.beforeSubmission("198.51.100.1");
    assertThatThrownBy(() -> throttle.beforeSubmission("198.51.100.1")).isInstanceOf(ThrottledException.class);
    clock.now = clock.now.plus(Duration.ofMinutes(61));
    throttle.beforeSubmission("198.51.100.1");
    throttle.forgetIdleClients();
  }

  @Test
  void the_forwarded_address_counts_only_behind_a_trusted_proxy() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr("10.0.0.1");
    request.addHeader("X-Forwarded-For", "203.0.113.9, 10.0.0.1");
    assertThat(throttle.client(request)).isEqualTo("10.0.0.1");
    ClientThrottle behindProxy = new ClientThrottle(new CitizenProperties(null, null, null, null, true, null), clock);
    assertThat(behindProxy.client(request)).isEqualTo("203.0.113.9");
  }
}
