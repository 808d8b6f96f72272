package vn.motcua.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * One JSON error shape for the project API: {@code {status, error, message, fields}}, in Vietnamese. Not
 * limited to the project's controllers: a request refused before any controller is chosen (wrong media
 * type, unknown path, an upload over the servlet limit) gets the same shape.
 */
@RestControllerAdvice
public class ApiExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  public static Map<String, Object> body(HttpStatus status, String error, String message, Map<String, String> fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("error", error);
    body.put("message", message);
    if (fields != null && !fields.isEmpty()) {
      body.put("fields", fields);
    }
    return body;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> api(ApiException e) {
    return answer(e);
  }

  /** Any feature's exception that knows its answer ({@link ClientError}), e.g. bad calendar input. */
  private static ResponseEntity<Map<String, Object>> answer(ClientError e) {
    ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
    e.headers().forEach(response::header);
    return response.body(body(e.status(), e.code(), e.userMessage(), e.fields()));
  }

  /** A file beyond the servlet's upload limits (spring.servlet.multipart.*): 413, nothing stored. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(Exception e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(body(HttpStatus.PAYLOAD_TOO_LARGE,
        "payload_too_large", "Tệp hoặc yêu cầu gửi lên vượt quá dung lượng cho phép.", null));
  }

  /** A multipart request that is not one, or lacks a required part. */
  @ExceptionHandler({MultipartException.class,
      MissingServletRequestPartException.class,
      MissingRequestHeaderException.class})
  ResponseEntity<Map<String, Object>> badMultipart(Exception e) {
    String part = e instanceof MissingServletRequestPartException m
        ? m.getRequestPartName() : null;
    return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, "bad_request",
        "Yêu cầu thiếu phần bắt buộc hoặc không đúng dạng multipart/form-data.",
        part == null ? null : Map.of(part, "Thiếu phần \"" + part + "\" của yêu cầu.")));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
    Map<String, String> fields = new LinkedHashMap<>();
    e.getBindingResult().getFieldErrors().forEach(f -> fields.putIfAbsent(f.getField(), f.getDefaultMessage()));
    return ResponseEntity.badRequest()
        .body(body(HttpStatus.BAD_REQUEST, "invalid", "Dữ liệu gửi lên chưa hợp lệ.", fields));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, "unreadable",
        "Nội dung yêu cầu không đọc được: không phải JSON hợp lệ hoặc sai kiểu dữ liệu.", null));
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
  ResponseEntity<Map<String, Object>> badParameter(Exception e) {
    return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, "bad_parameter",
        "Tham số của yêu cầu thiếu hoặc sai kiểu.", null));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(body(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type", "Kiểu nội dung không được hỗ trợ.", null));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(body(HttpStatus.METHOD_NOT_ALLOWED,
        "method_not_allowed", "Phương thức không được hỗ trợ cho địa chỉ này.", null));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(body(HttpStatus.NOT_FOUND, "not_found", "Không tìm thấy địa chỉ được yêu cầu.", null));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> authorization(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body(HttpStatus.FORBIDDEN, "forbidden",
        "Tài khoản của bạn không có quyền thực hiện thao tác này.", null));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ClientError known) {
      return answer(known);
    }
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(body(HttpStatus.INTERNAL_SERVER_ERROR,
        "internal", "Hệ thống gặp lỗi ngoài dự kiến; yêu cầu chưa được thực hiện. Vui lòng thử lại sau.", null));
  }
}
