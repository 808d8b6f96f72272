package vn.motcua.portal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * The portal adapter over HTTP (docs/portal.md, "Contract"): one {@code POST} of the event's JSON to
 * {@code motcua.portal.endpoint}, with {@code X-API-Key} and {@code Idempotency-Key} (the event's key, the
 * same on every retry). Never follows redirects.
 */
@Component
public class HttpPortalClient implements PortalClient {
  private final PortalProperties properties;
  private final HttpClient client;

  public HttpPortalClient(PortalProperties properties) {
    this.properties = properties;
    this.client = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
  }

  @Override
  public Result deliver(PortalEvent event) {
    if (properties.endpoint() == null || properties.endpoint().isBlank()) {
      return new Result.Transient("motcua.portal.endpoint is not set");
    }
    URI url = URI.create(properties.endpoint().strip());
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(properties.readTimeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Idempotency-Key", event.eventKey())
        .POST(HttpRequest.BodyPublishers.ofString(event.payload(), StandardCharsets.UTF_8));
    if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
      request.header("X-API-Key", properties.apiKey().strip());
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      return new Result.Transient("portal " + url + " did not answer within " + properties.readTimeout().toMillis()
          + " ms");
    } catch (IOException e) {
      return new Result.Transient("portal " + url + " unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result.Transient("interrupted while sending to the portal");
    }
    return classify(response.statusCode(), response.body());
  }

  static Result classify(int status, String body) {
    if (status >= 200 && status <= 299) {
      return new Result.Acknowledged(status, body != null && body.contains("\"duplicate\":true"));
    }
    if (status == 409) {
      return new Result.Acknowledged(status, true);
    }
    String text = body == null ? "" : body.strip();
    if (text.length() > 300) {
      text = text.substring(0, 300) + "...";
    }
    if (status >= 500 || status == 408 || status == 429) {
      return new Result.Transient("portal answered HTTP " + status + (text.isEmpty() ? "" : ": " + text));
    }
    return new Result.Rejected(status, reason(status) + (text.isEmpty() ? "" : " Phản hồi của Cổng: " + text));
  }

  /** The Vietnamese reason of a refusal, for the dead letter and its incident. */
  static String reason(int status) {
    return switch (status) {
      case 400, 422 -> "Cổng Dịch vụ công quốc gia từ chối sự kiện trạng thái (HTTP " + status
          + "): dữ liệu không hợp lệ.";
      case 401, 403 -> "Cổng Dịch vụ công quốc gia từ chối sự kiện trạng thái (HTTP " + status
          + "): khóa kết nối (API key) không đúng hoặc không có quyền.";
      case 404 -> "Cổng Dịch vụ công quốc gia từ chối sự kiện trạng thái (HTTP 404): không tìm thấy địa chỉ nhận"
          + " hoặc hồ sơ trên Cổng.";
      default -> "Cổng Dịch vụ công quốc gia từ chối sự kiện trạng thái (HTTP " + status + ").";
    };
  }
}
