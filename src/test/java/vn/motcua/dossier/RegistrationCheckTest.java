package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.RegistrationCheck.OnlineSubmission;
import vn.motcua.dossier.RegistrationCheck.RegisterCommand;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.organisation.Role;
import vn.motcua.procedure.Procedure;
import vn.motcua.web.ApiException;

/** The registration check on its own: no Spring, no engine; procedures and agencies in memory. */
class RegistrationCheckTest {
  static final Agency CENTRE = new Agency("tq-ttpvhcc", "000.00.12.H60", "Trung tâm Phục vụ hành chính công tỉnh",
      "TTPVHCC", Agency.Level.PROVINCE, Agency.Type.SERVICE_CENTRE, null, List.of(Role.RECEPTION));
  static final Agency DEPARTMENT = new Agency("tq-sct", "000.00.13.H60", "Sở Công Thương", "SCT",
      Agency.Level.PROVINCE, Agency.Type.DEPARTMENT, null, List.of(Role.SPECIALIST, Role.LEADER));
  static final Agency COMMUNE = new Agency("tq-mx", "000.00.14.H60", "Ủy ban nhân dân phường Minh Xuân", "UBND Minh Xuân",
      Agency.Level.COMMUNE, Agency.Type.COMMUNE_COMMITTEE, null, List.of(Role.RECEPTION, Role.SPECIALIST));
  static final Procedure PROVINCIAL = procedure("Procedure_Provincial", DEPARTMENT.key());
  static final Procedure COMMUNAL = procedure("Procedure_Communal", Procedure.RECEIVING_UNIT);
  static final Applicant APPLICANT = new Applicant("Lê Văn Bình", "001203004567", "0912 345 678", null,
      "Phường Minh Xuân", null);

  static final Agency OTHER_COMMUNE = new Agency("tq-nt", "000.00.15.H60", "Ủy ban nhân dân phường Nông Tiến",
      "UBND Nông Tiến", Agency.Level.COMMUNE, Agency.Type.COMMUNE_COMMITTEE, null,
      List.of(Role.RECEPTION, Role.SPECIALIST, Role.LEADER));

  final RegistrationCheck check = new RegistrationCheck(
      key -> Optional.ofNullable(Map.of(PROVINCIAL.key(), PROVINCIAL, COMMUNAL.key(), COMMUNAL).get(key)),
      new OrganisationDirectory("Tỉnh Thử nghiệm", List.of(CENTRE, DEPARTMENT, COMMUNE, OTHER_COMMUNE)));

  static Procedure procedure(String key, String competentAgency) {
    return new Procedure(key, "Thủ tục thử", "1.000", "PROVINCE", competentAgency, 5, 0, null, null,
        List.of("Tờ khai", "Bản sao căn cước"), List.of(), Map.of(), Procedure.DEFAULT_STAGES, Map.of(), null, "def:1");
  }

  @Test
  void a_valid_online_submission_makes_a_registration_with_the_agencies_of_its_procedure() {
    Map<String, String> errors = new LinkedHashMap<>();
    DossierService.Registration r = check.online(new OnlineSubmission(PROVINCIAL.key(), null, APPLICANT,
        "  Đăng ký  ", List.of(new NewDocument(" Tờ khai ", 1, null))), errors);

    assertThat(errors).isEmpty();
    assertThat(r.receivingUnit()).as("the only provincial One-Stop Division").isEqualTo(CENTRE);
    assertThat(r.competentUnit()).isEqualTo(DEPARTMENT);
    assertThat(r.channel()).isEqualTo(Channel.ONLINE);
    assertThat(r.applicant().phone()).isEqualTo("0912345678");
    assertThat(r.requestSummary()).isEqualTo("Đăng ký");
    assertThat(r.documents()).containsExactly(new NewDocument("Tờ khai", 1, null));
  }

  @Test
  void every_problem_is_a_field_message_and_no_registration() {
    Map<String, String> errors = check.check(new OnlineSubmission("Procedure_Nope", "tq-nowhere",
        new Applicant("Lê Văn Bình", "12345", "0912345678", null, "Phường Minh Xuân", null), "x".repeat(2001),
        List.of(new NewDocument(" ", 1, null), new NewDocument("Tờ khai", 21, null))));

    assertThat(errors).containsOnlyKeys("procedureKey", "receivingUnit", "applicant.idNumber", "requestSummary",
        "documents[0].name", "documents[1].copies");
    assertThat(errors.get("procedureKey")).isEqualTo("Không có thủ tục hành chính 'Procedure_Nope' đang áp dụng.");
    assertThat(errors.get("receivingUnit")).isEqualTo("Không có Bộ phận Một cửa 'tq-nowhere'.");
    assertThat(errors.get("documents[1].copies")).isEqualTo("Số bản từ 1 đến 20.");
  }

