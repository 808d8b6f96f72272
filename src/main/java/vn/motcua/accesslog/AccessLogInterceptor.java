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
import vn.motcua.dossier.DossierSearch;
import vn.motcua.security.Officer;

/**
 * Writes the access log for every officers' endpoint that shows a dossier's personal data, keyed on the
 * endpoints' patterns ({@link #SCREENS}): the dossier view, its files, its printed forms, its digitisation
 * (documents and the origin of reused scans), the officers' dossier search (one entry for each dossier in the
 * answer: the rows show the applicant's name and ID number) and the exports of dossier lists (one entry per
 * export, without a dossier: the reports' drill-downs and deadline lists show no applicant data, but name the
 * dossiers, so who listed them is kept). It runs just before the answer's body is written, so the entry exists
 * before the officer sees anything, and a read whose entry cannot be written fails (500) instead of going
 * unrecorded. Only a read that
 * succeeded (2xx) is logged: a refused one (403, 404, 409) showed nothing. A new reading endpoint is added to
 * {@link #SCREENS} (AccessLogTest checks each of them).
 *
 * <p>Considered and not logged, because they show no personal data of an applicant (name, ID number, phone,
 * address, documents): the reports' aggregates ({@code /api/reports/resolution}, {@code /indicators},
 * {@code /trend}, {@code /api/reports/evaluation} and their exports: numbers per unit and procedure); the
 * national portal's sync events ({@code /api/admin/portal/dossiers/{code}/events}, {@code /dead-letters}: the
 * payload sent to the portal holds the dossier's code, procedure, units, status and dates, never the
 * applicant's data); the officers' task lists. Reads in Tasklist and Cockpit go through Camunda's REST APIs:
 * {@link TaskReadLogFilter}, {@link VariableReadLogFilter}.
 */
@ControllerAdvice
public class AccessLogInterceptor implements ResponseBodyAdvice<Object> {
  private static final Logger log = LoggerFactory.getLogger(AccessLogInterceptor.class);

  /** The reading endpoints (Spring MVC patterns) and their screens. */
  static final Map<String, Screen> SCREENS = Map.ofEntries(
      Map.entry("/api/dossiers/{code}", Screen.DOSSIER_VIEW),
      Map.entry("/api/dossiers/{code}/files", Screen.FILE_LIST),
      Map.entry("/api/dossiers/{code}/files/{fileId}", Screen.FILE),
      Map.entry("/api/dossiers/{code}/forms/{number}.pdf", Screen.PRINTED_FORM),
      Map.entry("/api/dossiers/{code}/digitisation", Screen.DIGITISATION),
      Map.entry("/api/dossiers", Screen.SEARCH),
      Map.entry("/api/reports/ledger.pdf", Screen.EXPORT),
      Map.entry("/api/reports/resolution/dossiers", Screen.EXPORT),
      Map.entry("/api/reports/resolution/dossiers/export", Screen.EXPORT),
      Map.entry("/api/reports/deadlines", Screen.EXPORT),
      Map.entry("/api/reports/deadlines/export", Screen.EXPORT),
      Map.entry("/api/reports/evaluation/dossiers", Screen.EXPORT));

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
      logRead(req.getServletRequest(), res.getServletResponse(), body);
    }
    return body;
  }

  private void logRead(HttpServletRequest request, HttpServletResponse response, Object body) {
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
      case EXPORT, SEARCH -> request.getRequestURI()
          + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
      default -> null;
    };
    try {
      if (screen == Screen.SEARCH) {
        // every dossier of the answer was read: its row shows the applicant's name and ID number
        if (body instanceof DossierSearch.Page page) {
          accessLog.recordCodes(officer, page.items().stream().map(DossierSearch.Row::code).toList(), screen, detail);
        }
      } else {
        accessLog.record(officer, code, screen, detail);
      }
    } catch (RuntimeException e) {
      // nothing is shown without its entry
      log.error("Access log entry NOT written, read refused: officer {} read {} through {} ({})", officer.userId(), code,
          screen, detail, e);
      throw e;
    }
  }
}
