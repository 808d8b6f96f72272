package vn.motcua.notification;

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
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A local SMS gateway that keeps the gateway contract of docs/notifications.md (the JDK's HttpServer, no
 * other dependency): answers each POST with the next queued answer (an HTTP status, or {@link #HANG}: no
 * answer until the stub stops), 200 when the queue is empty; a 2xx answer to a {@code reference} it has
 * already accepted is a repeat, answered 200 and dropped, not delivered again. It counts every request per
 * reference, so a test or the cluster run sees whether a message reached it twice and whether a phone would
 * have got it twice.
 *
 * <p>Runs alone for the cluster run, from the source file (Java's single-file launch):
 * {@code java src/test/java/vn/motcua/notification/SmsStub.java <port> [path]} (path default
 * {@code /sms/send}); {@code GET /counts} answers
 * {@code {"requests":N,"accepted":N,"delivered":N,"repeats":N,"receivedTwice":N,"received":{"<reference>":N,...}}}:
 * {@code delivered} counts the distinct references accepted (the messages phones get), {@code repeats} the
 * accepted requests dropped as repeats of a delivered reference, {@code receivedTwice} the references that
 * reached the gateway more than once (any answer), {@code received} the requests per reference.
 * {@code POST /reset} forgets everything.
 */
public final class SmsStub implements AutoCloseable {
  static final int HANG = -1;

  public record Received(String reference, String to, String text, String authorization, String contentType) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Deque<Integer> answers = new ArrayDeque<>();
  private final List<Received> accepted = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> acceptedTries = new ConcurrentHashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile int requests;

  public SmsStub(int port, String path) {
    this(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), path);
  }

  private SmsStub(InetSocketAddress address, String path) {
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext(path, this::handle);
    server.createContext("/counts", this::counts);
    server.createContext("/reset", this::reset);
    server.start();
  }

  /** {@code java SmsStub.java <port> [path] [bind address]}: serves until killed. */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8199;
    String path = args.length > 1 ? args[1] : "/sms/send";
    String bind = args.length > 2 ? args[2] : "127.0.0.1";
    SmsStub stub = new SmsStub(new InetSocketAddress(bind, port), path);
    System.out.println("SMS gateway stub on http://" + bind + ":" + stub.port() + path + ", counts at /counts");
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The next requests get these answers, in order. */
  synchronized SmsStub answer(int... statuses) {
    for (int s : statuses) {
      answers.add(s);
    }
    return this;
  }

  /** The messages delivered: the first accepted request of each reference. */
  public List<Received> accepted() {
    return List.copyOf(accepted);
  }

  /** Every request that named this reference, whatever its answer. */
  public int received(String reference) {
    AtomicInteger n = received.get(reference);
    return n == null ? 0 : n.get();
  }

  /** Accepted requests dropped because their reference had been accepted before. */
  public int repeats() {
    return acceptedTries.values().stream().mapToInt(n -> n.get() - 1).sum();
  }

  int requests() {
    return requests;
  }

  private synchronized Integer next() {
    requests++;
    return answers.isEmpty() ? 200 : answers.poll();
  }

  private void handle(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      answer(exchange, 405, "{\"error\":\"POST only\"}");
      return;
    }
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String reference = field(body, "reference");
    received.computeIfAbsent(String.valueOf(reference), r -> new AtomicInteger()).incrementAndGet();
    int status = next();
    if (status == HANG) {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    if (status < 200 || status > 299) {
      answer(exchange, status, "{\"error\":\"gateway busy\"}");
      return;
    }
    if (reference == null || reference.isBlank()) {
      answer(exchange, 400, "{\"error\":\"reference missing\"}");
      return;
    }
    boolean first;
    synchronized (this) {
      first = acceptedTries.computeIfAbsent(reference, r -> new AtomicInteger()).incrementAndGet() == 1;
      if (first) {
        accepted.add(new Received(reference, field(body, "to"), field(body, "text"),
            exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type")));
      }
    }
    answer(exchange, status, first ? "{\"accepted\":true}" : "{\"accepted\":true,\"duplicate\":true}");
  }

  private synchronized void counts(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    Map<String, Integer> perReference = new TreeMap<>();
    received.forEach((r, n) -> perReference.put(r, n.get()));
    long twice = received.values().stream().filter(n -> n.get() > 1).count();
    String json = "{\"requests\":" + requests + ",\"accepted\":"
        + acceptedTries.values().stream().mapToInt(AtomicInteger::get).sum() + ",\"delivered\":" + accepted.size()
        + ",\"repeats\":" + repeats() + ",\"receivedTwice\":" + twice + ",\"received\":{"
        + perReference.entrySet().stream().map(e -> quote(e.getKey()) + ":" + e.getValue())
            .collect(Collectors.joining(",")) + "}}";
    answer(exchange, 200, json);
  }

  private synchronized void reset(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    accepted.clear();
    received.clear();
    acceptedTries.clear();
    requests = 0;
    answer(exchange, 200, "{\"reset\":true}");
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The string value of a top-level field of a flat JSON object such as the adapter sends, or null. */
  static String field(String json, String name) {
    String key = "\"" + name + "\"";
    int i = json.indexOf(key);
    while (i >= 0) {
      int j = i + key.length();
      while (j < json.length() && Character.isWhitespace(json.charAt(j))) {
        j++;
      }
      if (j < json.length() && json.charAt(j) == ':') {
        j++;
        while (j < json.length() && Character.isWhitespace(json.charAt(j))) {
          j++;
        }
        if (j >= json.length() || json.charAt(j) != '"') {
          return null;
        }
        StringBuilder out = new StringBuilder();
        for (int k = j + 1; k < json.length(); k++) {
          char c = json.charAt(k);
          if (c == '"') {
            return out.toString();
          }
          if (c == '\\' && k + 1 < json.length()) {
            char e = json.charAt(++k);
            switch (e) {
              case 'n' -> out.append('\n');
              case 't' -> out.append('\t');
              case 'r' -> out.append('\r');
              case 'b' -> out.append('\b');
              case 'f' -> out.append('\f');
              case 'u' -> {
                out.append((char) Integer.parseInt(json.substring(k + 1, k + 5), 16));
                k += 4;
              }
              default -> out.append(e);
            }
          } else {
            out.append(c);
          }
        }
        return null;
      }
      i = json.indexOf(key, i + 1);
    }
    return null;
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
