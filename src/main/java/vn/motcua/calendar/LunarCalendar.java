package vn.motcua.calendar;

import java.time.LocalDate;

/**
 * Vietnamese lunisolar calendar (âm lịch) by Hồ Ngọc Đức's algorithm: new moons and the sun's
 * longitude are computed with the astronomical formulas of Jean Meeus and the day boundaries taken in
 * the time zone UTC+7 (Vietnam's official zone since 1968). The Vietnamese calendar therefore differs
 * from the Chinese one (UTC+8) in some years, for example Tết 1985 (21 January in Vietnam, 20 February
 * in China) and Tết 2007 (17 versus 18 February).
 *
 * <p>Valid for lunar years {@value #MIN_YEAR}–{@value #MAX_YEAR}. Pure and thread-safe.
 */
public final class LunarCalendar {

  public static final int MIN_YEAR = 1900;
  public static final int MAX_YEAR = 2100;

  /** Time zone of the Vietnamese calendar, in hours east of UTC. */
  private static final double TIME_ZONE = 7.0;

  /** Julian day number of 1970-01-01 (LocalDate epoch day 0). */
  private static final long JDN_EPOCH_OFFSET = 2440588L;

  private LunarCalendar() {}

  /**
   * The Gregorian date of a Vietnamese lunar date.
   *
   * @param lunarYear lunar year, {@value #MIN_YEAR}–{@value #MAX_YEAR}
   * @param lunarMonth 1–12
   * @param lunarDay 1–30 (30 only in a long month)
   * @param leapMonth true for the intercalary month (tháng nhuận) following {@code lunarMonth}
   * @throws CalendarException when the date does not exist or is out of range
   */
  public static LocalDate solarDate(int lunarYear, int lunarMonth, int lunarDay, boolean leapMonth) {
    checkYear(lunarYear);
    if (lunarMonth < 1 || lunarMonth > 12) {
      throw new CalendarException(
          "Lunar month must be 1–12, got " + lunarMonth,
          "Tháng âm lịch phải từ 1 đến 12 (nhận được: " + lunarMonth + ").");
    }
    if (lunarDay < 1 || lunarDay > 30) {
      throw new CalendarException(
          "Lunar day must be 1–30, got " + lunarDay,
          "Ngày âm lịch phải từ 1 đến 30 (nhận được: " + lunarDay + ").");
    }
    long monthStart = monthStartJdn(lunarYear, lunarMonth, leapMonth);
    long nextMonthStart = newMoonDay(kOf(monthStart) + 1);
    if (monthStart + lunarDay - 1 >= nextMonthStart) {
      throw new CalendarException(
          "Lunar month " + lunarMonth + (leapMonth ? " (leap)" : "") + " of " + lunarYear
              + " has only " + (nextMonthStart - monthStart) + " days",
          "Tháng " + lunarMonth + (leapMonth ? " nhuận" : "") + " năm " + lunarYear
              + " âm lịch chỉ có " + (nextMonthStart - monthStart) + " ngày.");
    }
    return fromJdn(monthStart + lunarDay - 1);
  }

  /** Tết Nguyên đán: the first day of the first lunar month, which always falls in Gregorian {@code year}. */
  public static LocalDate tet(int year) {
    return solarDate(year, 1, 1, false);
  }

  /** Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month of {@code year}. */
  public static LocalDate hungKingsDay(int year) {
    return solarDate(year, 3, 10, false);
  }

  /** The leap month (1–12) of lunar year {@code year}, or 0 when the year has none. */
  public static int leapMonth(int year) {
    checkYear(year);
    long a11 = lunarMonth11(year - 1);
    long b11 = lunarMonth11(year);
    if (b11 - a11 > 365) {
      int month = leapMonthOffset(a11) - 2;
      if (month >= 1) {
        return month; // months 1–10; otherwise it is month 11 or 12 of the previous lunar year
      }
    }
    long c11 = lunarMonth11(year + 1);
    if (c11 - b11 > 365) {
      int offset = leapMonthOffset(b11);
      if (offset <= 2) {
        return offset + 10; // leap month 11 or 12 of this lunar year
      }
    }
    return 0;
  }

