package vn.motcua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.dossier.DossierVariables.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierNotice;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.notification.engine.NotificationProcesses;
import vn.motcua.notification.engine.NotificationVariables;
import vn.motcua.overdue.OverdueService;

/**
 * Notifications of a household business dossier at Minh Xuân, sent by Process_Notification's jobs
 * (the test executes them as the job executor would; nothing sleeps): SMTP at a GreenMail server that is
 * down unless a test starts it, the SMS gateway at a local stub.
 */
@MotCuaSpringTest
class NotificationFlowTest extends DossierTestSupport {
  @Autowired NotificationService notifications;
  @Autowired NotificationRepository repository;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired IdentityService identityService;
  @Autowired OverdueService overdue;
  @Autowired NotificationProperties properties;

  private GreenMail smtp;
  private SmsStub sms;

  @AfterEach
  void stopServers() {
    if (smtp != null) {
      smtp.stop();
    }
    if (sms != null) {
      sms.close();
    }
  }

  private void startSmtp() {
    smtp = new GreenMail(new ServerSetup(TestChannels.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  private void startSms() {
    sms = new SmsStub(TestChannels.SMS_PORT, TestChannels.SMS_PATH);
  }

  private Dossier accepted() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    clockAt("2026-03-02T09:10");
    completeOk("mc.hung", openTask(d), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
    return reload(d);
  }

  /** Appraisal, approval and return of an accepted dossier, as the officers do it in Tasklist. */
  private Dossier resolvedAndReturned(Dossier d) {
    clockAt("2026-03-03T10:00");
    completeOk("cv.minh", openTask(d), vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL),
        var(APPRAISAL_OPINION, "Hồ sơ đủ điều kiện đăng ký hộ kinh doanh."),
        var(RESULT_TEXT, "Giấy chứng nhận đăng ký hộ kinh doanh số 10A8001234")));
    clockAt("2026-03-03T15:00");
    completeOk("ld.thao", openTask(d), var(APPROVAL_DECISION, APPROVE));
    clockAt("2026-03-04T08:00");
    completeOk("mc.hung", openTask(d), vars(var(DELIVERY_METHOD, "COUNTER"), var(RECEIVER_NAME, "Nguyễn Văn An"),
        var(RATING, "3")));
    return reload(d);
  }

  private Notification one(Dossier d, DossierNotice.Kind kind, NotificationChannel channel) {
    List<Notification> found = notifications.ofDossier(d.id()).stream()
        .filter(n -> n.kind() == kind && n.channel() == channel).toList();
    assertThat(found).as(kind + " " + channel).hasSize(1);
    return found.get(0);
  }

  private Job job(Notification n) {
    assertThat(n.processInstanceId()).as("sending process of notification " + n.id()).isNotNull();
    Job job = managementService.createJobQuery().processInstanceId(n.processInstanceId()).singleResult();
    assertThat(job).as("sending job of notification " + n.id()).isNotNull();
    return job;
  }

  /** Executes the job until its retries are spent, as the job executor would; returns the attempts made. */
  private int failUntilIncident(Job job) {
    for (int attempt = 1; attempt <= 10; attempt++) {
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).isInstanceOf(NotificationException.class);
      Job now = managementService.createJobQuery().jobId(job.getId()).singleResult();
      if (now.getRetries() == 0) {
        return attempt;
      }
    }
    throw new AssertionError("the job kept retrying");
  }

