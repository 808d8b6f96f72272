package vn.motcua.security;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.organisation.OrganisationDirectory;

/**
 * Authentication in front of the two HTTP APIs.
 *
 * <ul>
 *   <li>{@code /engine-rest/*}: Camunda's own {@link ProcessEngineAuthenticationFilter} with HTTP Basic
 *       against the engine's identity service, as Camunda documents it. A request without valid
 *       credentials gets 401; with them, the engine's authorization checks apply to that user.
 *   <li>{@code /api/*} (the project's API): {@link ApiAuthenticationFilter}, same credentials, plus
 *       role checks per path; {@code /api/public/*} stays open for citizens and the national portal.
 *   <li>{@code /actuator/prometheus} (metrics): the same filter; supervisors, process admins, admins.
 *   <li>Before all of them and the webapps' login form: {@link LoginThrottleFilter}, login throttling per
 *       source and account instead of Camunda's per-account lock.
 * </ul>
 */
@Configuration
public class RestApiSecurity {

  /** Before every password check: login throttling per source and account ({@link LoginThrottle}). */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottling(LoginThrottle throttle) {
    FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
    registration.setName("login-throttling");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/prometheus", "/camunda/api/admin/auth/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(5);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.setInitParameters(
        Map.of(
            ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            HttpBasicAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(10);
    return registration;
  }

  /** Deployments through the engine REST API (Modeler's "Deploy"): process admins only, with a Vietnamese 403. */
  @Bean
  FilterRegistrationBean<DeploymentAccessFilter> engineRestDeploymentAccess(IdentityService identityService) {
    FilterRegistrationBean<DeploymentAccessFilter> registration =
        new FilterRegistrationBean<>(new DeploymentAccessFilter(identityService));
    registration.setName("engine-rest-deployment-access");
    registration.addUrlPatterns("/engine-rest/deployment/create");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(12);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(
      IdentityService identityService, OrganisationDirectory directory) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService, directory));
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*", "/actuator/prometheus");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(11);
    return registration;
  }
}
