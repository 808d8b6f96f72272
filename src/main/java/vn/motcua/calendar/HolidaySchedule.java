package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Immutable schedule of special days for {@value LunarCalendar#MIN_YEAR}–{@value LunarCalendar#MAX_YEAR}.
 *
 * <p>Built in three layers, each overriding the previous one:
 *
 * <ol>
 *   <li>{@link DaySource#COMPUTED}: for every year without data in the holiday file, the statutory
 *       defaults of Labour Code 2019 Art. 112 and Art. 111(3) ({@link #computeStatutoryYear});
 *   <li>{@link DaySource#FILE}: a year present in the holiday file replaces the computed defaults of that
 *       year entirely;
 *   <li>{@link DaySource#ADMIN}: days added by an administrator override the entry for their date.
 * </ol>
 *
 * <p>The working week is Monday–Friday: a date is a working day when it is a weekday and not a day
 * off, or when it is a make-up working day.
 */
public final class HolidaySchedule {

  private final NavigableMap<LocalDate, CalendarDay> days;
  private final Set<Integer> fileYears;

  private HolidaySchedule(NavigableMap<LocalDate, CalendarDay> days, Set<Integer> fileYears) {
    this.days = Collections.unmodifiableNavigableMap(days);
    this.fileYears = Collections.unmodifiableSet(fileYears);
  }

  /**
   * Builds a schedule.
   *
   * @param rules statutory rules for years without file data
   * @param fileYears file entries per Gregorian year (may be empty)
   * @param adminDays administrator-added days (may be empty)
   * @param cultureDayOff whether 24 November (Vietnam Culture Day) is a day off from its first year;
   *     when true it is also added to file years that do not list that date
   */
  public static HolidaySchedule build(
      StatutoryRules rules,
      Map<Integer, List<CalendarDay>> fileYears,
      Collection<CalendarDay> adminDays,
      boolean cultureDayOff) {
    NavigableMap<LocalDate, CalendarDay> all = new TreeMap<>();
    for (int year = LunarCalendar.MIN_YEAR; year <= LunarCalendar.MAX_YEAR; year++) {
      List<CalendarDay> published = fileYears.get(year);
      if (published == null) {
        for (CalendarDay day : computeStatutoryYear(year, rules, cultureDayOff)) {
          all.put(day.date(), day);
        }
      } else {
        NavigableMap<LocalDate, CalendarDay> yearDays = new TreeMap<>();
        for (CalendarDay day : published) {
          yearDays.put(day.date(), day);
        }
        if (cultureDayOff && rules.cultureDay() != null && year >= rules.cultureDay().fromYear()) {
          LocalDate date = rules.cultureDay().monthDay().atYear(year);
          if (!yearDays.containsKey(date)) {
            yearDays.put(date, new CalendarDay(date, DayKind.DAY_OFF, rules.cultureDay().name(),
                rules.cultureDay().note(), DaySource.COMPUTED));
            if (rules.weekendCompensation() && isWeekend(date)) {
              addCompensation(yearDays, date, rules);
            }
          }
        }
        all.putAll(yearDays);
      }
    }
    for (CalendarDay day : adminDays) {
      checkRange(day.date());
      all.put(day.date(), day);
    }
    return new HolidaySchedule(new TreeMap<>(all), new TreeSet<>(fileYears.keySet()));
  }

  /** A schedule made only of statutory defaults (no file, no admin days). */
  public static HolidaySchedule computedOnly(StatutoryRules rules, boolean cultureDayOff) {
    return build(rules, Map.of(), List.of(), cultureDayOff);
  }

  /**
   * The statutory days off of one year (Labour Code 2019 Art. 112): fixed Gregorian holidays, Tết (the
   * last day(s) of the old lunar year and the first days of the new one), lunar holidays, optionally
   * the Culture Day, and for each holiday on a Saturday or Sunday a compensatory day off on the next
   * working day (Art. 111(3)).
   */
  public static List<CalendarDay> computeStatutoryYear(
      int year, StatutoryRules rules, boolean cultureDayOff) {
    if (year < LunarCalendar.MIN_YEAR || year > LunarCalendar.MAX_YEAR) {
      throw CalendarException.yearOutOfRange(year);
    }
    NavigableMap<LocalDate, CalendarDay> map = new TreeMap<>();
    String source = rules.source();
    for (StatutoryRules.FixedDay fixed : rules.fixedDays()) {
      LocalDate date = fixed.monthDay().atYear(year);
      map.putIfAbsent(date, computed(date, fixed.name(), join(fixed.note(), source)));
    }
    if (cultureDayOff && rules.cultureDay() != null && year >= rules.cultureDay().fromYear()) {
      LocalDate date = rules.cultureDay().monthDay().atYear(year);
      map.putIfAbsent(date, computed(date, rules.cultureDay().name(),
          join(rules.cultureDay().note(), source)));
    }
    for (StatutoryRules.LunarDay lunar : rules.lunarDays()) {
      LocalDate date = LunarCalendar.solarDate(year, lunar.lunarMonth(), lunar.lunarDay(), false);
      map.putIfAbsent(date, computed(date, lunar.name(), join(lunar.note(), source)));
    }
    StatutoryRules.TetRule tet = rules.tet();
    LocalDate newYear = LunarCalendar.tet(year);
    for (int i = -tet.daysBefore(); i < tet.daysFrom(); i++) {
      LocalDate date = newYear.plusDays(i);
      String note = i < 0 ? "Cuối năm âm lịch cũ" : "Mùng " + (i + 1) + " Tết";
      map.putIfAbsent(date, computed(date, tet.name(), join(note, source)));
    }
    if (rules.weekendCompensation()) {
      for (CalendarDay holiday : new ArrayList<>(map.values())) {
        if (isWeekend(holiday.date())) {
          addCompensation(map, holiday.date(), rules);
        }
      }
    }
    return List.copyOf(map.values());
  }

  private static void addCompensation(
      NavigableMap<LocalDate, CalendarDay> map, LocalDate holiday, StatutoryRules rules) {
    CalendarDay original = map.get(holiday);
    LocalDate date = holiday.plusDays(1);
    while (isWeekend(date) || map.containsKey(date)) {
      date = date.plusDays(1);
    }
    map.put(date, computed(date, rules.compensationName() + " " + original.name(),
        "Nghỉ bù vì ngày " + holiday + " trùng ngày nghỉ hằng tuần (Bộ luật Lao động 2019, "
            + "Điều 111 khoản 3)"));
  }

  private static CalendarDay computed(LocalDate date, String name, String note) {
    return new CalendarDay(date, DayKind.DAY_OFF, name, note, DaySource.COMPUTED);
  }

  private static String join(String a, String b) {
    if (a == null || a.isBlank()) {
      return b;
    }
    return b == null ? a : a + "; " + b;
  }

  static boolean isWeekend(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }

  static void checkRange(LocalDate date) {
    if (date == null) {
      throw CalendarException.missing("date");
    }
    int year = date.getYear();
    if (year < LunarCalendar.MIN_YEAR || year > LunarCalendar.MAX_YEAR) {
      throw CalendarException.yearOutOfRange(year);
    }
  }

  /** True when {@code date} is a day off (holiday, Tết, compensatory or swapped day). */
  public boolean isDayOff(LocalDate date) {
    checkRange(date);
    CalendarDay day = days.get(date);
    return day != null && day.kind() == DayKind.DAY_OFF;
  }

  /** True when {@code date} is a make-up working day (usually a Saturday). */
  public boolean isMakeupWorkingDay(LocalDate date) {
    checkRange(date);
    CalendarDay day = days.get(date);
    return day != null && day.kind() == DayKind.MAKEUP_WORKING_DAY;
  }

  /** Monday–Friday and not a day off, or a make-up working day. */
  public boolean isWorkingDay(LocalDate date) {
    checkRange(date);
    CalendarDay day = days.get(date);
    if (day != null) {
      return day.kind() == DayKind.MAKEUP_WORKING_DAY;
    }
    return !isWeekend(date);
  }

  /** Everything the schedule says about {@code date}. */
  public DayInfo dayInfo(LocalDate date) {
    return new DayInfo(date, date.getDayOfWeek(), isWorkingDay(date), days.get(date));
  }

  /** The special days (days off and make-up days) of a Gregorian year, in date order. */
  public List<CalendarDay> daysOf(int year) {
    if (year < LunarCalendar.MIN_YEAR || year > LunarCalendar.MAX_YEAR) {
      throw CalendarException.yearOutOfRange(year);
    }
    return List.copyOf(
        days.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).values());
  }

  /** Years whose data comes from the holiday file. */
  public Set<Integer> fileYears() {
    return fileYears;
  }
}
