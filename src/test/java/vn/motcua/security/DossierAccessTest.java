package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.Agency.Level;
import vn.motcua.organisation.Agency.Type;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.organisation.OrganisationDirectory.UnitRole;
import vn.motcua.organisation.Role;
import vn.motcua.security.DossierAccess.Action;
import vn.motcua.security.DossierAccess.DossierUnits;
import vn.motcua.web.ApiException;

/**
 * The access policy per role and unit, without the application: a commune dossier (received and solved
 * by Minh Xuân), a department dossier (received at the provincial centre, solved by the Department of
 * Justice), and the officers who may or may not read, act on, print, search or report on them.
 */
class DossierAccessTest {
  private static final String CENTRE = "tq-ttpvhcc";
  private static final String JUSTICE = "tq-stp";
  private static final String ENVIRONMENT = "tq-snnmt";
  private static final String LAND_OFFICE = "tq-vpdkdd"; // parent: ENVIRONMENT
  private static final String MINH_XUAN = "tq-minhxuan";
  private static final String NONG_TIEN = "tq-nongtien";
  private static final String COMMUNE_CENTRE = "tq-minhxuan-mc"; // a service centre, but of a commune

  private static final OrganisationDirectory DIRECTORY = new OrganisationDirectory("Tuyên Quang", List.of(
      agency(CENTRE, "000.00.01.H60", Level.PROVINCE, Type.SERVICE_CENTRE, null,
          Role.RECEPTION, Role.SUPERVISOR, Role.PROCESS_ADMIN),
      agency(JUSTICE, "000.00.12.H60", Level.PROVINCE, Type.DEPARTMENT, null,
          Role.SPECIALIST, Role.LEADER, Role.SUPERVISOR),
      agency(ENVIRONMENT, "000.00.15.H60", Level.PROVINCE, Type.DEPARTMENT, null,
          Role.SPECIALIST, Role.LEADER, Role.SUPERVISOR),
      agency(LAND_OFFICE, "001.15.15.H60", Level.PROVINCE, Type.SECTOR_AGENCY, ENVIRONMENT,
          Role.SPECIALIST, Role.LEADER),
      agency(MINH_XUAN, "000.01.30.H60", Level.COMMUNE, Type.COMMUNE_COMMITTEE, null,
          Role.RECEPTION, Role.SPECIALIST, Role.LEADER, Role.SUPERVISOR),
      agency(NONG_TIEN, "000.02.30.H60", Level.COMMUNE, Type.COMMUNE_COMMITTEE, null,
          Role.RECEPTION, Role.SPECIALIST, Role.LEADER, Role.SUPERVISOR),
      agency(COMMUNE_CENTRE, "000.01.31.H60", Level.COMMUNE, Type.SERVICE_CENTRE, null, Role.SUPERVISOR)));

  private final DossierAccess access = new DossierAccess(DIRECTORY);

  private record TestDossier(String receivingUnit, String competentUnit, String currentUnit) implements DossierUnits {}

  /** Received, solved and now at Minh Xuân. */
  private static final TestDossier COMMUNE_DOSSIER = new TestDossier(MINH_XUAN, MINH_XUAN, MINH_XUAN);
  /** Received at the provincial centre, solved by Justice, now at the land office (asked for an opinion). */
  private static final TestDossier DEPARTMENT_DOSSIER = new TestDossier(CENTRE, JUSTICE, LAND_OFFICE);

  private static Agency agency(String key, String identifier, Level level, Type type, String parent, Role... roles) {
    return new Agency(key, identifier, key, key, level, type, parent, Arrays.asList(roles));
  }

  /** An officer with the given roles, written as {@code "unit.role"} group ids. */
  private static Officer officer(String... groups) {
    List<UnitRole> unitRoles = new ArrayList<>();
    for (String g : groups) {
      DIRECTORY.parseGroup(g).ifPresent(unitRoles::add);
    }
    return new Officer("u", List.of(groups), unitRoles);
  }

