package vn.motcua.calendar;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.web.TextInput;

/**
 * Administration of the working-day calendar. Access control for {@code /api/admin/**} is configured
 * elsewhere; the acting user is taken from the request's principal when there is one.
 */
@RestController
@RequestMapping("/api/admin/calendar")
public class CalendarAdminController {

  private final WorkingCalendar calendar;
  private final DeadlineExpressions times;

  public CalendarAdminController(WorkingCalendar calendar) {
    this.calendar = calendar;
    this.times = new DeadlineExpressions(calendar);
  }

  /** A special day as shown to administrators. */
  public record DayView(
      String date, String dayOfWeek, String kind, String name, String note, String source) {
    static DayView of(CalendarDay d) {
      return new DayView(d.date().toString(), d.date().getDayOfWeek().name(), d.kind().name(),
          d.name(), d.note(), d.source().name());
    }
  }

  /** Body of {@code POST /days}. */
  public record DayRequest(String date, String kind, String name, String note) {}

  /** Days off and make-up days of a year, with their source (FILE, COMPUTED, ADMIN). */
  @GetMapping("/days")
  public Map<String, Object> days(@RequestParam("year") int year) {
    HolidaySchedule schedule = calendar.schedule();
    List<DayView> days = schedule.daysOf(year).stream().map(DayView::of).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("year", year);
    body.put("published", schedule.fileYears().contains(year));
    body.put("days", days);
    return body;
  }

  /** Adds or replaces an administrator-defined day. */
  @PostMapping("/days")
  public DayView save(@RequestBody(required = false) DayRequest request, Principal principal) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (request == null) {
      throw new CalendarException("Request body is missing", "Thiếu nội dung yêu cầu.");
    }
    LocalDate date = null;
    if (request.date() == null || request.date().isBlank()) {
      errors.put("date", "Ngày là bắt buộc (định dạng yyyy-MM-dd).");
    } else {
      try {
        date = LocalDate.parse(request.date().trim());
        if (date.getYear() < LunarCalendar.MIN_YEAR || date.getYear() > LunarCalendar.MAX_YEAR) {
          errors.put("date", "Năm phải trong khoảng " + LunarCalendar.MIN_YEAR + "–"
              + LunarCalendar.MAX_YEAR + ".");
        }
      } catch (DateTimeParseException e) {
        errors.put("date", "Ngày không hợp lệ: '" + request.date() + "' (định dạng yyyy-MM-dd).");
      }
    }
    DayKind kind = DayKind.parse(request.kind());
    if (kind == null) {
      errors.put("kind", "Loại ngày không hợp lệ: '" + request.kind()
          + "' (chỉ nhận DAY_OFF hoặc MAKEUP_WORKING_DAY).");
    }
    if (request.name() == null || request.name().isBlank()) {
      errors.put("name", "Tên ngày là bắt buộc.");
    } else if (request.name().trim().length() > 200) {
      errors.put("name", "Tên ngày tối đa 200 ký tự.");
    } else if (TextInput.badOneLine(request.name())) {
      errors.put("name", "Tên ngày không được chứa ký tự điều khiển, ký tự vô hình (zero-width, đảo chiều văn bản "
          + "như U+202E) hay dấu thanh đứng riêng.");
    }
    if (request.note() != null && request.note().length() > 500) {
      errors.put("note", "Ghi chú tối đa 500 ký tự.");
    } else if (TextInput.badMultiLine(request.note())) {
      errors.put("note", "Ghi chú không được chứa ký tự điều khiển hay ký tự vô hình.");
    }
    if (!errors.isEmpty()) {
      throw new CalendarException("Invalid calendar day: " + errors.keySet(),
          "Dữ liệu ngày không hợp lệ.", errors);
    }
    String user = principal == null ? null : principal.getName();
    AdminDay day = new AdminDay(date, kind, TextInput.oneLine(request.name()), TextInput.multiLine(request.note()), user,
        OffsetDateTime.now(calendar.properties().zone()));
    calendar.saveAdminDay(day);
    return DayView.of(day.toCalendarDay());
  }

  /** Removes an administrator-defined day. */
  @DeleteMapping("/days/{date}")
  public ResponseEntity<Void> delete(@PathVariable("date") String date) {
    LocalDate day;
    try {
      day = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new CalendarException("Invalid date " + date, "Ngày không hợp lệ: '" + date
          + "' (định dạng yyyy-MM-dd).", Map.of("date", "Ngày không hợp lệ."));
    }
    if (!calendar.deleteAdminDay(day)) {
      throw new NotFound(day);
    }
    return ResponseEntity.noContent().build();
  }

  /** The deadline {@code days} working days after {@code from}, with and without the 15:00 cut-off. */
  @GetMapping("/working-days")
  public Map<String, Object> workingDays(
      @RequestParam("from") String from, @RequestParam("days") int days) {
    Instant start = times.toInstant(from, "from");
    Instant counting = calendar.startOfCounting(start);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", format(start));
    body.put("days", days);
    body.put("deadline", format(calendar.addWorkingDays(start, days)));
    body.put("startOfCounting", format(counting));
    body.put("deadlineFromStartOfCounting", format(calendar.addWorkingDays(counting, days)));
    return body;
  }

  /** Holiday file location, last reload time and error. */
  @GetMapping("/status")
  public Map<String, Object> status() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("holidayFile", calendar.holidayFileLocation());
    body.put("holidayFileSha256", calendar.holidayFileChecksum());
    body.put("publishedYears", calendar.schedule().fileYears());
    body.put("adminDays", calendar.adminDays().size());
    body.put("lastReloadAt", calendar.lastReloadAt() == null ? null : format(calendar.lastReloadAt()));
    body.put("lastReloadError", calendar.lastReloadError());
    body.put("reloadInterval", calendar.properties().reloadInterval().toString());
    return body;
  }

  private String format(Instant instant) {
    return instant.atZone(calendar.properties().zone()).toOffsetDateTime().toString();
  }

  /** No administrator-defined day for a date. */
  static final class NotFound extends CalendarException {
    NotFound(LocalDate date) {
      super("No admin-defined calendar day on " + date,
          "Không có ngày do quản trị viên thêm vào ngày " + date + ".");
    }

    /** 404 for a missing admin day (every other calendar error is a 400). */
    @Override
    public HttpStatus status() {
      return HttpStatus.NOT_FOUND;
    }
  }
}
