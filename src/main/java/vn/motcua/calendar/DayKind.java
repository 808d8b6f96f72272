package vn.motcua.calendar;

/** Kind of a special calendar day. */
public enum DayKind {
  /** A public holiday, Tết, a compensatory or swapped day off (ngày nghỉ). */
  DAY_OFF,
  /** A Saturday or Sunday that is worked to make up for a swapped day off (ngày làm bù). */
  MAKEUP_WORKING_DAY;

  /** Parses a kind name (case-insensitive); {@code null} when unknown. */
  public static DayKind parse(String value) {
    if (value == null) {
      return null;
    }
    for (DayKind kind : values()) {
      if (kind.name().equalsIgnoreCase(value.trim())) {
        return kind;
      }
    }
    return null;
  }
}
