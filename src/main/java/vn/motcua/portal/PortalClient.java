package vn.motcua.portal;

/** Delivers one status event to the national portal and says what the portal did with it. */
public interface PortalClient {

  /** The portal's answer, classified (docs/portal.md, "Retry and dead letter"). */
  sealed interface Result {
    /** 2xx, or 409: the portal has the event (a duplicate is acknowledged too). */
    record Acknowledged(int httpStatus, boolean duplicate) implements Result {}

    /** 5xx, 408, 429, a time-out or no connection: retried with back-off. */
    record Transient(String error) implements Result {}

    /** Any other 4xx: the portal refuses the event; it goes to the dead letter, with the reason in Vietnamese. */
    record Rejected(int httpStatus, String reason) implements Result {}
  }

  Result deliver(PortalEvent event);
}
