package vn.motcua.calendar;

import java.util.Map;
import org.springframework.http.HttpStatus;
import vn.motcua.web.ClientError;

/**
 * Bad input to the working-day calendar: a negative number of days, a missing instant, a date outside
 * the supported range 1900–2100, an unknown argument type or malformed calendar data.
 *
 * <p>{@link #getMessage()} is a technical English message for logs; {@link #userMessage()} is the
 * Vietnamese text a user may read. {@link #fields()} maps input field names to Vietnamese messages when
 * the error concerns specific fields of a request. As a {@link ClientError} it answers HTTP 400 (bad calendar
 * input anywhere: admin endpoints, deadline expressions) with the technical message as its {@code error}.
 */
public class CalendarException extends RuntimeException implements ClientError {

  private final String userMessage;
  private final Map<String, String> fields;

  public CalendarException(String message, String userMessage) {
    this(message, userMessage, Map.of(), null);
  }

  public CalendarException(String message, String userMessage, Throwable cause) {
    this(message, userMessage, Map.of(), cause);
  }

  public CalendarException(String message, String userMessage, Map<String, String> fields) {
    this(message, userMessage, fields, null);
  }

  private CalendarException(
      String message, String userMessage, Map<String, String> fields, Throwable cause) {
    super(message, cause);
    this.userMessage = userMessage;
    this.fields = fields == null ? Map.of() : Map.copyOf(fields);
  }

  @Override
  public HttpStatus status() {
    return HttpStatus.BAD_REQUEST;
  }

  @Override
  public String code() {
    return getMessage();
  }

  /** Vietnamese message for the user. */
  @Override
  public String userMessage() {
    return userMessage;
  }

  /** Field name → Vietnamese message; empty when the error does not concern request fields. */
  @Override
  public Map<String, String> fields() {
    return fields;
  }

  static CalendarException negative(String what, long value) {
    return new CalendarException(
        what + " must not be negative, got " + value,
        "Số ngày/giờ làm việc không được là số âm (giá trị nhận được: " + value + ").");
  }

  static CalendarException missing(String what) {
    return new CalendarException(
        what + " must not be null", "Thiếu thời điểm cần tính (" + what + ").");
  }

  static CalendarException yearOutOfRange(int year) {
    return new CalendarException(
        "Year " + year + " is outside the supported range "
            + LunarCalendar.MIN_YEAR + "–" + LunarCalendar.MAX_YEAR,
        "Năm " + year + " nằm ngoài phạm vi lịch được hỗ trợ ("
            + LunarCalendar.MIN_YEAR + "–" + LunarCalendar.MAX_YEAR + ").");
  }
}
