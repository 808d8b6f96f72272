package vn.motcua.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An exception that knows its own HTTP answer: {@link ApiExceptionHandler} writes it in the project's one
 * JSON error shape, so a feature's exception needs no handler of its own (and the web package no
 * knowledge of the feature).
 */
public interface ClientError {
  HttpStatus status();

  /** The short machine-readable {@code error} of the JSON body. */
  String code();

  /** The Vietnamese text the person who sent the request reads. */
  String userMessage();

  /** Field name → Vietnamese message; empty when the error does not concern request fields. */
  Map<String, String> fields();

  /** Extra response headers (e.g. Retry-After). */
  default Map<String, String> headers() {
    return Map.of();
  }
}
