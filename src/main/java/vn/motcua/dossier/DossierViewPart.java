package vn.motcua.dossier;

import java.util.function.LongFunction;

/**
 * A part of the officers' dossier view ({@code GET /api/dossiers/{code}}) that another feature keeps: the
 * apology letters and alerts (overdue), the messages sent to the applicant (notification). A feature adds
 * its part by declaring a bean of this type; the dossier feature knows none of them, so the features
 * stay free of cycles (docs/architecture.md).
 */
public interface DossierViewPart {
  /** The part's field in the view's JSON, e.g. {@code apologies}. */
  String name();

  /** The part for one dossier, as it is shown (a list of records). */
  Object of(long dossierId);

  /** A part named {@code name} read by {@code part}. */
  static DossierViewPart named(String name, LongFunction<?> part) {
    return new DossierViewPart() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Object of(long dossierId) {
        return part.apply(dossierId);
      }
    };
  }
}
