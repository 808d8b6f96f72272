package vn.motcua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sending job's retries outlast the claim lease, or the configuration is refused at start-up. */
class NotificationPropertiesTest {

  private static NotificationProperties with(String retryCycle, Duration lease) {
    return new NotificationProperties("https://x.vn/tra-cuu/", retryCycle,
        new NotificationProperties.Mail("khong-tra-loi@motcua.local", "Một Cửa"),
        new NotificationProperties.Sms(null, null, null, null), lease);
  }

  @Test
  void the_span_of_a_cycle() {
    // R3/PT5M makes three attempts (NotificationFlowTest), so R5/PT10M waits four times
    assertThat(NotificationProperties.retrySpan("R5/PT10M")).isEqualTo(Duration.ofMinutes(40));
    assertThat(NotificationProperties.retrySpan("PT1M, PT5M")).isEqualTo(Duration.ofMinutes(6));
    assertThat(NotificationProperties.retrySpan("not a cycle")).isNull();
  }

  @Test
  void the_defaults_and_the_cluster_runs_settings_are_accepted() {
    assertThat(with("R5/PT10M", Duration.ofMinutes(1)).retryCycle()).isEqualTo("R5/PT10M");
    assertThat(with("R6/PT15S", Duration.ofSeconds(45)).claimLease()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void retries_that_end_before_the_lease_are_refused() {
    // five attempts five seconds apart (20 s of waits) against a lease of 45 s: a send cut off by the database's restart
    // became an incident while its own node still held it (the cluster run of 2026-12-06)
    assertThatThrownBy(() -> with("R5/PT5S", Duration.ofSeconds(45)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("motcua.notification.retry-cycle R5/PT5S")
        .hasMessageContaining("claim-lease PT45S");
  }
}