  private static final Officer ADMIN = officer(Officer.CAMUNDA_ADMIN);
  private static final Officer RECEPTION_MX = officer("tq-minhxuan.reception");
  private static final Officer SPECIALIST_MX = officer("tq-minhxuan.specialist");
  private static final Officer LEADER_MX = officer("tq-minhxuan.leader");
  private static final Officer SUPERVISOR_MX = officer("tq-minhxuan.supervisor");
  private static final Officer RECEPTION_NT = officer("tq-nongtien.reception");
  private static final Officer SPECIALIST_NT = officer("tq-nongtien.specialist");
  private static final Officer SUPERVISOR_NT = officer("tq-nongtien.supervisor");
  private static final Officer PROVINCIAL_SUPERVISOR = officer("tq-ttpvhcc.supervisor");
  private static final Officer CENTRE_RECEPTION = officer("tq-ttpvhcc.reception");
  private static final Officer PROCESS_ADMIN = officer("tq-ttpvhcc.processadmin");
  private static final Officer JUSTICE_SPECIALIST = officer("tq-stp.specialist");
  private static final Officer JUSTICE_SUPERVISOR = officer("tq-stp.supervisor");
  private static final Officer ENVIRONMENT_SUPERVISOR = officer("tq-snnmt.supervisor");
  private static final Officer LAND_OFFICE_SPECIALIST = officer("tq-vpdkdd.specialist");
  private static final Officer COMMUNE_CENTRE_SUPERVISOR = officer("tq-minhxuan-mc.supervisor");
  /** Authenticated but with no organisation role (the API filter lets no such officer through). */
  private static final Officer NO_ROLE = officer("some-group");

