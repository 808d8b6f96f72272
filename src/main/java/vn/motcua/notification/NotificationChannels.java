package vn.motcua.notification;

import jakarta.annotation.PostConstruct;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The registered channels ({@link NotificationSender} beans, in their order) and whether each is
 * configured. A channel that is off records its messages as SKIPPED; the start-up log says which channels
 * are off.
 */
@Component
public class NotificationChannels {
  private static final Logger log = LoggerFactory.getLogger(NotificationChannels.class);

  private final Map<NotificationChannel, NotificationSender> senders = new LinkedHashMap<>();

  @Autowired
  public NotificationChannels(List<NotificationSender> senders) {
    for (NotificationSender s : senders) {
      if (this.senders.putIfAbsent(s.channel(), s) != null) {
        throw new IllegalStateException("Two notification senders for the channel " + s.channel());
      }
    }
  }

  /** The built-in channels with these senders (SMS, then e-mail); {@code null} turns a channel off. */
  public NotificationChannels(JavaMailSender mail, SmsGateway sms, NotificationProperties properties) {
    this(List.of(new SmsSender(sms), new EmailSender(mail, properties)));
  }

  @PostConstruct
  void logStatus() {
    String status = senders.values().stream().map(NotificationSender::status).collect(Collectors.joining(", "));
    if (senders.values().stream().allMatch(NotificationSender::configured)) {
      log.info("Applicant notifications: {}", status);
    } else {
      log.warn("Applicant notifications: {}; messages on a channel that is off are recorded as SKIPPED and not "
          + "sent (docs/notifications.md)", status);
    }
  }

  /** The registered senders, in the order their messages are recorded. */
  public List<NotificationSender> senders() {
    return List.copyOf(senders.values());
  }

  /** The registered channel of this key (its label and mask), or the channel as stored when none is. */
  public NotificationChannel resolve(NotificationChannel channel) {
    NotificationSender s = senders.get(channel);
    return s == null ? channel : s.channel();
  }

  public boolean enabled(NotificationChannel channel) {
    NotificationSender s = senders.get(channel);
    return s != null && s.configured();
  }

  /** Why a channel that is off sends nothing, in Vietnamese for the officers' view. */
  public static String offReason(NotificationChannel channel) {
    return channel.offReason();
  }

  /** Hands the message to its channel; throws {@link NotificationException} when the channel refuses it. */
  public void send(Notification n) {
    if (!enabled(n.channel())) {
      throw new NotificationException("Channel " + n.channel() + " is not configured");
    }
    senders.get(n.channel()).send(n);
  }
}
