package vn.motcua.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A local stand-in for the payment gateway, for the demo profile and the tests only
 * ({@code motcua.payment.stub.enabled}): a JDK HTTP server on 127.0.0.1 that speaks the contract of
 * docs/fees.md. It creates payments, shows a page where the "citizen" pays or cancels, then calls the
 * callback URL signed with the shared secret and sends the browser back to the return URL, and answers the
 * reconciliation of a day. Nothing is charged.
 */
@Component
@ConditionalOnProperty(name = "motcua.payment.stub.enabled", havingValue = "true")
public class StubPaymentGateway {
  private static final Logger log = LoggerFactory.getLogger(StubPaymentGateway.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /** A payment the stub holds. */
  public static final class StubPayment {
    final String id;
    final String reference;
    final long amount;
    final String callbackUrl;
    final String returnUrl;
    volatile String status = "NEW";
    volatile String transactionId;
    volatile Instant settledAt;

    StubPayment(String id, String reference, long amount, String callbackUrl, String returnUrl) {
      this.id = id;
      this.reference = reference;
      this.amount = amount;
      this.callbackUrl = callbackUrl;
      this.returnUrl = returnUrl;
    }
  }

  /** A callback the stub sent: its body, signature and the answer it got. */
  public record SentCallback(String body, String signature, int status) {}

  private final PaymentProperties properties;
  private final Clock clock;
  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final Map<String, StubPayment> payments = new ConcurrentHashMap<>();
  private final List<SentCallback> sent = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong transactions = new AtomicLong(1000);

  public StubPaymentGateway(PaymentProperties properties, vn.motcua.dossier.EngineClock clock) throws IOException {
    this.properties = properties;
    this.clock = clock;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), properties.stub().port()), 0);
    server.createContext("/payments", this::create);
    server.createContext("/pay/", this::pay);
    server.createContext("/reconciliation", this::reconciliation);
    server.start();
    log.info("Stub payment gateway (demo and tests only) at {}", baseUrl());
  }

  @PreDestroy
  void stop() {
    server.stop(0);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The callbacks sent so far, oldest first. */
  public List<SentCallback> sentCallbacks() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  /** The stub's payment for our reference, if it was created. */
  public String paymentIdOf(String reference) {
    return payments.values().stream().filter(p -> p.reference.equals(reference)).map(p -> p.id).findFirst().orElse(null);
  }

  /** The citizen pays ({@code PAID}) or cancels ({@code CANCELLED}) on the gateway: the signed callback is sent. */
  public SentCallback settle(String paymentId, String status) {
    StubPayment p = payments.get(paymentId);
    if (p == null) {
      throw new IllegalArgumentException("Unknown stub payment " + paymentId);
    }
    p.status = status;
    p.transactionId = "STUB" + transactions.incrementAndGet();
    p.settledAt = clock.instant();
    return callback(p);
  }

  private SentCallback callback(StubPayment p) {
    long timestamp = clock.instant().getEpochSecond();
    String nonce = UUID.randomUUID().toString();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("paymentRef", p.reference);
    body.put("transactionId", p.transactionId);
    body.put("amount", p.amount);
    body.put("status", p.status);
    body.put("timestamp", timestamp);
    body.put("nonce", nonce);
    String signature = CallbackSignature.sign(properties.secret(),
        CallbackSignature.canonical(p.reference, p.transactionId, p.amount, p.status, timestamp, nonce));
    try {
      String json = JSON.writeValueAsString(body);
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(p.callbackUrl))
          .header("Content-Type", "application/json; charset=utf-8").header("X-Signature", signature)
          .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString());
      SentCallback s = new SentCallback(json, signature, response.statusCode());
      sent.add(s);
      return s;
    } catch (IOException e) {
      throw new IllegalStateException("Callback to " + p.callbackUrl + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void create(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, "{\"error\":\"method\"}", "application/json");
        return;
      }
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      String reference = body.path("paymentRef").asText();
      long amount = body.path("amount").asLong();
      String expected = CallbackSignature.sign(properties.secret(),
          body.path("merchantId").asText() + "|" + reference + "|" + amount);
      if (!expected.equals(exchange.getRequestHeaders().getFirst("X-Signature"))) {
        answer(exchange, 401, "{\"error\":\"signature\"}", "application/json");
        return;
      }
      String id = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
      payments.put(id, new StubPayment(id, reference, amount, body.path("callbackUrl").asText(),
          body.path("returnUrl").asText()));
      answer(exchange, 201, JSON.writeValueAsString(Map.of("paymentId", id, "redirectUrl", baseUrl() + "/pay/" + id)),
          "application/json");
    }
  }

  private void pay(HttpExchange exchange) throws IOException {
    try (exchange) {
      String id = exchange.getRequestURI().getPath().substring("/pay/".length());
      StubPayment p = payments.get(id);
      if (p == null) {
        answer(exchange, 404, "Không tìm thấy giao dịch.", "text/plain; charset=utf-8");
        return;
      }
      String result = query(exchange.getRequestURI(), "result");
      if (result == null) {
        answer(exchange, 200, """
            <!doctype html><html lang="vi"><meta charset="utf-8"><title>Cổng thanh toán thử nghiệm</title>
            <h1>Cổng thanh toán thử nghiệm (không trừ tiền)</h1><p>Mã thanh toán %s — số tiền %,d đồng</p>
            <p><a href="/pay/%s?result=PAID">Thanh toán</a> · <a href="/pay/%s?result=CANCELLED">Hủy giao dịch</a></p>
            </html>""".formatted(p.reference, p.amount, id, id), "text/html; charset=utf-8");
        return;
      }
      if (!"PAID".equals(result) && !"CANCELLED".equals(result)) {
        answer(exchange, 400, "Kết quả không hợp lệ.", "text/plain; charset=utf-8");
        return;
      }
      settle(id, result);
      exchange.getResponseHeaders().add("Location", p.returnUrl);
      exchange.sendResponseHeaders(302, -1);
    }
  }

  private void reconciliation(HttpExchange exchange) throws IOException {
    try (exchange) {
      String date = query(exchange.getRequestURI(), "date");
      String merchant = query(exchange.getRequestURI(), "merchantId");
      String expected = CallbackSignature.sign(properties.secret(), merchant + "|" + date);
      if (date == null || !expected.equals(exchange.getRequestHeaders().getFirst("X-Signature"))) {
        answer(exchange, 401, "{\"error\":\"signature\"}", "application/json");
        return;
      }
      LocalDate day = LocalDate.parse(date);
      List<Map<String, Object>> list = new ArrayList<>();
      for (StubPayment p : payments.values()) {
        if (p.settledAt != null && LocalDate.ofInstant(p.settledAt, VIETNAM).equals(day)) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("paymentRef", p.reference);
          row.put("transactionId", p.transactionId);
          row.put("amount", p.amount);
          row.put("status", p.status);
          list.add(row);
        }
      }
      answer(exchange, 200, JSON.writeValueAsString(Map.of("payments", list)), "application/json");
    }
  }

  /** Settles the payment at the gateway without sending the callback (a callback lost on the way). */
  public void settleSilently(String paymentId, String status) {
    StubPayment p = payments.get(paymentId);
    p.status = status;
    p.transactionId = "STUB" + transactions.incrementAndGet();
    p.settledAt = clock.instant();
  }

  private static String query(URI uri, String name) {
    String q = uri.getRawQuery();
    if (q == null) {
      return null;
    }
    for (String part : q.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).equals(name)) {
        return URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static void answer(HttpExchange exchange, int status, String body, String type) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
