package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import vn.motcua.MotCuaSpringTest;

/** A database seeded by the demo profile cannot be started as production. */
@MotCuaSpringTest
class DemoAccountsGuardTest {
  @Autowired IdentityService identityService;
  @Autowired ObjectMapper mapper;

  @Test
  void refuses_a_production_start_while_demo_accounts_accept_the_demo_password() {
    assertThatThrownBy(() -> new DemoAccountsGuard(identityService, new DefaultResourceLoader(), mapper,
        "classpath:demo/users.json"))
        .isInstanceOf(InsecureConfigurationException.class)
        .hasMessageContaining("mc.hung")
        .hasMessageContaining("demo");
  }

  @Test
  void finds_the_demo_administrator_even_without_the_demo_users_file() {
    assertThatThrownBy(() -> new DemoAccountsGuard(identityService, new DefaultResourceLoader(), mapper,
        "classpath:no-such-file.json"))
        .isInstanceOf(InsecureConfigurationException.class)
        .hasMessageContaining("[demo]");
  }
}
