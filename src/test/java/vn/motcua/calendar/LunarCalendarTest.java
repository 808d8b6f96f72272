package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LunarCalendarTest {

  @ParameterizedTest(name = "Tết {0} = {1}")
  @CsvSource({
    // Vietnam differs from China: 1985 (China 1985-02-20), 2007 (China 2007-02-18)
    "1985, 1985-01-21",
    "2007, 2007-02-17",
    "1990, 1990-01-27",
    "1995, 1995-01-31",
    "1999, 1999-02-16",
    "2000, 2000-02-05",
    "2001, 2001-01-24",
    "2002, 2002-02-12",
    "2003, 2003-02-01",
    "2004, 2004-01-22",
    "2005, 2005-02-09",
    "2006, 2006-01-29",
    "2008, 2008-02-07",
    "2009, 2009-01-26",
    "2010, 2010-02-14",
    "2011, 2011-02-03",
    "2012, 2012-01-23",
    "2013, 2013-02-10",
    "2014, 2014-01-31",
    "2015, 2015-02-19",
    "2016, 2016-02-08",
    "2017, 2017-01-28",
    "2018, 2018-02-16",
    "2019, 2019-02-05",
    "2020, 2020-01-25",
    "2021, 2021-02-12",
    "2022, 2022-02-01",
    "2023, 2023-01-22",
    "2024, 2024-02-10",
    "2025, 2025-01-29",
    "2026, 2026-02-17",
    "2027, 2027-02-06",
  })
  void tetMatchesKnownVietnameseDates(int year, LocalDate expected) {
    assertThat(LunarCalendar.tet(year)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "Hùng Kings {0} = {1}")
  @CsvSource({"2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26", "2027, 2027-04-16"})
  void hungKingsDay(int year, LocalDate expected) {
    assertThat(LunarCalendar.hungKingsDay(year)).isEqualTo(expected);
  }

  @Test
  void leapMonths() {
    assertThat(LunarCalendar.leapMonth(2025)).isEqualTo(6);
    assertThat(LunarCalendar.leapMonth(2023)).isEqualTo(2);
    assertThat(LunarCalendar.leapMonth(2020)).isEqualTo(4);
    assertThat(LunarCalendar.leapMonth(2024)).isZero();
    assertThat(LunarCalendar.solarDate(2025, 6, 1, true)).isEqualTo(LocalDate.of(2025, 7, 25));
    assertThat(LunarCalendar.solarDate(2025, 6, 1, false)).isEqualTo(LocalDate.of(2025, 6, 25));
  }

  @Test
  void lastDayOfOldYearIsTheDayBeforeTet() {
    LocalDate tet = LunarCalendar.tet(2026);
    LocalDate month12 = LunarCalendar.solarDate(2025, 12, 1, false);
    int length = (int) (tet.toEpochDay() - month12.toEpochDay());
    assertThat(LunarCalendar.solarDate(2025, 12, length, false)).isEqualTo(tet.minusDays(1));
  }

  @Test
  void wholeRangeIsComputable() {
    for (int year = LunarCalendar.MIN_YEAR; year <= LunarCalendar.MAX_YEAR; year++) {
      LocalDate tet = LunarCalendar.tet(year);
      assertThat(tet.getYear()).isEqualTo(year);
      assertThat(tet).isBetween(LocalDate.of(year, 1, 19), LocalDate.of(year, 2, 21));
    }
  }

  @Test
  void rejectsImpossibleDates() {
    assertThatThrownBy(() -> LunarCalendar.solarDate(2024, 6, 1, true))
        .isInstanceOf(CalendarException.class)
        .hasMessageContaining("no leap month");
    assertThatThrownBy(() -> LunarCalendar.tet(1899))
        .isInstanceOf(CalendarException.class)
        .satisfies(e -> assertThat(((CalendarException) e).userMessage()).contains("Năm 1899"));
    assertThatThrownBy(() -> LunarCalendar.solarDate(2025, 13, 1, false))
        .isInstanceOf(CalendarException.class);
  }
}
