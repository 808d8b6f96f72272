package vn.motcua.notification;

import java.time.Instant;
import vn.motcua.dossier.DossierNotice;

/**
 * One message on one channel about one notice (table {@code notification}): to the applicant of a dossier,
 * or to the petitioner of a petition (phản ánh, kiến nghị) — exactly one of {@code dossierId} and
 * {@code petitionId} is set, and with it exactly one of {@code kind} and {@code petitionKind}.
 *
 * @param noticeKey the notice's kind and reference; with the dossier (or petition) and the channel it is
 *     unique, so a notice gives at most one message per channel
 * @param lastError why the last attempt failed, or why the message was skipped
 */
public record Notification(
    long id,
    Long dossierId,
    Long petitionId,
    DossierNotice.Kind kind,
    PetitionNotice.Kind petitionKind,
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

  /** A message about a dossier. */
  public Notification(long id, long dossierId, DossierNotice.Kind kind, String noticeKey, NotificationChannel channel,
      String recipient, String subject, String body, NotificationStatus status, int attempts, String lastError,
      String processInstanceId, Instant createdAt, Instant lastAttemptAt, Instant sentAt) {
    this(id, dossierId, null, kind, null, noticeKey, channel, recipient, subject, body, status, attempts, lastError,
        processInstanceId, createdAt, lastAttemptAt, sentAt);
  }

  /** The notice's kind as stored ({@code notification.kind}). */
  public String kindName() {
    return kind != null ? kind.name() : petitionKind == null ? null : petitionKind.name();
  }

  /** The notice's kind in Vietnamese, as officers see it. */
  public String kindLabel() {
    return kind != null ? kind.label() : petitionKind == null ? null : petitionKind.label();
  }

  /** The key of a notice within its dossier: its kind, and its reference when it has one. */
  public static String noticeKey(DossierNotice notice) {
    return notice.reference() == null ? notice.kind().name() : notice.kind().name() + ":" + notice.reference();
  }

  /** The key of a notice within its petition: its kind, and its reference when it has one. */
  public static String noticeKey(PetitionNotice notice) {
    return notice.reference() == null ? notice.kind().name() : notice.kind().name() + ":" + notice.reference();
  }
}
