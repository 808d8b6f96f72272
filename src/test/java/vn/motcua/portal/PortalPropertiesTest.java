package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The province's settings: which procedures sync, and the retry back-off (docs/portal.md, "Configuration"). */
class PortalPropertiesTest {

  private static PortalProperties with(List<String> procedures) {
    return new PortalProperties(true, "http://127.0.0.1:1/", "k", "08", procedures, Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofMinutes(10),
        Duration.ofSeconds(2), 50, true);
  }

  @Test
  void no_procedure_listed_syncs_every_procedure_and_a_list_syncs_only_its_codes_or_keys() {
    assertThat(with(List.of()).syncs("1.001612", "Procedure_HouseholdBusinessRegistration")).isTrue();
    assertThat(with(List.of("")).syncs("1.001612", "Procedure_HouseholdBusinessRegistration")).isTrue();
    PortalProperties some = with(List.of(" 1.001612 ", "Procedure_JudicialRecord"));
    assertThat(some.syncs("1.001612", "Procedure_HouseholdBusinessRegistration")).isTrue();
    assertThat(some.syncs(null, "Procedure_JudicialRecord")).isTrue();
    assertThat(some.syncs("2.000001", "Procedure_BirthRegistration")).isFalse();
  }

  @Test
  void the_back_off_doubles_from_the_initial_wait_and_stops_at_the_cap() {
    PortalProperties p = with(List.of());
    assertThat(p.backoff(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.backoff(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.backoff(4)).isEqualTo(Duration.ofSeconds(80));
    assertThat(p.backoff(7)).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.backoff(100)).isEqualTo(Duration.ofMinutes(10));
  }
}
