package vn.motcua.report;

import java.time.Instant;

/**
 * Petitions (phản ánh, kiến nghị; Decree 20/2008) answered by a unit, for Circular 01/2018's eighth index
 * (petitions handled on time). Implemented by the petitions feature; the reports take it through an
 * {@code ObjectProvider}: with no bean the index is "không có dữ liệu" (not scored, left out of the total),
 * never invented.
 */
public interface PetitionCounts {
  /** Petitions answered in the period, and of them those answered within their deadline. */
  record Counts(long answered, long answeredOnTime) {}

  /** Petitions the unit {@code unitId} answered in [{@code from}, {@code to}). */
  Counts answeredBetween(String unitId, Instant from, Instant to);
}
