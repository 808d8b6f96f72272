package vn.motcua.dossier.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The reception page (trang tiếp nhận hồ sơ) at {@code /tiep-nhan/}: a static page
 * ({@code static/tiep-nhan/index.html}) where the one-stop officer finds the procedure among the whole
 * catalogue by code or words of its name, with or without diacritics, and registers the dossier received at
 * the counter ({@link DossierController#register}).
 */
@Configuration
public class ReceptionPage implements WebMvcConfigurer {
  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/tiep-nhan", "/tiep-nhan/");
    registry.addViewController("/tiep-nhan/").setViewName("forward:/tiep-nhan/index.html");
  }
}
