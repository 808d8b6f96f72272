package vn.motcua.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.motcua.web.ApiException;

/**
 * The payment gateway over HTTP (docs/fees.md, "HTTP contract"):
 * <ul>
 *   <li>{@code POST {url}/payments} with {@code {"merchantId", "paymentRef", "amount", "description",
 *   "returnUrl", "callbackUrl"}} and {@code X-Signature: hex(HMAC-SHA256(secret, merchantId|paymentRef|amount))};
 *   answer 2xx {@code {"paymentId", "redirectUrl"}};</li>
 *   <li>{@code GET {url}/reconciliation?merchantId=…&date=YYYY-MM-DD} with
 *   {@code X-Signature: hex(HMAC-SHA256(secret, merchantId|date))}; answer {@code {"payments": [{"paymentRef",
 *   "transactionId", "amount", "status"}]}}.</li>
 * </ul>
 * The gateway is {@code motcua.payment.url}, or the local stub when that is empty and the stub is on.
 */
@Component
public class HttpPaymentGateway implements PaymentGateway {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PaymentProperties properties;
  private final ObjectProvider<StubPaymentGateway> stub;
  private final HttpClient client;

  public HttpPaymentGateway(PaymentProperties properties, ObjectProvider<StubPaymentGateway> stub) {
    this.properties = properties;
    this.stub = stub;
    this.client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** The gateway's base URL, or an error the citizen can read when none is configured. */
  String baseUrl() {
    if (properties.url() != null && !properties.url().isBlank()) {
      return properties.url().strip().replaceAll("/+$", "");
    }
    StubPaymentGateway s = stub.getIfAvailable();
    if (s != null) {
      return s.baseUrl();
    }
    throw unavailable();
  }

  private static ApiException unavailable() {
    return ApiException.conflict("Chức năng thanh toán trực tuyến chưa sẵn sàng; vui lòng nộp lệ phí tại Bộ phận Một cửa "
        + "hoặc thử lại sau.");
  }

  private String secret() {
    if (!properties.hasSecret()) {
      throw unavailable();
    }
    return properties.secret();
  }

  @Override
  public Created create(String reference, long amount, String description, String returnUrl, String callbackUrl) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("merchantId", properties.merchantId());
    body.put("paymentRef", reference);
    body.put("amount", amount);
    body.put("description", description);
    body.put("returnUrl", returnUrl);
    body.put("callbackUrl", callbackUrl);
    String signature = CallbackSignature.sign(secret(), properties.merchantId() + "|" + reference + "|" + amount);
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/payments"))
          .timeout(properties.readTimeout())
          .header("Content-Type", "application/json; charset=utf-8")
          .header("X-Signature", signature)
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("Payment gateway answered " + response.statusCode() + ": " + response.body());
      }
      JsonNode answer = JSON.readTree(response.body());
      String id = answer.path("paymentId").asText(null);
      String redirect = answer.path("redirectUrl").asText(null);
      if (id == null || redirect == null) {
        throw new IllegalStateException("Payment gateway answer without paymentId or redirectUrl: " + response.body());
      }
      return new Created(id, redirect);
    } catch (IOException e) {
      throw new IllegalStateException("Payment gateway unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Settled> settlements(LocalDate day) {
    String signature = CallbackSignature.sign(secret(), properties.merchantId() + "|" + day);
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/reconciliation?merchantId="
              + URLEncoder.encode(properties.merchantId(), StandardCharsets.UTF_8) + "&date=" + day))
          .timeout(properties.readTimeout()).header("X-Signature", signature).GET().build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("Payment gateway answered " + response.statusCode() + ": " + response.body());
      }
      List<Settled> settled = new ArrayList<>();
      for (JsonNode p : JSON.readTree(response.body()).path("payments")) {
        settled.add(new Settled(p.path("paymentRef").asText(), p.path("transactionId").asText(null),
            p.path("amount").asLong(), p.path("status").asText()));
      }
      return settled;
    } catch (IOException e) {
      throw new IllegalStateException("Payment gateway unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
