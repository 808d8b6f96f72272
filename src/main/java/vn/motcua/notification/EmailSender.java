package vn.motcua.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through Spring Boot's {@link JavaMailSender}, on when {@code spring.mail.host} is set; sender
 * address and name from {@code motcua.notification.mail}.
 */
@Component
@Order(20)
public class EmailSender implements NotificationSender {
  private final JavaMailSender mail;
  private final NotificationProperties properties;

  @Autowired
  public EmailSender(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
    this(usable(mail.getIfAvailable()), properties);
  }

  /** {@code mail == null}: the channel is off. */
  public EmailSender(JavaMailSender mail, NotificationProperties properties) {
    this.mail = mail;
    this.properties = properties;
  }

  private static JavaMailSender usable(JavaMailSender sender) {
    if (sender instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank())) {
      return null;
    }
    return sender;
  }

  @Override
  public NotificationChannel channel() {
    return NotificationChannel.EMAIL;
  }

  @Override
  public boolean configured() {
    return mail != null;
  }

  @Override
  public String status() {
    return mail == null ? "e-mail OFF (spring.mail.host not set)" : "e-mail on (" + (mail instanceof JavaMailSenderImpl impl
        ? "SMTP " + impl.getHost() + ":" + impl.getPort() : mail.getClass().getSimpleName()) + ")";
  }

  @Override
  public void send(Notification n) {
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
