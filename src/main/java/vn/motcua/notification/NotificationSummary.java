package vn.motcua.notification;

import java.time.Instant;
import vn.motcua.dossier.DossierNotice;

/**
 * A notification as officers see it in the dossier view (or the petition's): what, how, to whom (masked),
 * where it stands. The text itself is not shown: the officer knows it from the dossier. For a petition's
 * message {@code kind} is empty and {@code kindName} names the petition's notice.
 */
public record NotificationSummary(
    DossierNotice.Kind kind, String kindName, NotificationChannel channel, String channelName, String recipient,
    NotificationStatus status, String statusName, int attempts, String lastError, Instant createdAt, Instant sentAt) {

  public static NotificationSummary of(Notification n) {
    return of(n, n.channel());
  }

  /** The summary with the registered channel's label and mask ({@link NotificationChannels#resolve}). */
  static NotificationSummary of(Notification n, NotificationChannel channel) {
    return new NotificationSummary(n.kind(), n.kindLabel(), channel, channel.label(),
        NotificationMessages.mask(channel, n.recipient()), n.status(), n.status().label(), n.attempts(),
        n.lastError(), n.createdAt(), n.sentAt());
  }
}
