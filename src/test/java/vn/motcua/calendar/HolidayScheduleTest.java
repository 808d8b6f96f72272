package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class HolidayScheduleTest {

  private static HolidayFile bundled() throws IOException {
    try (InputStream in = new ClassPathResource("calendar/holidays-vn.json").getInputStream()) {
      return HolidayFile.parse(in.readAllBytes(), "classpath:calendar/holidays-vn.json");
    }
  }

  private static List<LocalDate> daysOff(List<CalendarDay> days, String nameStart) {
    return days.stream()
        .filter(d -> d.kind() == DayKind.DAY_OFF && d.name().startsWith(nameStart))
        .map(CalendarDay::date)
        .toList();
  }

  @Test
  void statutory2030HasFiveTetDaysAndHungKings() {
    List<CalendarDay> days = HolidaySchedule.computeStatutoryYear(2030, StatutoryRules.defaults(), false);
    LocalDate tet = LunarCalendar.tet(2030);
    // last day of the old year + the first 4 days of the new year
    assertThat(daysOff(days, "Tết Nguyên đán"))
        .containsExactly(tet.minusDays(1), tet, tet.plusDays(1), tet.plusDays(2), tet.plusDays(3));
    assertThat(daysOff(days, "Giỗ Tổ Hùng Vương")).containsExactly(LunarCalendar.hungKingsDay(2030));
    assertThat(days).extracting(CalendarDay::source).containsOnly(DaySource.COMPUTED);
    assertThat(days).extracting(CalendarDay::date)
        .contains(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 4, 30), LocalDate.of(2030, 5, 1),
            LocalDate.of(2030, 9, 1), LocalDate.of(2030, 9, 2));
  }

  @Test
  void weekendHolidayGivesTheNextWorkingDayOff() {
    // 2027: Tết day 1 is Saturday 6 Feb; 1 May is a Saturday
    List<CalendarDay> days = HolidaySchedule.computeStatutoryYear(2027, StatutoryRules.defaults(), false);
    assertThat(days).extracting(CalendarDay::date).contains(
        LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 9),
        LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 11), // compensation for Sat 6, Sun 7
        LocalDate.of(2027, 4, 16), LocalDate.of(2027, 5, 3))
        .doesNotContain(LocalDate.of(2027, 2, 12), LocalDate.of(2027, 5, 4));
  }

  @Test
  void computed2026AgreesWithTheOfficialScheduleOnTetAndHungKings() throws IOException {
    HolidaySchedule computed = HolidaySchedule.computedOnly(StatutoryRules.defaults(), false);
    HolidaySchedule official = HolidaySchedule.build(
        StatutoryRules.defaults(), bundled().years(), List.of(), false);
    for (LocalDate d : List.of(LocalDate.of(2026, 2, 17), LocalDate.of(2026, 4, 27))) {
      assertThat(computed.isDayOff(d)).as("computed %s", d).isTrue();
      assertThat(official.isDayOff(d)).as("official %s", d).isTrue();
    }
    assertThat(computed.dayInfo(LocalDate.of(2026, 2, 17)).entry().name()).isEqualTo("Tết Nguyên đán");
    assertThat(computed.dayInfo(LocalDate.of(2026, 4, 26)).entry().name()).isEqualTo("Giỗ Tổ Hùng Vương");
    assertThat(official.dayInfo(LocalDate.of(2026, 4, 27)).entry().source()).isEqualTo(DaySource.FILE);
  }

  @Test
  void bundledUnconfirmed2027EqualsTheStatutoryDefault() throws IOException {
    HolidayFile file = bundled();
    Map<LocalDate, DayKind> fromFile = file.years().get(2027).stream()
        .collect(Collectors.toMap(CalendarDay::date, CalendarDay::kind));
    Map<LocalDate, DayKind> computed = HolidaySchedule.computeStatutoryYear(2027, file.rules(), false)
        .stream().collect(Collectors.toMap(CalendarDay::date, CalendarDay::kind));
    assertThat(fromFile).isEqualTo(computed);
    assertThat(file.rules()).isEqualTo(StatutoryRules.defaults());
  }

  @Test
  void officialSchedules() throws IOException {
    HolidaySchedule s = HolidaySchedule.build(StatutoryRules.defaults(), bundled().years(), List.of(), false);
    assertThat(s.fileYears()).containsExactly(2024, 2025, 2026, 2027);
    // 2025: Tết 25 Jan–2 Feb, make-up Saturday 26 Apr, 2 May swapped
    assertThat(s.isDayOff(LocalDate.of(2025, 1, 27))).isTrue();
    assertThat(s.isWorkingDay(LocalDate.of(2025, 2, 3))).isTrue();
    assertThat(s.isMakeupWorkingDay(LocalDate.of(2025, 4, 26))).isTrue();
    assertThat(s.isWorkingDay(LocalDate.of(2025, 4, 26))).isTrue();
    assertThat(s.isWorkingDay(LocalDate.of(2025, 5, 2))).isFalse();
    assertThat(s.isDayOff(LocalDate.of(2025, 9, 1))).isTrue();
    // 2026: Tết 14–22 Feb, make-up Saturday 22 Aug, 31 Aug swapped
    assertThat(s.isDayOff(LocalDate.of(2026, 2, 16))).isTrue();
    assertThat(s.isWorkingDay(LocalDate.of(2026, 2, 23))).isTrue();
    assertThat(s.isWorkingDay(LocalDate.of(2026, 8, 22))).isTrue();
    assertThat(s.isWorkingDay(LocalDate.of(2026, 8, 31))).isFalse();
    assertThat(s.isWorkingDay(LocalDate.of(2026, 11, 24))).isTrue(); // Culture Day off by default
    // 2024: make-up Saturday 4 May, 3 Sep off
    assertThat(s.isWorkingDay(LocalDate.of(2024, 5, 4))).isTrue();
    assertThat(s.isDayOff(LocalDate.of(2024, 9, 3))).isTrue();
    assertThat(s.daysOf(2025)).allMatch(d -> d.date().getYear() == 2025)
        .extracting(CalendarDay::source).containsOnly(DaySource.FILE);
    assertThat(s.daysOf(2031)).extracting(CalendarDay::source).containsOnly(DaySource.COMPUTED);
  }

  @Test
  void cultureDayFlagAddsTwentyFourthNovemberFrom2026() throws IOException {
    HolidaySchedule s = HolidaySchedule.build(StatutoryRules.defaults(), bundled().years(), List.of(), true);
    assertThat(s.isDayOff(LocalDate.of(2026, 11, 24))).isTrue();
    assertThat(s.isDayOff(LocalDate.of(2025, 11, 24))).isFalse();
    // 24 Nov 2029 is a Saturday: Monday 26 Nov is the compensatory day
    assertThat(s.isDayOff(LocalDate.of(2029, 11, 26))).isTrue();
  }

  @Test
  void adminDaysOverrideFileDays() throws IOException {
    CalendarDay workedAfterAll = new CalendarDay(LocalDate.of(2026, 8, 31), DayKind.MAKEUP_WORKING_DAY,
        "Ngày làm bù", "test", DaySource.ADMIN);
    HolidaySchedule s = HolidaySchedule.build(
        StatutoryRules.defaults(), bundled().years(), List.of(workedAfterAll), false);
    assertThat(s.isWorkingDay(LocalDate.of(2026, 8, 31))).isTrue();
    assertThat(s.dayInfo(LocalDate.of(2026, 8, 31)).entry().source()).isEqualTo(DaySource.ADMIN);
  }

  @Test
  void malformedFilesAreRejectedWithTheReason() {
    byte[] unknownKind = """
        {"years": {"2026": {"days": [{"date": "2026-03-02", "kind": "HOLIDAY", "name": "x"}]}}}
        """.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> HolidayFile.parse(unknownKind, "test.json"))
        .isInstanceOf(CalendarException.class)
        .hasMessageContaining("test.json")
        .hasMessageContaining("unknown kind 'HOLIDAY'");
    byte[] wrongYear = """
        {"years": {"2026": {"days": [{"date": "2025-03-02", "kind": "DAY_OFF", "name": "x"}]}}}
        """.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> HolidayFile.parse(wrongYear, "test.json"))
        .hasMessageContaining("not in year 2026");
    assertThatThrownBy(() -> HolidayFile.parse("{ broken".getBytes(StandardCharsets.UTF_8), "b.json"))
        .isInstanceOf(CalendarException.class)
        .hasMessageContaining("invalid JSON");
  }

  @Test
  void outOfRangeDatesAreRejected() {
    HolidaySchedule s = HolidaySchedule.computedOnly(StatutoryRules.defaults(), false);
    assertThatThrownBy(() -> s.isWorkingDay(LocalDate.of(2101, 1, 3)))
        .isInstanceOf(CalendarException.class)
        .hasMessageContaining("2101");
  }
}
