package vn.motcua.accesslog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.calendar.OfficeZone;
import vn.motcua.citizen.CitizenService;
import vn.motcua.citizen.ClientThrottle;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.security.DossierAccess;
import vn.motcua.security.Officer;
import vn.motcua.web.ApiException;

/**
 * The access log over HTTP (docs/personal-data.md): the supervisors' view of their units' dossiers, and the
 * citizen's view of who opened their dossier and the download of their own data.
 */
@RestController
@Tag(name = "Nhật ký truy cập dữ liệu cá nhân", description = "Ai đã xem hồ sơ nào, khi nào, qua màn hình nào; "
    + "người nộp xem ai đã mở hồ sơ của mình và tải dữ liệu của mình. / Who read which dossier, when, through which "
    + "screen; the citizen's view and own-data download.")
public class AccessLogController {
  private final AccessLog accessLog;
  private final DossierAccess access;
  private final CitizenService citizens;
  private final ClientThrottle throttle;
  private final OwnData ownData;
  private final DossierService dossiers;

  public AccessLogController(AccessLog accessLog, DossierAccess access, CitizenService citizens,
      ClientThrottle throttle, OwnData ownData, DossierService dossiers) {
    this.accessLog = accessLog;
    this.access = access;
    this.citizens = citizens;
    this.throttle = throttle;
    this.ownData = ownData;
    this.dossiers = dossiers;
  }

  /** One entry as a supervisor reads it. */
  public record Entry(String accessedAt, String dossierCode, String officer, String officerName, String unit,
      String unitName, String screen, String screenName, String detail) {}

  @Operation(summary = "Nhật ký truy cập hồ sơ của đơn vị",
      description = "Cán bộ giám sát xem ai đã đọc dữ liệu cá nhân của hồ sơ thuộc đơn vị mình (giám sát tỉnh: mọi đơn "
          + "vị), mới nhất trước; lọc theo `unit`, `code`, `from`/`to` (YYYY-MM-DD), `page`, `size` (tối đa 200).")
  @GetMapping("/api/access-log")
  public List<Entry> search(@RequestParam(required = false) String unit, @RequestParam(required = false) String code,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Officer officer) {
    Set<String> units = access.reportableUnits(officer, unit);
    int n = size == null ? 50 : size;
    int p = page == null ? 0 : page;
    if (n < 1 || n > 200 || p < 0) {
      throw ApiException.invalid("Điều kiện tìm kiếm chưa hợp lệ.", Map.of("size", "Từ 1 đến 200; page từ 0."));
    }
    Instant fromAt = day(from, "from");
    Instant toAt = day(to, "to");
    if (toAt != null) {
      toAt = toAt.plusSeconds(86_400);
    }
    return accessLog.search(units, code == null || code.isBlank() ? null : code.strip(), fromAt, toAt, n, p * n)
        .stream().map(e -> new Entry(vn.motcua.dossier.Format.dateTime(e.accessedAt()), e.dossierCode(), e.officer(),
            e.officerName(), e.unit(), accessLog.unitName(e.unit()), e.screen().name(), e.screen().label(), e.detail()))
        .toList();
  }

  private static Instant day(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip()).atStartOfDay(OfficeZone.get()).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("Điều kiện tìm kiếm chưa hợp lệ.", Map.of(field, "Nhập ngày dạng YYYY-MM-DD."));
    }
  }

  /** The second factor: the lookup PIN on the receipt or a one-time code sent by SMS. */
  public record SecretRequest(String secret) {}

  /** One opening of the citizen's dossier, as the citizen reads it. */
  public record Opening(String openedAt, String officerName, String unitName, String screen) {}

  @Operation(summary = "Ai đã xem hồ sơ của tôi",
      description = "Người nộp, với mã hồ sơ và mã tra cứu in trên giấy tiếp nhận hoặc mã xác thực gửi qua tin nhắn, "
          + "xem cán bộ nào, thuộc đơn vị nào, đã mở hồ sơ, khi nào và qua màn hình nào. Số điện thoại không đủ.")
  @PostMapping(path = "/api/public/dossiers/{code}/access-log", consumes = MediaType.APPLICATION_JSON_VALUE)
  public List<Opening> citizenView(@PathVariable String code, @RequestBody(required = false) SecretRequest body,
      HttpServletRequest request) {
    Dossier d = strong(code, body, request);
    return accessLog.ofDossier(d.id()).stream().map(e -> new Opening(vn.motcua.dossier.Format.dateTime(e.accessedAt()),
        e.officerName(), accessLog.unitName(e.unit()), e.screen().label())).toList();
  }

  @Operation(summary = "Tải dữ liệu cá nhân của tôi (JSON)",
      description = "Toàn bộ dữ liệu hệ thống lưu về hồ sơ của người nộp: thông tin người nộp, yêu cầu, giấy tờ, tệp, "
          + "lịch sử xử lý, lệ phí và nhật ký truy cập. Cần mã tra cứu hoặc mã xác thực gửi qua tin nhắn.")
  @PostMapping(path = "/api/public/dossiers/{code}/my-data", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> myData(@PathVariable String code,
      @RequestBody(required = false) SecretRequest body, HttpServletRequest request) {
    Dossier d = strong(code, body, request);
    Map<String, Object> data = new LinkedHashMap<>(ownData.of(d));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"du-lieu-ca-nhan-" + d.code() + ".json\"")
        .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8)).body(data);
  }

  /** The dossier, if the second factor is the lookup PIN or a one-time code (the phone number shows progress only). */
  private Dossier strong(String code, SecretRequest body, HttpServletRequest request) {
    CitizenService.Verified v = citizens.verify(code, body == null ? null : body.secret(), throttle.client(request));
    if (!v.details()) {
      throw ApiException.forbidden("Cần mã tra cứu in trên giấy tiếp nhận hoặc mã xác thực gửi qua tin nhắn để xem dữ "
          + "liệu cá nhân; số điện thoại chỉ cho xem tiến độ hồ sơ.");
    }
    return dossiers.get(v.dossier().id());
  }
}
