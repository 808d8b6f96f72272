package vn.motcua.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SMS gateway over HTTP: each message is one {@code POST} of
 * {@code {"reference": "...", "to": "0912345678", "text": "..."}} (UTF-8 JSON) to the configured URL, with
 * {@code Authorization: Bearer <token>} when a token is set. Any 2xx answer means the gateway accepted the
 * message; any other answer, a timeout or a connection error throws, and the sending job retries. The
 * reference is the same on every retry, so a gateway that remembers references drops a repeat.
 */
public class HttpSmsGateway implements SmsGateway {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI url;
  private final String token;
  private final HttpClient client;
  private final NotificationProperties.Sms settings;

  public HttpSmsGateway(NotificationProperties.Sms settings) {
    if (!settings.configured()) {
      throw new IllegalArgumentException("motcua.notification.sms.url is not set");
    }
    this.settings = settings;
    this.url = URI.create(settings.url().trim());
    this.token = settings.token() == null || settings.token().isBlank() ? null : settings.token().trim();
    this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public URI url() {
    return url;
  }

  @Override
  public void send(String reference, String phone, String text) {
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("reference", reference);
    payload.put("to", phone);
    payload.put("text", text);
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(url).timeout(settings.readTimeout())
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(payload), StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new NotificationException("SMS gateway " + url + " did not answer within "
          + settings.readTimeout().toMillis() + " ms", e);
    } catch (IOException e) {
      throw new NotificationException("SMS gateway " + url + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotificationException("Interrupted while sending to the SMS gateway", e);
    }
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      String body = response.body() == null ? "" : response.body().strip();
      throw new NotificationException("SMS gateway " + url + " answered HTTP " + status
          + (body.isEmpty() ? "" : ": " + NotificationMessages.shorten(body, 300)));
    }
  }
}
