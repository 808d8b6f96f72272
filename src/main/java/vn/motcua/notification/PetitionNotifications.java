package vn.motcua.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.EngineClock;

/**
 * The petitioners' notifications (phản ánh, kiến nghị): which messages a {@link PetitionNotice} gives — an SMS
 * to the phone on file always, an e-mail when the petitioner gave an address, a message on every other
 * channel that takes petitions ({@link NotificationChannel#withPetitions}) — recorded in the transaction of
 * the change, as {@link NotificationService#record} does for dossiers. The rows are sent by the same jobs and
 * {@link NotificationService#send}: claim, lease, never twice, retries and incidents do not depend on the
 * subject of the row.
 */
@Service
public class PetitionNotifications {
  private final NotificationRepository repository;
  private final NotificationChannels channels;
  private final Clock clock;

  public PetitionNotifications(NotificationRepository repository, NotificationChannels channels, EngineClock clock) {
    this.repository = repository;
    this.channels = channels;
    this.clock = clock;
  }

  /** What a notice recorded: the messages waiting for a sending job, with the petition they are about. */
  public record Recorded(String petitionCode, List<Notification> pending) {}

  /**
   * Records the messages of a petition's notice in the caller's transaction. A message on a channel that is off
   * is recorded as SKIPPED with the reason; a message already recorded for this notice and channel is not
   * recorded again.
   */
  public Recorded record(PetitionNotice notice) {
    long petitionId = notice.petitionId();
    String key = Notification.noticeKey(notice);
    PetitionFacts facts = new PetitionFacts(notice.kind(), notice.petitionCode(), notice.subject(),
        notice.petitionerName(), notice.phone(), notice.email(), notice.text(), notice.followUrl());
    List<Notification> pending = new ArrayList<>();
    for (NotificationSender sender : channels.senders()) {
      NotificationChannel channel = sender.channel();
      String recipient = channel.recipient(facts);
      if (recipient == null || recipient.isBlank() || repository.existsForPetition(petitionId, key, channel)) {
        continue;
      }
      NotificationMessages.Message message = NotificationMessages.of(facts, channel);
      boolean on = sender.configured();
      Notification n = repository.insertForPetition(petitionId, notice.kind(), key, channel, recipient.strip(),
          message.subject(), message.body(), on ? NotificationStatus.PENDING : NotificationStatus.SKIPPED,
          on ? null : channel.offReason(), clock.instant());
      if (on) {
        pending.add(n);
      }
    }
    return new Recorded(notice.petitionCode(), pending);
  }

  public List<Notification> ofPetition(long petitionId) {
    return repository.ofPetition(petitionId);
  }

  /** The petition's notifications for the officers' view, recipients masked. */
  public List<NotificationSummary> summaries(long petitionId) {
    return repository.ofPetition(petitionId).stream()
        .map(n -> NotificationSummary.of(n, channels.resolve(n.channel()))).toList();
  }
}
