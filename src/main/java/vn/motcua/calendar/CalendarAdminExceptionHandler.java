package vn.motcua.calendar;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * JSON errors of {@link CalendarAdminController}:
 * {@code {"status":400,"error":"...","message":"<Vietnamese>","fields":{...}}}. Kept local to the
 * controller on purpose; the application may replace it with a shared handler later.
 */
@RestControllerAdvice(assignableTypes = CalendarAdminController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class CalendarAdminExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(CalendarAdminExceptionHandler.class);

  @ExceptionHandler(CalendarException.class)
  public ResponseEntity<Map<String, Object>> calendar(CalendarException e) {
    return body(CalendarAdminController.statusOf(e), e.getMessage(), e.userMessage(), e.fields());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return body(HttpStatus.BAD_REQUEST, "Malformed JSON request body",
        "Nội dung yêu cầu không phải JSON hợp lệ.", Map.of());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  public ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage(),
        "Thiếu tham số bắt buộc: " + e.getParameterName() + ".",
        Map.of(e.getParameterName(), "Tham số là bắt buộc."));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
    return body(HttpStatus.BAD_REQUEST, "Invalid value for parameter " + e.getName(),
        "Giá trị của tham số " + e.getName() + " không hợp lệ.",
        Map.of(e.getName(), "Giá trị không hợp lệ: '" + e.getValue() + "'."));
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    log.error("Calendar administration failed", e);
    return body(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
        "Đã xảy ra lỗi hệ thống, vui lòng thử lại sau.", Map.of());
  }

  private static ResponseEntity<Map<String, Object>> body(
      HttpStatus status, String error, String message, Map<String, String> fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("error", error);
    body.put("message", message);
    body.put("fields", fields);
    return ResponseEntity.status(status).body(body);
  }
}
