package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.MotCuaSpringTest;

/**
 * Login throttling per source and account: an attacker who knows an officer's login slows down themselves,
 * never the officer logging in from their own computer. HTTP Basic on /engine-rest and /api, and the webapps'
 * login form. The throttle's clock is moved, never slept on; sources are named by X-Forwarded-For (trusted in
 * the test profile).
 */
@MotCuaSpringTest
class LoginThrottleTest {
  @Autowired TestRestTemplate rest;
  @Autowired LoginThrottle throttle;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  MovableClock clock;

  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void movableClock() {
    clock = new MovableClock(Instant.parse("2026-10-01T02:00:00Z"));
    throttle.useClock(clock);
    jdbc.update("DELETE FROM login_failure");
  }

  @AfterEach
  void realClock() {
    throttle.useClock(Clock.systemUTC());
    jdbc.update("DELETE FROM login_failure");
    // Camunda still notes a failed login's time (its delay is 0): a later test that moves the engine clock
    // into the past would find these officers "locked" until then
    for (String user : List.of("cv.huong", "cv.minh", "ld.thao", "mc.tuan")) {
      identityService.unlockUser(user);
    }
  }

  private ResponseEntity<String> engineRest(String source, String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-For", source);
    headers.setBasicAuth(user, password);
    return rest.exchange("/engine-rest/task?maxResults=1", HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private ResponseEntity<String> api(String source, String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-For", source);
    headers.setBasicAuth(user, password);
    return rest.exchange("/api/dossiers?size=1", HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** The webapps' login form, as the browser sends it (CSRF cookie first). */
  private ResponseEntity<String> webappLogin(String source, String user, String password) {
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    String xsrf = UnitScopeTest.cookie(page.getHeaders(), "XSRF-TOKEN");
    String session = UnitScopeTest.cookie(page.getHeaders(), "JSESSIONID");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-Forwarded-For", source);
    headers.add("X-XSRF-TOKEN", xsrf);
    headers.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + xsrf + (session == null ? "" : "; JSESSIONID=" + session));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    return rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist", new HttpEntity<>(form, headers),
        String.class);
  }

  /**
   * {@code n} wrong passwords checked from {@code source}: each refusal (429) is waited out by moving the clock.
   * Returns the waits the source was given, in seconds.
   */
  private List<Long> wrongPasswords(String source, String user, int n) {
    List<Long> waits = new ArrayList<>();
    int checked = 0;
    while (checked < n) {
      ResponseEntity<String> r = engineRest(source, user, "sai-" + checked);
      if (r.getStatusCode().value() == 429) {
        long seconds = Long.parseLong(r.getHeaders().getFirst("Retry-After"));
        assertThat(r.getBody()).contains("Đăng nhập sai nhiều lần");
        waits.add(seconds);
        clock.advance(Duration.ofSeconds(seconds));
      } else {
        assertThat(r.getStatusCode().value()).isEqualTo(401);
        checked++;
      }
    }
    return waits;
  }

  @Test
  void an_attackers_twenty_wrong_passwords_from_one_source_do_not_keep_the_officer_out_from_another() {
    List<Long> waits = wrongPasswords("10.66.1.1", "cv.huong", 20);
    // the attacker is slowed, more after each failure: 1, 2, 4, ... seconds, up to 15 minutes
    assertThat(waits).hasSize(16); // before each of the failures 5 to 20
    assertThat(waits.subList(0, 8)).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L);
    assertThat(waits.get(waits.size() - 1)).isEqualTo(900L);
    // and is refused before the password is checked, even the right one
    ResponseEntity<String> attackerRight = engineRest("10.66.1.1", "cv.huong", "demo");
    assertThat(attackerRight.getStatusCode().value()).isEqualTo(429);
    assertThat(Long.parseLong(attackerRight.getHeaders().getFirst("Retry-After"))).isEqualTo(900L);

    // the officer, from their own computer, at once: engine REST, the project API, the Tasklist login
    assertThat(engineRest("10.66.1.2", "cv.huong", "demo").getStatusCode().value()).isEqualTo(200);
    assertThat(api("10.66.1.2", "cv.huong", "demo").getStatusCode().value()).isEqualTo(200);
    assertThat(webappLogin("10.66.1.2", "cv.huong", "demo").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void one_wrong_password_does_not_lock_the_officer_out() {
    // Camunda's own delay (3 s after one failure, for every source) is off
    assertThat(engineRest("10.66.2.1", "cv.minh", "sai").getStatusCode().value()).isEqualTo(401);
    assertThat(engineRest("10.66.2.1", "cv.minh", "demo").getStatusCode().value()).isEqualTo(200);
    assertThat(webappLogin("10.66.2.1", "ld.thao", "sai").getStatusCode().value()).isEqualTo(401);
    assertThat(webappLogin("10.66.2.1", "ld.thao", "demo").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void the_webapp_login_and_the_api_count_and_a_success_forgets_the_failures() {
    for (int i = 0; i < 3; i++) {
      assertThat(webappLogin("10.66.3.1", "mc.tuan", "sai-" + i).getStatusCode().value()).isEqualTo(401);
    }
    assertThat(api("10.66.3.1", "mc.tuan", "sai-3").getStatusCode().value()).isEqualTo(401);
    ResponseEntity<String> waiting = webappLogin("10.66.3.1", "mc.tuan", "demo");
    assertThat(waiting.getStatusCode().value()).isEqualTo(429);
    assertThat(waiting.getBody()).contains("thử lại sau 1 giây");
    assertThat(api("10.66.3.1", "mc.tuan", "demo").getStatusCode().value()).isEqualTo(429);

    clock.advance(Duration.ofSeconds(1));
    assertThat(webappLogin("10.66.3.1", "mc.tuan", "demo").getStatusCode().value()).isEqualTo(200);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE source = ? AND account = ?",
        Integer.class, "10.66.3.1", "mc.tuan")).isZero();
    // the failures are forgotten: three free ones again
    for (int i = 0; i < 3; i++) {
      assertThat(api("10.66.3.1", "mc.tuan", "sai-" + i).getStatusCode().value()).isEqualTo(401);
    }
    assertThat(api("10.66.3.1", "mc.tuan", "demo").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void the_delays_grow_from_the_base_and_stop_at_the_maximum() {
    Duration base = Duration.ofSeconds(1);
    Duration max = Duration.ofMinutes(15);
    assertThat(LoginThrottle.delay(3, 3, base, max)).isZero();
    assertThat(LoginThrottle.delay(4, 3, base, max)).isEqualTo(Duration.ofSeconds(1));
    assertThat(LoginThrottle.delay(6, 3, base, max)).isEqualTo(Duration.ofSeconds(4));
    assertThat(LoginThrottle.delay(100, 3, base, max)).isEqualTo(max);
  }
}
