package vn.motcua.accesslog;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.security.EngineApiCaller;
import vn.motcua.security.Officer;
import vn.motcua.security.SystemAccess;
import vn.motcua.web.DatabaseUnavailable;

/**
 * What the access-log filters on Camunda's REST APIs share ({@link TaskReadLogFilter},
 * {@link VariableReadLogFilter}): for a request the subclass logs, made by an officer (the Basic user of
 * {@code /engine-rest}, the user of the webapp session: {@link EngineApiCaller}; a request without one is the
 * engine's to refuse), the answer is held back; if it succeeded (2xx), the subclass says which dossiers it
 * showed (looked up without the officer's engine authorization: the engine has already let them read it), one
 * entry per dossier is written, and only then the answer goes out. A read whose entries cannot be written fails
 * (500, a Vietnamese message; 503 with {@code Retry-After} when the database is away) and shows nothing. A read that showed no dossier writes nothing.
 */
abstract class EngineReadLogFilter extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(EngineReadLogFilter.class);
  static final String REFUSED = "{\"type\":\"AccessLogException\",\"message\":\"Không ghi được nhật ký truy cập "
      + "dữ liệu cá nhân; dữ liệu không được hiển thị. Vui lòng thử lại sau.\"}";

  protected final AccessLog accessLog;
  protected final IdentityService identityService;
  private final OrganisationDirectory directory;

  EngineReadLogFilter(AccessLog accessLog, IdentityService identityService, OrganisationDirectory directory) {
    this.accessLog = accessLog;
    this.identityService = identityService;
    this.directory = directory;
  }

  /** What a successful read showed: the dossiers (their ids), the screen and the detail of the entries. */
  record Read(Collection<Long> dossierIds, Screen screen, String detail) {}

  /** Whether this request (path without the context path) is a read this filter logs. */
  abstract boolean logs(HttpServletRequest request, String path);

  /**
   * The dossiers the successful read showed, from the request and the answer's body (run without the caller's
   * engine authorization); null or no dossier: nothing to log.
   */
  abstract Read read(HttpServletRequest request, String path, byte[] answer);

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<Officer> officer =
        logs(request, path) ? EngineApiCaller.of(request, identityService, directory) : Optional.empty();
    if (officer.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, held);
    if (held.getStatus() / 100 == 2) {
      Read read = null;
      try {
        read = SystemAccess.run(identityService, () -> read(request, path, held.getContentAsByteArray()));
        if (read != null && !read.dossierIds().isEmpty()) {
          accessLog.recordDossiers(officer.get(), read.dossierIds(), read.screen(), read.detail());
        }
      } catch (RuntimeException e) {
        log.error("Access log entry NOT written, read refused: officer {} read {} through {} ({})",
            officer.get().userId(), read == null ? path : read.dossierIds(), read == null ? null : read.screen(),
            read == null ? request.getMethod() + " " + path : read.detail(), e);
        if (DatabaseUnavailable.answerIfOutage(request, response, e)) {
          return; // the database is away: 503 with Retry-After, as every API answers then
        }
        response.reset();
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(REFUSED);
        return;
      }
    }
    held.copyBodyToResponse();
  }
}
