package vn.motcua.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * SMS through an {@link SmsGateway} bean or, when {@code motcua.notification.sms.url} is set, the
 * {@link HttpSmsGateway}.
 */
@Component
@Order(10)
public class SmsSender implements NotificationSender {
  private final SmsGateway sms;

  @Autowired
  public SmsSender(ObjectProvider<SmsGateway> sms, NotificationProperties properties) {
    this(sms.getIfAvailable(() -> properties.sms().configured() ? new HttpSmsGateway(properties.sms()) : null));
  }

  /** {@code sms == null}: the channel is off. */
  public SmsSender(SmsGateway sms) {
    this.sms = sms;
  }

  @Override
  public NotificationChannel channel() {
    return NotificationChannel.SMS;
  }

  @Override
  public boolean configured() {
    return sms != null;
  }

  @Override
  public String status() {
    return sms == null ? "SMS OFF (motcua.notification.sms.url not set)"
        : "SMS on (" + (sms instanceof HttpSmsGateway http ? http.url() : sms.getClass().getSimpleName()) + ")";
  }

  @Override
  public void send(Notification n) {
    sms.send(String.valueOf(n.id()), n.recipient(), n.body());
  }

  /** Sends a text that is not a notice (a one-time code): not recorded, so its content is never stored. */
  void sendText(String reference, String phone, String text) {
    sms.send(reference, phone, text);
  }
}
