package vn.motcua.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.notification.Notification;
import vn.motcua.notification.NotificationChannel;
import vn.motcua.notification.NotificationService;
import vn.motcua.notification.NotificationStatus;
import vn.motcua.notification.PetitionNotice;
import vn.motcua.notification.PetitionNotifications;
import vn.motcua.notification.SmsStub;
import vn.motcua.notification.TestChannels;
import vn.motcua.notification.engine.NotificationVariables;

/**
 * The petitioner hears of the receipt, the forwarding and the answer by SMS and e-mail through the applicants'
 * notification outbox: rows recorded in the transaction of the change (petition_id set, dossier_id empty),
 * one Process_Notification per row with the petition's code as business key, sent by its job to the SMS
 * gateway stub and a GreenMail SMTP server (run here as the job executor would), never twice.
 */
@MotCuaSpringTest
class PetitionNotificationsTest extends PetitionTestSupport {
  @Autowired PetitionNotifications petitionNotifications;
  @Autowired NotificationService notifications;

  private GreenMail smtp;
  private SmsStub sms;

  @BeforeEach
  void startServers() {
    smtp = new GreenMail(new ServerSetup(TestChannels.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    sms = new SmsStub(TestChannels.SMS_PORT, TestChannels.SMS_PATH);
  }

  @AfterEach
  void stopServers() {
    smtp.stop();
    sms.close();
  }

  private List<Notification> of(Petition p, PetitionNotice.Kind kind) {
    return petitionNotifications.ofPetition(p.id()).stream().filter(n -> n.petitionKind() == kind).toList();
  }

  /** Runs the sending job of each message, as the job executor would after the change committed. */
  private void send(List<Notification> messages) {
    for (Notification n : messages) {
      assertThat(n.processInstanceId()).as("sending process of " + n.noticeKey() + " " + n.channel()).isNotNull();
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(n.processInstanceId()).singleResult()
          .getBusinessKey()).isEqualTo(n.subject().substring(n.subject().lastIndexOf(' ') + 1));
      Job job = managementService.createJobQuery().processInstanceId(n.processInstanceId()).singleResult();
      managementService.executeJob(job.getId());
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(n.processInstanceId()).count()).isZero();
    }
  }

  @Test
  void receipt_forwarding_and_answer_reach_the_petitioner_by_sms_and_email_once() throws Exception {
    clockAt("2026-03-09T09:00");
    Petition p = submitted(null, "Kiến nghị rút ngắn thời hạn cấp phiếu lý lịch tư pháp",
        "Thời hạn 10 ngày làm việc cấp phiếu lý lịch tư pháp là quá dài, đề nghị rút xuống 5 ngày khi nộp trực tuyến.");

    // received: one SMS to the phone on file and one e-mail, recorded with the petition, waiting for their jobs
    List<Notification> received = of(p, PetitionNotice.Kind.RECEIVED);
    assertThat(received).extracting(Notification::channel)
        .containsExactlyInAnyOrder(NotificationChannel.SMS, NotificationChannel.EMAIL);
    assertThat(received).allSatisfy(n -> {
      assertThat(n.petitionId()).isEqualTo(p.id());
      assertThat(n.dossierId()).isNull();
      assertThat(n.kind()).isNull();
      assertThat(n.status()).isEqualTo(NotificationStatus.PENDING);
      assertThat(n.subject()).isEqualTo("Đã tiếp nhận phản ánh, kiến nghị – mã " + p.code());
    });
    send(received);

    // forwarded to the competent department: the petitioner is told where it went
    clockAt("2026-03-10T10:00");
    classify(p, "mc.lan", vars(var("classification", "FORWARD"), var("petitionCategory", "REGULATION"),
        var("competentUnit", "tq-stp")));
    List<Notification> forwarded = of(p, PetitionNotice.Kind.FORWARDED);
    assertThat(forwarded).hasSize(2).allSatisfy(n -> assertThat(n.status()).isEqualTo(NotificationStatus.PENDING));
    send(forwarded);

    // answered (the asynchronous answer job records the message; it is sent by its own job afterwards)
    clockAt("2026-03-12T14:00");
    propose(p, "cv.duc", "Sở Tư pháp ghi nhận và đã đề xuất rút ngắn thời hạn cấp phiếu lý lịch tư pháp khi nộp "
        + "trực tuyến; quyết định sửa đổi dự kiến ban hành trong quý II/2026.");
    approve(p, "ld.son");
    assertThat(of(p, PetitionNotice.Kind.ANSWERED)).as("not before the answer job ran").isEmpty();
    runDueJobs(p);
    assertThat(instance(p)).isEnded();
    List<Notification> answered = of(p, PetitionNotice.Kind.ANSWERED);
    assertThat(answered).hasSize(2);
    send(answered);

    // the SMS gateway got three messages, each under its row's id, to the phone on file, the petitioner not named
    String link = "http://localhost:8080/phan-anh/?ma=" + p.code();
    assertThat(sms.accepted()).hasSize(3).allSatisfy(m -> {
      assertThat(m.to()).isEqualTo("0987654321");
      assertThat(m.text()).startsWith("Một Cửa: ").endsWith(" Xem: " + link).doesNotContain("Trần Thị Bích");
      assertThat(m.text().length()).isLessThanOrEqualTo(480);
    });
    assertThat(sms.accepted()).extracting(SmsStub.Received::reference).containsExactlyElementsOf(
        List.of(sms(received), sms(forwarded), sms(answered)).stream().map(n -> String.valueOf(n.id())).toList());
    assertThat(sms.accepted().get(1).text()).contains("đã được chuyển đến Sở Tư pháp tỉnh Tuyên Quang");
    assertThat(sms.accepted().get(2).text()).contains("trả lời phản ánh, kiến nghị " + p.code(), "rút ngắn thời hạn");

    // three e-mails to the address given, the petitioner named, the answer in full
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(3);
    assertThat(Arrays.stream(mails).map(m -> {
      try {
        return m.getSubject();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    })).containsExactly("Đã tiếp nhận phản ánh, kiến nghị – mã " + p.code(),
        "Phản ánh, kiến nghị được chuyển cơ quan có thẩm quyền – mã " + p.code(),
        "Trả lời phản ánh, kiến nghị – mã " + p.code());
    assertThat(mails[2].getAllRecipients()[0].toString()).isEqualTo("bich.tran@example.vn");
    assertThat(mails[2].getContent().toString()).contains("Kính gửi ông/bà Trần Thị Bích",
        "quyết định sửa đổi dự kiến ban hành trong quý II/2026", link);

    // every row SENT; sending one again (a second process, an operator's retry) sends nothing
    assertThat(petitionNotifications.ofPetition(p.id())).hasSize(6)
        .allSatisfy(n -> assertThat(n.status()).isEqualTo(NotificationStatus.SENT));
    Notification answerSms = sms(answered);
    assertThat(notifications.send(answerSms.id())).isEqualTo(NotificationService.Outcome.ALREADY_SENT);
    String again = runtimeService.startProcessInstanceByKey(NotificationVariables.PROCESS_KEY, p.code(),
        java.util.Map.of(NotificationVariables.NOTIFICATION_ID, answerSms.id())).getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(again).singleResult().getId());
    assertThat(sms.accepted()).hasSize(3);
    assertThat(sms.received(String.valueOf(answerSms.id()))).isEqualTo(1);

    // officers see the messages masked
    assertThat(petitionNotifications.summaries(p.id())).extracting(s -> s.recipient())
        .containsOnly("098****321", "b***@example.vn");
    assertThat(petitionNotifications.summaries(p.id())).extracting(s -> s.kindName())
        .contains("Trả lời phản ánh, kiến nghị");
    org.springframework.http.ResponseEntity<java.util.Map> view = rest.withBasicAuth("cv.duc", "demo")
        .getForEntity("/api/petitions/" + p.code(), java.util.Map.class);
    assertThat(view.getStatusCode().value()).isEqualTo(200);
    assertThat((List<java.util.Map<String, Object>>) view.getBody().get("notifications")).hasSize(6)
        .allSatisfy(m -> assertThat(m.get("statusName")).isEqualTo("Đã gửi"))
        .extracting(m -> m.get("recipient")).containsOnly("098****321", "b***@example.vn");
  }

