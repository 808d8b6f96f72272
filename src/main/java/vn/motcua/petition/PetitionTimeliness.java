package vn.motcua.petition;

/**
 * How many petitions (phản ánh, kiến nghị) a unit answered in a period, and how many of them on time: the
 * figure behind Circular 01/2018's index "petitions handled on time" (docs/petitions.md, "Timeliness").
 */
public interface PetitionTimeliness {
  record Counts(long answered, long answeredOnTime) {}

  Counts answeredBetween(String unitId, java.time.Instant from, java.time.Instant to);
}
