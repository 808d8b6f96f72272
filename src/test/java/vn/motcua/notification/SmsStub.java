package vn.motcua.notification;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local SMS gateway for tests (the JDK's HttpServer): answers each POST with the next queued answer
 * (an HTTP status, or {@link #HANG}: no answer until the stub stops), 200 when the queue is empty, and
 * keeps every request it answered with a 2xx as an accepted message.
 */
public final class SmsStub implements AutoCloseable {
  static final int HANG = -1;
  private static final ObjectMapper JSON = new ObjectMapper();

  public record Received(String reference, String to, String text, String authorization, String contentType) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Deque<Integer> answers = new ArrayDeque<>();
  private final List<Received> accepted = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile int requests;

  public SmsStub(int port, String path) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext(path, this::handle);
    server.start();
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

  public List<Received> accepted() {
    return List.copyOf(accepted);
  }

  int requests() {
    return requests;
  }

  private synchronized Integer next() {
    requests++;
    return answers.isEmpty() ? 200 : answers.poll();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
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
    if (status >= 200 && status < 300) {
      JsonNode json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
      accepted.add(new Received(json.path("reference").asText(), json.path("to").asText(), json.path("text").asText(),
          exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type")));
    }
    byte[] answer = (status >= 200 && status < 300 ? "{\"accepted\":true}" : "{\"error\":\"gateway busy\"}")
        .getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
