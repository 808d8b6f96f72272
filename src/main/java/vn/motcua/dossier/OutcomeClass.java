package vn.motcua.dossier;

import java.time.Instant;
import java.time.ZoneId;

/** Early, on time or late, for a stage or a whole dossier (form 05; Decision 766/QĐ-TTg). */
public enum OutcomeClass {
  EARLY("Trước hạn"),
  ON_TIME("Đúng hạn"),
  LATE("Quá hạn");

  private final String label;

  OutcomeClass(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * Classifies a completion against its due instant: late after the due instant; early when done on a
   * day before the due day (in the given zone); otherwise on time.
   */
  public static OutcomeClass of(Instant done, Instant due, ZoneId zone) {
    if (due == null) {
      return ON_TIME;
    }
    if (done.isAfter(due)) {
      return LATE;
    }
    return done.atZone(zone).toLocalDate().isBefore(due.atZone(zone).toLocalDate()) ? EARLY : ON_TIME;
  }
}