  @Test
  void a_clarification_request_is_sent_each_time_and_a_row_belongs_to_exactly_one_dossier_or_petition() {
    clockAt("2026-03-09T09:00");
    Petition p = submitted("tq-minhxuan", "Đề nghị bỏ yêu cầu bản sao chứng thực sổ hộ khẩu",
        "Thủ tục đăng ký hộ kinh doanh tại phường vẫn yêu cầu bản sao sổ hộ khẩu dù sổ đã bị bãi bỏ.");
    classify(p, "mc.hung", vars(var("classification", "IN_SCOPE"), var("petitionCategory", "REGULATION")));
    completeOk("cv.minh", task(p, "Task_Process"), vars(var("processOutcome", "CLARIFY"),
        var("clarificationQuestions", "Ông/bà cho biết đã nộp hồ sơ vào ngày nào?")));
    List<Notification> clarify = of(p, PetitionNotice.Kind.CLARIFY);
    assertThat(clarify).hasSize(2).allSatisfy(n -> assertThat(n.noticeKey()).isEqualTo("CLARIFY:1"));
    send(clarify);
    assertThat(sms.accepted()).singleElement().satisfies(m -> assertThat(m.text())
        .contains("đề nghị ông/bà làm rõ nội dung", "đã nộp hồ sơ vào ngày nào"));

    // the outbox refuses a row of neither, or of both, a dossier and a petition
    String insert = "INSERT INTO notification (dossier_id, petition_id, kind, notice_key, channel, recipient, subject,"
        + " body, status, attempts, created_at) VALUES (?, ?, 'RECEIVED', 'X', 'SMS', '0987654321', 's', 'b',"
        + " 'SKIPPED', 0, CURRENT_TIMESTAMP)";
    Long dossierId = jdbc.queryForObject("SELECT MIN(id) FROM dossier", Long.class);
    assertThatThrownBy(() -> jdbc.update(insert, null, null)).isInstanceOf(DataIntegrityViolationException.class);
    if (dossierId != null) {
      assertThatThrownBy(() -> jdbc.update(insert, dossierId, p.id()))
          .isInstanceOf(DataIntegrityViolationException.class);
    }
    // and a second row of the same notice and channel
    assertThatThrownBy(() -> jdbc.update(insert.replace("'RECEIVED', 'X'", "'CLARIFY', 'CLARIFY:1'"), null, p.id()))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  private static Notification sms(List<Notification> messages) {
    return messages.stream().filter(n -> n.channel().equals(NotificationChannel.SMS)).findFirst().orElseThrow();
  }
}
