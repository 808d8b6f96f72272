package vn.motcua.report;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The supervisor page (trang giám sát) at {@code /giam-sat/}: a static page
 * ({@code static/giam-sat/index.html}) that calls {@code /api/reports} with the supervisor's login.
 */
@Configuration
public class SupervisorPage implements WebMvcConfigurer {
  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/giam-sat", "/giam-sat/");
    registry.addViewController("/giam-sat/").setViewName("forward:/giam-sat/index.html");
  }
}
