package vn.motcua.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}): whatever failed outside a controller (a filter, a
 * path the container refused, a {@code sendError}) is answered in the project's JSON error shape with a
 * Vietnamese message, whatever the {@code Accept} header asks for. Replaces Spring Boot's
 * {@code BasicErrorController} (and its HTML "Whitelabel" page).
 */
@RestController
public class JsonErrorController implements ErrorController {

  @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    if (status < 400) {
      status = 500;
    }
    Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (exception instanceof ClientError known) {
      return ResponseEntity.status(known.status()).contentType(MediaType.APPLICATION_JSON)
          .body(ApiExceptionHandler.body(known.status(), known.code(), known.userMessage(), known.fields()));
    }
    HttpStatus resolved = HttpStatus.resolve(status);
    HttpStatus answer = resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved;
    return ResponseEntity.status(answer).contentType(MediaType.APPLICATION_JSON)
        .body(ApiExceptionHandler.body(answer, HttpErrors.code(answer.value()), HttpErrors.message(answer.value()),
            null));
  }
}
