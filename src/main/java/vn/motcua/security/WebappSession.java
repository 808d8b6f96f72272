package vn.motcua.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * The officer logged into the Camunda webapps (Tasklist, Cockpit, Admin) in this browser session, so
 * that a link in a Tasklist form (a printable slip) opens without a second login. Read-only requests
 * only (GET, HEAD): a state-changing API call still needs HTTP Basic, so the webapp session cookie
 * cannot be used for cross-site request forgery against the API. The one place that reads the
 * webapps' session internals.
 */
final class WebappSession {
  private static final String ENGINE = "default";

  private WebappSession() {}

  static Optional<String> user(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      return Optional.empty();
    }
    return sessionUser(request);
  }

  /**
   * The user of the webapp session whatever the method: for the webapps' own API ({@code /camunda/api/*}),
   * which Camunda's webapp authentication and CSRF filter have already checked, to name who made a request
   * (the access log of Cockpit's variable queries, sent by POST). Never an authentication of the project's API.
   */
  static Optional<String> sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    if (auths == null) {
      return Optional.empty();
    }
    Authentication auth = auths.getAuthenticationForProcessEngine(ENGINE);
    if (auth == null || auth.getIdentityId() == null || Authentication.ANONYMOUS.equals(auth)) {
      return Optional.empty();
    }
    return Optional.of(auth.getIdentityId());
  }
}
