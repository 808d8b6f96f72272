package vn.motcua.accesslog;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.motcua.security.Officer;

/**
 * Writes the access log for every officers' endpoint that shows a dossier's personal data, keyed on the
 * endpoints' patterns ({@link #SCREENS}): the dossier view, its files, its printed forms and the exports of
 * dossier lists. Only a read that succeeded (2xx) is logged: a refused one (403, 404) showed nothing. A new
 * reading endpoint is added to {@link #SCREENS} (AccessLogTest checks each of them).
 */
@Configuration
public class AccessLogInterceptor implements HandlerInterceptor, WebMvcConfigurer {
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
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/dossiers/**", "/api/reports/**");
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (!"GET".equals(request.getMethod()) || ex != null || response.getStatus() / 100 != 2) {
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
      // the read already happened; the missing entry is reported so that it can be recorded by hand
      log.error("Access log entry NOT written: officer {} read {} through {} ({})", officer.userId(), code, screen,
          detail, e);
    }
  }
}
