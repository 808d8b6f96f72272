package vn.motcua.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The payment gateway (cổng thanh toán) of the fees (docs/fees.md): where it is, the merchant id and the
 * shared secret with which it signs its callbacks (HMAC-SHA256), how old a callback may be, and the local
 * stub gateway of the demo and the tests.
 *
 * @param url the gateway's base URL; empty with the stub on: the stub's
 * @param merchantId our merchant id at the gateway
 * @param secret the shared secret of the HMAC signatures; required when the gateway is used
 * @param callbackWindow how far a callback's timestamp may be from now (older or newer: refused as replayed)
 * @param publicUrl the system's public base URL for the callback and return addresses; empty: the request's
 * @param connectTimeout connect timeout of the calls to the gateway
 * @param readTimeout read timeout of the calls to the gateway
 * @param stub the local stub gateway (demo profile and tests only)
 */
@ConfigurationProperties("motcua.payment")
public record PaymentProperties(String url, String merchantId, String secret, Duration callbackWindow,
    String publicUrl, Duration connectTimeout, Duration readTimeout, Stub stub) {

  public PaymentProperties {
    merchantId = merchantId == null || merchantId.isBlank() ? "MOTCUA" : merchantId.strip();
    callbackWindow = callbackWindow == null ? Duration.ofMinutes(5) : callbackWindow;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    stub = stub == null ? new Stub(false, 0) : stub;
  }

  /** The stub gateway: a JDK HTTP server in this JVM, on {@code port} (0: any free port). */
  public record Stub(boolean enabled, int port) {}

  public boolean hasSecret() {
    return secret != null && !secret.isBlank();
  }
}
