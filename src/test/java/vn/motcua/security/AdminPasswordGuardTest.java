package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordGuardTest {
  private static MockEnvironment production(String password) {
    MockEnvironment env = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin");
    if (password != null) {
      env.setProperty("camunda.bpm.admin-user.password", password);
    }
    return env;
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "demo", "admin", "Camunda", "password", "changeme", "short1"})
  void refuses_to_start_outside_demo_with_a_weak_password(String password) {
    assertThatThrownBy(() -> AdminPasswordGuard.check(production(password)))
        .isInstanceOf(InsecureConfigurationException.class)
        .hasMessageContaining("MOTCUA_ADMIN_PASSWORD");
  }

  @Test
  void refuses_to_start_when_the_password_is_unset() {
    assertThatThrownBy(() -> AdminPasswordGuard.check(production(null)))
        .isInstanceOf(InsecureConfigurationException.class);
  }

  @Test
  void starts_with_a_strong_password_or_in_the_demo_setup() {
    assertThatCode(() -> AdminPasswordGuard.check(production("Tuyen-Quang-2026!x"))).doesNotThrowAnyException();
    assertThatCode(() -> AdminPasswordGuard.check(production("demo").withProperty("motcua.demo.enabled", "true")))
        .doesNotThrowAnyException();
  }

  @Test
  void the_failure_is_reported_in_one_clear_line() {
    InsecureConfigurationException e = new InsecureConfigurationException("The administrator's password is unset");
    FailureAnalysis analysis = new InsecureConfigurationFailureAnalyzer().analyze(e);
    assertThat(analysis.getDescription()).isEqualTo("The administrator's password is unset").doesNotContain("\n");
    assertThat(analysis.getAction()).contains("MOTCUA_ADMIN_PASSWORD");
  }
}