  private static void refused(Runnable r, HttpStatus status) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(status));
  }

  // ---- the provincial supervisor rule, once ----

  @Test
  void a_provincial_supervisor_is_a_supervisor_of_the_provincial_service_centre_only() {
    assertThat(DossierAccess.provincialSupervisor(PROVINCIAL_SUPERVISOR)).isTrue();
    assertThat(DossierAccess.provincialSupervisor(CENTRE_RECEPTION)).isFalse(); // the role matters
    assertThat(DossierAccess.provincialSupervisor(PROCESS_ADMIN)).isFalse();
    assertThat(DossierAccess.provincialSupervisor(JUSTICE_SUPERVISOR)).isFalse(); // province, not a centre
    assertThat(DossierAccess.provincialSupervisor(COMMUNE_CENTRE_SUPERVISOR)).isFalse(); // a centre, not province
    assertThat(DossierAccess.provincialSupervisor(ADMIN)).isFalse(); // sees all for another reason
  }

  // ---- read (the dossier page, its files) and print forms 01–05 ----

  @Test
  void every_role_of_the_dossiers_own_unit_reads_and_prints_it() {
    for (Officer o : List.of(RECEPTION_MX, SPECIALIST_MX, LEADER_MX, SUPERVISOR_MX)) {
      assertThat(access.mayRead(o, COMMUNE_DOSSIER)).isTrue();
      access.requireReader(o, COMMUNE_DOSSIER);
      access.requirePrinter(o, COMMUNE_DOSSIER);
    }
  }

  @Test
  void the_receiving_competent_and_current_units_each_read_the_dossier() {
    assertThat(access.mayRead(CENTRE_RECEPTION, DEPARTMENT_DOSSIER)).isTrue(); // receiving
    assertThat(access.mayRead(JUSTICE_SPECIALIST, DEPARTMENT_DOSSIER)).isTrue(); // competent
    assertThat(access.mayRead(LAND_OFFICE_SPECIALIST, DEPARTMENT_DOSSIER)).isTrue(); // current
    // the process admin of the receiving unit reads no dossier (AccessPolicy: no personal data, issue 19)
    assertThat(access.mayRead(PROCESS_ADMIN, DEPARTMENT_DOSSIER)).isFalse();
    assertThat(access.mayRead(ENVIRONMENT_SUPERVISOR, DEPARTMENT_DOSSIER)).isFalse(); // the parent of current
  }

  @Test
  void another_units_officer_gets_403_for_read_and_print() {
    for (Officer o : List.of(RECEPTION_NT, SPECIALIST_NT, SUPERVISOR_NT, JUSTICE_SUPERVISOR, PROCESS_ADMIN,
        COMMUNE_CENTRE_SUPERVISOR, NO_ROLE)) {
      assertThat(access.mayRead(o, COMMUNE_DOSSIER)).as(o.groupIds().toString()).isFalse();
      refused(() -> access.requireReader(o, COMMUNE_DOSSIER), HttpStatus.FORBIDDEN);
      refused(() -> access.requirePrinter(o, COMMUNE_DOSSIER), HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void a_provincial_supervisor_and_an_administrator_read_and_print_every_dossier() {
    for (Officer o : List.of(PROVINCIAL_SUPERVISOR, ADMIN)) {
      for (TestDossier d : List.of(COMMUNE_DOSSIER, DEPARTMENT_DOSSIER)) {
        access.requireReader(o, d);
        access.requirePrinter(o, d);
      }
    }
  }

  // ---- act: supplement, stop (reception of the receiving unit); pause, resume (competent unit) ----

  @Test
  void reception_of_the_receiving_unit_takes_a_supplement_and_stops_but_does_not_pause() {
    for (Action a : List.of(Action.SUPPLEMENT, Action.STOP)) {
      assertThat(access.mayAct(RECEPTION_MX, COMMUNE_DOSSIER, a)).isTrue();
      assertThat(access.mayAct(CENTRE_RECEPTION, DEPARTMENT_DOSSIER, a)).isTrue();
      access.requireActor(RECEPTION_MX, COMMUNE_DOSSIER, a);
    }
    for (Action a : List.of(Action.PAUSE, Action.RESUME)) {
      assertThat(access.mayAct(RECEPTION_MX, COMMUNE_DOSSIER, a)).isFalse();
      refused(() -> access.requireActor(RECEPTION_MX, COMMUNE_DOSSIER, a), HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void specialist_and_leader_of_the_competent_unit_pause_and_resume_but_do_not_stop() {
    for (Officer o : List.of(SPECIALIST_MX, LEADER_MX)) {
      for (Action a : List.of(Action.PAUSE, Action.RESUME)) {
        assertThat(access.mayAct(o, COMMUNE_DOSSIER, a)).isTrue();
        access.requireActor(o, COMMUNE_DOSSIER, a);
      }
      for (Action a : List.of(Action.SUPPLEMENT, Action.STOP)) {
        refused(() -> access.requireActor(o, COMMUNE_DOSSIER, a), HttpStatus.FORBIDDEN);
      }
    }
    assertThat(access.mayAct(JUSTICE_SPECIALIST, DEPARTMENT_DOSSIER, Action.PAUSE)).isTrue();
    // the current unit (asked for an opinion) reads but does not stop the clock
    assertThat(access.mayAct(LAND_OFFICE_SPECIALIST, DEPARTMENT_DOSSIER, Action.PAUSE)).isFalse();
  }

  @Test
  void supervisors_process_admins_and_other_units_do_not_act() {
    for (Officer o : List.of(SUPERVISOR_MX, PROVINCIAL_SUPERVISOR, PROCESS_ADMIN, RECEPTION_NT, SPECIALIST_NT, NO_ROLE)) {
      for (Action a : Action.values()) {
        assertThat(access.mayAct(o, COMMUNE_DOSSIER, a)).as(o.groupIds() + " " + a).isFalse();
        refused(() -> access.requireActor(o, COMMUNE_DOSSIER, a), HttpStatus.FORBIDDEN);
      }
    }
  }

  @Test
  void an_administrator_does_every_action() {
    for (Action a : Action.values()) {
      access.requireActor(ADMIN, COMMUNE_DOSSIER, a);
      access.requireActor(ADMIN, DEPARTMENT_DOSSIER, a);
    }
  }

  // ---- search and the ledger (form 06) of a unit ----

  @Test
  void an_officer_searches_their_own_units_and_the_province_wide_see_all() {
    assertThat(access.searchableUnits(SPECIALIST_MX)).containsExactly(MINH_XUAN);
    assertThat(access.searchableUnits(officer("tq-minhxuan.specialist", "tq-nongtien.leader")))
        .containsExactly(MINH_XUAN, NONG_TIEN);
    assertThat(access.searchableUnits(ENVIRONMENT_SUPERVISOR)).containsExactly(ENVIRONMENT); // not the children
    assertThat(access.searchableUnits(PROVINCIAL_SUPERVISOR)).isNull();
    assertThat(access.searchableUnits(ADMIN)).isNull();
    assertThat(access.searchableUnits(PROCESS_ADMIN)).isEmpty(); // no dossier: AccessPolicy
    access.requireUnitSearcher(SPECIALIST_MX, MINH_XUAN);
    refused(() -> access.requireUnitSearcher(SPECIALIST_MX, NONG_TIEN), HttpStatus.FORBIDDEN);
    access.requireUnitSearcher(PROVINCIAL_SUPERVISOR, NONG_TIEN);
    access.requireUnitSearcher(ADMIN, NONG_TIEN);
  }

  @Test
  void the_ledger_is_for_the_units_officers_the_provincial_supervisor_and_admins() {
    for (Officer o : List.of(RECEPTION_MX, SPECIALIST_MX, LEADER_MX, SUPERVISOR_MX, PROVINCIAL_SUPERVISOR, ADMIN)) {
      assertThat(access.mayReadLedger(o, MINH_XUAN)).isTrue();
      access.requireLedgerReader(o, MINH_XUAN);
    }
    for (Officer o : List.of(RECEPTION_NT, SUPERVISOR_NT, CENTRE_RECEPTION, PROCESS_ADMIN, COMMUNE_CENTRE_SUPERVISOR)) {
      refused(() -> access.requireLedgerReader(o, MINH_XUAN), HttpStatus.FORBIDDEN);
    }
    refused(() -> access.requireLedgerReader(ENVIRONMENT_SUPERVISOR, LAND_OFFICE), HttpStatus.FORBIDDEN);
  }

  // ---- reports and their exports ----

  @Test
  void a_supervisor_reports_on_their_agencies_and_those_under_them() {
    assertThat(access.reportableUnits(SUPERVISOR_MX)).containsExactly(MINH_XUAN);
    assertThat(access.reportableUnits(ENVIRONMENT_SUPERVISOR)).containsExactlyInAnyOrder(ENVIRONMENT, LAND_OFFICE);
    assertThat(access.reportableUnits(ENVIRONMENT_SUPERVISOR, LAND_OFFICE)).containsExactly(LAND_OFFICE);
    assertThat(access.reportableUnits(SUPERVISOR_MX, null)).containsExactly(MINH_XUAN);
    assertThat(access.reportableUnits(SUPERVISOR_MX, " ")).containsExactly(MINH_XUAN);
    assertThat(access.reportableUnits(COMMUNE_CENTRE_SUPERVISOR)).containsExactly(COMMUNE_CENTRE);
  }

  @Test
  void a_supervisor_gets_403_for_another_unit_and_404_for_no_unit() {
    refused(() -> access.reportableUnits(SUPERVISOR_MX, NONG_TIEN), HttpStatus.FORBIDDEN);
    refused(() -> access.reportableUnits(JUSTICE_SUPERVISOR, LAND_OFFICE), HttpStatus.FORBIDDEN);
    refused(() -> access.reportableUnits(SUPERVISOR_MX, "tq-khong-co"), HttpStatus.NOT_FOUND);
    refused(() -> access.reportableUnits(ADMIN, "tq-khong-co"), HttpStatus.NOT_FOUND);
  }

  @Test
  void officers_who_are_not_supervisors_do_not_report() {
    for (Officer o : List.of(RECEPTION_MX, SPECIALIST_MX, LEADER_MX, CENTRE_RECEPTION, PROCESS_ADMIN,
        LAND_OFFICE_SPECIALIST, NO_ROLE)) {
      refused(() -> access.reportableUnits(o), HttpStatus.FORBIDDEN);
      refused(() -> access.reportableUnits(o, MINH_XUAN), HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void a_provincial_supervisor_and_an_administrator_report_on_the_province_or_any_one_unit() {
    for (Officer o : List.of(PROVINCIAL_SUPERVISOR, ADMIN)) {
      assertThat(access.reportableUnits(o)).isNull();
      assertThat(access.reportableUnits(o, NONG_TIEN)).isEqualTo(Set.of(NONG_TIEN));
    }
  }

  // ---- the reports' roll-up ----

  @Test
  void only_an_administrator_operates_the_rollup() {
    access.requireRollupOperator(ADMIN);
    for (Officer o : List.of(PROVINCIAL_SUPERVISOR, PROCESS_ADMIN, SUPERVISOR_MX, NO_ROLE)) {
      refused(() -> access.requireRollupOperator(o), HttpStatus.FORBIDDEN);
    }
  }
}
