package vn.motcua.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the working-day calendar, prefix {@code motcua.calendar}. Opening hours are a provincial
 * setting (unconfirmed defaults: 07:30–11:30 and 13:30–17:30, 8 working hours a day).
 *
 * @param morningStart opening of the morning session (default 07:30)
 * @param morningEnd close of the morning session (default 11:30)
 * @param afternoonStart opening of the afternoon session (default 13:30)
 * @param afternoonEnd close of the afternoon session (default 17:30)
 * @param cutOff dossiers received after this time count from the next working day (default 15:00,
 *     Decree 63/2024; Decree 118/2025, formerly Decree 61/2018 Art. 17, for the transfer of paper dossiers)
 * @param zone time zone of all rules (default Asia/Ho_Chi_Minh)
 * @param holidayFile Spring resource location of the holiday file (default
 *     {@code classpath:calendar/holidays-vn.json}; e.g. {@code file:/etc/motcua/holidays-vn.json})
 * @param reloadInterval delay between checks of the holiday file and the database (default 60s)
 * @param cultureDayOff whether 24 November (Vietnam Culture Day) is a day off from 2026 (default false,
 *     unconfirmed)
 * @param transferNextDayByClose when true, a paper dossier received after the cut-off may be
 *     transferred until the close of the next working day (a lenient reading, unconfirmed); default
 *     false: by the opening of the next working day, as the decree says ("đầu giờ ngày làm việc tiếp
 *     theo", Decree 61/2018 Art. 17, carried on by Decree 118/2025)
 */
@ConfigurationProperties("motcua.calendar")
public record CalendarProperties(
    LocalTime morningStart,
    LocalTime morningEnd,
    LocalTime afternoonStart,
    LocalTime afternoonEnd,
    LocalTime cutOff,
    ZoneId zone,
    String holidayFile,
    Duration reloadInterval,
    boolean cultureDayOff,
    boolean transferNextDayByClose) {

  public static final String DEFAULT_HOLIDAY_FILE = "classpath:calendar/holidays-vn.json";

  public CalendarProperties {
    morningStart = morningStart == null ? LocalTime.of(7, 30) : morningStart;
    morningEnd = morningEnd == null ? LocalTime.of(11, 30) : morningEnd;
    afternoonStart = afternoonStart == null ? LocalTime.of(13, 30) : afternoonStart;
    afternoonEnd = afternoonEnd == null ? LocalTime.of(17, 30) : afternoonEnd;
    cutOff = cutOff == null ? LocalTime.of(15, 0) : cutOff;
    zone = zone == null ? OfficeZone.DEFAULT : zone;
    holidayFile = holidayFile == null || holidayFile.isBlank() ? DEFAULT_HOLIDAY_FILE : holidayFile;
    reloadInterval = reloadInterval == null ? Duration.ofSeconds(60) : reloadInterval;
    if (!(morningStart.isBefore(morningEnd)
        && !morningEnd.isAfter(afternoonStart)
        && afternoonStart.isBefore(afternoonEnd))) {
      throw new IllegalArgumentException("motcua.calendar office hours must be ordered: "
          + "morningStart < morningEnd <= afternoonStart < afternoonEnd, got " + morningStart + "–"
          + morningEnd + ", " + afternoonStart + "–" + afternoonEnd);
    }
  }

  /** All defaults. */
  public static CalendarProperties defaults() {
    return new CalendarProperties(null, null, null, null, null, null, null, null, false, false);
  }

  /** Defaults with another holiday file. */
  public static CalendarProperties withHolidayFile(String location) {
    return new CalendarProperties(null, null, null, null, null, null, location, null, false, false);
  }

  /** Length of one working day (8 hours by default). */
  public Duration workingDay() {
    return Duration.between(morningStart, morningEnd)
        .plus(Duration.between(afternoonStart, afternoonEnd));
  }
}
