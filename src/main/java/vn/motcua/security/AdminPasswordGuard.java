package vn.motcua.security;

import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the demo setup, refuses to start while the administrator's password is unset or a known
 * default. Runs before any bean is created, so the engine never creates an administrator with a weak
 * password. {@link InsecureConfigurationFailureAnalyzer} turns the refusal into one clear message.
 */
@Component
public class AdminPasswordGuard implements BeanFactoryPostProcessor, EnvironmentAware {
  static final Set<String> KNOWN_DEFAULTS =
      Set.of("demo", "admin", "camunda", "password", "changeme", "123456", "12345678", "motcua",
          "administrator", "root", "secret", "matkhau");

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    check(environment);
  }

  static void check(Environment env) {
    if (env.getProperty("motcua.demo.enabled", Boolean.class, false)) {
      return;
    }
    String user = env.getProperty("camunda.bpm.admin-user.id", "");
    String password = env.getProperty("camunda.bpm.admin-user.password", "");
    if (isWeak(user, password)) {
      throw new InsecureConfigurationException(
          "The administrator's password (MOTCUA_ADMIN_PASSWORD) is unset or a known default; "
              + "Một Cửa does not start without the demo profile until it is set.");
    }
  }

  static boolean isWeak(String user, String password) {
    if (password == null || password.isBlank()) {
      return true;
    }
    String p = password.trim().toLowerCase(Locale.ROOT);
    return KNOWN_DEFAULTS.contains(p) || p.equals(user == null ? "" : user.toLowerCase(Locale.ROOT)) || p.length() < 10;
  }
}
