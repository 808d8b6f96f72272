package vn.motcua.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.motcua.citizen.CitizenService;
import vn.motcua.citizen.ClientThrottle;
import vn.motcua.dossier.Dossier;
import vn.motcua.security.DossierAccess;
import vn.motcua.security.Officer;
import vn.motcua.web.ApiException;

/**
 * Fees over HTTP (docs/fees.md): the citizen starts an online payment, the gateway calls back, a supervisor
 * reconciles a day.
 */
@RestController
@Tag(name = "Lệ phí", description = "Nộp lệ phí trực tuyến qua cổng thanh toán, thông báo kết quả từ cổng, đối soát "
    + "trong ngày. / Online fee payment, the gateway's callback, the day's reconciliation.")
public class FeeController {
  private final FeeService fees;
  private final CitizenService citizens;
  private final ClientThrottle throttle;
  private final DossierAccess access;
  private final ObjectMapper json;

  public FeeController(FeeService fees, CitizenService citizens, ClientThrottle throttle, DossierAccess access,
      ObjectMapper json) {
    this.fees = fees;
    this.citizens = citizens;
    this.throttle = throttle;
    this.access = access;
    this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** The second factor: the phone number on file, the lookup PIN or a one-time code. */
  public record SecretRequest(String secret) {}

  @Operation(summary = "Nộp lệ phí trực tuyến",
      description = "Khi hồ sơ đang chờ nộp lệ phí: tạo giao dịch tại cổng thanh toán và trả về `redirectUrl` để chuyển "
          + "người nộp sang trang thanh toán. Cần mã hồ sơ và số điện thoại hoặc mã tra cứu.")
  @PostMapping(path = "/api/public/dossiers/{code}/payment", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<FeeService.OnlinePayment> startOnline(@PathVariable String code,
      @RequestBody(required = false) SecretRequest body, HttpServletRequest request) {
    Dossier d = citizens.authenticate(code, body == null ? null : body.secret(), throttle.client(request));
    String base = ServletUriComponentsBuilder.fromContextPath(request).replacePath(request.getContextPath())
        .build().toUriString();
    return ResponseEntity.status(201).body(fees.startOnline(d, base, CitizenService.ACTOR));
  }

  @Operation(summary = "Thông báo kết quả thanh toán từ cổng thanh toán",
      description = "Cổng thanh toán gọi khi giao dịch được thanh toán hoặc bị hủy; ký HMAC-SHA256 trong tiêu đề "
          + "`X-Signature` trên chuỗi `paymentRef|transactionId|amount|status|timestamp|nonce`. Thông báo giả mạo, quá "
          + "hạn hoặc không khớp bị từ chối (4xx) và ghi lại; thông báo lặp lại được trả lời `ALREADY_PROCESSED`.")
  @PostMapping(path = "/api/public/payments/callback", consumes = MediaType.APPLICATION_JSON_VALUE)
  public FeeService.CallbackAnswer callback(@RequestBody(required = false) String body,
      @RequestHeader(value = "X-Signature", required = false) String signature, HttpServletRequest request) {
    FeeService.Callback callback = null;
    if (body != null && !body.isBlank()) {
      try {
        callback = json.readValue(body, FeeService.Callback.class);
      } catch (JsonProcessingException e) {
        callback = null;
      }
    }
    return fees.callback(callback, signature, body, throttle.client(request));
  }

  @Operation(summary = "Đối soát giao dịch lệ phí trong ngày",
      description = "So sánh giao dịch cổng thanh toán đã quyết toán trong ngày với hệ thống; giao dịch cổng đã ghi nhận "
          + "mà hệ thống chưa nhận thông báo được ghi nhận ngay. Cán bộ giám sát hoặc quản trị.")
  @PostMapping("/api/admin/payments/reconciliation")
  public FeeService.Reconciliation reconcile(@RequestParam(required = false) String date, Officer officer) {
    access.reportableUnits(officer);
    LocalDate day;
    try {
      day = LocalDate.parse(date == null ? "" : date.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("Ngày đối soát không hợp lệ.", Map.of("date", "Nhập ngày dạng YYYY-MM-DD."));
    }
    return fees.reconcile(day, officer.userId());
  }
}
