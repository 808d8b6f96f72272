package vn.motcua.petition.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The citizens' petition page at {@code /phan-anh/} ({@code static/phan-anh/index.html}), beside the status
 * page {@code /tra-cuu/}: phone-sized, no login; {@code /phan-anh/?ma=<code>} fills the code in.
 */
@Configuration
public class PetitionPage implements WebMvcConfigurer {
  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/phan-anh", "/phan-anh/");
    registry.addViewController("/phan-anh/").setViewName("forward:/phan-anh/index.html");
  }
}
