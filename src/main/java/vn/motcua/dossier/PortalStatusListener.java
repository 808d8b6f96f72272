package vn.motcua.dossier;

/**
 * Told by the dossier feature, in the transaction of the change, whenever a dossier's portal status (1–10)
 * has been written or its appointment moved by an apology letter, with the dossier as it now is in that
 * transaction. The implementation ({@code vn.motcua.portal.PortalOutbox}) records the event for the national
 * public-service portal in the same transaction (docs/portal.md), so a change and its event commit or roll
 * back together. Called from every path that writes the status column ({@code DossierRepository}).
 */
public interface PortalStatusListener {
  /** Why the listener is called. */
  enum Reason {
    /** The status column was written (it may be the status the dossier already had). */
    STATUS,
    /** The appointment date moved without a change of status (an apology letter's new date). */
    APPOINTMENT
  }

  /**
   * @param portalDossierNumber the national portal's own number of a dossier submitted there, or null
   */
  void changed(Dossier dossier, String portalDossierNumber, Reason reason);

  /** The portal's own number was stored for a dossier just submitted through the portal (same transaction). */
  default void portalNumberSet(Dossier dossier, String portalDossierNumber) {}

  /** No portal (tools that write the tables without the portal sync). */
  PortalStatusListener NONE = (dossier, portalDossierNumber, reason) -> {};
}
