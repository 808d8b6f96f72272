package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.*;
import static vn.motcua.procedure.ProcedureDriver.var;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
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
 * The transfer and hand-over rules of issue 18 (findings 1, 3, 9 and 10), worked through the engine REST
 * API as in Tasklist: the transfer of a paper dossier after 15:00 is due at the start of the next working
 * day; the lead agency receives the dossier before any partner; the tax authority confirms the payment of
 * land financial obligations while the time is the applicant's; the newborn package reaches every agency
 * at once, each acknowledging within 2 working hours.
 */
@MotCuaSpringTest
class TransferRulesTest extends DossierTestSupport {
  @Autowired IdentityService identityService;
  @Autowired WorkingCalendar calendar;
  @Autowired OverdueService overdue;
  ProcedureDriver driver;

  @BeforeEach
  void newDriver() {
    driver = new ProcedureDriver(rest, taskService, identityService, dossiers, calendar);
  }

  private Dossier register(String procedureKey) {
    return driver.register(procedureKey);
  }

  private List<String> events(Dossier d) {
    return dossiers.events(d.id()).stream().map(DossierEvent::type).toList();
  }

  private List<String> groups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList();
  }

  /** Finding 1: Decree 61/2018 Art. 17 (Decree 118/2025), "đầu giờ ngày làm việc tiếp theo". */
  @Test
  void a_paper_dossier_received_after_15_00_is_due_for_transfer_at_the_start_of_the_next_working_day() {
    clockAt("2026-03-02T15:30"); // Monday
    Dossier d = register("Procedure_HouseholdBusinessRegistration");
    assertThat(openTask(d).getDueDate().toInstant()).as("the reception check is due by the transfer deadline")
        .isEqualTo(at("2026-03-03T07:30"));
    clockAt("2026-03-02T15:40");
    driver.work(d, driver.openTasks(d, "Task_CheckDossier").get(0));
    driver.work(d, driver.openTasks(d, "Task_CollectFee").get(0)); // the fee, paid at the counter at once
    ControlLogEntry transfer = dossiers.controlLog(d.id()).stream().filter(e -> e.stepKey().equals("Transfer"))
        .findFirst().orElseThrow();
    assertThat(transfer.stageDueAt()).isEqualTo(at("2026-03-03T07:30"));
    assertThat(transfer.resultClass()).isNotEqualTo(OutcomeClass.LATE);
  }

  /** Finding 3: the lead agency gets the dossier first; the partner agencies after it. */
  @ParameterizedTest
  @ValueSource(strings = {"Procedure_JudicialRecord", "Procedure_ConstructionPermit"})
  void the_lead_agency_receives_the_dossier_before_any_partner_agency(String procedure) {
    clockAt("2026-03-02T09:00");
    Dossier d = register(procedure);
    Task partner = driver.driveUntil(d, "Task_PartnerProcess");
    List<ControlLogEntry> log = dossiers.controlLog(d.id());
    int transfer = log.stream().map(ControlLogEntry::stepKey).toList().indexOf("Transfer");
    int firstPartner = log.stream().map(ControlLogEntry::taskId).toList().indexOf(partner.getId());
    assertThat(transfer).as("a transfer row").isNotNegative();
    assertThat(transfer).as("transfer before the partner's row").isLessThan(firstPartner);
    assertThat(log.get(transfer).toUnit()).isEqualTo(reload(d).competentUnit());
    assertThat(events(d)).containsSubsequence("RECEIPT_ISSUED", "TRANSFERRED", "INTER_AGENCY_SENT");
    driver.driveToEnd(d);
    assertThat(reload(d).status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(dossiers.controlLog(d.id()).stream().filter(e -> e.stepKey().equals("Transfer")).count())
        .as("transferred once").isEqualTo(1);
    assertThat(events(d).stream().filter("TRANSFERRED"::equals).count()).isEqualTo(1);
  }

  /** Finding 9: the tax authority confirms payment; the wait is the applicant's, not an agency's. */
  @Test
  void the_tax_authority_confirms_the_payment_of_land_obligations_and_the_wait_is_the_applicants() {
    clockAt("2026-03-02T09:00");
    Dossier d = register("Procedure_LandUseCertificate");
    Task confirm = driver.driveUntil(d, "Task_ConfirmPayment");
    assertThat(groups(confirm)).containsExactly("tq-thue.specialist");
    assertThat(reload(d).status()).isEqualTo(DossierStatus.AWAITING_FINANCIAL_OBLIGATIONS);
    assertThat(complete("mc.hung", confirm, var(PAYMENT_CONFIRMED, true)).getStatusCode().value())
        .as("the One-Stop reception does not confirm payment").isNotEqualTo(204);

    // the applicant pays a month later: no alert, no late row
    ClockUtil.setCurrentTime(Date.from(at("2026-04-06T09:00")));
    fireDueTimers(d);
    assertThat(overdue.alerts(d.id())).extracting(Alert::kind).doesNotContain(AlertKind.OVERDUE);
    driver.work(d, confirm);
    ControlLogEntry row = dossiers.controlLog(d.id()).stream().filter(e -> confirm.getId().equals(e.taskId()))
        .findFirst().orElseThrow();
    assertThat(row.toUnit()).isEqualTo("tq-thue");
    assertThat(row.doneBy()).isEqualTo("cv.an");
    assertThat(row.resultClass()).as("the applicant's time is neither early, on time nor late").isNull();
    assertThat(row.note()).contains("người nộp");
    assertThat(events(d)).containsSubsequence("CLOCK_PAUSED", "CLOCK_RESUMED");
    driver.driveToEnd(d);
    d = reload(d);
    assertThat(d.status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(d.outcome()).isNotEqualTo(OutcomeClass.LATE);
  }

  /** Finding 10: Decree 63/2024, the electronic package goes to every agency at once. */
  @Test
  void the_newborn_package_reaches_every_agency_at_once_in_parallel_with_the_birth_registration() {
    clockAt("2026-03-02T09:00");
    Dossier d = register("Procedure_NewbornPackage");
    driver.work(d, driver.openTasks(d, "Task_CheckDossier").get(0));
    Task appraise = driver.openTasks(d, "Task_Appraise").get(0);
    Task police = driver.openTasks(d, "Task_AcknowledgeResidence").get(0);
    Task insurance = driver.openTasks(d, "Task_AcknowledgeInsurance").get(0);
    assertThat(groups(police)).containsExactly("tq-ca.specialist");
    assertThat(groups(insurance)).containsExactly("tq-bhxh.specialist");
    assertThat(police.getDueDate().toInstant()).as("acknowledged within 2 working hours").isEqualTo(at("2026-03-02T11:00"));
    assertThat(insurance.getDueDate().toInstant()).isEqualTo(at("2026-03-02T11:00"));
    assertThat(appraise.getCreateTime()).isEqualTo(police.getCreateTime()).isEqualTo(insurance.getCreateTime());

    // the partners acknowledge and process before the birth registration is even appraised
    driver.work(d, police);
    driver.work(d, insurance);
    for (Task partner : driver.openTasks(d, "Task_PartnerProcess")) {
      driver.work(d, partner);
    }
    assertThat(driver.openTasks(d, "Task_Appraise")).hasSize(1);
    assertThat(events(d).stream().filter("INTER_AGENCY_DONE"::equals).count()).isEqualTo(2);
    driver.driveToEnd(d);
    d = reload(d);
    assertThat(d.status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(d.decision()).isEqualTo(APPROVED);
    assertThat(d.lateStageCount()).isZero();
  }

  @Test
  void a_partner_that_does_not_acknowledge_the_newborn_package_within_2_working_hours_is_escalated() {
    clockAt("2026-03-02T09:00");
    Dossier d = register("Procedure_NewbornPackage");
    driver.work(d, driver.openTasks(d, "Task_CheckDossier").get(0));
    driver.work(d, driver.openTasks(d, "Task_AcknowledgeInsurance").get(0));
    clockAt("2026-03-02T11:01");
    fireDueTimers(d);
    List<Alert> late = overdue.alerts(d.id()).stream().filter(a -> a.kind() == AlertKind.OVERDUE).toList();
    assertThat(late).singleElement().satisfies(a -> {
      assertThat(a.unit()).isEqualTo("tq-ca");
      assertThat(a.stageKey()).isEqualTo("Task_AcknowledgeResidence");
    });
    assertThat(driver.openTasks(d, "Task_DirectOverdue")).singleElement()
        .satisfies(t -> assertThat(groups(t)).contains("tq-ca.leader"));
    driver.completingAlerts().driveToEnd(d);
    assertThat(reload(d).status()).isEqualTo(DossierStatus.RETURNED);
  }

  /**
   * Decree 63/2024 (domain.md, "Deadlines"): an electronic package received in the last working hour before
   * closing counts from the next working day; one received before it counts at once.
   */
  @Test
  void an_electronic_package_received_in_the_last_hour_before_closing_counts_from_the_next_working_day() {
    clockAt("2026-03-02T16:45"); // Monday, 45 minutes before the 17:30 close
    Dossier late = register("Procedure_NewbornPackage");
    driver.work(late, driver.openTasks(late, "Task_CheckDossier").get(0));
    late = reload(late);
    assertThat(late.countingFrom()).isEqualTo(at("2026-03-03T07:30"));
    assertThat(late.appointmentAt()).as("3 working days from Tuesday's opening: Thursday's close")
        .isEqualTo(at("2026-03-05T17:30"));
    assertThat(driver.openTasks(late, "Task_AcknowledgeResidence").get(0).getDueDate().toInstant())
        .as("the acknowledgement (staff alerted) still counts 2 working hours from the actual receipt")
        .isEqualTo(at("2026-03-03T08:45"));

    clockAt("2026-03-02T16:25"); // 65 minutes before the close: counts at once
    Dossier inTime = register("Procedure_NewbornPackage");
    driver.work(inTime, driver.openTasks(inTime, "Task_CheckDossier").get(0));
    inTime = reload(inTime);
    assertThat(inTime.countingFrom()).isEqualTo(at("2026-03-02T16:25"));

    // a procedure that is not an electronic package keeps counting at once in its last hour
    clockAt("2026-03-02T16:45");
    Dossier paper = register("Procedure_HouseholdBusinessRegistration");
    driver.work(paper, driver.openTasks(paper, "Task_CheckDossier").get(0));
    assertThat(reload(paper).countingFrom()).isEqualTo(at("2026-03-02T16:45"));
  }

  /** The refusal of the birth registration stops the partners' work: nothing is left open. */
  @Test
  void a_refused_birth_registration_stops_the_partners_work() {
    clockAt("2026-03-02T09:00");
    Dossier d = register("Procedure_NewbornPackage");
    driver.answer("Task_Appraise", ProcedureDriver.vars(var(APPRAISAL_CONCLUSION, PROPOSE_REFUSAL),
        var(APPRAISAL_OPINION, "Giấy chứng sinh không hợp lệ theo quy định")));
    driver.work(d, driver.openTasks(d, "Task_CheckDossier").get(0));
    driver.work(d, driver.openTasks(d, "Task_AcknowledgeResidence").get(0));
    driver.work(d, driver.openTasks(d, "Task_Appraise").get(0));
    driver.work(d, driver.openTasks(d, "Task_Approve").get(0)); // the leader signs the written refusal
    assertThat(driver.openTasks(d, "Task_PartnerProcess")).isEmpty();
    assertThat(driver.openTasks(d, "Task_AcknowledgeInsurance")).isEmpty();
    driver.driveToEnd(d);
    d = reload(d);
    assertThat(d.status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(d.decision()).isEqualTo(REFUSED);
    assertThat(dossiers.controlLog(d.id()).stream().filter(e -> "CANCELLED".equals(e.outcome())).map(ControlLogEntry::toUnit))
        .contains("tq-ca", "tq-bhxh");
  }
}