  @Test
  void a_commune_procedure_is_received_and_resolved_by_the_commune() {
    assertThat(check.check(new OnlineSubmission(COMMUNAL.key(), null, APPLICANT, null, null)))
        .containsExactly(Map.entry("receivingUnit", "Cần chọn Ủy ban nhân dân cấp xã tiếp nhận hồ sơ."));
    assertThat(check.check(new OnlineSubmission(COMMUNAL.key(), CENTRE.key(), APPLICANT, null, null)))
        .containsExactly(Map.entry("receivingUnit", "Thủ tục cấp xã phải được tiếp nhận tại Ủy ban nhân dân cấp xã."));

    DossierService.Registration r =
        check.online(new OnlineSubmission(COMMUNAL.key(), COMMUNE.key(), APPLICANT, null, null), new LinkedHashMap<>());
    assertThat(r.receivingUnit()).isEqualTo(COMMUNE);
    assertThat(r.competentUnit()).isEqualTo(COMMUNE);
    assertThat(r.documents()).as("none listed: the procedure's documents are recorded").isNull();
  }

  @Test
  void an_officer_registers_at_the_counter_or_by_post_not_online() {
    Map<String, String> errors = new LinkedHashMap<>();
    Procedure procedure = check.procedure(PROVINCIAL.key(), errors);
    DossierService.Registration r = check.counter(
        new RegisterCommand(PROVINCIAL.key(), null, null, APPLICANT, null, null), procedure, CENTRE, errors);
    assertThat(errors).isEmpty();
    assertThat(r.channel()).as("default").isEqualTo(Channel.DIRECT);

    Map<String, String> online = new LinkedHashMap<>();
    assertThat(check.counter(new RegisterCommand(PROVINCIAL.key(), null, Channel.ONLINE, APPLICANT, null, null),
        procedure, CENTRE, online)).isNull();
    assertThat(online).containsOnlyKeys("channel");
  }

  @Test
  void a_missing_procedure_and_applicant_are_named_and_an_invalid_registration_is_a_400() {
    Map<String, String> errors = check.check(new OnlineSubmission(" ", null, null, null, null));
    assertThat(errors).containsExactly(Map.entry("procedureKey", "Cần chọn thủ tục hành chính."),
        Map.entry("applicant", "Thiếu thông tin người nộp hồ sơ."));

    assertThatThrownBy(() -> RegistrationCheck.requireValid(errors)).isInstanceOf(ApiException.class)
        .hasMessage("Hồ sơ chưa được đăng ký vì dữ liệu chưa hợp lệ.");
    RegistrationCheck.requireValid(Map.of());
  }

  @Test
  void a_commune_procedure_received_at_one_commune_may_be_resolved_by_another_commune_of_the_province() {
    DossierService.Registration r = check.online(new OnlineSubmission(COMMUNAL.key(), COMMUNE.key(), APPLICANT, null,
        null, OTHER_COMMUNE.key()), new LinkedHashMap<>());
    assertThat(r.receivingUnit()).isEqualTo(COMMUNE);
    assertThat(r.competentUnit()).isEqualTo(OTHER_COMMUNE);

    // the competent unit must be a commune with officers who appraise and approve
    assertThat(check.check(new OnlineSubmission(COMMUNAL.key(), OTHER_COMMUNE.key(), APPLICANT, null, null,
        COMMUNE.key()))).containsOnlyKeys("competentUnit");
    assertThat(check.check(new OnlineSubmission(COMMUNAL.key(), COMMUNE.key(), APPLICANT, null, null,
        DEPARTMENT.key()))).containsOnlyKeys("competentUnit");
    // a procedure with its own agency keeps it
    assertThat(check.check(new OnlineSubmission(PROVINCIAL.key(), null, APPLICANT, null, null, OTHER_COMMUNE.key())))
        .containsExactly(Map.entry("competentUnit", "Thủ tục này do Sở Công Thương giải quyết; không chọn được cơ quan "
            + "giải quyết khác."));
    assertThat(check.check(new OnlineSubmission(PROVINCIAL.key(), null, APPLICANT, null, null, DEPARTMENT.key())))
        .isEmpty();
  }
}
