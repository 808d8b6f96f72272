package vn.motcua.notification;

import java.time.Instant;
import vn.motcua.dossier.DossierNotice;

/**
 * One message to the applicant on one channel about one notice (table {@code notification}).
 *
 * @param noticeKey the notice's kind and reference; with the dossier and the channel it is unique, so a
 *     notice gives at most one message per channel
 * @param lastError why the last attempt failed, or why the message was skipped
 */
public record Notification(
    long id,
    long dossierId,
    DossierNotice.Kind kind,
    String noticeKey,
    NotificationChannel channel,
    String recipient,
    String subject,
    String body,
    NotificationStatus status,
    int attempts,
    String lastError,
    String processInstanceId,
    Instant createdAt,
    Instant lastAttemptAt,
    Instant sentAt) {

  /** The key of a notice within its dossier: its kind, and its reference when it has one. */
  public static String noticeKey(DossierNotice notice) {
    return notice.reference() == null ? notice.kind().name() : notice.kind().name() + ":" + notice.reference();
  }
}
