package vn.motcua.notification;

/**
 * One notification channel as a Spring bean: the {@link NotificationChannel} it serves (key, label,
 * recipient, text), whether it is configured, and the sending. {@link NotificationService} records a
 * message of every notice on every registered sender (in their {@link org.springframework.core.annotation.Order}:
 * SMS, e-mail, then the others) and sends each through its sender; a new channel is one class
 * implementing this interface and its configuration (docs/notifications.md, "Adding a channel").
 */
public interface NotificationSender {

  NotificationChannel channel();

  /** Whether the channel can send; when not, its messages are recorded as SKIPPED with its off reason. */
  boolean configured();

  /** What the start-up log says of the channel (e.g. "e-mail on (SMTP host:25)"). */
  default String status() {
    return channel().name() + (configured() ? " on" : " OFF");
  }

  /**
   * Hands the message to the channel (called only when configured).
   *
   * @throws NotificationException when the channel refuses it (the sending job retries)
   */
  void send(Notification n);
}
