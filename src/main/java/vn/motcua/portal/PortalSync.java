package vn.motcua.portal;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.EngineClock;

/**
 * The sender of the portal outbox (docs/portal.md): delivers the pending events, each dossier's one at a time
 * and in sequence, safely on a cluster. An event is sent only when every earlier event of its dossier has been
 * acknowledged, and only by the node that claimed it (a conditional update committed before the call, with a
 * lease of {@code motcua.portal.claim-lease}); so no node sends event 4 of a dossier while event 3 waits, and two
 * nodes never send one dossier at once. A 5xx, a time-out or an unreachable portal is retried after a back-off
 * (doubled each time, capped, never given up); a 4xx puts the event in the dead letter with a Cockpit incident
 * and holds the dossier's later events until an operator re-sends it. With the portal off nothing is sent and
 * the events wait.
 */
@Service
public class PortalSync {
  private static final Logger log = LoggerFactory.getLogger(PortalSync.class);
  private static final int MAX_ROUNDS = 1000;

  private final PortalEventRepository repository;
  private final PortalClient client;
  private final PortalProperties properties;
  private final EngineClock clock;
  private final PortalDeadLetters deadLetters;
  private final TransactionTemplate transactions;
  private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
      + UUID.randomUUID().toString().substring(0, 8);

  public PortalSync(PortalEventRepository repository, PortalClient client, PortalProperties properties,
      EngineClock clock, PortalDeadLetters deadLetters, PlatformTransactionManager transactionManager) {
    this.repository = repository;
    this.client = client;
    this.properties = properties;
    this.clock = clock;
    this.deadLetters = deadLetters;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** What one call of {@link #sendDue} did. */
  public record Round(int sent, int retried, int dead) {
    public int attempts() {
      return sent + retried + dead;
    }
  }

  /** What happened to one event. */
  enum Outcome { SENT, RETRY, DEAD, NOT_CLAIMED }

  /**
   * Sends every event due now, dossier by dossier in order, until none is due (the next event of a dossier
   * becomes due as soon as the previous one is acknowledged). Nothing when the portal is off.
   */
  public Round sendDue() {
    if (!properties.enabled()) {
      return new Round(0, 0, 0);
    }
    int sent = 0;
    int retried = 0;
    int dead = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Long> due = repository.due(clock.instant(), properties.batch());
      if (due.isEmpty()) {
        break;
      }
      int progress = 0;
      for (long id : due) {
        switch (send(id)) {
          case SENT -> { sent++; progress++; }
          case RETRY -> retried++;
          case DEAD -> dead++;
          case NOT_CLAIMED -> { }
        }
      }
      if (progress == 0) {
        break;
      }
    }
    return new Round(sent, retried, dead);
  }

  /** Claims, delivers and records one event. */
  Outcome send(long id) {
    Instant now = clock.instant();
    if (!repository.claim(id, owner, now, now.plus(properties.claimLease()))) {
      return Outcome.NOT_CLAIMED;
    }
    PortalEvent event = repository.find(id).orElseThrow();
    PortalClient.Result result;
    try {
      result = client.deliver(event);
    } catch (RuntimeException e) {
      result = new PortalClient.Result.Transient("adapter failed: " + e);
    }
    if (result instanceof PortalClient.Result.Acknowledged) {
      if (!repository.markSent(id, owner, clock.instant())) {
        log.warn("Portal event {} acknowledged but its claim was taken over (lease {}): it may be sent again under"
            + " the same key {}", id, properties.claimLease(), event.eventKey());
      }
      return Outcome.SENT;
    }
    if (result instanceof PortalClient.Result.Transient t) {
      Instant next = clock.instant().plus(properties.backoff(event.attempts() + 1));
      log.warn("Portal event {} ({} #{}) not delivered, attempt {}: {}; next attempt at {}", id, event.dossierCode(),
          event.sequence(), event.attempts() + 1, t.error(), next);
      repository.markRetry(id, owner, t.error(), next);
      return Outcome.RETRY;
    }
    PortalClient.Result.Rejected rejected = (PortalClient.Result.Rejected) result;
    log.error("Portal event {} ({} #{}) refused by the portal (HTTP {}): dead letter", id, event.dossierCode(),
        event.sequence(), rejected.httpStatus());
    transactions.executeWithoutResult(tx -> {
      if (repository.markDead(id, owner, rejected.reason())) {
        repository.setDeadLetterProcess(id, deadLetters.open(event, rejected.reason()));
      }
    });
    return Outcome.DEAD;
  }

  /** What a re-send put back in the queue. */
  public record Resent(int events, int dossiers, int deadLettersClosed) {}

  /**
   * Re-sends every event of one dossier, from its first, in order, under the same idempotency keys (the
   * operator's command after the portal lost data or after a dead letter's cause was fixed).
   */
  public Resent resendDossier(String dossierCode) {
    return requeue(repository.ofDossierCode(dossierCode));
  }

  /** Re-sends the events of the changes made in [from, to), dossier by dossier in order. */
  public Resent resendPeriod(Instant from, Instant to) {
    return requeue(repository.changedBetween(from, to));
  }

  private Resent requeue(List<PortalEvent> events) {
    return transactions.execute(tx -> {
      int closed = 0;
      for (PortalEvent e : events) {
        if (e.deadLetterProcess() != null && deadLetters.close(e.deadLetterProcess())) {
          closed++;
        }
      }
      int n = repository.requeue(events.stream().map(PortalEvent::id).toList(), clock.instant());
      return new Resent(n, (int) events.stream().map(PortalEvent::dossierId).distinct().count(), closed);
    });
  }

  public List<PortalEvent> events(String dossierCode) {
    return repository.ofDossierCode(dossierCode);
  }

  public List<PortalEvent> deadLetters(int limit) {
    return repository.inState(PortalEvent.State.DEAD, limit);
  }

  /** The outbox at a glance: on/off and the number of events per state. */
  public Map<String, Object> status() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("enabled", properties.enabled());
    s.put("endpoint", properties.endpoint());
    s.put("procedures", properties.procedures().isEmpty() ? List.of("*") : new ArrayList<>(properties.procedures()));
    Map<String, Long> counts = new LinkedHashMap<>();
    for (PortalEvent.State state : PortalEvent.State.values()) {
      counts.put(state.name(), 0L);
    }
    for (Object[] row : repository.counts()) {
      counts.put((String) row[0], (Long) row[1]);
    }
    s.put("events", counts);
    return s;
  }

  /** The name under which this node claims events. */
  public String owner() {
    return owner;
  }
}
