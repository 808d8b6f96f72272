package vn.motcua.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * One JSON error shape for the project API: {@code {status, error, message, fields}}, in Vietnamese. Not
 * limited to the project's controllers: a request refused before any controller is chosen (wrong media
 * type, unknown path, an upload over the servlet limit) gets the same shape. Every answer is written as
 * {@code application/json} whatever the request's {@code Accept} header says (text/html, application/xml):
 * a client that asked for another type still reads the error, never a 500 for want of a converter.
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
    return response.contentType(MediaType.APPLICATION_JSON).body(body(e.status(), e.code(), e.userMessage(), e.fields()));
  }

  /** The JSON answer, its content type preset so that the Accept header cannot make it unwritable. */
  static ResponseEntity<Map<String, Object>> json(HttpStatus status, String error, String message,
      Map<String, String> fields) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(body(status, error, message, fields));
  }

  /**
   * A file beyond the servlet's upload limits (spring.servlet.multipart.*): 413, nothing stored. Spring
   * reports any multipart parse failure whose message speaks of a size as "too large"; only Tomcat's own
   * size and count limits are, the rest (a body with LF-only line ends, a missing boundary) is malformed: 400.
   */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    if (!beyondLimits(e)) {
      return malformedMultipart();
    }
    return json(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
        "Tệp hoặc yêu cầu gửi lên vượt quá dung lượng cho phép.", null);
  }

  private static boolean beyondLimits(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SizeException && t.getMessage() != null && t.getMessage().startsWith("Header section")) {
        // a part's header block that never ends: the body's line ends are not CRLF (or it has no headers)
        return false;
      }
      if (t instanceof SizeException || t instanceof FileCountLimitExceededException) {
        return true;
      }
    }
    return false;
  }

  private static ResponseEntity<Map<String, Object>> malformedMultipart() {
    return json(HttpStatus.BAD_REQUEST, "malformed_body",
        "Nội dung yêu cầu multipart/form-data bị lỗi định dạng (ranh giới, xuống dòng CRLF hoặc phần đầu của từng "
            + "phần không đúng); không phải do dung lượng.", null);
  }

  /** A multipart request that is not one, or lacks a required part. */
  @ExceptionHandler({MultipartException.class,
      MissingServletRequestPartException.class,
      MissingRequestHeaderException.class})
  ResponseEntity<Map<String, Object>> badMultipart(Exception e) {
    if (e instanceof MultipartException && beyondLimits(e)) {
      return json(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
          "Tệp hoặc yêu cầu gửi lên vượt quá dung lượng cho phép.", null);
    }
    String part = e instanceof MissingServletRequestPartException m
        ? m.getRequestPartName() : null;
    return json(HttpStatus.BAD_REQUEST, "bad_request",
        "Yêu cầu thiếu phần bắt buộc hoặc không đúng dạng multipart/form-data.",
        part == null ? null : Map.of(part, "Thiếu phần \"" + part + "\" của yêu cầu."));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException e) {
    Map<String, String> fields = new LinkedHashMap<>();
    e.getBindingResult().getFieldErrors().forEach(f -> fields.putIfAbsent(f.getField(), f.getDefaultMessage()));
    return json(HttpStatus.BAD_REQUEST, "invalid", "Dữ liệu gửi lên chưa hợp lệ.", fields);
  }

  /** A body that is not JSON, or a field of the wrong type (a fraction where a whole number is due): named. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    String field = e.getCause() instanceof JsonMappingException m ? fieldOf(m) : "";
    return json(HttpStatus.BAD_REQUEST, "unreadable",
        "Nội dung yêu cầu không đọc được: không phải JSON hợp lệ hoặc sai kiểu dữ liệu.",
        field.isEmpty() ? null : Map.of(field, "Sai kiểu dữ liệu (ví dụ số lẻ ở chỗ cần số nguyên) hoặc trường không "
            + "được hỗ trợ."));
  }

  /** The JSON path of a mapping error as the API names fields: {@code documents[0].copies}. */
  public static String fieldOf(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  /**
   * A parameter missing or of the wrong type — also a form field sent as a file part where text is due
   * (the {@code secret} of a supplement as a file): 400 naming it.
   */
  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
      MethodArgumentConversionNotSupportedException.class})
  ResponseEntity<Map<String, Object>> badParameter(Exception e) {
    String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
        : e instanceof MethodArgumentConversionNotSupportedException c ? c.getName()
        : e instanceof MissingServletRequestParameterException p ? p.getParameterName() : null;
    return json(HttpStatus.BAD_REQUEST, "bad_parameter", "Tham số của yêu cầu thiếu hoặc sai kiểu.",
        name == null ? null : Map.of(name, "Thiếu hoặc sai kiểu (ví dụ gửi tệp ở chỗ cần văn bản)."));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return json(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Kiểu nội dung không được hỗ trợ.", null);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return json(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "Phương thức không được hỗ trợ cho địa chỉ này.",
        null);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> noResource(NoResourceFoundException e) {
    return json(HttpStatus.NOT_FOUND, "not_found", "Không tìm thấy địa chỉ được yêu cầu.", null);
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> authorization(AuthorizationException e) {
    return json(HttpStatus.FORBIDDEN, "forbidden", "Tài khoản của bạn không có quyền thực hiện thao tác này.", null);
  }

  /**
   * Two people acting on the same dossier or task at once: the engine's optimistic lock or the database's
   * lock refused the later one, whose transaction rolled back whole. 409: reload and decide again.
   */
  @ExceptionHandler({OptimisticLockingException.class, ConcurrencyFailureException.class})
  ResponseEntity<Map<String, Object>> concurrent(Exception e, HttpServletRequest request) {
    log.info("Concurrent change refused on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
    return json(HttpStatus.CONFLICT, "conflict", "Hồ sơ vừa được người khác cập nhật cùng lúc; thao tác của bạn chưa "
        + "được ghi nhận. Vui lòng tải lại hồ sơ và thử lại.", null);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ClientError known) {
      return answer(known);
    }
    if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
      // the framework's own refusals (not acceptable, missing path variable, ...): the status, in Vietnamese
      HttpStatusCode code = framework.getStatusCode();
      HttpStatus status = HttpStatus.resolve(code.value());
      return json(status == null ? HttpStatus.BAD_REQUEST : status, HttpErrors.code(code.value()),
          HttpErrors.message(code.value()), null);
    }
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return json(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
        "Hệ thống gặp lỗi ngoài dự kiến; yêu cầu chưa được thực hiện. Vui lòng thử lại sau.", null);
  }
}
