package vn.motcua.notification;

/**
 * Where a notification stands. PENDING waits for its sending job; SENDING is claimed by one node that is
 * handing it to the channel (until its lease runs out: then a retry takes it again, under the same
 * reference); FAILED means the last attempt failed and the job retries (or, with no retry left, waits as
 * an incident in Cockpit); SENT is final and is never sent again; SKIPPED was never sent because its
 * channel is not configured.
 */
public enum NotificationStatus {
  PENDING("Chờ gửi"),
  SENDING("Đang gửi"),
  SENT("Đã gửi"),
  FAILED("Gửi lỗi, đang thử lại"),
  SKIPPED("Không gửi");

  private final String label;

  NotificationStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
