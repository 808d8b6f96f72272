package vn.motcua.accesslog;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.organisation.OrganisationDirectory;

/** The access log on Camunda's REST APIs: after Camunda's authentication of {@code /engine-rest} (order 10). */
@Configuration
public class AccessLogFilters {
  @Bean
  FilterRegistrationBean<TaskReadLogFilter> taskReadLog(AccessLog accessLog, TaskService taskService,
      RuntimeService runtimeService, IdentityService identityService, OrganisationDirectory directory) {
    FilterRegistrationBean<TaskReadLogFilter> registration = new FilterRegistrationBean<>(
        new TaskReadLogFilter(accessLog, taskService, runtimeService, identityService, directory));
    registration.setName("engine-api-access-log");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(13);
    return registration;
  }

  @Bean
  FilterRegistrationBean<VariableReadLogFilter> variableReadLog(AccessLog accessLog, RuntimeService runtimeService,
      HistoryService historyService, IdentityService identityService, OrganisationDirectory directory) {
    FilterRegistrationBean<VariableReadLogFilter> registration = new FilterRegistrationBean<>(
        new VariableReadLogFilter(accessLog, runtimeService, historyService, identityService, directory));
    registration.setName("engine-api-variable-access-log");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST);
    registration.setOrder(14);
    return registration;
  }
}
