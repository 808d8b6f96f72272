package vn.motcua.citizen;

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
}
