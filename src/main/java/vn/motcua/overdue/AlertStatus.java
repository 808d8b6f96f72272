package vn.motcua.overdue;

/** Where an alert stands. */
public enum AlertStatus {
  /** Raised; its task is open. */
  OPEN,
  /** Its task was done. */
  DONE,
  /** The stage completed first and closed the alert with its task. */
  CANCELLED,
  /** An apology letter was signed and issued. */
  ISSUED,
  /** An apology was refused: the dossier had already been re-appointed once. */
  REFUSED
}