  @Test
  void an_smtp_outage_at_result_ready_leaves_the_dossier_returned_an_incident_and_one_email_after_the_retry()
      throws Exception {
    Dossier d = resolvedAndReturned(accepted());
    // the officers' work is done whatever happens to the mail server
    assertThat(d.status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(d.processInstanceId()).count()).isZero();

    Notification email = one(d, DossierNotice.Kind.RESULT_READY, NotificationChannel.EMAIL);
    assertThat(email.status()).isEqualTo(NotificationStatus.PENDING);
    assertThat(email.recipient()).isEqualTo("an.nguyen@example.vn");
    ProcessInstance sending = runtimeService.createProcessInstanceQuery().processInstanceId(email.processInstanceId())
        .singleResult();
    assertThat(sending).isWaitingAt(NotificationVariables.SEND_TASK);
    assertThat(sending.getBusinessKey()).isEqualTo(d.code());

    // SMTP is down (no server on the port): the job retries along the configured cycle, then an incident
    Job job = job(email);
    int attempts = failUntilIncident(job);
    assertThat(attempts).isEqualTo(3); // motcua.notification.retry-cycle=R3/PT5M in the tests
    List<Incident> incidents = runtimeService.createIncidentQuery().processInstanceId(email.processInstanceId()).list();
    assertThat(incidents).singleElement().satisfies(i -> {
      assertThat(i.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(i.getActivityId()).isEqualTo(NotificationVariables.SEND_TASK);
      assertThat(i.getIncidentMessage()).startsWith("SMTP: ");
    });
    Notification failed = repository.find(email.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.lastError()).startsWith("SMTP: ");
    assertThat(reload(d).status()).isEqualTo(DossierStatus.RETURNED);

    // the server comes back; the operator retries the job in Cockpit
    startSmtp();
    managementService.setJobRetries(job.getId(), 1);
    managementService.executeJob(job.getId());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Đã có kết quả giải quyết hồ sơ – mã hồ sơ " + d.code());
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("an.nguyen@example.vn");
    assertThat(received[0].getContent().toString()).contains("Nơi nhận kết quả: Bộ phận Một cửa");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(email.processInstanceId()).count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(email.processInstanceId()).count()).isZero();
    Notification sent = repository.find(email.id()).orElseThrow();
    assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.sentAt()).isEqualTo(at("2026-03-04T08:00"));
    assertThat(sent.attempts()).isEqualTo(4);
    assertThat(sent.lastError()).isNull();

