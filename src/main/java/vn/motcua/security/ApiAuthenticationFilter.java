package vn.motcua.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.organisation.Role;

/**
 * HTTP Basic authentication of the project API ({@code /api/*}) against the engine's identity service,
 * with coarse role checks per path. {@code /api/public/*} is open. For the duration of the request the
 * engine's current authentication is the caller, so engine authorization checks apply to them.
 *
 * <p>Path rules: {@code /api/admin/*} and {@code /actuator/prometheus} (metrics) need a supervisor, a
 * process admin or a Camunda administrator; every other {@code /api/*} path needs any of the
 * organisation's roles. A GET request without credentials is also accepted from an officer logged into
 * the Camunda webapps in the same browser session (links from Tasklist forms to printable slips), see
 * {@link WebappSession}. Finer checks (which unit's
 * dossier) are made by the services, with {@link Officer}.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {
  private final IdentityService identityService;
  private final OrganisationDirectory directory;

  public ApiAuthenticationFilter(IdentityService identityService, OrganisationDirectory directory) {
    this.identityService = identityService;
    this.directory = directory;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/public/") || path.equals("/api/public")) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String[]> credentials = basicCredentials(request);
    Optional<String> webappUser = credentials.isEmpty() ? WebappSession.user(request) : Optional.empty();
    if (webappUser.isEmpty()
        && (credentials.isEmpty() || !identityService.checkPassword(credentials.get()[0], credentials.get()[1]))) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"motcua\", charset=\"UTF-8\"");
      ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
          "Cần đăng nhập bằng tài khoản cán bộ để dùng chức năng này.");
      return;
    }
    String userId = webappUser.orElseGet(() -> credentials.get()[0]);
    List<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    Officer officer =
        new Officer(userId, groups,
            groups.stream().map(directory::parseGroup).flatMap(Optional::stream).toList());
    if (!allowed(path, officer)) {
      ApiErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden",
          "Tài khoản của bạn không có quyền dùng chức năng này.");
      return;
    }
    request.setAttribute(Officer.REQUEST_ATTRIBUTE, officer);
    identityService.setAuthentication(userId, groups);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  static boolean allowed(String path, Officer officer) {
    if (officer.isAdmin()) {
      return true;
    }
    if (path.startsWith("/api/admin/") || path.startsWith("/actuator/")) {
      return officer.hasRole(Role.SUPERVISOR) || officer.hasRole(Role.PROCESS_ADMIN);
    }
    return !officer.unitRoles().isEmpty();
  }

  static Optional<String[]> basicCredentials(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
