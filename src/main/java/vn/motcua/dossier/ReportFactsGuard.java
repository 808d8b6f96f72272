package vn.motcua.dossier;

/**
 * Called before a change to the report facts of a dossier that may already be counted in the reports'
 * roll-up (a sealed dossier: refused at reception, withdrawn, stopped, returned). The implementation
 * ({@code vn.motcua.report.ReportRollup}) subtracts the dossier from the roll-up and lets the reports count
 * it live again, in the caller's transaction. Enforced by the dossier feature, the only writer of its tables:
 * every update of a dossier's report facts goes through {@code DossierRepository.updateFacts}, which calls this
 * first when the dossier is closed (docs/reports.md, "Roll-up"; ReportFactsGuardTest).
 */
public interface ReportFactsGuard {
  /** Un-rolls the dossier if it is rolled up; returns whether it was. */
  boolean unroll(long dossierId);

  /** No roll-up (tools that write the tables without the reports). */
  ReportFactsGuard NONE = id -> false;
}
