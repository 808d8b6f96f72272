package vn.motcua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.motcua.dossier.DossierNotice.Kind;

/** The e-mail channel against GreenMail, and channels that are off. */
class NotificationChannelsTest {
  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final NotificationProperties PROPERTIES = new NotificationProperties("https://x.vn/tra-cuu/", "R3/PT5M",
      new NotificationProperties.Mail("khong-tra-loi@motcua.local", "Một Cửa"),
      new NotificationProperties.Sms(null, null, null, null), java.time.Duration.ofMinutes(1));

  private static Notification email(String to) {
    return new Notification(5, 1, Kind.RESULT_READY, "RESULT_READY", NotificationChannel.EMAIL, to,
        "Đã có kết quả giải quyết hồ sơ – mã hồ sơ 000.00.12.H56-260302-0001", "Kính gửi ông/bà Nguyễn Văn An,\n\nĐã có kết quả.",
        NotificationStatus.PENDING, 0, null, null, Instant.now(), null, null);
  }

  @Test
  void an_email_goes_out_in_utf8_with_the_vietnamese_subject_and_the_configured_sender() throws Exception {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtp.getSmtp().getPort());
    NotificationChannels channels = new NotificationChannels(sender, null, PROPERTIES);
    assertThat(channels.enabled(NotificationChannel.EMAIL)).isTrue();
    assertThat(channels.enabled(NotificationChannel.SMS)).isFalse();

    channels.send(email("an.nguyen@example.vn"));

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Đã có kết quả giải quyết hồ sơ – mã hồ sơ 000.00.12.H56-260302-0001");
    assertThat(received[0].getFrom()[0].toString()).contains("khong-tra-loi@motcua.local");
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("an.nguyen@example.vn");
    assertThat(received[0].getContent().toString()).contains("Kính gửi ông/bà Nguyễn Văn An");
    assertThat(received[0].getHeader("X-MotCua-Notification")).containsExactly("5");
  }

  @Test
  void an_unreachable_smtp_server_is_a_notification_failure() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtp.getSmtp().getPort());
    smtp.stop();
    NotificationChannels channels = new NotificationChannels(sender, null, PROPERTIES);
    assertThatThrownBy(() -> channels.send(email("an.nguyen@example.vn"))).isInstanceOf(NotificationException.class)
        .hasMessageStartingWith("SMTP: ");
  }

  @Test
  void channels_without_a_sender_are_off_and_refuse_to_send() {
    NotificationChannels off = new NotificationChannels((org.springframework.mail.javamail.JavaMailSender) null, null,
        PROPERTIES);
    assertThat(off.enabled(NotificationChannel.EMAIL)).isFalse();
    assertThat(off.enabled(NotificationChannel.SMS)).isFalse();
    assertThat(NotificationChannels.offReason(NotificationChannel.EMAIL)).contains("spring.mail.host");
    assertThat(NotificationChannels.offReason(NotificationChannel.SMS)).contains("motcua.notification.sms.url");
    assertThatThrownBy(() -> off.send(email("an.nguyen@example.vn"))).isInstanceOf(NotificationException.class);
  }
}
