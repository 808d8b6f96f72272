package vn.motcua.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/**
 * The Vietnamese text and the short code of an HTTP error status, for the answers written where no
 * feature knows better: the framework's own refusals, the servlet container's error page
 * ({@link JsonErrorController}) and Tomcat's refusals before any servlet ({@link JsonErrorReportValve}).
 */
public final class HttpErrors {
  private HttpErrors() {}

  public static String code(int status) {
    HttpStatus s = HttpStatus.resolve(status);
    return s == null ? "error" : s.name().toLowerCase(java.util.Locale.ROOT);
  }

  public static String message(int status) {
    return switch (status) {
      case 400 -> "Yêu cầu không hợp lệ: địa chỉ, tham số hoặc nội dung gửi lên sai định dạng.";
      case 401 -> "Cần đăng nhập để thực hiện thao tác này.";
      case 403 -> "Tài khoản của bạn không có quyền thực hiện thao tác này.";
      case 404 -> "Không tìm thấy địa chỉ được yêu cầu.";
      case 405 -> "Phương thức không được hỗ trợ cho địa chỉ này.";
      case 406 -> "Không thể trả lời theo định dạng được yêu cầu (Accept); hệ thống trả lời bằng JSON.";
      case 408 -> "Yêu cầu gửi lên quá chậm; vui lòng thử lại.";
      case 409 -> "Yêu cầu xung đột với trạng thái hiện tại của dữ liệu.";
      case 411 -> "Yêu cầu thiếu độ dài nội dung (Content-Length).";
      case 413 -> "Tệp hoặc yêu cầu gửi lên vượt quá dung lượng cho phép.";
      case 414 -> "Địa chỉ yêu cầu quá dài.";
      case 415 -> "Kiểu nội dung không được hỗ trợ.";
      case 429 -> "Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau.";
      case 431 -> "Phần đầu (header) của yêu cầu quá lớn.";
      case 503 -> "Hệ thống tạm thời không phục vụ được. Vui lòng thử lại sau.";
      default -> status >= 500
          ? "Hệ thống gặp lỗi ngoài dự kiến; yêu cầu chưa được thực hiện. Vui lòng thử lại sau."
          : "Yêu cầu không được chấp nhận.";
    };
  }

  /** The project's JSON error body for a status, as bytes (UTF-8). */
  public static byte[] json(int status, String message) {
    StringBuilder b = new StringBuilder("{\"status\":").append(status).append(",\"error\":\"").append(code(status))
        .append("\",\"message\":\"");
    escape(message, b);
    return b.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void escape(String s, StringBuilder b) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
  }
}
