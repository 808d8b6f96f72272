package vn.motcua.notification;

/** How a notification reaches the applicant. */
public enum NotificationChannel {
  EMAIL("Thư điện tử"),
  SMS("Tin nhắn SMS");

  private final String label;

  NotificationChannel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
