package vn.motcua.procedure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reasons Camunda gives for a migration plan or a process instance that cannot be migrated, in
 * Vietnamese for the process admin; a reason not known here is shown as Camunda wrote it, marked as such.
 */
final class MigrationMessages {
  private MigrationMessages() {}

  private static final Map<Pattern, String> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put(Pattern.compile("(?is).*There is no migration instruction for this instance's activity.*"),
        "hoạt động đang mở không có trong phiên bản mới (không có chỉ dẫn chuyển với cùng mã hoạt động); hãy giữ "
            + "hoạt động đó với cùng id trong phiên bản mới, hoặc để hồ sơ hoàn thành ở phiên bản cũ.");
    KNOWN.put(Pattern.compile("(?is).*Activities have incompatible types.*"),
        "hai hoạt động cùng mã nhưng khác loại (ví dụ một công việc người dùng thành một công việc dịch vụ); hãy đặt mã mới "
            + "cho hoạt động đã đổi loại.");
    KNOWN.put(Pattern.compile("(?is).*must be mapped.*"),
        "phạm vi cha của hoạt động (tiến trình con, cổng hay sự kiện bao quanh) cũng phải có trong phiên bản mới với cùng mã.");
    KNOWN.put(Pattern.compile("(?is).*multi-instance.*"),
        "hoạt động nhiều lượt (multi-instance) đã thay đổi cấu trúc; không chuyển được tự động.");
    KNOWN.put(Pattern.compile("(?is).*(source|target) activity.*does not exist.*"),
        "hoạt động không tồn tại trong một trong hai phiên bản.");
    KNOWN.put(Pattern.compile("(?is).*event.*(trigger|subscription).*"),
        "sự kiện (hẹn giờ, thông điệp) của hoạt động đã đổi định nghĩa; cần chuyển kèm cập nhật sự kiện.");
    KNOWN.put(Pattern.compile("(?is).*is suspended.*"), "phiên bản hoặc hồ sơ đang bị tạm ngừng.");
  }

  static String vietnamese(String camunda) {
    if (camunda == null || camunda.isBlank()) {
      return "không chuyển được (Camunda không nêu lý do).";
    }
    for (var e : KNOWN.entrySet()) {
      Matcher m = e.getKey().matcher(camunda);
      if (m.matches()) {
        return e.getValue() + " (Camunda: " + camunda.strip() + ")";
      }
    }
    return "không chuyển được theo kiểm tra của Camunda: " + camunda.strip();
  }
}
