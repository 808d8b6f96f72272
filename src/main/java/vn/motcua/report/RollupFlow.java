package vn.motcua.report;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.report.ReportRollup.Facts;
import vn.motcua.report.ReportRollup.Letter;

/**
 * The flow columns of {@code report_rollup} (V5__report_rollup.sql), each with what one sealed dossier
 * adds to it and on which day: the roll-up ({@link ReportRollup}) writes them, the report
 * ({@link ReportRepository#counts}) sums them into its columns by each {@link ReportColumn}'s roll-up
 * formula. A dossier refused at reception (status 3) adds nothing. A new flow is one constant here and a
 * new Flyway migration adding its column (docs/reports.md, "Adding a column").
 */
enum RollupFlow {
  /** Received on the day (and, summed from the beginning, every dossier received by then). */
  RECEIVED("received", true, (f, at) -> at.add(f.receivedAt(), 1)),
  RECEIVED_ONLINE("received_online", false, (f, at) -> {
    if ("ONLINE".equals(f.channel())) {
      at.add(f.receivedAt(), 1);
    }
  }),
  /** Left processing on the day (returned, withdrawn or stopped). */
  CLOSED("closed", true, (f, at) -> at.add(f.closedAt(), 1)),
  /**
   * Open and overdue at the end of day T (judged at the period's end): received by T, closed after T,
   * appointment by T, not paused at the end of T. Those T form [start, end - 1]: +1 at start, -1 at end,
   * so the sum up to T is the number overdue at T.
   */
  OVERDUE_DELTA("overdue_delta", true, (f, at) -> {
    if (f.appointmentAt() != null) {
      LocalDate start = max(ReportRollup.day(f.receivedAt()), ReportRollup.day(f.appointmentAt()));
      LocalDate end = ReportRollup.day(f.closedAt());
      if (f.pausedAt() != null && ReportRollup.day(f.pausedAt()).isBefore(end)) {
        end = ReportRollup.day(f.pausedAt());
      }
      if (start.isBefore(end)) {
        at.add(start, f.competentUnit(), 1);
        at.add(end, f.competentUnit(), -1);
      }
    }
  }),
  RESOLVED("resolved", false, (f, at) -> {
    if (f.resolvedAt() != null) {
      at.add(f.resolvedAt(), 1);
    }
  }),
  RESOLVED_EARLY("resolved_early", false, resolvedAs("EARLY")),
  RESOLVED_ON_TIME("resolved_on_time", false, resolvedAs("ON_TIME")),
  RESOLVED_LATE("resolved_late", false, resolvedAs("LATE")),
  WITHDRAWN("withdrawn", false, (f, at) -> {
    if (f.status() == 7 || f.status() == 8) {
      at.add(f.closedAt(), 1);
    }
  }),
  /** Apology letters, on the day each was signed. */
  APOLOGIES("apologies", false, (f, at) -> {
    for (Letter letter : f.letters()) {
      at.add(letter.signedAt(), 1);
    }
  }),
  /** Apology letters signed after their legal limit, on the day each was signed. */
  APOLOGIES_LATE("apologies_late", false, (f, at) -> {
    for (Letter letter : f.letters()) {
      if (letter.late()) {
        at.add(letter.signedAt(), 1);
      }
    }
  }),
  /**
   * Resolved late, once for each unit charged with the delay (its record of charged units, else its
   * responsible unit, else the competent unit).
   */
  LATE_CHARGED("late_charged", false, (f, at) -> {
    if (f.resolvedAt() != null && "LATE".equals(f.resolutionClass())) {
      for (String unit : f.chargedUnits()) {
        at.add(ReportRollup.day(f.resolvedAt()), unit, 1);
      }
    }
  }),
  /** Indicator sum: working days late of the late dossiers that know them. */
  LATE_DAYS("late_days", false, (f, at) -> {
    if (resolvedLate(f) && f.workingDaysLate() != null) {
      at.add(f.resolvedAt(), f.workingDaysLate());
    }
  }),
  LATE_DAYS_COUNT("late_days_count", false, (f, at) -> {
    if (resolvedLate(f) && f.workingDaysLate() != null) {
      at.add(f.resolvedAt(), 1);
    }
  }),
  /** Indicator sums: resolved dossiers rated, rated satisfied (3), with an apology letter. */
  RATED("rated", false, (f, at) -> {
    if (f.resolvedAt() != null && f.rating() != null) {
      at.add(f.resolvedAt(), 1);
    }
  }),
  SATISFIED("satisfied", false, (f, at) -> {
    if (f.resolvedAt() != null && f.rating() != null && f.rating() == 3) {
      at.add(f.resolvedAt(), 1);
    }
  }),
  RESOLVED_WITH_APOLOGY("resolved_with_apology", false, (f, at) -> {
    if (f.resolvedAt() != null && f.apologyCount() > 0) {
      at.add(f.resolvedAt(), 1);
    }
  });

  /** Where a dossier's contribution goes: a row of (day, unit, the dossier's procedure). */
  interface Rows {
    /** Adds {@code n} to the row of the day (Vietnam's time) of {@code when}, for the competent unit. */
    void add(Instant when, long n);

    /** Adds {@code n} to the row of {@code day} for {@code unit}. */
    void add(LocalDate day, String unit, long n);
  }

  /** What one sealed dossier adds to this flow. */
  @FunctionalInterface
  interface Contribution {
    void to(Facts f, Rows at);
  }

  private final String column;
  private final boolean stock;
  private final Contribution contribution;

  RollupFlow(String column, boolean stock, Contribution contribution) {
    this.column = column;
    this.stock = stock;
    this.contribution = contribution;
  }

  /** The column of report_rollup. */
  String column() {
    return column;
  }

  /**
   * Whether the report also sums the flow over the days before the period (a stock: received, closed,
   * overdue), not only over the period's days.
   */
  boolean stock() {
    return stock;
  }

  void contribute(Facts f, Rows at) {
    contribution.to(f, at);
  }

  private static Contribution resolvedAs(String resolutionClass) {
    return (f, at) -> {
      if (f.resolvedAt() != null && resolutionClass.equals(f.resolutionClass())) {
        at.add(f.resolvedAt(), 1);
      }
    };
  }

  private static boolean resolvedLate(Facts f) {
    return f.resolvedAt() != null && "LATE".equals(f.resolutionClass());
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
