package vn.motcua.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrganisationDirectoryTest {
  private static Agency agency(String key, String identifier, String parent) {
    return new Agency(key, identifier, "Sở Thử nghiệm", "Sở TN", Agency.Level.PROVINCE,
        Agency.Type.DEPARTMENT, parent, List.of(Role.SPECIALIST));
  }

  @Test
  void parses_group_ids_into_agency_and_role() {
    OrganisationDirectory dir = new OrganisationDirectory("Tỉnh", List.of(agency("tq-stp", "000.00.12.H60", null)));
    assertThat(dir.parseGroup("tq-stp.specialist")).get()
        .satisfies(ur -> {
          assertThat(ur.agency().key()).isEqualTo("tq-stp");
          assertThat(ur.role()).isEqualTo(Role.SPECIALIST);
        });
    assertThat(dir.parseGroup("tq-stp.unknownrole")).isEmpty();
    assertThat(dir.parseGroup("camunda-admin")).isEmpty();
    assertThat(dir.parseGroup(null)).isEmpty();
  }

  @Test
  void rejects_a_bad_identifier_a_duplicate_key_and_an_unknown_parent() {
    assertThatThrownBy(() -> new OrganisationDirectory("Tỉnh", List.of(agency("a", "12345", null))))
        .hasMessageContaining("is not V1V2V3.Z1Z2.Y1Y2.MX1X2");
    assertThatThrownBy(() -> new OrganisationDirectory("Tỉnh",
        List.of(agency("a", "000.00.12.H60", null), agency("a", "000.00.13.H60", null))))
        .hasMessageContaining("duplicate key 'a'");
    assertThatThrownBy(() -> new OrganisationDirectory("Tỉnh", List.of(agency("a", "000.00.12.H60", "nope"))))
        .hasMessageContaining("unknown parent 'nope'");
    assertThatThrownBy(() -> new OrganisationDirectory("Tỉnh", List.of()))
        .hasMessageContaining("no agencies");
  }
}
