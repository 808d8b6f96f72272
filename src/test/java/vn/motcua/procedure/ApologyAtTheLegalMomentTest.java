package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.*;
import static vn.motcua.overdue.OverdueVariables.*;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.overdue.AlertKind;
import vn.motcua.overdue.ApologyLetter;
import vn.motcua.overdue.OverdueService;

/**
 * Issue 18, findings 6 and 7: the apology comes when the stages left cannot finish by the appointment, early
 * enough for a letter on time when it can be, never for a dossier on track; the one letter of a dossier is the
 * resolving agency's, signed by its head or a deputy authorised to sign for the head; a letter signed after the
 * legal limit is accepted and marked; a late partner explains its delay to the lead agency. Engine clock moved,
 * due timers executed as the job executor would, nothing sleeps.
 */
@MotCuaSpringTest
class ApologyAtTheLegalMomentTest extends DossierTestSupport {
  @Autowired IdentityService identityService;
  @Autowired vn.motcua.signature.PdfSignatures signatures;
  @Autowired HistoryService historyService;
  @Autowired WorkingCalendar calendar;
  @Autowired OverdueService overdue;
  private ProcedureDriver driver;

  @BeforeEach
  void newDriver() {
    driver = new ProcedureDriver(rest, taskService, identityService, dossiers, calendar);
    clockAt("2026-03-02T09:00");
  }

  private Dossier register(String procedureKey) {
    return driver.register(procedureKey);
  }

  /** A household business dossier still in appraisal at its deadline, Tuesday 17:00: the apology drafted. */
  private Dossier apologyDrafted() {
    Dossier d = register(DossierTestSupport.PROCEDURE);
    driver.driveUntil(d, "Task_Appraise");
    clockAt("2026-03-03T17:00");
    fireDueTimers(d);
    draft(d, "cv.minh");
    return d;
  }

  private Task only(Dossier d, String key) {
    List<Task> tasks = driver.openTasks(d, key);
    assertThat(tasks).as(key).hasSize(1);
    return tasks.get(0);
  }

