package vn.motcua.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parsed content of the holiday file ({@code calendar/holidays-vn.json} by default).
 *
 * <p>Format (see {@code docs/calendar.md}):
 *
 * <pre>{@code
 * {
 *   "statutory": { "source": "...", "fixedDays": [{"monthDay": "01-01", "name": "Tết Dương lịch"}],
 *                  "lunarDays": [{"lunarMonth": 3, "lunarDay": 10, "name": "Giỗ Tổ Hùng Vương"}],
 *                  "tet": {"name": "Tết Nguyên đán", "daysBefore": 1, "daysFrom": 4},
 *                  "weekendCompensation": true, "compensationName": "Nghỉ bù",
 *                  "cultureDay": {"monthDay": "11-24", "name": "Ngày Văn hóa Việt Nam", "fromYear": 2026} },
 *   "years": { "2025": { "confirmed": true, "source": "...",
 *                        "days": [{"date": "2025-01-01", "kind": "DAY_OFF", "name": "Tết Dương lịch",
 *                                  "note": "..."}] } }
 * }
 * }</pre>
 *
 * @param rules statutory rules (built-in defaults when the file has no {@code statutory} section)
 * @param years entries per Gregorian year; a listed year overrides the computed defaults entirely
 */
public record HolidayFile(StatutoryRules rules, Map<Integer, List<CalendarDay>> years) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public HolidayFile {
    years = Map.copyOf(years);
  }

  /** A file with no published years and the built-in statutory rules. */
  public static HolidayFile empty() {
    return new HolidayFile(StatutoryRules.defaults(), Map.of());
  }

  /**
   * Parses and validates the file.
   *
   * @throws CalendarException with the location and the reason when the content is malformed
   */
  public static HolidayFile parse(byte[] content, String location) {
    JsonNode root;
    try {
      root = MAPPER.readTree(content);
    } catch (JsonProcessingException e) {
      throw malformed(location, "invalid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
              + ", column " + e.getLocation().getColumnNr()), e);
    } catch (IOException e) {
      throw malformed(location, "cannot read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw malformed(location, "the top level must be a JSON object", null);
    }
    try {
      StatutoryRules rules = root.has("statutory")
          ? parseRules(root.get("statutory"))
          : StatutoryRules.defaults();
      Map<Integer, List<CalendarDay>> years = new TreeMap<>();
      JsonNode yearsNode = root.path("years");
      if (!yearsNode.isMissingNode() && !yearsNode.isObject()) {
        throw new IllegalArgumentException("'years' must be an object keyed by year");
      }
      Iterator<Map.Entry<String, JsonNode>> it = yearsNode.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> entry = it.next();
        int year = parseYear(entry.getKey());
        years.put(year, parseYearDays(year, entry.getValue()));
      }
      return new HolidayFile(rules, years);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw malformed(location, e.getMessage(), e);
    }
  }

  private static CalendarException malformed(String location, String reason, Throwable cause) {
    return new CalendarException(
        "Malformed holiday file " + location + ": " + reason,
        "Tệp lịch nghỉ " + location + " không hợp lệ: " + reason,
        cause);
  }

  private static int parseYear(String key) {
    int year;
    try {
      year = Integer.parseInt(key.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("years: '" + key + "' is not a year");
    }
    if (year < LunarCalendar.MIN_YEAR || year > LunarCalendar.MAX_YEAR) {
      throw new IllegalArgumentException("years: " + year + " is outside "
          + LunarCalendar.MIN_YEAR + "–" + LunarCalendar.MAX_YEAR);
    }
    return year;
  }

  private static List<CalendarDay> parseYearDays(int year, JsonNode node) {
    String where = "years." + year;
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + " must be an object");
    }
    JsonNode daysNode = node.get("days");
    if (daysNode == null || !daysNode.isArray()) {
      throw new IllegalArgumentException(where + ".days must be an array");
    }
    String yearSource = text(node, "source");
    Map<LocalDate, CalendarDay> days = new LinkedHashMap<>();
    for (int i = 0; i < daysNode.size(); i++) {
      JsonNode d = daysNode.get(i);
      String at = where + ".days[" + i + "]";
      String dateText = required(d, "date", at);
      LocalDate date;
      try {
        date = LocalDate.parse(dateText);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(at + ".date: '" + dateText + "' is not an ISO date");
      }
      if (date.getYear() != year) {
        throw new IllegalArgumentException(at + ".date " + date + " is not in year " + year);
      }
      String kindText = required(d, "kind", at);
      DayKind kind = DayKind.parse(kindText);
      if (kind == null) {
        throw new IllegalArgumentException(at + ".kind: unknown kind '" + kindText
            + "' (expected DAY_OFF or MAKEUP_WORKING_DAY)");
      }
      String name = required(d, "name", at);
      String note = text(d, "note");
      if (note == null) {
        note = yearSource;
      }
      if (days.put(date, new CalendarDay(date, kind, name, note, DaySource.FILE)) != null) {
        throw new IllegalArgumentException(at + ": duplicate date " + date);
      }
    }
    return List.copyOf(days.values());
  }

  private static StatutoryRules parseRules(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("'statutory' must be an object");
    }
    StatutoryRules defaults = StatutoryRules.defaults();
    List<StatutoryRules.FixedDay> fixed = new ArrayList<>();
    JsonNode fixedNode = node.path("fixedDays");
    for (int i = 0; i < fixedNode.size(); i++) {
      JsonNode f = fixedNode.get(i);
      String at = "statutory.fixedDays[" + i + "]";
      fixed.add(new StatutoryRules.FixedDay(monthDay(required(f, "monthDay", at), at),
          required(f, "name", at), text(f, "note")));
    }
    List<StatutoryRules.LunarDay> lunar = new ArrayList<>();
    JsonNode lunarNode = node.path("lunarDays");
    for (int i = 0; i < lunarNode.size(); i++) {
      JsonNode l = lunarNode.get(i);
      String at = "statutory.lunarDays[" + i + "]";
      int month = intValue(l, "lunarMonth", at, 1, 12);
      int day = intValue(l, "lunarDay", at, 1, 29);
      lunar.add(new StatutoryRules.LunarDay(month, day, required(l, "name", at), text(l, "note")));
    }
    StatutoryRules.TetRule tet = defaults.tet();
    if (node.has("tet")) {
      JsonNode t = node.get("tet");
      tet = new StatutoryRules.TetRule(required(t, "name", "statutory.tet"),
          intValue(t, "daysBefore", "statutory.tet", 0, 10),
          intValue(t, "daysFrom", "statutory.tet", 1, 10));
    }
    StatutoryRules.CultureDay culture = defaults.cultureDay();
    if (node.has("cultureDay")) {
      JsonNode c = node.get("cultureDay");
      culture = c.isNull() ? null : new StatutoryRules.CultureDay(
          monthDay(required(c, "monthDay", "statutory.cultureDay"), "statutory.cultureDay"),
          required(c, "name", "statutory.cultureDay"),
          intValue(c, "fromYear", "statutory.cultureDay", LunarCalendar.MIN_YEAR,
              LunarCalendar.MAX_YEAR),
          text(c, "note"));
    }
    String source = text(node, "source");
    String compensationName = text(node, "compensationName");
    return new StatutoryRules(
        source == null ? defaults.source() : source,
        node.has("fixedDays") ? fixed : defaults.fixedDays(),
        node.has("lunarDays") ? lunar : defaults.lunarDays(),
        tet,
        !node.has("weekendCompensation") || node.get("weekendCompensation").asBoolean(true),
        compensationName == null ? defaults.compensationName() : compensationName,
        culture);
  }

  private static MonthDay monthDay(String text, String at) {
    try {
      return MonthDay.parse("--" + text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(at + ".monthDay: '" + text + "' is not MM-DD");
    }
  }

  private static int intValue(JsonNode node, String field, String at, int min, int max) {
    JsonNode v = node.get(field);
    if (v == null || !v.canConvertToInt()) {
      throw new IllegalArgumentException(at + "." + field + " must be an integer");
    }
    int value = v.asInt();
    if (value < min || value > max) {
      throw new IllegalArgumentException(at + "." + field + " must be " + min + "–" + max);
    }
    return value;
  }

  private static String required(JsonNode node, String field, String at) {
    String value = text(node, field);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(at + "." + field + " is missing");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
