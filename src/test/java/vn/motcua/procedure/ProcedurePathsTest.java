package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.*;
import static vn.motcua.procedure.ProcedureDriver.var;
import static vn.motcua.procedure.ProcedureDriver.vars;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.ControlLogEntry;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.dossier.OutcomeClass;
import vn.motcua.overdue.Alert;
import vn.motcua.overdue.AlertKind;
import vn.motcua.overdue.OverdueService;

/**
 * Every procedure of the catalogue, path by path, worked by the demo officers through the engine REST API
 * as in Tasklist: the result, a supplement at reception, a refusal at reception, a send-back by the leader,
 * a refusal after appraisal, a late dossier with an apology, a withdrawal; and for the inter-agency ones
 * (liên thông) a partner agency returning the dossier and a late partner stage charged to that agency.
 */
@MotCuaSpringTest
class ProcedurePathsTest extends DossierTestSupport {
  @Autowired IdentityService identityService;
  @Autowired WorkingCalendar calendar;
  @Autowired OverdueService overdue;
  ProcedureDriver driver;

  static final List<String> PROCEDURES = List.of("Procedure_HouseholdBusinessRegistration", "Procedure_BirthRegistration",
      "Procedure_MarriageRegistration", "Procedure_NewbornPackage", "Procedure_JudicialRecord",
      "Procedure_ConstructionPermit", "Procedure_LandUseCertificate");

  /** The procedures whose model declares a fee ({@code procedure.fee} > 0). */
  static final List<String> WITH_FEE = List.of("Procedure_HouseholdBusinessRegistration", "Procedure_JudicialRecord", "Procedure_ConstructionPermit",
      "Procedure_LandUseCertificate");

  static Stream<String> procedures() {
    return PROCEDURES.stream();
  }

  /** Inter-agency procedures with their partner agencies. */
  static Stream<Arguments> interAgency() {
    return Stream.of(
        Arguments.of("Procedure_NewbornPackage", List.of("tq-ca", "tq-bhxh")),
        Arguments.of("Procedure_JudicialRecord", List.of("tq-ca")),
        Arguments.of("Procedure_ConstructionPermit", List.of("tq-sxd")),
        Arguments.of("Procedure_LandUseCertificate", List.of("tq-thue")));
  }

  @BeforeEach
  void newDriver() {
    driver = new ProcedureDriver(rest, taskService, identityService, dossiers, calendar);
    clockAt("2026-03-02T09:00");
  }

  private Dossier register(String procedureKey) {
    return driver.register(procedureKey);
  }

  private List<String> events(Dossier d) {
    return dossiers.events(d.id()).stream().map(DossierEvent::type).toList();
  }

