package vn.motcua.notification;

/** Sends a text message to a phone. An implementation throws when the gateway did not accept it. */
public interface SmsGateway {

  /**
   * @param reference unique per message (the notification id), so the gateway can drop a repeat
   * @param phone the Vietnamese phone number, digits only, leading 0
   * @param text the message
   * @throws NotificationException when the gateway refuses or cannot be reached
   */
  void send(String reference, String phone, String text);
}
