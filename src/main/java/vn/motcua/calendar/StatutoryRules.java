package vn.motcua.calendar;

import java.time.MonthDay;
import java.util.List;
import java.util.Objects;

/**
 * Statutory holiday rules, used for years without a published schedule (Labour Code 2019 Art. 112:
 * 1 January; Tết, 5 days; Hùng Kings' day, 10th day of the 3rd lunar month; 30 April; 1 May; 2 September
 * plus one adjacent day; Art. 111(3): a holiday falling on the weekly rest day gives a day off on the next
 * working day).
 *
 * @param source legal source note copied to computed entries
 * @param fixedDays Gregorian holidays (the 2 September adjacent day is one of them: 1 September by
 *     default, unconfirmed, change it to 09-03 in the holiday file if the government decides so)
 * @param lunarDays lunar holidays other than Tết (Hùng Kings' day)
 * @param tet Tết rule
 * @param weekendCompensation whether a holiday on Saturday/Sunday gives the next working day off
 * @param compensationName Vietnamese name prefix of compensatory days off ("Nghỉ bù")
 * @param cultureDay Vietnam Culture Day (24 November from 2026); applied only when the property
 *     {@code motcua.calendar.culture-day-off} is true (unconfirmed); may be null
 */
public record StatutoryRules(
    String source,
    List<FixedDay> fixedDays,
    List<LunarDay> lunarDays,
    TetRule tet,
    boolean weekendCompensation,
    String compensationName,
    CultureDay cultureDay) {

  public StatutoryRules {
    fixedDays = List.copyOf(fixedDays);
    lunarDays = List.copyOf(lunarDays);
    Objects.requireNonNull(tet, "tet");
    Objects.requireNonNull(compensationName, "compensationName");
  }

  /** A Gregorian holiday. */
  public record FixedDay(MonthDay monthDay, String name, String note) {}

  /** A lunar holiday (day of a non-leap lunar month). */
  public record LunarDay(int lunarMonth, int lunarDay, String name, String note) {}

  /** Tết: {@code daysBefore} last days of the old lunar year and {@code daysFrom} first days of the new one. */
  public record TetRule(String name, int daysBefore, int daysFrom) {}

  /** A holiday that applies from {@code fromYear} when enabled by configuration. */
  public record CultureDay(MonthDay monthDay, String name, int fromYear, String note) {}

  /** The built-in rules, identical to the {@code statutory} section of the bundled holiday file. */
  public static StatutoryRules defaults() {
    return new StatutoryRules(
        "Bộ luật Lao động 2019, Điều 112 và Điều 111 khoản 3 (tính tự động)",
        List.of(
            new FixedDay(MonthDay.of(1, 1), "Tết Dương lịch", null),
            new FixedDay(MonthDay.of(4, 30), "Ngày Chiến thắng", null),
            new FixedDay(MonthDay.of(5, 1), "Ngày Quốc tế Lao động", null),
            new FixedDay(MonthDay.of(9, 1), "Quốc khánh (ngày liền kề)",
                "Ngày liền kề Quốc khánh: mặc định 01/9, chưa xác nhận, có thể cấu hình (đổi thành 09-03)"),
            new FixedDay(MonthDay.of(9, 2), "Quốc khánh", null)),
        List.of(new LunarDay(3, 10, "Giỗ Tổ Hùng Vương", "Ngày 10 tháng 3 âm lịch")),
        new TetRule("Tết Nguyên đán", 1, 4),
        true,
        "Nghỉ bù",
        new CultureDay(MonthDay.of(11, 24), "Ngày Văn hóa Việt Nam", 2026,
            "Chưa xác nhận; chỉ áp dụng khi bật motcua.calendar.culture-day-off"));
  }
}
