package vn.motcua.accesslog;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import vn.motcua.security.Officer;

/**
 * Writes the access log for every officers' endpoint that shows a dossier's personal data, keyed on the
 * endpoints' patterns ({@link #SCREENS}): the dossier view, its files, its printed forms and the exports of
 * dossier lists. It runs just before the answer's body is written, so the entry exists before the officer sees
 * anything, and a read whose entry cannot be written fails (500) instead of going unrecorded. Only a read that
 * succeeded (2xx) is logged: a refused one (403, 404, 409) showed nothing. A new reading endpoint is added to
 * {@link #SCREENS} (AccessLogTest checks each of them).
 */
@ControllerAdvice
public class AccessLogInterceptor implements ResponseBodyAdvice<Object> {
  private static final Logger log = LoggerFactory.getLogger(AccessLogInterceptor.class);

  /** The reading endpoints (Spring MVC patterns) and their screens. */
  static final Map<String, Screen> SCREENS = Map.of(
      "/api/dossiers/{code}", Screen.DOSSIER_VIEW,
      "/api/dossiers/{code}/files", Screen.FILE_LIST,
      "/api/dossiers/{code}/files/{fileId}", Screen.FILE,
      "/api/dossiers/{code}/forms/{number}.pdf", Screen.PRINTED_FORM,
      "/api/reports/ledger.pdf", Screen.EXPORT,
      "/api/reports/resolution/dossiers", Screen.EXPORT,
      "/api/reports/resolution/dossiers/export", Screen.EXPORT,
      "/api/reports/deadlines", Screen.EXPORT,
      "/api/reports/deadlines/export", Screen.EXPORT);

  private final AccessLog accessLog;

  public AccessLogInterceptor(AccessLog accessLog) {
    this.accessLog = accessLog;
  }

  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest serverRequest,
      ServerHttpResponse serverResponse) {
    if (serverRequest instanceof ServletServerHttpRequest req && serverResponse instanceof ServletServerHttpResponse res) {
      logRead(req.getServletRequest(), res.getServletResponse());
    }
    return body;
  }

  private void logRead(HttpServletRequest request, HttpServletResponse response) {
    if (!"GET".equals(request.getMethod()) || response.getStatus() / 100 != 2) {
      return;
    }
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    Screen screen = pattern == null ? null : SCREENS.get(pattern.toString());
    if (screen == null || !(request.getAttribute(Officer.REQUEST_ATTRIBUTE) instanceof Officer officer)) {
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String code = vars == null ? null : vars.get("code");
    String detail = switch (screen) {
      case FILE -> "Tệp số " + vars.get("fileId");
      case PRINTED_FORM -> "Mẫu " + vars.get("number");
      case EXPORT -> request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
      default -> null;
    };
    try {
      accessLog.record(officer, code, screen, detail);
    } catch (RuntimeException e) {
      // nothing is shown without its entry
      log.error("Access log entry NOT written, read refused: officer {} read {} through {} ({})", officer.userId(), code,
          screen, detail, e);
      throw e;
    }
  }
}
