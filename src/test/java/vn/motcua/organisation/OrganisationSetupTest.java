package vn.motcua.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.tasklist.TasklistFilters;

@MotCuaSpringTest
class OrganisationSetupTest {
  @Autowired IdentityService identityService;
  @Autowired FilterService filterService;
  @Autowired OrganisationDirectory directory;
  @Autowired IdentitySync identitySync;
  @Autowired DemoUsers demoUsers;
  @Value("${spring.datasource.url}") String datasourceUrl;

  @Test
  void application_starts_and_reports_its_database() {
    System.out.println("Application context started on " + datasourceUrl);
    assertThat(datasourceUrl).startsWith(
        "postgres".equals(System.getProperty("motcua.test.db")) ? "jdbc:postgresql:" : "jdbc:h2:");
  }

  @Test
  void every_agency_role_is_a_camunda_group_without_a_district_level() {
    for (Agency agency : directory.agencies()) {
      assertThat(agency.level()).isIn(Agency.Level.PROVINCE, Agency.Level.COMMUNE);
      for (Role role : agency.roles()) {
        assertThat(identityService.createGroupQuery().groupId(agency.groupId(role)).count())
            .as(agency.groupId(role)).isEqualTo(1);
      }
    }
    assertThat(identityService.createGroupQuery().groupId("tq-stp.specialist").singleResult().getName())
        .isEqualTo("Sở Tư pháp — Chuyên viên thụ lý");
  }

  @Test
  void there_is_a_demo_user_for_every_role() {
    for (Role role : Role.values()) {
      assertThat(demoUsers.users())
          .as("demo user for " + role)
          .anyMatch(u -> u.groups().stream().anyMatch(g -> g.endsWith("." + role.id())));
    }
    assertThat(identityService.checkPassword("cv.minh", "demo")).isTrue();
    // the webapps show "first last": first name = family and middle names, last name = given name
    var minh = identityService.createUserQuery().userId("cv.minh").singleResult();
    assertThat(minh.getFirstName() + " " + minh.getLastName()).isEqualTo("Lê Quang Minh");
  }

  @Test
  void sync_is_idempotent() {
    long groups = identityService.createGroupQuery().count();
    identitySync.sync();
    identitySync.sync();
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
  }

  @Test
  void vietnamese_tasklist_filters_exist_once() {
    for (String name : new String[] {TasklistFilters.MY_TASKS, TasklistFilters.UNIT_TASKS,
        TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE}) {
      assertThat(filterService.createTaskFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
    }
  }
}
