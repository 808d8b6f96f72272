package vn.motcua.citizen;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The citizens' status page (trang tra cứu hồ sơ) at {@code /tra-cuu/}: a static page
 * ({@code static/tra-cuu/index.html}) that calls the public API; usable on a phone, no login.
 * {@code /tra-cuu/?ma=<code>} fills the code in (the link printed on the receipt and sent in messages).
 */
@Configuration
public class StatusPage implements WebMvcConfigurer {
  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/tra-cuu", "/tra-cuu/");
    registry.addViewController("/tra-cuu/").setViewName("forward:/tra-cuu/index.html");
  }
}
