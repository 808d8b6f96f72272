package vn.motcua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP adapter of the SMS gateway against a local stub server. */
class HttpSmsGatewayTest {
  private final SmsStub stub = new SmsStub(0, "/api/sms");

  @AfterEach
  void stop() {
    stub.close();
  }

  private HttpSmsGateway gateway(String token) {
    return new HttpSmsGateway(new NotificationProperties.Sms("http://127.0.0.1:" + stub.port() + "/api/sms", token,
        Duration.ofSeconds(2), Duration.ofMillis(500)));
  }

  @Test
  void a_message_is_posted_as_utf8_json_with_the_bearer_token_and_2xx_means_accepted() {
    gateway("s3cret").send("42", "0912345678", "Một Cửa: hồ sơ đã được tiếp nhận");
    assertThat(stub.accepted()).singleElement().satisfies(m -> {
      assertThat(m.reference()).isEqualTo("42");
      assertThat(m.to()).isEqualTo("0912345678");
      assertThat(m.text()).isEqualTo("Một Cửa: hồ sơ đã được tiếp nhận");
      assertThat(m.authorization()).isEqualTo("Bearer s3cret");
      assertThat(m.contentType()).startsWith("application/json");
    });
  }

  @Test
  void without_a_token_no_authorization_header_is_sent() {
    stub.answer(202);
    gateway(" ").send("7", "0987654321", "Tin thử");
    assertThat(stub.accepted()).singleElement().satisfies(m -> assertThat(m.authorization()).isNull());
  }

  @Test
  void a_5xx_answer_is_a_failure_with_the_status_and_the_gateways_words() {
    stub.answer(503);
    assertThatThrownBy(() -> gateway(null).send("8", "0912345678", "Tin thử"))
        .isInstanceOf(NotificationException.class).hasMessageContaining("HTTP 503").hasMessageContaining("gateway busy");
    assertThat(stub.accepted()).isEmpty();
  }

  @Test
  void a_4xx_answer_is_a_failure_too() {
    stub.answer(401);
    assertThatThrownBy(() -> gateway("wrong").send("9", "0912345678", "Tin thử"))
        .isInstanceOf(NotificationException.class).hasMessageContaining("HTTP 401");
  }

  @Test
  void a_gateway_that_does_not_answer_in_time_is_a_failure() {
    stub.answer(SmsStub.HANG);
    long start = System.nanoTime();
    assertThatThrownBy(() -> gateway(null).send("10", "0912345678", "Tin thử"))
        .isInstanceOf(NotificationException.class).hasMessageContaining("did not answer within 500 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void an_unreachable_gateway_is_a_failure() {
    int port = stub.port();
    stub.close();
    HttpSmsGateway gateway = new HttpSmsGateway(new NotificationProperties.Sms("http://127.0.0.1:" + port + "/api/sms",
        null, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    assertThatThrownBy(() -> gateway.send("11", "0912345678", "Tin thử"))
        .isInstanceOf(NotificationException.class).hasMessageContaining("unreachable");
  }

  @Test
  void a_gateway_without_url_cannot_be_built() {
    assertThatThrownBy(() -> new HttpSmsGateway(new NotificationProperties.Sms("", null, Duration.ofSeconds(1),
        Duration.ofSeconds(1)))).isInstanceOf(IllegalArgumentException.class);
  }
}
