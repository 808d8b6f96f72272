package vn.motcua.notification;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierNotice;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierVariables;
import vn.motcua.dossier.EngineClock;
import vn.motcua.overdue.ApologyLetter;
import vn.motcua.overdue.OverdueService;

/**
 * The applicant's notifications: which messages a notice gives (an SMS to the applicant's phone always,
 * an e-mail when the dossier has an address, a message on every other registered {@link NotificationSender}
 * whose recipient the dossier has), recorded in the transaction of the change, and the sending
 * of one message, exactly once towards a gateway that drops a repeated reference. Knows nothing of the engine: {@code notification.engine} starts the
 * sending jobs.
 */
@Service
public class NotificationService {
  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

  private final NotificationRepository repository;
  private final NotificationChannels channels;
  private final DossierService dossiers;
  private final OverdueService overdue;
  private final NotificationProperties properties;
  private final Clock clock;
  private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
      + UUID.randomUUID().toString().substring(0, 8);

  public NotificationService(NotificationRepository repository, NotificationChannels channels, DossierService dossiers,
      OverdueService overdue, NotificationProperties properties, EngineClock clock) {
    this.repository = repository;
    this.channels = channels;
    this.dossiers = dossiers;
    this.overdue = overdue;
    this.properties = properties;
    this.clock = clock;
  }

  /** What a notice recorded: the messages waiting for a sending job, with the dossier they are about. */
  public record Recorded(String dossierCode, List<Notification> pending) {}

  /**
   * Records the messages of a notice in the caller's transaction. A message on a channel that is off is
   * recorded as SKIPPED with the reason; a message already recorded for this notice and channel is not
   * recorded again.
   */
  public Recorded record(DossierNotice notice) {
    Dossier d = dossiers.get(notice.dossierId());
    String key = Notification.noticeKey(notice);
    NoticeFacts facts = facts(notice, d);
    List<Notification> pending = new ArrayList<>();
    for (NotificationSender sender : channels.senders()) {
      NotificationChannel channel = sender.channel();
      String recipient = channel.recipient(d);
      if (recipient == null || recipient.isBlank() || repository.exists(d.id(), key, channel)) {
        continue;
      }
      NotificationMessages.Message message = NotificationMessages.of(facts, channel);
      boolean on = sender.configured();
      Notification n = repository.insert(d.id(), notice.kind(), key, channel, recipient.strip(), message.subject(),
          message.body(), on ? NotificationStatus.PENDING : NotificationStatus.SKIPPED,
          on ? null : channel.offReason(), clock.instant());
      if (on) {
        pending.add(n);
      }
    }
    return new Recorded(d.code(), pending);
  }

  public void linkProcess(long notificationId, String processInstanceId) {
    repository.setProcessInstance(notificationId, processInstanceId);
  }

  /** What {@link #send} did. */
  public enum Outcome { SENT, ALREADY_SENT, SKIPPED }

  /**
   * Sends one message, handing it to its channel at most once while a node lives. The row is first claimed
   * (status SENDING, this node, a lease of {@code motcua.notification.claim-lease}) in a transaction that
   * commits before the channel is called, so a second job, node or retry that runs meanwhile does not call
   * the channel. A message already SENT is not sent again; a SKIPPED one is never sent. A failure is recorded
   * on the row and thrown, so the sending job retries and finally becomes an incident. If this node dies
   * between the call and recording the outcome, the row stays SENDING until the lease runs out; the job's
   * retry then sends it again under the same reference (the notification id), which the SMS gateway's
   * contract requires it to drop (docs/notifications.md).
   */
  public Outcome send(long notificationId) {
    Notification n = repository.find(notificationId)
        .orElseThrow(() -> new IllegalStateException("Notification " + notificationId + " does not exist"));
    if (n.status() == NotificationStatus.SENT) {
      log.info("Notification {} ({} {}) was already sent at {}: not sent again", n.id(), n.kindName(), n.channel(),
          n.sentAt());
      return Outcome.ALREADY_SENT;
    }
    if (n.status() == NotificationStatus.SKIPPED) {
      return Outcome.SKIPPED;
    }
    Instant now = clock.instant();
    if (!repository.claim(n.id(), owner, now, now.plus(properties.claimLease()))) {
      Notification current = repository.find(n.id()).orElseThrow();
      if (current.status() == NotificationStatus.SENT) {
        return Outcome.ALREADY_SENT;
      }
      if (current.status() == NotificationStatus.SKIPPED) {
        return Outcome.SKIPPED;
      }
      NotificationRepository.Claim claim = repository.claimOf(n.id());
      throw new NotificationException("Notification " + n.id() + " is being sent by " + (claim == null ? "another node"
          : claim.owner() + " until " + claim.until()) + ": not sent twice; the job retries");
    }
    try {
      channels.send(n);
    } catch (RuntimeException e) {
      repository.markFailed(n.id(), owner, e.getMessage(), clock.instant());
      throw e instanceof NotificationException ne ? ne
          : new NotificationException("Notification " + n.id() + " not sent: " + e.getMessage(), e);
    }
    repository.markSent(n.id(), clock.instant());
    return Outcome.SENT;
  }

  /**
   * Sends a secret text to a phone by SMS at once, through the SMS channel's sender, outside the notification
   * log (a one-time code of the public lookup must not be stored in clear). False when SMS is off.
   *
   * @throws NotificationException when the gateway refuses it
   */
  public boolean sendSecretSms(String reference, String phone, String text) {
    for (NotificationSender sender : channels.senders()) {
      if (sender instanceof SmsSender sms && sms.configured()) {
        sms.sendText(reference, phone, text);
        return true;
      }
    }
    return false;
  }

  /** The name under which this node claims the messages it sends (host, process and a per-start suffix). */
  public String owner() {
    return owner;
  }

  public List<Notification> ofDossier(long dossierId) {
    return repository.ofDossier(dossierId);
  }

  /** The dossier's notifications for the officers' view, recipients masked. */
  public List<NotificationSummary> summaries(long dossierId) {
    return repository.ofDossier(dossierId).stream().map(n -> NotificationSummary.of(n, channels.resolve(n.channel())))
        .toList();
  }

  NoticeFacts facts(DossierNotice notice, Dossier d) {
    String items = null;
    String number = null;
    String agency = null;
    String reason = null;
    Instant previous = null;
    Instant appointment = d.appointmentAt();
    if (notice.kind() == DossierNotice.Kind.SUPPLEMENT_REQUESTED) {
      List<DossierEvent> events = dossiers.events(d.id());
      for (DossierEvent e : events) {
        if ("SUPPLEMENT_REQUESTED".equals(e.type())) {
          items = e.reason();
        }
      }
      if (items == null) {
        throw new IllegalStateException("Dossier " + d.code() + " has no supplement request to notify");
      }
    }
    if (notice.kind() == DossierNotice.Kind.APOLOGY_ISSUED) {
      ApologyLetter letter = overdue.letters(d.id()).stream().filter(l -> l.number().equals(notice.reference()))
          .findFirst().orElseThrow(() -> new IllegalStateException("Dossier " + d.code() + " has no apology letter "
              + notice.reference()));
      number = letter.number();
      agency = dossiers.unitName(letter.agency());
      reason = letter.reason();
      previous = letter.originalAppointmentAt();
      appointment = letter.newAppointmentAt();
    }
    return new NoticeFacts(notice.kind(), d.code(), d.procedureName(), d.applicant().name(),
        dossiers.unitName(d.receivingUnit()), appointment, items, number, agency, reason, previous,
        !DossierVariables.REFUSED.equals(d.decision()), properties.statusPageUrl());
  }
}
