package vn.motcua.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A local stand-in for the national portal's status endpoint, for the demo profile only
 * ({@code motcua.portal.demo-stub.enabled}): a JDK HTTP server on 127.0.0.1 that keeps the contract of
 * docs/portal.md (the key checked, each event applied once per {@code Idempotency-Key}, a repeat answered
 * {@code {"duplicate":true}}) and logs every event it applies, so that {@code ./mvnw spring-boot:run} shows the
 * status events being delivered. It keeps nothing beyond memory. A port already taken leaves it off (the events
 * then wait and are retried, as with a portal that is down).
 */
@Component
@ConditionalOnProperty(name = "motcua.portal.demo-stub.enabled", havingValue = "true")
public class DemoPortalStub {
  private static final Logger log = LoggerFactory.getLogger(DemoPortalStub.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String apiKey;
  private final HttpServer server;
  private final Set<String> applied = ConcurrentHashMap.newKeySet();
  private final List<String> received = Collections.synchronizedList(new ArrayList<>());

  public DemoPortalStub(PortalProperties properties, @Value("${motcua.portal.demo-stub.port:8089}") int port) {
    this.apiKey = properties.apiKey();
    HttpServer s = null;
    try {
      s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      s.createContext("/portal/status-events", this::event);
      s.start();
      log.info("Demo national portal (stub, demo only) takes status events at http://127.0.0.1:{}/portal/status-events",
          s.getAddress().getPort());
    } catch (IOException e) {
      log.warn("Demo national portal (stub) not started: port {} unavailable ({}); status events will wait", port,
          e.toString());
      s = null;
    }
    this.server = s;
  }

  @PreDestroy
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** The port it listens on (-1: not started). */
  public int port() {
    return server == null ? -1 : server.getAddress().getPort();
  }

  /** The events applied so far (their keys), in arrival order. */
  public List<String> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  private void event(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        answer(exchange, 405, "{\"error\": \"POST only\"}");
        return;
      }
      if (apiKey != null && !apiKey.isBlank() && !apiKey.strip().equals(exchange.getRequestHeaders()
          .getFirst("X-API-Key"))) {
        answer(exchange, 401, "{\"error\": \"bad key\"}");
        return;
      }
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      if (key == null || !applied.add(key)) {
        answer(exchange, 200, "{\"duplicate\":true}");
        return;
      }
      received.add(key);
      log.info("Demo national portal: dossier {} status {} ({}), event {}", body.path("dossierCode").asText(),
          body.path("status").asInt(), body.path("statusName").asText(), key);
      answer(exchange, 200, "{\"duplicate\":false}");
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
