package vn.motcua.notification;

import jakarta.annotation.PostConstruct;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The two channels and whether each is configured: e-mail through Spring Boot's {@link JavaMailSender}
 * (present when {@code spring.mail.host} is set), SMS through an {@link SmsGateway} bean or, when
 * {@code motcua.notification.sms.url} is set, the {@link HttpSmsGateway}. A channel that is off records
 * its messages as SKIPPED; the start-up log says which channels are off.
 */
@Component
public class NotificationChannels {
  private static final Logger log = LoggerFactory.getLogger(NotificationChannels.class);

  private final JavaMailSender mail;
  private final SmsGateway sms;
  private final NotificationProperties properties;

  @Autowired
  public NotificationChannels(ObjectProvider<JavaMailSender> mail, ObjectProvider<SmsGateway> sms,
      NotificationProperties properties) {
    this(usable(mail.getIfAvailable()), sms.getIfAvailable(() -> properties.sms().configured()
        ? new HttpSmsGateway(properties.sms()) : null), properties);
  }

  /** Channels with these senders; {@code null} turns a channel off. */
  public NotificationChannels(JavaMailSender mail, SmsGateway sms, NotificationProperties properties) {
    this.mail = mail;
    this.sms = sms;
    this.properties = properties;
  }

  private static JavaMailSender usable(JavaMailSender sender) {
    if (sender instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank())) {
      return null;
    }
    return sender;
  }

  @PostConstruct
  void logStatus() {
    String email = mail == null ? "e-mail OFF (spring.mail.host not set)" : "e-mail on (" + describe(mail) + ")";
    String text = sms == null ? "SMS OFF (motcua.notification.sms.url not set)"
        : "SMS on (" + (sms instanceof HttpSmsGateway http ? http.url() : sms.getClass().getSimpleName()) + ")";
    if (mail == null || sms == null) {
      log.warn("Applicant notifications: {}, {}; messages on a channel that is off are recorded as SKIPPED and not "
          + "sent (docs/notifications.md)", email, text);
    } else {
      log.info("Applicant notifications: {}, {}", email, text);
    }
  }

  private static String describe(JavaMailSender sender) {
    return sender instanceof JavaMailSenderImpl impl ? "SMTP " + impl.getHost() + ":" + impl.getPort()
        : sender.getClass().getSimpleName();
  }

  public boolean enabled(NotificationChannel channel) {
    return channel == NotificationChannel.EMAIL ? mail != null : sms != null;
  }

  /** Why a channel that is off sends nothing, in Vietnamese for the officers' view. */
  public static String offReason(NotificationChannel channel) {
    return channel == NotificationChannel.EMAIL
        ? "Chưa cấu hình máy chủ thư điện tử (spring.mail.host)."
        : "Chưa cấu hình cổng gửi tin nhắn SMS (motcua.notification.sms.url).";
  }

  /** Hands the message to its channel; throws {@link NotificationException} when the channel refuses it. */
  public void send(Notification n) {
    if (!enabled(n.channel())) {
      throw new NotificationException("Channel " + n.channel() + " is not configured");
    }
    if (n.channel() == NotificationChannel.SMS) {
      sms.send(String.valueOf(n.id()), n.recipient(), n.body());
      return;
    }
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(properties.mail().from(), properties.mail().fromName());
      helper.setTo(n.recipient());
      helper.setSubject(n.subject());
      helper.setText(n.body(), false);
      message.setHeader("X-MotCua-Notification", String.valueOf(n.id()));
      mail.send(message);
    } catch (MailException | MessagingException | UnsupportedEncodingException e) {
      throw new NotificationException("SMTP: " + e.getMessage(), e);
    }
  }
}
