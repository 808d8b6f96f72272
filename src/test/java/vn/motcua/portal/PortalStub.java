package vn.motcua.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local national portal that keeps the contract of docs/portal.md (the JDK's HttpServer, no other
 * dependency): {@code POST /portal/status-events} with {@code X-API-Key} (401 if it is not the key) and
 * {@code Idempotency-Key}. It answers each request with the next queued answer (an HTTP status, or
 * {@link #HANG}: the event is taken but the answer comes after the client's time-out), 200 when the queue
 * is empty. An event whose key it has already taken is a duplicate: answered 200 {@code {"duplicate":true}}
 * and not applied again. It keeps the events it applied, in arrival order, with the time it took them, so a
 * test sees the order per dossier and how long each change took to arrive. {@link #stop()} and
 * {@link #start()} make an outage on the same port.
 */
final class PortalStub implements AutoCloseable {
  static final int HANG = -1;
  static final String KEY = "tq-portal-test-key";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An event the portal applied. */
  record Applied(String key, String dossierCode, int sequence, int status, String reason, long receivedAtMillis,
      JsonNode body) {}

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Deque<Integer> answers = new ArrayDeque<>();
  private final List<Applied> applied = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final AtomicInteger duplicates = new AtomicInteger();
  private volatile int hangMillis = 2500;
  private volatile HttpServer server;
  private volatile int port;

  PortalStub() {
    start();
  }

  synchronized void start() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      s.setExecutor(executor);
      s.createContext("/portal/status-events", this::handle);
      s.start();
      port = s.getAddress().getPort();
      server = s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The portal goes down: connections to its port are refused until {@link #start()}. */
  synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  String endpoint() {
    return "http://127.0.0.1:" + port + "/portal/status-events";
  }

  synchronized void answer(int... statuses) {
    for (int s : statuses) {
      answers.add(s);
    }
  }

  void hangMillis(int millis) {
    hangMillis = millis;
  }

  List<Applied> applied() {
    return List.copyOf(applied);
  }

  List<Applied> applied(String dossierCode) {
    return applied.stream().filter(a -> a.dossierCode().equals(dossierCode)).toList();
  }

  int requests(String key) {
    AtomicInteger n = requests.get(key);
    return n == null ? 0 : n.get();
  }

  int duplicates() {
    return duplicates.get();
  }

  private synchronized Integer nextAnswer() {
    return answers.poll();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, "{\"error\":\"method\"}");
        return;
      }
      if (!KEY.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))) {
        respond(exchange, 401, "{\"error\":\"api key\"}");
        return;
      }
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      JsonNode event = JSON.readTree(body);
      if (key == null || !key.equals(event.path("eventId").asText())) {
        respond(exchange, 400, "{\"error\":\"Idempotency-Key\"}");
        return;
      }
      requests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      Integer answer = nextAnswer();
      int status = answer == null ? 200 : answer;
      if (status != 200 && status != HANG) {
        respond(exchange, status, "{\"error\":\"stub answer " + status + "\"}");
        return;
      }
      boolean duplicate = take(key, event);
      if (status == HANG) {
        try {
          Thread.sleep(hangMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      respond(exchange, 200, "{\"accepted\":true,\"duplicate\":" + duplicate + "}");
    }
  }

  /** Applies the event unless its key was already taken; true for a duplicate. */
  private synchronized boolean take(String key, JsonNode event) {
    if (applied.stream().anyMatch(a -> a.key().equals(key))) {
      duplicates.incrementAndGet();
      return true;
    }
    applied.add(new Applied(key, event.path("dossierCode").asText(), event.path("sequence").asInt(),
        event.path("status").asInt(), event.path("reason").asText(), System.currentTimeMillis(), event));
    return false;
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    stop();
    executor.shutdownNow();
  }
}
