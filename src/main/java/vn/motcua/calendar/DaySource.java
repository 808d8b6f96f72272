package vn.motcua.calendar;

/** Where a special day comes from. Later sources override earlier ones for the same date. */
public enum DaySource {
  /** Computed from the statutory rules (Labour Code 2019 Art. 111–112) for a year without published data. */
  COMPUTED,
  /** Published schedule in the holiday file. */
  FILE,
  /** Added by an administrator, stored in table {@code calendar_day}. */
  ADMIN
}
