package vn.motcua.procedure;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The process admin's page (trang quản trị quy trình) at {@code /quy-trinh/}, beside the supervisors'
 * {@code /giam-sat/}: a static page ({@code static/quy-trinh/index.html}) that previews and starts the
 * migration of running dossiers to a new version of a procedure ({@link ProcedureMigrationController}).
 */
@Configuration
public class ProcessAdminPage implements WebMvcConfigurer {
  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/quy-trinh", "/quy-trinh/");
    registry.addViewController("/quy-trinh/").setViewName("forward:/quy-trinh/index.html");
  }
}
