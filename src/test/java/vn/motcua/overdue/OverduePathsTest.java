package vn.motcua.overdue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.dossier.DossierVariables.*;
import static vn.motcua.overdue.OverdueVariables.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.ControlLogEntry;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierClock;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.dossier.OutcomeClass;

/**
 * The overdue paths of a household business dossier (3 working days: appraisal 14 h, approval 6 h),
 * accepted on Monday 2 March 2026 at 09:00, due back on Thursday 5 March at 09:00. The engine clock
 * moves; due timers are executed as the job executor would; nothing sleeps.
 *
 * <p>Appraisal stage timers: warning Tuesday 08:00 (halfway, the stage is shorter than two days),
 * apology Tuesday 17:00 (the approval's 6 h and the return's 4 h need all the time left to Thursday 09:00:
 * a dossier still in appraisal then cannot be on time; before, it is on track and gets no apology),
 * escalation at the stage deadline, Tuesday 17:00. The letter is signed by the head of the ward
 * ({@code tt.hai}).
 */
@MotCuaSpringTest
class OverduePathsTest extends DossierTestSupport {
  @Autowired OverdueService overdue;

  /** The stage-alert block's variables read only while it starts (issue 25: a storm of warnings writes none). */
  private static final List<String> ROUTING = List.of(ALERT_OUTCOME, ALERT_FIRST_USERS, ALERT_FIRST_GROUPS,
      ALERT_SECOND_GROUPS, ALERT_UNIT, ALERT_DUE_AT);

  // ---------- helpers ----------

  private Dossier acceptedMonday() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    completeOk("mc.hung", task(d, "Task_CheckDossier"), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
    d = reload(d);
    assertThat(d.appointmentAt()).isEqualTo(at("2026-03-05T09:00"));
    return d;
  }

  private List<Task> tasks(Dossier d, String key) {
    return taskService.createTaskQuery().processVariableValueEquals(DOSSIER_ID, d.id()).taskDefinitionKey(key).list();
  }

  private Task task(Dossier d, String key) {
    List<Task> list = tasks(d, key);
    assertThat(list).as(key).hasSize(1);
    return list.get(0);
  }

