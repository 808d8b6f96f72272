package vn.motcua.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP client of the cluster run: officers with HTTP Basic (as the REST API and Tasklist's REST calls
 * authenticate), citizens without credentials, each request timed out, every answer kept as status + body.
 * A connection error or a time-out is status {@code -1}: the caller decides whether to retry.
 */
final class ClusterHttp {
  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer: the status ({@code -1}: no answer), the body, the headers that matter. */
  record Answer(int status, String body, String retryAfter, List<String> cookies) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body == null || body.isEmpty() ? "null" : body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + abbreviate(body), e);
      }
    }

    @Override
    public String toString() {
      return status + " " + abbreviate(body);
    }
  }

  /**
   * HTTP/1.1 only (no h2c upgrade): with the upgrade, the JDK 17 client was seen to wait past its request
   * timeout on a connection the load balancer kept during a database restart.
   */
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
  final String base;
  private final Map<String, String> passwords;

  ClusterHttp(String base, Map<String, String> passwords) {
    this.base = base;
    this.passwords = passwords;
  }

  String auth(String user) {
    String password = passwords.get(user);
    if (password == null) {
      throw new IllegalArgumentException("no password for " + user);
    }
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Answer get(String user, String path) {
    HttpRequest.Builder b = request(path).GET();
    if (user != null) {
      b.header("Authorization", auth(user));
    }
    return send(b.build());
  }

  Answer postJson(String user, String path, Object body) {
    return sendJson(user, "POST", path, body);
  }

  Answer sendJson(String user, String method, String path, Object body) {
    String text;
    try {
      text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest.Builder b = request(path).header("Content-Type", "application/json; charset=utf-8")
        .method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
    if (user != null) {
      b.header("Authorization", auth(user));
    }
    return send(b.build());
  }

  /** A multipart/form-data POST: JSON parts, text parts and one small PDF file part. */
  Answer postMultipart(String path, Map<String, String> jsonParts, Map<String, String> textParts, boolean withFile,
      Map<String, String> headers) {
    String boundary = "----motcua-cluster-" + UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (var e : jsonParts.entrySet()) {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
            + "\"\r\nContent-Type: application/json; charset=utf-8\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      for (var e : textParts.entrySet()) {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
            + "\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      if (withFile) {
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"giay-de-nghi.pdf\""
            + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(PDF);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest.Builder b = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    headers.forEach(b::header);
    return send(b.build());
  }

  /** A form POST with extra headers (the webapps' login). */
  Answer postForm(String path, Map<String, String> form, Map<String, String> headers) {
    StringBuilder body = new StringBuilder();
    form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest.Builder b = request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    headers.forEach(b::header);
    return send(b.build());
  }

  /** A GET with extra headers (cookies). */
  Answer get(String path, Map<String, String> headers) {
    HttpRequest.Builder b = request(path).GET();
    headers.forEach(b::header);
    return send(b.build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
  }

  private Answer send(HttpRequest request) {
    try {
      // a hard bound besides the request's own timeout, which the client does not always honour
      HttpResponse<String> r = client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
          .get(45, TimeUnit.SECONDS);
      return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null),
          r.headers().allValues("Set-Cookie"));
    } catch (ExecutionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      return new Answer(-1, c.getClass().getSimpleName() + ": " + c.getMessage(), null, List.of());
    } catch (TimeoutException e) {
      return new Answer(-1, "TimeoutException: no answer within 45 s", null, List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, "interrupted", null, List.of());
    }
  }

  static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }

  static Map<String, Object> vars(Object... kv) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      variables.put((String) kv[i], Map.of("value", kv[i + 1]));
    }
    return Map.of("variables", variables);
  }

  /** A one-page PDF (the upload of an online submission). */
  static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
      + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
      + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
      + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
}
