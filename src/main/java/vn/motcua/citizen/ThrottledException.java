package vn.motcua.citizen;

import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import vn.motcua.web.ApiException;

/** HTTP 429 with the seconds the client should wait (Retry-After). */
public class ThrottledException extends ApiException {
  private final long retryAfterSeconds;

  public ThrottledException(String message, long retryAfterSeconds) {
    super(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", message, null);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  @Override
  public Map<String, String> headers() {
    return Map.of(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
  }
}