  private List<String> candidates(Task task, boolean groups) {
    List<String> result = new ArrayList<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        String id = groups ? link.getGroupId() : link.getUserId();
        if (id != null) {
          result.add(id);
        }
      }
    }
    return result;
  }

  private List<Alert> alerts(Dossier d, AlertKind kind) {
    return overdue.alerts(d.id()).stream().filter(a -> a.kind() == kind).toList();
  }

  private List<String> events(Dossier d) {
    return dossiers.events(d.id()).stream().map(DossierEvent::type).toList();
  }

  private void appraise(Dossier d, String user) {
    completeOk(user, task(d, "Task_Appraise"), vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL),
        var(APPRAISAL_OPINION, "Hồ sơ đủ điều kiện đăng ký hộ kinh doanh."),
        var(RESULT_TEXT, "Giấy chứng nhận đăng ký hộ kinh doanh số 10A8001234")));
  }

  private void approve(Dossier d) {
    completeOk("ld.thao", task(d, "Task_Approve"), var(APPROVAL_DECISION, APPROVE));
  }

  private void returnResult(Dossier d) {
    completeOk("mc.hung", task(d, "Task_ReturnResult"), vars(var(DELIVERY_METHOD, "COUNTER"),
        var(RECEIVER_NAME, "Nguyễn Văn An"), var(RATING, "2")));
  }

  /** Tasks an officer sees in Tasklist, through the engine REST API with their own authorizations. */
  private List<Map<String, Object>> tasklist(String user) {
    ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, "demo").exchange(
        "/engine-rest/task?processVariables=dossierId_neq_0&sortBy=priority&sortOrder=desc", HttpMethod.GET, null,
        new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  private void draftAndSignApology(Dossier d, String newDate) {
    completeOk("cv.minh", task(d, "Task_DraftApology"), vars(
        var(APOLOGY_REASON, "Cần xác minh thực tế địa điểm kinh doanh tại tổ 5"),
        var(NEW_APPOINTMENT_DATE, newDate)));
    completeOk("tt.hai", task(d, "Task_SignApology"), var(APOLOGY_SIGN_DECISION, SIGN));
  }

  // ---------- paths ----------

  @Test
  void done_early_no_timer_fires_and_every_stage_timer_is_cancelled() {
    Dossier d = acceptedMonday();
    assertThat(timer(d, "Event_AppraisalWarning")).isEqualTo(at("2026-03-03T08:00"));
    assertThat(timer(d, "Event_AppraisalApologyDue")).isEqualTo(at("2026-03-03T17:00"));
    assertThat(timer(d, "Event_AppraisalOverdue")).isEqualTo(at("2026-03-03T17:00"));
    assertThat(task(d, "Task_Appraise").getDueDate().toInstant()).isEqualTo(at("2026-03-03T17:00"));

    clockAt("2026-03-02T10:00");
    assertThat(fireDueTimers(d)).isZero();
    appraise(d, "cv.minh");
    // the approval stage has its own three timers; the appraisal timers are gone with their stage
    assertThat(timers(d)).extracting(this::activityOf)
        .containsExactlyInAnyOrder("Event_ApprovalWarning", "Event_ApprovalApologyDue", "Event_ApprovalOverdue");
    // the approval's own clock (issue 18): its 6 working hours count from the moment the leader received
    // the dossier (Monday 10:00), not from the plan's appraisal deadline: Monday's close, i.e. Tuesday's opening
    assertThat(timer(d, "Event_ApprovalOverdue")).isEqualTo(at("2026-03-03T08:00"));
    clockAt("2026-03-02T11:00");
    approve(d);
    assertThat(timers(d)).isEmpty();
    returnResult(d);

    d = reload(d);
    assertThat(d.outcome()).isEqualTo(OutcomeClass.EARLY);
    assertThat(overdue.alerts(d.id())).isEmpty();
    assertThat(d.apologyCount()).isZero();
    assertThat(d.lateStageCount()).isZero();
    assertThat(d.overdueAt()).isNull();
  }

  @Test
  void a_warning_reaches_the_officer_and_the_unit_leader_once_and_closes_with_the_stage() {
    Dossier d = acceptedMonday();
    Task appraise = task(d, "Task_Appraise");
    taskService.claim(appraise.getId(), "cv.minh");

    clockAt("2026-03-03T08:00");
    assertThat(fireDueTimers(d)).isEqualTo(1);
    Task officer = task(d, "Task_RemindOfficer");
    Task leader = task(d, "Task_RemindLeader");
    assertThat(candidates(officer, false)).containsExactly("cv.minh");
    assertThat(candidates(leader, true)).containsExactly("tq-minhxuan.leader");
    assertThat(officer.getDueDate().toInstant()).isEqualTo(at("2026-03-03T17:00"));
    assertThat(taskService.getVariable(officer.getId(), ALERT_MESSAGE).toString())
        .contains(d.code(), "Thẩm định hồ sơ", "17:00 ngày 03/03/2026");
    assertThat(task(d, "Task_Appraise").getPriority()).isEqualTo(75);
    // the block holds what it reads and its own alert variables, no copy of the dossier's other variables
    // (issue 25: a warning storm starts thousands of these blocks at once)
    java.util.Set<String> blockVariables = runtimeService.getVariables(officer.getProcessInstanceId()).keySet();
    assertThat(blockVariables).filteredOn(name -> !name.startsWith("alert"))
        .containsExactlyInAnyOrderElementsOf(STAGE_ALERT_INPUTS);
    assertThat(blockVariables).contains(ALERT_KIND, ALERT_ID, ALERT_MESSAGE, ALERT_STAGE_NAME, ALERT_DUE_TEXT);
    // the routing (outcome, candidates, the stage's unit and due date) is read only as the block starts: transient
    // variables, never written (issue 25)
    assertThat(blockVariables).doesNotContainAnyElementsOf(ROUTING);
    // the block started with the warning: its unit's supervisors may watch it (granted without a query first)
    assertThat(engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE)
        .resourceId(officer.getProcessInstanceId()).list())
        .extracting(org.camunda.bpm.engine.authorization.Authorization::getGroupId).contains("tq-minhxuan.supervisor")
        .doesNotHaveDuplicates();
    assertThat(runtimeService.getVariables(d.processInstanceId()).keySet())
        .as("the dossier's variables the block does without").contains(DOSSIER_CODE, APPLICANT_NAME, PROCEDURE_KEY);
    // the reminder's form and Tasklist entry still show the dossier: the summary's task variables and the phone
    assertThat(taskService.getVariables(officer.getId(), List.of(DOSSIER_CODE, APPLICANT_NAME, PROCEDURE_NAME,
        APPLICANT_PHONE, "appointmentText", "dossierView"))).allSatisfy((name, value) -> assertThat(value).as(name).isNotNull())
        .containsEntry(DOSSIER_CODE, d.code()).hasSize(6);
    // and only what the reminder's form and Tasklist's list show: not the units by name, which its form does not
    assertThat(taskService.getVariablesLocal(officer.getId()).keySet())
        .doesNotContain("receivingUnitName", "competentUnitName", "receivedAtText");
    // what Tasklist shows each of them
    assertThat(tasklist("cv.minh")).extracting(t -> t.get("name"))
        .contains("Nhắc hạn: hồ sơ sắp đến hạn giải quyết", "Thẩm định hồ sơ");
    assertThat(tasklist("ld.thao")).extracting(t -> t.get("name"))
        .contains("Nhắc hạn: theo dõi hồ sơ sắp đến hạn của đơn vị");
    assertThat(tasklist("cv.huong")).extracting(t -> t.get("name"))
        .doesNotContain("Nhắc hạn: hồ sơ sắp đến hạn giải quyết"); // another commune sees nothing
    // reminders are not handoffs: the control log still shows the dossier with the specialist
    assertThat(dossiers.controlLog(d.id())).extracting(ControlLogEntry::stepKey)
        .containsExactly("Task_CheckDossier", "Task_CollectFee", "Transfer", "Task_Appraise");
    assertThat(reload(d).currentUnit()).isEqualTo("tq-minhxuan");

    assertThat(fireDueTimers(d)).isZero();
    assertThat(alerts(d, AlertKind.WARNING)).hasSize(1);

    clockAt("2026-03-03T10:00");
    appraise(d, "cv.minh");
    assertThat(tasks(d, "Task_RemindOfficer")).isEmpty();
    assertThat(tasks(d, "Task_RemindLeader")).isEmpty();
    assertThat(alerts(d, AlertKind.WARNING)).singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.CANCELLED));

    clockAt("2026-03-03T14:00");
    approve(d);
    returnResult(d);
    d = reload(d);
    assertThat(d.outcome()).isEqualTo(OutcomeClass.EARLY);
    assertThat(d.lateStageCount()).isZero();
    assertThat(alerts(d, AlertKind.APOLOGY)).isEmpty();
  }

  @Test
  void an_apology_moves_the_appointment_once_and_the_dossier_done_by_the_new_date_is_on_time() {
    Dossier d = acceptedMonday();
    clockAt("2026-03-03T17:00");
    assertThat(fireDueTimers(d)).isEqualTo(3); // the warning and the escalation were due too
    Task draft = task(d, "Task_DraftApology");
    assertThat(candidates(draft, true)).containsExactly("tq-minhxuan.specialist");
    assertThat(draft.getDueDate().toInstant()).isBefore(at("2026-03-04T09:00"));
    assertThat(tasklist("cv.minh")).extracting(t -> t.get("name"))
        .contains("Soạn phiếu xin lỗi và hẹn lại ngày trả kết quả");

    // the new date must be a working day, after today and after the old date
    String reason = var(APOLOGY_REASON, "Cần xác minh thực tế địa điểm kinh doanh tại tổ 5");
    ResponseEntity<String> holiday = complete("cv.minh", draft, vars(reason, var(NEW_APPOINTMENT_DATE, "2026-04-30")));
    assertThat(holiday.getStatusCode().value()).isEqualTo(400);
    assertThat(holiday.getBody()).contains("không phải ngày làm việc");
    ResponseEntity<String> past = complete("cv.minh", draft, vars(reason, var(NEW_APPOINTMENT_DATE, "2026-03-02")));
    assertThat(past.getStatusCode().value()).isEqualTo(400);
    assertThat(past.getBody()).contains("phải sau ngày hôm nay");
    ResponseEntity<String> beforeOld = complete("cv.minh", draft, vars(reason, var(NEW_APPOINTMENT_DATE, "2026-03-04")));
    assertThat(beforeOld.getStatusCode().value()).isEqualTo(400);
    assertThat(beforeOld.getBody()).contains("phải sau ngày hẹn trả cũ");
    assertThat(task(d, "Task_DraftApology").getId()).isEqualTo(draft.getId());

    completeOk("cv.minh", draft, vars(reason, var(NEW_APPOINTMENT_DATE, "2026-03-10")));
    Task sign = task(d, "Task_SignApology");
    assertThat(candidates(sign, true)).containsExactlyInAnyOrder("tq-minhxuan.head", "tq-minhxuan.deputyhead");
    ResponseEntity<String> noReason = complete("tt.hai", sign, var(APOLOGY_SIGN_DECISION, OverdueVariables.SEND_BACK));
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    clockAt("2026-03-03T17:20");
    completeOk("tt.hai", sign, var(APOLOGY_SIGN_DECISION, SIGN));

    d = reload(d);
    assertThat(d.appointmentAt()).isEqualTo(at("2026-03-10T17:30"));
    assertThat(d.originalAppointmentAt()).isEqualTo(at("2026-03-05T09:00"));
    assertThat(d.apologyCount()).isEqualTo(1);
    ApologyLetter letter = overdue.letters(d.id()).get(0);
    assertThat(letter.number()).matches("\\d{4}/2026/PXL-000\\.01\\.30\\.H60");
    assertThat(letter.signedBy()).isEqualTo("tt.hai");
    assertThat(letter.signedAs()).isEqualTo("HEAD");
    assertThat(letter.signedLate()).isFalse();
    assertThat(letter.draftedBy()).isEqualTo("cv.minh");
    assertThat(alerts(d, AlertKind.APOLOGY)).singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo(AlertStatus.ISSUED));
    // deadlines, due dates and timers moved by the working time between the two dates (30.5 h)
    assertThat(task(d, "Task_Appraise").getDueDate().toInstant()).isEqualTo(at("2026-03-09T15:30"));
    assertThat(runtimeService.getVariable(d.processInstanceId(), APPOINTMENT_AT)).isEqualTo(Date.from(at("2026-03-10T17:30")));

    // the One-Stop Division hands the letter to the applicant
    Task deliver = task(d, "Task_DeliverApology");
    assertThat(candidates(deliver, true)).containsExactly("tq-minhxuan.reception");
    assertThat(deliver.getDueDate().toInstant()).isEqualTo(at("2026-03-04T09:00"));
    assertThat(complete("mc.hung", deliver, "").getStatusCode().value()).isEqualTo(400);
    completeOk("mc.hung", deliver, vars(var(APOLOGY_DELIVERY_METHOD, "PHONE"),
        var(APOLOGY_DELIVERY_NOTE, "Đã gọi điện cho ông An lúc 16:10")));
    assertThat(overdue.letters(d.id()).get(0).deliveryMethod()).isEqualTo("PHONE");

    // the citizen's lookup shows the new date and the letter, and no personal data
    ResponseEntity<Map> lookup = rest.postForEntity("/api/public/dossiers/lookup",
        new HttpEntity<>("{\"code\": \"" + d.code() + "\", \"secret\": \"0912345678\"}", json()), Map.class);
    assertThat(lookup.getStatusCode().value()).isEqualTo(200);
    assertThat(lookup.getBody().get("appointmentAt").toString()).startsWith("2026-03-10T10:30");
    assertThat(lookup.getBody().toString()).contains(letter.number()).doesNotContain("Nguyễn Văn An", "0912345678");

    // done by the new date
    clockAt("2026-03-06T10:00");
    fireDueTimers(d);
    appraise(d, "cv.minh");
    approve(d);
    returnResult(d);
    d = reload(d);
    assertThat(d.outcome()).isNotEqualTo(OutcomeClass.LATE);
    assertThat(d.apologyCount()).isEqualTo(1);
    assertThat(events(d)).containsSubsequence("APOLOGY_REQUESTED", "APOLOGY_ISSUED", "APOLOGY_DELIVERED", "RETURNED");
  }

  @Test
  void late_past_the_new_date_is_escalated_once_per_stage_refused_a_second_apology_and_counted_late() {
    Dossier d = acceptedMonday();
    clockAt("2026-03-03T08:00");
    assertThat(fireDueTimers(d)).isEqualTo(1); // the warning
    // the appraisal deadline passes: the leader and the supervisors are told, once, and the apology is due
    clockAt("2026-03-03T17:00");
    assertThat(fireDueTimers(d)).isEqualTo(2);
    Task direct = task(d, "Task_DirectOverdue");
    Task supervise = task(d, "Task_SuperviseOverdue");
    assertThat(candidates(direct, true)).containsExactly("tq-minhxuan.leader");
    assertThat(candidates(supervise, true)).containsExactlyInAnyOrder("tq-minhxuan.supervisor", "tq-ttpvhcc.supervisor");
    assertThat(direct.getDueDate()).isNotNull();
    assertThat(runtimeService.getVariables(direct.getProcessInstanceId()).keySet())
        .contains(ALERT_ID, ALERT_MESSAGE).doesNotContainAnyElementsOf(ROUTING);
    assertThat(tasklist("gs.ha")).extracting(t -> t.get("name")).contains("Giám sát hồ sơ quá hạn");
    assertThat(tasklist("gs.nam")).extracting(t -> t.get("name")).contains("Giám sát hồ sơ quá hạn");
    assertThat(task(d, "Task_Appraise").getPriority()).isEqualTo(100);
    // the stage is marked late in the control log, charged to the unit that held it
    ControlLogEntry appraisal = dossiers.controlLog(d.id()).stream()
        .filter(e -> e.stepKey().equals("Task_Appraise")).findFirst().orElseThrow();
    assertThat(appraisal.overdueAt()).isEqualTo(at("2026-03-03T17:00"));
    assertThat(appraisal.resultClass()).isEqualTo(OutcomeClass.LATE);
    assertThat(appraisal.toUnit()).isEqualTo("tq-minhxuan");
    d = reload(d);
    assertThat(d.overdueUnit()).isEqualTo("tq-minhxuan");
    assertThat(d.lateStageCount()).isEqualTo(1);
    completeOk("ld.thao", direct, var(OVERDUE_INSTRUCTION, "Đề nghị chuyên viên hoàn thành thẩm định trong ngày"));
    assertThat(fireDueTimers(d)).isZero();
    assertThat(alerts(d, AlertKind.OVERDUE)).hasSize(1);
    assertThat(events(d)).containsOnlyOnce("STAGE_OVERDUE").contains("OVERDUE_INSTRUCTION");

    draftAndSignApology(d, "2026-03-06");
    completeOk("mc.hung", task(d, "Task_DeliverApology"), var(APOLOGY_DELIVERY_METHOD, "SMS"));
    d = reload(d);
    assertThat(d.appointmentAt()).isEqualTo(at("2026-03-06T17:30"));
    // moved by the 14.5 working hours between Thursday 09:00 and Friday 17:30
    assertThat(task(d, "Task_Appraise").getDueDate().toInstant()).isEqualTo(at("2026-03-05T15:30"));

    // the appraisal ends after its new deadline: the approval stage, counted from its own start, and the
    // return cannot both fit before the new date, so the second apology is refused at once
    clockAt("2026-03-05T16:30");
    appraise(d, "cv.minh");
    assertThat(tasks(d, "Task_SuperviseOverdue")).isEmpty(); // closed with its stage
    assertThat(fireDueTimers(d)).isEqualTo(1);
    assertThat(tasks(d, "Task_DraftApology")).isEmpty();
    assertThat(events(d)).containsOnlyOnce("APOLOGY_NOT_ALLOWED");

    // past the new date: a second apology is refused, the approval stage is escalated in turn, and the
    // dossier is counted late
    clockAt("2026-03-09T10:00");
    fireDueTimers(d);
    assertThat(tasks(d, "Task_DraftApology")).isEmpty();
    assertThat(events(d)).containsOnlyOnce("APOLOGY_NOT_ALLOWED");
    assertThat(alerts(d, AlertKind.APOLOGY)).extracting(Alert::status)
        .containsExactlyInAnyOrder(AlertStatus.ISSUED, AlertStatus.REFUSED);
    assertThat(fireDueTimers(d)).isZero();
    assertThat(alerts(d, AlertKind.OVERDUE)).extracting(Alert::stageKey)
        .containsExactly("Task_Appraise", "Task_Approve");
    assertThat(alerts(d, AlertKind.WARNING)).extracting(Alert::stageKey).containsExactly("Task_Appraise");
    approve(d);
    returnResult(d);
    d = reload(d);
    assertThat(d.outcome()).isEqualTo(OutcomeClass.LATE);
    assertThat(d.responsibleUnit()).isEqualTo("tq-minhxuan");
    assertThat(d.workingHoursLate()).isEqualTo(2);
    assertThat(d.workingDaysLate()).isEqualTo(1);
    assertThat(d.lateStageCount()).isEqualTo(2);
    assertThat(d.apologyCount()).isEqualTo(1);
    assertThat(overdue.letters(d.id())).hasSize(1);
  }

  @Test
  void the_same_timer_fired_twice_makes_one_apology_task_and_one_reminder() {
    Dossier d = acceptedMonday();
    clockAt("2026-03-03T08:00");
    fireDueTimers(d);
    assertThat(tasks(d, "Task_RemindLeader")).hasSize(1);
    // what a second firing does (another node, a retry): run the boundary path again in the same stage
    refire(d, "CallActivity_AppraisalWarning");
    assertThat(tasks(d, "Task_RemindLeader")).hasSize(1);
    assertThat(alerts(d, AlertKind.WARNING)).hasSize(1);

    clockAt("2026-03-03T17:00");
    fireDueTimers(d);
    assertThat(tasks(d, "Task_DraftApology")).hasSize(1);
    refire(d, "CallActivity_AppraisalApology");
    assertThat(tasks(d, "Task_DraftApology")).hasSize(1);
    assertThat(alerts(d, AlertKind.APOLOGY)).hasSize(1);
    assertThat(events(d)).containsOnlyOnce("APOLOGY_REQUESTED").containsOnlyOnce("STAGE_WARNING");
  }

  private void refire(Dossier d, String callActivity) {
    ProcessInstance resolution = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(d.processInstanceId()).processDefinitionKey("Block_Resolution").singleResult();
    ActivityInstance tree = runtimeService.getActivityInstance(resolution.getId());
    String stage = tree.getActivityInstances("SubProcess_AppraisalStage")[0].getId();
    runtimeService.createProcessInstanceModification(resolution.getId())
        .startBeforeActivity(callActivity, stage)
        .execute();
  }

  @Test
  void an_open_apology_closes_with_its_stage_and_the_next_stage_asks_again_when_it_cannot_be_on_time() {
    Dossier d = acceptedMonday();
    clockAt("2026-03-03T17:00");
    fireDueTimers(d);
    assertThat(tasks(d, "Task_DraftApology")).hasSize(1);

    clockAt("2026-03-03T17:15");
    appraise(d, "cv.minh");
    assertThat(tasks(d, "Task_DraftApology")).isEmpty();
    assertThat(events(d)).contains("APOLOGY_CANCELLED");
    // the approval stage counts its 6 h from its own start (17:15), and with the return's 4 h after it the
    // dossier cannot be ready by Thursday 09:00: the approval stage asks again at once, once
    assertThat(fireDueTimers(d)).isEqualTo(1);
    assertThat(tasks(d, "Task_DraftApology")).hasSize(1);
    assertThat(fireDueTimers(d)).isZero();
    assertThat(alerts(d, AlertKind.APOLOGY)).extracting(Alert::status)
        .containsExactlyInAnyOrder(AlertStatus.CANCELLED, AlertStatus.OPEN);

    clockAt("2026-03-04T15:10");
    approve(d);
    assertThat(tasks(d, "Task_DraftApology")).isEmpty();
    assertThat(reload(d).apologyCount()).isZero();
  }
}
