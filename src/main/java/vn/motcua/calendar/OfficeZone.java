package vn.motcua.calendar;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The one time zone of the system, {@code motcua.calendar.zone} ({@link CalendarProperties#zone()},
 * default Asia/Ho_Chi_Minh): deadlines, dates on slips, forms and messages, report periods and the
 * ledger's year all read it here. Static so that records and format helpers (report periods,
 * {@code Format}) need no bean; the Spring-built {@link WorkingCalendar} sets it from the property at
 * start-up.
 */
public final class OfficeZone {
  /** The zone when none is configured. */
  public static final ZoneId DEFAULT = ZoneId.of("Asia/Ho_Chi_Minh");

  private static volatile ZoneId zone = DEFAULT;

  private OfficeZone() {}

  /** The configured zone. */
  public static ZoneId get() {
    return zone;
  }

  /**
   * Uses {@code configured} from now on; called at start-up, and by tests that show another zone is
   * honoured (they restore the returned previous zone).
   *
   * @return the zone used until now
   */
  public static ZoneId set(ZoneId configured) {
    ZoneId previous = zone;
    zone = Objects.requireNonNull(configured, "zone");
    return previous;
  }
}
