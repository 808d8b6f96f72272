package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo profile's stand-in portal keeps the contract the real adapter speaks: the key checked, an event applied
 * once per key, a repeat acknowledged as a duplicate; a wrong key is a refusal (dead letter).
 */
class DemoPortalStubTest {

  static PortalProperties properties(String endpoint, String key) {
    return new PortalProperties(true, endpoint, key, "08", List.of(), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofSeconds(2), 50, true);
  }

  static PortalEvent event(String key) {
    return new PortalEvent(1, 1, "000.01.30.H60-261204-0001", "1.001612", 1, 2, "STATUS", key,
        "{\"dossierCode\": \"000.01.30.H60-261204-0001\", \"status\": 2, \"statusName\": \"Đã tiếp nhận\"}",
        PortalEvent.State.PENDING, 0, Instant.now(), null, null, null, Instant.now(), null, null);
  }

  @Test
  void the_demo_portal_acknowledges_each_event_once_and_checks_the_key() {
    DemoPortalStub stub = new DemoPortalStub(properties(null, "demo-portal-key"), 0);
    try {
      String endpoint = "http://127.0.0.1:" + stub.port() + "/portal/status-events";
      HttpPortalClient client = new HttpPortalClient(properties(endpoint, "demo-portal-key"));
      assertThat(client.deliver(event("motcua:X:1"))).isEqualTo(new PortalClient.Result.Acknowledged(200, false));
      assertThat(client.deliver(event("motcua:X:1"))).isEqualTo(new PortalClient.Result.Acknowledged(200, true));
      assertThat(client.deliver(event("motcua:X:2"))).isEqualTo(new PortalClient.Result.Acknowledged(200, false));
      assertThat(stub.received()).containsExactly("motcua:X:1", "motcua:X:2");
      assertThat(new HttpPortalClient(properties(endpoint, "wrong")).deliver(event("motcua:X:3")))
          .isInstanceOf(PortalClient.Result.Rejected.class);
    } finally {
      stub.stop();
    }
  }
}
