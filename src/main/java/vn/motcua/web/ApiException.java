package vn.motcua.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the system refuses, with a Vietnamese message for the person who sent it and, for bad
 * input, a message per field. Services throw it; {@link ApiExceptionHandler} turns it into JSON.
 */
public class ApiException extends RuntimeException implements ClientError {
  private final HttpStatus status;
  private final String code;
  private final Map<String, String> fields;

  public ApiException(HttpStatus status, String code, String message, Map<String, String> fields) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields == null ? Map.of() : Map.copyOf(fields);
  }

  public static ApiException invalid(String message, Map<String, String> fields) {
    return new ApiException(HttpStatus.BAD_REQUEST, "invalid", message, fields);
  }

  public static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, "not_found", message, null);
  }

  public static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, "conflict", message, null);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message, null);
  }

  @Override
  public HttpStatus status() {
    return status;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String userMessage() {
    return getMessage();
  }

  @Override
  public Map<String, String> fields() {
    return fields;
  }
}
