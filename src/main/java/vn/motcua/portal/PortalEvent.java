package vn.motcua.portal;

import java.time.Instant;

/** One row of the portal outbox ({@code portal_event}): one status event of one dossier. */
public record PortalEvent(
    long id, long dossierId, String dossierCode, String procedureCode, int sequence, int statusCode, String reason,
    String eventKey, String payload, State state, int attempts, Instant nextAttemptAt, String claimedBy,
    Instant claimedUntil, String lastError, Instant changedAt, Instant ackedAt, String deadLetterProcess) {

  /** Where an event is. */
  public enum State {
    /** Waiting to be sent, or being retried after a 5xx, a time-out or an unreachable portal. */
    PENDING,
    /** Acknowledged by the portal (2xx, or 409 for an event it already had). */
    SENT,
    /** Refused by the portal (4xx): the dead letter; the dossier's later events wait behind it. */
    DEAD
  }
}
