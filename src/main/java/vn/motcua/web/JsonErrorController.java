package vn.motcua.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}): whatever failed outside a controller (a filter, a
 * path the container refused, a {@code sendError}) is answered in the project's JSON error shape with a
 * Vietnamese message, whatever the {@code Accept} header asks for. Replaces Spring Boot's
 * {@code BasicErrorController} (and its HTML "Whitelabel" page). It writes the bytes itself: the request
 * that failed may be one the message converters cannot cope with (a path Spring cannot decode).
 */
@RestController
public class JsonErrorController implements ErrorController {
  private final ObjectMapper json;

  public JsonErrorController(ObjectMapper json) {
    this.json = json;
  }

  @RequestMapping(path = "${server.error.path:/error}")
  public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : response.getStatus();
    if (status < 400) {
      status = 500;
    }
    Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Map<String, Object> body;
    if (exception instanceof ClientError known) {
      status = known.status().value();
      body = ApiExceptionHandler.body(known.status(), known.code(), known.userMessage(), known.fields());
    } else {
      HttpStatus resolved = HttpStatus.resolve(status);
      HttpStatus answer = resolved == null ? HttpStatus.INTERNAL_SERVER_ERROR : resolved;
      status = answer.value();
      body = ApiExceptionHandler.body(answer, HttpErrors.code(status), HttpErrors.message(status), null);
    }
    byte[] bytes = json.writeValueAsBytes(body);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