  private List<String> candidateGroups(Task task) {
    List<String> result = new ArrayList<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        result.add(link.getGroupId());
      }
    }
    return result;
  }

  /** Every apology task the dossier ever had, open or not. */
  private long apologyTasksEver(Dossier d) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(d.code())
        .taskDefinitionKeyIn("Task_DraftApology", "Task_SignApology", "Task_PartnerReasonForApology").count();
  }

  private List<String> events(Dossier d) {
    return dossiers.events(d.id()).stream().map(DossierEvent::type).toList();
  }

  private String form04(Dossier d) throws IOException {
    ResponseEntity<byte[]> pdf = rest.withBasicAuth("cv.minh", "demo")
        .getForEntity("/api/dossiers/" + d.code() + "/forms/04.pdf", byte[].class);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    // form 04 is signed (PAdES) with the key of the agency that issued the letter (docs/signatures.md)
    assertThat(signatures.check(pdf.getBody())).singleElement().satisfies(c -> {
      assertThat(c.valid()).as(c.problem()).isTrue();
      assertThat(c.signer()).isEqualTo(dossiers.unitName(overdue.letters(d.id()).get(0).agency()));
    });
    try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  private void draft(Dossier d, String user) {
    completeOk(user, only(d, "Task_DraftApology"), vars(
        var(APOLOGY_REASON, "Cần xác minh thực tế địa điểm kinh doanh tại tổ 5"),
        var(NEW_APPOINTMENT_DATE, "2026-03-10")));
  }

  // ---------- finding 6: when ----------

  @Test
  void an_on_track_dossier_never_sees_an_apology_task() {
    Dossier d = register(DossierTestSupport.PROCEDURE); // household business: appraisal due Tuesday 17:00
    driver.driveUntil(d, "Task_Appraise");
    // Tuesday 15:00 is the last moment that leaves 4 h before the letter's limit (Wednesday 09:00); the
    // appraisal is on track then, and the approval's 6 h and the return's 4 h still fit
    clockAt("2026-03-03T15:00");
    fireDueTimers(d);
    clockAt("2026-03-03T16:30");
    fireDueTimers(d);
    driver.work(d, only(d, "Task_Appraise"));
    clockAt("2026-03-04T14:00");
    fireDueTimers(d);
    driver.driveToEnd(d);
    assertThat(apologyTasksEver(d)).isZero();
    assertThat(overdue.alerts(d.id())).noneMatch(a -> a.kind() == AlertKind.APOLOGY);
    assertThat(events(d)).doesNotContain("APOLOGY_REQUESTED", "APOLOGY_CANCELLED");
  }

  @Test
  void a_same_day_birth_registration_is_apologised_for_when_its_stage_runs_late_never_before() {
    Dossier d = register("Procedure_BirthRegistration");
    Task appraise = driver.driveUntil(d, "Task_Appraise");
    Date due = appraise.getDueDate();
    // the letter's legal moment (a working day before the appointment) is past at receipt: no halfway clamp,
    // the apology comes as soon as the dossier cannot be on time, at the appraisal's deadline
    assertThat(timer(d, "Event_AppraisalApologyDue")).isEqualTo(due.toInstant());
    ClockUtil.setCurrentTime(new Date(due.getTime() - 60_000));
    fireDueTimers(d);
    assertThat(apologyTasksEver(d)).isZero();
    ClockUtil.setCurrentTime(due);
    fireDueTimers(d);
    Task draft = only(d, "Task_DraftApology");
    assertThat(candidateGroups(draft)).containsExactly("tq-minhxuan.specialist");
    driver.work(d, draft);
    Task sign = only(d, "Task_SignApology");
    assertThat(candidateGroups(sign)).containsExactlyInAnyOrder("tq-minhxuan.head", "tq-minhxuan.deputyhead");
    driver.work(d, sign);
    ApologyLetter letter = overdue.letters(d.id()).get(0);
    assertThat(letter.signedBy()).isEqualTo("tt.hai");
    assertThat(letter.signedLate()).as("signed after the legal limit, which was past at receipt").isTrue();
  }

  // ---------- finding 7: who signs; finding 6: a letter signed late ----------

  @Test
  void the_head_of_the_resolving_agency_signs_not_a_leader_or_a_supervisor_and_form_04_prints_the_head()
      throws IOException {
    Dossier d = apologyDrafted();
    Task sign = only(d, "Task_SignApology");
    // the unit's leader and its supervisor are no longer signers (nor a fallback)
    assertThat(complete("ld.thao", sign, var(APOLOGY_SIGN_DECISION, SIGN)).getStatusCode().value()).isNotEqualTo(204);
    assertThat(complete("gs.nam", sign, var(APOLOGY_SIGN_DECISION, SIGN)).getStatusCode().value()).isNotEqualTo(204);
    // the administrator may open the task but is not the head: refused with the reason
    ResponseEntity<String> admin = complete("demo", sign, var(APOLOGY_SIGN_DECISION, SIGN));
    assertThat(admin.getStatusCode().value()).isEqualTo(400);
    assertThat(admin.getBody()).contains("Thủ trưởng cơ quan");
    assertThat(only(d, "Task_SignApology").getId()).isEqualTo(sign.getId());
    clockAt("2026-03-03T17:20");
    completeOk("tt.hai", sign, var(APOLOGY_SIGN_DECISION, SIGN));

    ApologyLetter letter = overdue.letters(d.id()).get(0);
    assertThat(letter.agency()).isEqualTo("tq-minhxuan");
    assertThat(letter.signedBy()).isEqualTo("tt.hai");
    assertThat(letter.signedAs()).isEqualTo("HEAD");
    assertThat(letter.signedLate()).isFalse();
    String text = form04(d);
    assertThat(text).contains("Thủ trưởng cơ quan", "Nguyễn Văn Hải").doesNotContain("KT.", "ký sau thời hạn");
  }

  @Test
  void a_deputy_signs_for_the_head_as_KT_and_a_letter_signed_after_the_legal_limit_is_accepted_and_marked()
      throws IOException {
    Dossier d = apologyDrafted();
    // signed Wednesday 10:00, after the limit (Wednesday 09:00, a working day before Thursday 09:00)
    clockAt("2026-03-04T10:00");
    completeOk("pt.yen", only(d, "Task_SignApology"), var(APOLOGY_SIGN_DECISION, SIGN));

    ApologyLetter letter = overdue.letters(d.id()).get(0);
    assertThat(letter.signedAs()).isEqualTo("DEPUTY_HEAD");
    assertThat(letter.signedLate()).isTrue();
    assertThat(reload(d).appointmentAt()).isEqualTo(at("2026-03-10T17:30"));
    assertThat(form04(d)).contains("KT. Thủ trưởng cơ quan", "Phó Thủ trưởng cơ quan", "Lò Thị Yến",
        "Phiếu được ký sau thời hạn quy định", "05/03/2026");
    // counted in the reports' metrics
    ResponseEntity<String> metrics = rest.withBasicAuth("gs.ha", "demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(metrics.getBody()).containsPattern("motcua_apology_letters_late_total(\\{[^}]*\\})? [1-9]");
  }

  // ---------- finding 7: one letter, from the lead agency; a late partner gives its reason ----------

  @Test
  void a_late_partner_is_escalated_explains_its_delay_and_the_lead_agency_apologises_once() {
    Dossier d = register("Procedure_JudicialRecord");
    Task partner = driver.driveUntil(d, "Task_PartnerProcess");
    assertThat(candidateGroups(partner)).contains("tq-ca.specialist");
    ClockUtil.setCurrentTime(Date.from(timer(d, "Event_PartnerApologyDue")));
    assertThat(timer(d, "Event_PartnerApologyDue")).isEqualTo(partner.getDueDate().toInstant());
    fireDueTimers(d);
    // the partner is escalated at its own deadline
    assertThat(overdue.alerts(d.id())).anySatisfy(a -> {
      assertThat(a.kind()).isEqualTo(AlertKind.OVERDUE);
      assertThat(a.unit()).isEqualTo("tq-ca");
    });
    // it gives its reason before the Department of Justice drafts
    Task reason = only(d, "Task_PartnerReasonForApology");
    assertThat(candidateGroups(reason)).containsExactlyInAnyOrder("tq-ca.specialist", "tq-ca.leader");
    assertThat(driver.openTasks(d, "Task_DraftApology")).isEmpty();
    assertThat(complete("cv.long", reason, var(PARTNER_DELAY_REASON, "ngắn")).getStatusCode().value()).isEqualTo(400);
    completeOk("cv.long", reason, var(PARTNER_DELAY_REASON, "Chờ kết quả tra cứu hồ sơ tại tỉnh khác"));
    Task draft = only(d, "Task_DraftApology");
    assertThat(candidateGroups(draft)).containsExactly("tq-stp.specialist");
    assertThat(taskService.getVariable(draft.getId(), APOLOGY_REASON).toString())
        .contains("Công an tỉnh", "Chờ kết quả tra cứu hồ sơ tại tỉnh khác");
    assertThat(dossiers.events(d.id())).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo("PARTNER_DELAY_REASON");
      assertThat(e.actor()).isEqualTo("cv.long");
      assertThat(e.reason()).isEqualTo("Công an tỉnh Tuyên Quang: Chờ kết quả tra cứu hồ sơ tại tỉnh khác");
    });
    completeOk("cv.duc", draft, vars(var(NEW_APPOINTMENT_DATE, newDateAfter(d))));
    Task sign = only(d, "Task_SignApology");
    assertThat(candidateGroups(sign)).containsExactlyInAnyOrder("tq-stp.head", "tq-stp.deputyhead");
    assertThat(complete("ld.quang", sign, var(APOLOGY_SIGN_DECISION, SIGN)).getStatusCode().value()).isNotEqualTo(204);
    completeOk("tt.thang", sign, var(APOLOGY_SIGN_DECISION, SIGN));

    List<ApologyLetter> letters = overdue.letters(d.id());
    assertThat(letters).singleElement().satisfies(l -> {
      assertThat(l.agency()).isEqualTo("tq-stp");
      assertThat(l.number()).endsWith("PXL-000.00.12.H60");
      assertThat(l.reason()).contains("Chờ kết quả tra cứu hồ sơ tại tỉnh khác");
      assertThat(l.signedBy()).isEqualTo("tt.thang");
    });
  }

  @Test
  void two_late_partners_in_parallel_each_explain_their_delay_for_the_one_letter_of_the_lead_agency() {
    Dossier d = register("Procedure_NewbornPackage"); // police and social insurance in parallel
    driver.driveUntil(d, "Task_PartnerProcess");
    for (String ack : List.of("Task_AcknowledgeResidence", "Task_AcknowledgeInsurance")) {
      driver.openTasks(d, ack).forEach(t -> driver.work(d, t)); // each partner confirms the electronic dossier
    }
    assertThat(driver.openTasks(d, "Task_PartnerProcess")).hasSize(2);
    // each partner has its own clock: both still open when the later of their apology moments comes
    List<Instant> apologyMoments = timers(d).stream().filter(j -> activityOf(j).equals("Event_PartnerApologyDue"))
        .map(j -> j.getDuedate().toInstant()).toList();
    assertThat(apologyMoments).hasSize(2);
    ClockUtil.setCurrentTime(Date.from(Collections.max(apologyMoments)));
    fireDueTimers(d);
    List<Task> reasons = driver.openTasks(d, "Task_PartnerReasonForApology");
    assertThat(reasons).hasSize(2);
    assertThat(reasons).flatExtracting(this::candidateGroups)
        .contains("tq-ca.specialist", "tq-bhxh.specialist");
    for (Task reason : reasons) {
      String user = candidateGroups(reason).contains("tq-ca.specialist") ? "cv.long" : "cv.mai";
      completeOk(user, reason, var(PARTNER_DELAY_REASON, user.equals("cv.long")
          ? "Chờ xác minh nơi thường trú của người mẹ" : "Hệ thống cấp thẻ bảo hiểm y tế gián đoạn"));
    }
    Task draft = only(d, "Task_DraftApology");
    assertThat(candidateGroups(draft)).containsExactly("tq-minhxuan.specialist");
    assertThat(taskService.getVariable(draft.getId(), APOLOGY_REASON).toString())
        .contains("Công an tỉnh Tuyên Quang: Chờ xác minh nơi thường trú của người mẹ",
            "Bảo hiểm xã hội tỉnh Tuyên Quang: Hệ thống cấp thẻ bảo hiểm y tế gián đoạn");
    completeOk("cv.minh", draft, var(NEW_APPOINTMENT_DATE, newDateAfter(d)));
    driver.work(d, only(d, "Task_SignApology"));
    assertThat(overdue.letters(d.id())).singleElement().satisfies(l -> {
      assertThat(l.agency()).isEqualTo("tq-minhxuan");
      assertThat(l.reason()).contains("Công an tỉnh", "Bảo hiểm xã hội tỉnh");
    });
  }

  /** A working day a week after the current appointment, as the form's date field gives it. */
  private String newDateAfter(Dossier d) {
    var date = reload(d).appointmentAt().atZone(calendar.properties().zone()).toLocalDate().plusDays(7);
    while (!calendar.isWorkingDay(date)) {
      date = date.plusDays(1);
    }
    return date.toString();
  }
}
