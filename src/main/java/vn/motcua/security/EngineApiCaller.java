package vn.motcua.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import vn.motcua.organisation.OrganisationDirectory;

/**
 * The officer behind a request to Camunda's own REST APIs, for the access log of reads made there
 * (vn.motcua.accesslog.TaskReadLogFilter): on {@code /engine-rest/*} the HTTP Basic user, whose password
 * Camunda's {@code ProcessEngineAuthenticationFilter} checked before (a wrong one never gets this far); on the
 * webapps' API ({@code /camunda/api/engine/*}, what Tasklist and Cockpit call) the user logged into the webapp
 * session, whatever the method (Cockpit queries variables by POST; Camunda's webapp authentication and CSRF
 * filter have checked the request).
 */
public final class EngineApiCaller {
  private EngineApiCaller() {}

  public static Optional<Officer> of(HttpServletRequest request, IdentityService identityService,
      OrganisationDirectory directory) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<String> user = path.startsWith("/engine-rest/")
        ? ApiAuthenticationFilter.basicCredentials(request).map(c -> c[0])
        : WebappSession.sessionUser(request);
    return user.map(userId -> {
      List<String> groups =
          identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
      return new Officer(userId, groups, groups.stream().map(directory::parseGroup).flatMap(Optional::stream).toList());
    });
  }
}
