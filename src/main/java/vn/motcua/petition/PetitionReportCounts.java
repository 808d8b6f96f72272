package vn.motcua.petition;

import java.time.Instant;
import org.springframework.stereotype.Component;
import vn.motcua.report.PetitionCounts;

/**
 * Gives the reports' evaluation (Circular 01/2018's index "petitions handled on time", docs/reports.md) the
 * petitions each unit answered and of them those on time, from this feature's own records
 * ({@link PetitionTimeliness}). The reports know only their {@link PetitionCounts}; with this bean the
 * index is scored from real petitions.
 */
@Component
class PetitionReportCounts implements PetitionCounts {
  private final PetitionTimeliness petitions;

  PetitionReportCounts(PetitionTimeliness petitions) {
    this.petitions = petitions;
  }

  @Override
  public Counts answeredBetween(String unitId, Instant from, Instant to) {
    PetitionTimeliness.Counts c = petitions.answeredBetween(unitId, from, to);
    return new Counts(c.answered(), c.answeredOnTime());
  }
}