  private static void checkYear(int year) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw CalendarException.yearOutOfRange(year);
    }
  }

  private static long monthStartJdn(int lunarYear, int lunarMonth, boolean leap) {
    long a11;
    long b11;
    if (lunarMonth < 11) {
      a11 = lunarMonth11(lunarYear - 1);
      b11 = lunarMonth11(lunarYear);
    } else {
      a11 = lunarMonth11(lunarYear);
      b11 = lunarMonth11(lunarYear + 1);
    }
    long k = kOf(a11);
    int off = lunarMonth - 11;
    if (off < 0) {
      off += 12;
    }
    if (b11 - a11 > 365) {
      int leapOff = leapMonthOffset(a11);
      int leapMonth = leapOff - 2;
      if (leapMonth < 0) {
        leapMonth += 12;
      }
      if (leap && lunarMonth != leapMonth) {
        throw noLeap(lunarYear, lunarMonth);
      } else if (leap || off >= leapOff) {
        off += 1;
      }
    } else if (leap) {
      throw noLeap(lunarYear, lunarMonth);
    }
    return newMoonDay(k + off);
  }

  private static CalendarException noLeap(int year, int month) {
    return new CalendarException(
        "Lunar year " + year + " has no leap month " + month,
        "Năm " + year + " âm lịch không có tháng " + month + " nhuận.");
  }

  /** Index k of the lunation whose new moon day is {@code jdn} (k = 0 at 1900-01-01). */
  private static long kOf(long jdn) {
    return (long) Math.floor(0.5 + (jdn - 2415021.076998695) / 29.530588853);
  }

  /** Julian day number of the new moon number {@code k}, at UTC+7. */
  static long newMoonDay(long k) {
    double t = k / 1236.85;
    double t2 = t * t;
    double t3 = t2 * t;
    double dr = Math.PI / 180;
    double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
    jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
    double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
    double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
    double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
    double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
    c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
    c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
    c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
    c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
    c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
    c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
    double deltat;
    if (t < -11) {
      deltat = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
    } else {
      deltat = -0.000278 + 0.000265 * t + 0.000262 * t2;
    }
    double jdNew = jd1 + c1 - deltat;
    return (long) Math.floor(jdNew + 0.5 + TIME_ZONE / 24);
  }

  /** Sector (0–11, 30° each) of the sun's longitude at the start of day {@code jdn}, at UTC+7. */
  static int sunLongitudeSector(long jdn) {
    double t = (jdn - 2451545.5 - TIME_ZONE / 24) / 36525;
    double t2 = t * t;
    double dr = Math.PI / 180;
    double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
    dl += (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
    double l = (l0 + dl) * dr;
    l = l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
    return (int) Math.floor(l / Math.PI * 6);
  }

  /** Julian day number of the start of the 11th lunar month (containing the winter solstice) of {@code year}. */
  private static long lunarMonth11(int year) {
    long off = toJdn(LocalDate.of(year, 12, 31)) - 2415021;
    long k = (long) Math.floor(off / 29.530588853);
    long nm = newMoonDay(k);
    if (sunLongitudeSector(nm) >= 9) {
      nm = newMoonDay(k - 1);
    }
    return nm;
  }

  /** Offset (in months after month 11) of the leap month of the lunar year starting at {@code a11}. */
  private static int leapMonthOffset(long a11) {
    long k = kOf(a11);
    int i = 1;
    int arc = sunLongitudeSector(newMoonDay(k + i));
    int last;
    do {
      last = arc;
      i++;
      arc = sunLongitudeSector(newMoonDay(k + i));
    } while (arc != last && i < 14);
    return i - 1;
  }

  private static long toJdn(LocalDate date) {
    return date.toEpochDay() + JDN_EPOCH_OFFSET;
  }

  private static LocalDate fromJdn(long jdn) {
    return LocalDate.ofEpochDay(jdn - JDN_EPOCH_OFFSET);
  }
}