    // sending it again — a second sending process for the same row — sends nothing
    ProcessInstance again = runtimeService.startProcessInstanceByKey(NotificationVariables.PROCESS_KEY, d.code(),
        Map.of(NotificationVariables.NOTIFICATION_ID, email.id()));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(again.getId()).singleResult().getId());
    assertThat(again).isEnded();
    assertThat(notifications.send(email.id())).isEqualTo(NotificationService.Outcome.ALREADY_SENT);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void an_sms_gateway_answering_5xx_then_timing_out_retries_then_shows_an_incident_and_sends_once_after_the_retry() {
    startSms();
    Dossier d = accepted();
    Notification text = one(d, DossierNotice.Kind.RECEIVED, NotificationChannel.SMS);
    assertThat(text.recipient()).isEqualTo("0912345678");
    assertThat(text.body()).contains(d.code(), "Đăng ký thành lập hộ kinh doanh", "09:10 ngày 05/03/2026",
        properties.statusPageUrl());

    sms.answer(503, SmsStub.HANG, 500);
    Job job = job(text);
    assertThat(failUntilIncident(job)).isEqualTo(3);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(text.processInstanceId()).singleResult()
        .getIncidentMessage()).contains("HTTP 500");
    Notification failed = repository.find(text.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(sms.accepted()).isEmpty();
    assertThat(sms.requests()).isEqualTo(3);

    managementService.setJobRetries(job.getId(), 1);
    managementService.executeJob(job.getId());
    assertThat(sms.accepted()).singleElement().satisfies(m -> {
      assertThat(m.reference()).isEqualTo(String.valueOf(text.id()));
      assertThat(m.to()).isEqualTo("0912345678");
      assertThat(m.text()).isEqualTo(text.body());
      assertThat(m.authorization()).isEqualTo("Bearer " + TestChannels.SMS_TOKEN);
    });
    assertThat(repository.find(text.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
    assertThat(notifications.send(text.id())).isEqualTo(NotificationService.Outcome.ALREADY_SENT);
    assertThat(sms.accepted()).hasSize(1);
  }

  @Test
  void a_supplement_request_tells_the_applicant_every_item_and_how_to_submit_it() throws Exception {
    startSmtp();
    startSms();
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    completeOk("mc.hung", openTask(d), vars(var(RECEPTION_DECISION, INCOMPLETE),
        var(MISSING_ITEMS, "Thiếu bản sao biên bản họp thành viên hộ gia đình")));
    assertThat(notifications.ofDossier(d.id())).extracting(Notification::kind).containsOnly(
        DossierNotice.Kind.SUPPLEMENT_REQUESTED);
    for (NotificationChannel channel : NotificationChannel.values()) {
      managementService.executeJob(job(one(d, DossierNotice.Kind.SUPPLEMENT_REQUESTED, channel)).getId());
    }
    assertThat(sms.accepted()).singleElement().satisfies(m -> assertThat(m.text())
        .contains("Thiếu bản sao biên bản họp thành viên hộ gia đình", properties.statusPageUrl(), "Bộ phận Một cửa"));
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getSubject())
        .isEqualTo("Yêu cầu bổ sung, hoàn thiện hồ sơ – mã hồ sơ " + d.code());
  }

  @Test
  void an_apology_letter_tells_the_applicant_its_number_and_the_new_date() throws Exception {
    startSmtp();
    Dossier d = accepted();
    clockAt("2026-03-03T17:10"); // the appraisal still open past its deadline: the dossier cannot be on time
    fireDueTimers(d);
    completeOk("cv.minh", taskOf(d, "Task_DraftApology"), vars(
        var(vn.motcua.overdue.OverdueVariables.APOLOGY_REASON, "Cần xác minh thực tế địa điểm kinh doanh tại tổ 5"),
        var(vn.motcua.overdue.OverdueVariables.NEW_APPOINTMENT_DATE, "2026-03-10")));
    completeOk("tt.hai", taskOf(d, "Task_SignApology"),
        var(vn.motcua.overdue.OverdueVariables.APOLOGY_SIGN_DECISION, vn.motcua.overdue.OverdueVariables.SIGN));
    String number = overdue.letters(d.id()).get(0).number();

    Notification email = one(d, DossierNotice.Kind.APOLOGY_ISSUED, NotificationChannel.EMAIL);
    assertThat(email.noticeKey()).isEqualTo("APOLOGY_ISSUED:" + number);
    assertThat(one(d, DossierNotice.Kind.APOLOGY_ISSUED, NotificationChannel.SMS).body())
        .contains(number, "hẹn trả kết quả mới: " + vn.motcua.dossier.Format.dateTime(reload(d).appointmentAt()));
    managementService.executeJob(job(email).getId());
    assertThat(smtp.getReceivedMessages()).singleElement().satisfies(m -> {
      assertThat(m.getSubject()).isEqualTo("Thư xin lỗi và hẹn lại ngày trả kết quả – mã hồ sơ " + d.code());
      assertThat(m.getContent().toString()).contains("số: " + number,
          "Lý do: Cần xác minh thực tế địa điểm kinh doanh tại tổ 5", "Ngày hẹn trả kết quả mới: ");
    });
  }

  private Task taskOf(Dossier d, String key) {
    List<Task> tasks = taskService.createTaskQuery().processVariableValueEquals(DOSSIER_ID, d.id())
        .taskDefinitionKey(key).list();
    assertThat(tasks).as(key).hasSize(1);
    return tasks.get(0);
  }

  @Test
  void an_officers_transaction_that_rolls_back_records_no_notification_and_sends_nothing() {
    startSmtp();
    startSms();
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    Task check = openTask(d);
    long sendingBefore = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(NotificationVariables.PROCESS_KEY).count();

    new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
      identityService.setAuthentication("mc.hung", identityService.createGroupQuery().groupMember("mc.hung").list()
          .stream().map(org.camunda.bpm.engine.identity.Group::getId).toList());
      try {
        taskService.complete(check.getId(), Map.of(RECEPTION_DECISION, COMPLETE));
      } finally {
        identityService.clearAuthentication();
      }
      // inside the officer's transaction the receipt's messages and their jobs exist...
      assertThat(notifications.ofDossier(d.id())).hasSize(2);
      // ...and then the transaction fails
      tx.setRollbackOnly();
    });

    assertThat(notifications.ofDossier(d.id())).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(NotificationVariables.PROCESS_KEY)
        .count()).isEqualTo(sendingBefore);
    assertThat(reload(d).status()).isEqualTo(DossierStatus.NEW);
    assertThat(openTask(d).getId()).isEqualTo(check.getId());
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(sms.requests()).isZero();
  }

  @Test
  void a_channel_that_is_not_configured_records_its_messages_as_skipped_and_starts_no_job() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    NotificationService off = new NotificationService(repository,
        new NotificationChannels((org.springframework.mail.javamail.JavaMailSender) null, null, properties), dossiers,
        overdue, properties, new vn.motcua.dossier.EngineClock());
    long sendingBefore = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(NotificationVariables.PROCESS_KEY).count();

    new TransactionTemplate(transactionManager).executeWithoutResult(tx ->
        new NotificationProcesses(off, null, runtimeService, identityService)
            .onNotice(new DossierNotice(d.id(), DossierNotice.Kind.RECEIVED, at("2026-03-02T09:00"), null)));

    assertThat(notifications.ofDossier(d.id())).hasSize(2).allSatisfy(n -> {
      assertThat(n.status()).isEqualTo(NotificationStatus.SKIPPED);
      assertThat(n.processInstanceId()).isNull();
      assertThat(n.lastError()).isEqualTo(NotificationChannels.offReason(n.channel()));
    });
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(NotificationVariables.PROCESS_KEY)
        .count()).isEqualTo(sendingBefore);
    assertThat(off.send(notifications.ofDossier(d.id()).get(0).id())).isEqualTo(NotificationService.Outcome.SKIPPED);
  }

  @Test
  void a_notice_gives_at_most_one_message_per_channel() {
    Dossier d = accepted();
    new TransactionTemplate(transactionManager).executeWithoutResult(tx -> assertThat(notifications.record(
        new DossierNotice(d.id(), DossierNotice.Kind.RECEIVED, at("2026-03-02T09:10"), null)).pending()).isEmpty());
    assertThat(notifications.ofDossier(d.id())).hasSize(2);
    assertThatThrownBy(() -> repository.insert(d.id(), DossierNotice.Kind.RECEIVED, "RECEIVED", NotificationChannel.SMS,
        "0912345678", "x", "y", NotificationStatus.PENDING, null, at("2026-03-02T09:10")))
        .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
  }

  @Test
  void officers_see_the_notifications_in_the_dossier_view_with_masked_recipients() {
    Dossier d = accepted();
    ResponseEntity<Map> view = rest.withBasicAuth("mc.hung", "demo").getForEntity("/api/dossiers/" + d.code(), Map.class);
    assertThat(view.getStatusCode().value()).isEqualTo(200);
    List<Map<String, Object>> shown = (List<Map<String, Object>>) view.getBody().get("notifications");
    assertThat(shown).hasSize(2);
    assertThat(shown).extracting(n -> n.get("recipient")).containsExactlyInAnyOrder("091****678", "a***@example.vn");
    assertThat(shown).allSatisfy(n -> {
      assertThat(n.get("kindName")).isEqualTo("Hồ sơ đã được tiếp nhận");
      assertThat(n.get("status")).isEqualTo("PENDING");
      assertThat(n.get("statusName")).isEqualTo("Chờ gửi");
      assertThat(n).doesNotContainKey("body");
    });
  }
}
