package vn.motcua.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import java.util.Optional;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.organisation.Role;

/**
 * Deploying models through the engine REST API ({@code POST /engine-rest/deployment/create}, Camunda
 * Modeler's "Deploy") is for process admins ({@code *.processadmin}) and Camunda administrators. Runs after
 * Camunda's authentication filter: an officer gets 403 with a Vietnamese message in the body's
 * {@code message}, which Modeler shows, instead of the engine's English authorization error. The engine's
 * own authorization (CREATE on DEPLOYMENT, granted to the process admin groups by IdentitySync) still applies.
 */
public class DeploymentAccessFilter extends OncePerRequestFilter {
  static final String MESSAGE = "Chỉ cán bộ quản trị quy trình (nhóm <đơn vị>.processadmin) được triển khai quy trình "
      + "lên hệ thống. Tài khoản của bạn không có quyền này.";
  private final IdentityService identityService;

  public DeploymentAccessFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // Camunda's filter before this one has checked the password (401 otherwise)
    Optional<String[]> credentials = ApiAuthenticationFilter.basicCredentials(request);
    List<String> groups = credentials.map(c -> identityService.createGroupQuery().groupMember(c[0]).list().stream()
        .map(Group::getId).toList()).orElse(null);
    if (groups != null && !mayDeploy(groups)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"" + MESSAGE + "\"}");
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean mayDeploy(List<String> groups) {
    return groups != null && groups.stream().anyMatch(g -> g.equals(Officer.CAMUNDA_ADMIN)
        || g.endsWith("." + Role.PROCESS_ADMIN.id()));
  }
}