  private void assertReturned(Dossier d, String decision) {
    d = reload(d);
    assertThat(instance(d)).as("process ended").isNull();
    assertThat(d.status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(d.decision()).isEqualTo(decision);
    assertThat(driver.openTasks(d)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("procedures")
  void the_result_reaches_the_applicant_on_time(String procedure) {
    Dossier d = register(procedure);
    driver.driveToEnd(d);
    assertReturned(d, APPROVED);
    d = reload(d);
    assertThat(d.outcome()).isIn(OutcomeClass.EARLY, OutcomeClass.ON_TIME);
    assertThat(d.lateStageCount()).isZero();
    List<String> events = events(d);
    assertThat(events).contains("RECEIPT_ISSUED", "TRANSFERRED", "APPROVED", "RETURNED");
    assertThat(events.stream().filter("INTER_AGENCY_SENT"::equals).count())
        .isEqualTo(events.stream().filter("INTER_AGENCY_DONE"::equals).count());
    if (procedure.equals("Procedure_LandUseCertificate")) {
      assertThat(events).containsSubsequence("INTER_AGENCY_DONE", "CLOCK_PAUSED", "CLOCK_RESUMED", "APPROVED");
    }
    // a procedure with a fee in its model waits for it after the reception check (block "Nộp lệ phí")
    if (WITH_FEE.contains(procedure)) {
      assertThat(events).containsSubsequence("RECEIPT_ISSUED", "FEE_DUE", "FEE_PAID", "APPROVED");
    } else {
      assertThat(events).doesNotContain("FEE_DUE");
    }
  }

  @ParameterizedTest
  @MethodSource("procedures")
  void an_incomplete_dossier_is_supplemented_once_then_resolved(String procedure) {
    Dossier d = register(procedure);
    driver.answer("Task_CheckDossier", vars(var(RECEPTION_DECISION, INCOMPLETE),
        var(MISSING_ITEMS, "Thiếu bản sao giấy tờ tùy thân của người nộp")));
    driver.driveToEnd(d);
    assertThat(reload(d).status()).isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
    clockAt("2026-03-03T10:00");
    ResponseEntity<Map> supplied = rest.withBasicAuth("mc.hung", "demo").postForEntity(
        "/api/dossiers/" + d.code() + "/supplement", new HttpEntity<>("{\"note\": \"Đã nộp bổ sung\"}", json()), Map.class);
    assertThat(supplied.getStatusCode().value()).isEqualTo(200);
    driver.driveToEnd(d);
    assertReturned(d, APPROVED);
    assertThat(reload(d).supplementCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("procedures")
  void a_refused_dossier_ends_at_reception_with_the_reason(String procedure) {
    Dossier d = register(procedure);
    driver.answer("Task_CheckDossier", vars(var(RECEPTION_DECISION, REFUSE),
        var(REFUSAL_REASON, "Yêu cầu không thuộc thẩm quyền giải quyết của cơ quan")));
    driver.driveToEnd(d);
    d = reload(d);
    assertThat(instance(d)).isNull();
    assertThat(d.status()).isEqualTo(DossierStatus.NOT_ACCEPTED);
    assertThat(events(d)).contains("RECEPTION_REFUSED").doesNotContain("TRANSFERRED");
  }

  @ParameterizedTest
  @MethodSource("procedures")
  void the_leader_sends_the_appraisal_back_once_then_approves(String procedure) {
    Dossier d = register(procedure);
    driver.answer("Task_Approve", vars(var(APPROVAL_DECISION, SEND_BACK),
        var(SEND_BACK_REASON, "Cần làm rõ căn cứ pháp lý trong ý kiến thẩm định")));
    driver.driveToEnd(d);
    assertReturned(d, APPROVED);
    assertThat(dossiers.controlLog(d.id()).stream().filter(e -> e.stepKey().equals("Task_Appraise")).count()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("procedures")
  void a_dossier_refused_after_appraisal_gets_the_written_refusal(String procedure) {
    Dossier d = register(procedure);
    driver.answer("Task_Appraise", vars(var(APPRAISAL_CONCLUSION, PROPOSE_REFUSAL),
        var(APPRAISAL_OPINION, "Không đủ điều kiện theo quy định hiện hành")));
    driver.driveToEnd(d);
    assertReturned(d, REFUSED);
    assertThat(events(d)).contains("REFUSED_AFTER_APPRAISAL");
    if (procedure.equals("Procedure_LandUseCertificate")) {
      assertThat(events(d)).doesNotContain("INTER_AGENCY_SENT"); // nothing to send after a refusal
    }
    if (procedure.equals("Procedure_NewbornPackage")) {
      // the electronic package went to every agency at once; the refusal of the birth registration stops them
      assertThat(events(d)).contains("INTER_AGENCY_SENT");
    }
  }

  @ParameterizedTest
  @MethodSource("procedures")
  void a_late_dossier_gets_one_apology_and_a_new_date_then_is_resolved_by_it(String procedure) {
    Dossier d = register(procedure);
    driver.work(d, driver.openTasks(d, "Task_CheckDossier").get(0));
    // a procedure with the fee step: the fee is paid at the counter at once
    for (Task fee : driver.openTasks(d, "Task_CollectFee")) {
      driver.work(d, fee);
    }
    Job apologyTimer = timers(d).stream().filter(j -> activityOf(j).endsWith("ApologyDue"))
        .min(Comparator.comparing(Job::getDuedate)).orElseThrow();
    ClockUtil.setCurrentTime(apologyTimer.getDuedate());
    fireDueTimers(d);
    // a late partner explains its delay first, then the resolving agency drafts (issue 18)
    for (Task reason : driver.openTasks(d, "Task_PartnerReasonForApology")) {
      driver.work(d, reason);
    }
    assertThat(driver.openTasks(d, "Task_DraftApology")).as(events(d) + " at " + apologyTimer.getDuedate()).hasSize(1);
    Instant old = reload(d).appointmentAt();
    driver.answer("Task_SignApology", vars(var("apologySignDecision", "SEND_BACK"),
        var("apologySignComment", "Cần nêu cụ thể nguyên nhân chậm trễ")));
    // the unit apologises before it finishes the stage: draft, sent back once, redrafted, signed, delivered
    for (String key : List.of("Task_DraftApology", "Task_SignApology", "Task_DraftApology", "Task_SignApology",
        "Task_DeliverApology")) {
      driver.work(d, driver.openTasks(d, key).get(0));
    }
    assertThat(reload(d).apologyCount()).isEqualTo(1);
    driver.completingAlerts().driveToEnd(d);
    assertReturned(d, APPROVED);
    d = reload(d);
    assertThat(d.apologyCount()).isEqualTo(1);
    assertThat(d.originalAppointmentAt()).isEqualTo(old);
    assertThat(d.appointmentAt()).isAfter(old);
    assertThat(d.outcome()).isNotEqualTo(OutcomeClass.LATE);
    assertThat(overdue.letters(d.id())).singleElement().satisfies(l -> assertThat(l.deliveredAt()).isNotNull());
    assertThat(events(d)).containsSubsequence("APOLOGY_REQUESTED", "APOLOGY_ISSUED", "APOLOGY_DELIVERED", "RETURNED");
  }

  @ParameterizedTest
  @MethodSource("procedures")
  void the_applicant_withdraws_the_dossier_before_the_decision(String procedure) {
    Dossier d = register(procedure);
    driver.work(d, driver.openTasks(d, "Task_CheckDossier").get(0));
    ResponseEntity<Map> stop = rest.withBasicAuth("mc.hung", "demo").postForEntity("/api/dossiers/" + d.code() + "/stop",
        new HttpEntity<>("{\"kind\": \"WITHDRAWN\", \"reason\": \"Người nộp xin rút hồ sơ để bổ sung giấy tờ khác\"}",
            json()), Map.class);
    assertThat(stop.getStatusCode().value()).as(String.valueOf(stop.getBody())).isEqualTo(200);
    d = reload(d);
    assertThat(d.status()).isEqualTo(DossierStatus.WITHDRAWN);
    assertThat(instance(d)).isNull();
    assertThat(driver.openTasks(d)).isEmpty();
    assertThat(timers(d)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("interAgency")
  void a_partner_agency_returns_the_dossier_and_the_lead_agency_sends_it_back_fixed(String procedure, List<String> partners) {
    Dossier d = register(procedure);
    // each partner agency returns the dossier once, then takes it back fixed
    java.util.Set<String> returnedBy = new java.util.HashSet<>();
    for (int step = 0; step < 60 && !driver.openTasks(d).isEmpty(); step++) {
      Task next = driver.openTasks(d).get(0);
      String unit = dossiers.controlLog(d.id()).stream().filter(e -> next.getId().equals(e.taskId()))
          .map(ControlLogEntry::toUnit).findFirst().orElse(null);
      if (next.getTaskDefinitionKey().equals("Task_PartnerProcess") && returnedBy.add(unit)) {
        assertThat(driver.complete(next, vars(var(PARTNER_DECISION, PARTNER_RETURN),
            var(PARTNER_RETURN_REASON, "Thông tin nhân thân chưa khớp với Cơ sở dữ liệu quốc gia về dân cư")))
            .getStatusCode().value()).isEqualTo(204);
      } else {
        driver.work(d, next);
      }
    }
    assertThat(returnedBy).containsExactlyInAnyOrderElementsOf(partners);
    assertReturned(d, APPROVED);
    assertThat(events(d)).contains("INTER_AGENCY_RETURNED");
    List<ControlLogEntry> log = dossiers.controlLog(d.id());
    ControlLogEntry returned = log.stream().filter(e -> "RETURN".equals(e.outcome())).findFirst().orElseThrow();
    assertThat(partners).contains(returned.toUnit());
    ControlLogEntry fix = log.stream().filter(e -> e.stepKey().startsWith("Task_Fix")).findFirst().orElseThrow();
    assertThat(fix.toUnit()).isEqualTo(d.competentUnit());
    assertThat(log.stream().filter(e -> e.stepKey().equals("Task_PartnerProcess")).count()).isEqualTo(2L * partners.size());
    assertThat(log.stream().filter(e -> e.stepKey().startsWith("Task_Fix")).count()).isEqualTo(partners.size());
  }

  @ParameterizedTest
  @MethodSource("interAgency")
  void a_late_partner_stage_is_charged_to_the_partner_agency(String procedure, List<String> partners) {
    Dossier d = register(procedure);
    Task partnerTask = driver.driveUntil(d, "Task_PartnerProcess");
    ControlLogEntry row = dossiers.controlLog(d.id()).stream()
        .filter(e -> partnerTask.getId().equals(e.taskId())).findFirst().orElseThrow();
    String partner = row.toUnit();
    assertThat(partners).contains(partner);
    ClockUtil.setCurrentTime(Date.from(partnerTask.getDueDate().toInstant().plusSeconds(60)));
    fireDueTimers(d);

    String unit = partner;
    List<Alert> overdueAlerts = overdue.alerts(d.id()).stream().filter(a -> a.kind() == AlertKind.OVERDUE).toList();
    assertThat(overdueAlerts).anySatisfy(a -> {
      assertThat(a.unit()).isEqualTo(unit);
      assertThat(a.stageKey()).isEqualTo("Task_PartnerProcess");
    });
    assertThat(dossiers.controlLog(d.id()).stream().filter(e -> partnerTask.getId().equals(e.taskId())).findFirst()
        .orElseThrow().overdueAt()).isNotNull();
    assertThat(partners).contains(reload(d).overdueUnit());
    assertThat(driver.openTasks(d, "Task_DirectOverdue")).anySatisfy(t ->
        assertThat(taskService.getIdentityLinksForTask(t.getId())).anySatisfy(l ->
            assertThat(l.getGroupId()).isEqualTo(unit + ".leader")));

    // the leader's instruction and the supervisors' acknowledgement, before the partner answers
    for (Task alert : driver.openTasks(d)) {
      if (alert.getTaskDefinitionKey().equals("Task_DirectOverdue") || alert.getTaskDefinitionKey().equals("Task_SuperviseOverdue")) {
        driver.work(d, alert);
      }
    }
    driver.completingAlerts().driveToEnd(d);
    assertReturned(d, APPROVED);
    d = reload(d);
    assertThat(d.lateStageCount()).isGreaterThanOrEqualTo(1);
    assertThat(events(d)).contains("STAGE_OVERDUE", "OVERDUE_INSTRUCTION");
  }

  /** Every stage of every procedure, by the task that holds it. */
  static Stream<Arguments> stages() {
    return Stream.of(
        Arguments.of("Procedure_HouseholdBusinessRegistration", "Task_Appraise"),
        Arguments.of("Procedure_HouseholdBusinessRegistration", "Task_Approve"),
        Arguments.of("Procedure_BirthRegistration", "Task_Appraise"),
        Arguments.of("Procedure_BirthRegistration", "Task_Approve"),
        Arguments.of("Procedure_MarriageRegistration", "Task_Appraise"),
        Arguments.of("Procedure_MarriageRegistration", "Task_Approve"),
        Arguments.of("Procedure_NewbornPackage", "Task_Appraise"),
        Arguments.of("Procedure_NewbornPackage", "Task_Approve"),
        Arguments.of("Procedure_NewbornPackage", "Task_PartnerProcess"),
        Arguments.of("Procedure_JudicialRecord", "Task_PartnerProcess"),
        Arguments.of("Procedure_JudicialRecord", "Task_Appraise"),
        Arguments.of("Procedure_JudicialRecord", "Task_Approve"),
        Arguments.of("Procedure_ConstructionPermit", "Task_FieldInspection"),
        Arguments.of("Procedure_ConstructionPermit", "Task_PartnerProcess"),
        Arguments.of("Procedure_ConstructionPermit", "Task_Appraise"),
        Arguments.of("Procedure_ConstructionPermit", "Task_Approve"),
        Arguments.of("Procedure_LandUseCertificate", "Task_Appraise"),
        Arguments.of("Procedure_LandUseCertificate", "Task_Approve"),
        Arguments.of("Procedure_LandUseCertificate", "Task_PartnerProcess"));
  }

  private void workAlerts(Dossier d) {
    for (int i = 0; i < 20; i++) {
      Task alert = driver.openTasks(d).stream().filter(t -> ProcedureDriver.ALERT_TASKS.contains(t.getTaskDefinitionKey())
          || t.getTaskDefinitionKey().endsWith("Apology")).findFirst().orElse(null);
      if (alert == null) {
        return;
      }
      driver.work(d, alert);
    }
  }

  @ParameterizedTest
  @MethodSource("stages")
  void every_stage_warns_escalates_and_apologises_and_each_alert_is_handled_before_the_stage_ends(String procedure,
      String stageTask) {
    Dossier d = register(procedure);
    Task task = driver.driveUntil(d, stageTask);
    String prefix = switch (stageTask) {
      case "Task_Appraise" -> "Appraisal";
      case "Task_Approve" -> "Approval";
      case "Task_FieldInspection" -> "Inspection";
      default -> "Partner";
    };
    // the warning: the officer and the leader acknowledge it
    Job warning = timers(d).stream().filter(j -> activityOf(j).equals("Event_" + prefix + "Warning"))
        .min(Comparator.comparing(Job::getDuedate)).orElseThrow();
    ClockUtil.setCurrentTime(warning.getDuedate());
    fireDueTimers(d);
    workAlerts(d);
    // the deadline: escalation and apology (or its refusal), all handled while the stage is still open
    Task open = driver.openTasks(d, stageTask).get(0);
    ClockUtil.setCurrentTime(Date.from(open.getDueDate().toInstant().plusSeconds(60)));
    fireDueTimers(d);
    workAlerts(d);
    assertThat(overdue.alerts(d.id())).extracting(Alert::kind).contains(AlertKind.OVERDUE);
    assertThat(driver.openTasks(d, stageTask)).isNotEmpty();
    driver.completingAlerts().driveToEnd(d);
    assertReturned(d, APPROVED);
    assertThat(reload(d).lateStageCount()).isGreaterThanOrEqualTo(1);
  }
}
