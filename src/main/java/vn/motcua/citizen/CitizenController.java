package vn.motcua.citizen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.RegistrationCheck.OnlineSubmission;
import vn.motcua.files.DossierFiles.Upload;
import vn.motcua.web.ApiException;
import vn.motcua.web.ApiExceptionHandler;

/**
 * The public API for citizens and the national public-service portal, without login: online submission,
 * lookup with a second factor, supplements, evaluation, public statistics. Described by OpenAPI at
 * {@code /v3/api-docs/public} (browsable at {@code /swagger-ui.html}). Errors: JSON
 * {@code {status, error, message, fields}} in Vietnamese, never a 500 for bad input.
 */
@RestController
@RequestMapping("/api/public")
@Tag(name = "Công dân", description = "Nộp hồ sơ trực tuyến, tra cứu, bổ sung, đánh giá")
public class CitizenController {
  private final CitizenService citizens;
  private final PublicDossiers views;
  private final ClientThrottle throttle;
  private final ObjectMapper json;

  public CitizenController(CitizenService citizens, PublicDossiers views, ClientThrottle throttle, ObjectMapper json) {
    this.citizens = citizens;
    this.views = views;
    this.throttle = throttle;
    this.json = json;
  }

  /** The answer to a submission: the code and PIN the applicant keeps, and where to follow the dossier. */
  public record SubmissionReceipt(String code, String lookupPin, int status, String statusName,
      String receivingUnitName, Instant receivedAt, String statusPage, boolean replayed, String portalDossierNumber) {}

  @Operation(summary = "Nộp hồ sơ trực tuyến",
      description = "multipart/form-data: phần `dossier` (JSON: procedureKey, receivingUnit, applicant, requestSummary, "
          + "documents) và một hoặc nhiều phần `files` (PDF, JPG, PNG; tối đa 10 MB mỗi tệp). Hồ sơ vào hàng chờ "
          + "tiếp nhận của Bộ phận Một cửa với kênh \"Trực tuyến\". Gửi lại cùng `Idempotency-Key` và cùng nội dung "
          + "trả về đúng hồ sơ đã tạo (200) thay vì tạo hồ sơ thứ hai.",
      responses = {
          @ApiResponse(responseCode = "201", description = "Đã nhận hồ sơ"),
          @ApiResponse(responseCode = "200", description = "Gửi lại cùng khóa: hồ sơ đã tạo trước đó"),
          @ApiResponse(responseCode = "400", description = "Dữ liệu chưa hợp lệ (chi tiết theo trường)"),
          @ApiResponse(responseCode = "413", description = "Tệp quá lớn"),
          @ApiResponse(responseCode = "422", description = "Khóa chống gửi trùng đã dùng cho nội dung khác"),
          @ApiResponse(responseCode = "429", description = "Gửi quá nhiều lần")})
  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
      schema = @Schema(implementation = SubmissionForm.class),
      encoding = @Encoding(name = "dossier", contentType = MediaType.APPLICATION_JSON_VALUE)))
  @PostMapping(path = "/dossiers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<SubmissionReceipt> submit(
      @RequestPart("dossier") String dossier,
      @RequestPart(value = "files", required = false) List<MultipartFile> files,
      @Parameter(description = "Khóa chống gửi trùng do máy khách tạo (nên dùng UUID)")
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
      @Parameter(description = "Số hồ sơ của Cổng Dịch vụ công quốc gia, khi Cổng chuyển hồ sơ đến (docs/portal.md); "
          + "lưu bên cạnh mã hồ sơ của hệ thống, gửi lại không tạo hồ sơ thứ hai")
      @RequestHeader(value = "X-Portal-Dossier-Number", required = false) String portalDossierNumber,
      HttpServletRequest request) {
    singleParts(request, "dossier");
    OnlineSubmission submission = parse(dossier, OnlineSubmission.class, "dossier");
    CitizenService.Submitted s = citizens.submit(submission, uploads(files), idempotencyKey, portalDossierNumber,
        throttle.client(request));
    Dossier d = s.dossier();
    SubmissionReceipt receipt = new SubmissionReceipt(d.code(), s.lookupPin(), d.status().code(), d.status().label(),
        views.of(d).receivingUnitName(), d.receivedAt(), "/tra-cuu/?ma=" + d.code(), s.replayed(),
        citizens.portalDossierNumber(d.id()));
    return ResponseEntity.status(s.replayed() ? 200 : 201).body(receipt);
  }

  /** The multipart body of a submission, for the OpenAPI description. */
  @Schema(name = "SubmissionForm")
  public record SubmissionForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) OnlineSubmission dossier,
      @Schema(type = "array", format = "binary") List<String> files) {}

  /** The lookup: the dossier code and the second factor (phone number on file or lookup PIN). */
  public record LookupRequest(
      @Schema(example = "000.01.30.H60-261102-0001") String code,
      @Schema(description = "Số điện thoại đã khai khi nộp hoặc mã tra cứu 6 số in trên giấy tiếp nhận",
          example = "0912345678") String secret) {}

  @Operation(summary = "Tra cứu tình trạng hồ sơ",
      description = "Cần mã hồ sơ và số điện thoại đã khai: chỉ xem tiến độ (`details` false). Với mã tra cứu in trên "
          + "giấy tiếp nhận hoặc mã xác thực gửi qua tin nhắn: xem cả chi tiết (kết quả, nội dung cần bổ sung). Sai "
          + "thông tin xác minh được trả lời giống hệt mã không tồn tại (404); sau nhiều lần sai, máy khách phải chờ (429).")
  @PostMapping(path = "/dossiers/lookup", consumes = MediaType.APPLICATION_JSON_VALUE)
  public PublicDossier lookup(@RequestBody LookupRequest body, HttpServletRequest request) {
    if (body == null) {
      throw ApiException.invalid("Thiếu thông tin tra cứu.", Map.of("code", "Cần nhập mã hồ sơ."));
    }
    CitizenService.Verified v = citizens.verify(body.code(), body.secret(), throttle.client(request));
    return views.of(v.dossier(), v.details());
  }

  /** A one-time code request: the phone number on file. */
  public record CodeRequest(@Schema(description = "Số điện thoại đã khai khi nộp hồ sơ", example = "0912345678")
      String secret) {}

  @Operation(summary = "Gửi mã xác thực qua tin nhắn",
      description = "Gửi mã 6 số đến số điện thoại đã khai của hồ sơ (cần mã hồ sơ và đúng số điện thoại đó); mã dùng "
          + "một lần trong 10 phút, nhập vào ô \"secret\" của tra cứu để xem chi tiết hồ sơ. Tối đa 3 mã mỗi giờ.",
      responses = {
          @ApiResponse(responseCode = "202", description = "Đã gửi mã"),
          @ApiResponse(responseCode = "404", description = "Sai mã hồ sơ hoặc số điện thoại"),
          @ApiResponse(responseCode = "409", description = "Chưa gửi được tin nhắn"),
          @ApiResponse(responseCode = "429", description = "Yêu cầu quá nhiều lần")})
  @PostMapping(path = "/dossiers/{code}/one-time-code", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<CitizenService.CodeSent> oneTimeCode(@PathVariable String code,
      @RequestBody(required = false) CodeRequest body, HttpServletRequest request) {
    CitizenService.CodeSent sent = citizens.sendOneTimeCode(code, body == null ? null : body.secret(),
        throttle.client(request));
    return ResponseEntity.status(202).body(sent);
  }

  @Operation(summary = "Gửi hồ sơ bổ sung",
      description = "Khi hồ sơ đang chờ bổ sung: multipart/form-data gồm `secret` (số điện thoại hoặc mã tra cứu), "
          + "`note` (không bắt buộc) và một hoặc nhiều `files`. Hồ sơ tiếp tục được xử lý ngay.")
  @PostMapping(path = "/dossiers/{code}/supplements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public PublicDossier supplement(@PathVariable String code, @RequestParam(value = "secret", required = false) String secret,
      @RequestParam(value = "note", required = false) String note,
      @RequestPart(value = "files", required = false) List<MultipartFile> files, HttpServletRequest request) {
    singleParts(request, "secret", "note");
    return views.of(citizens.supplement(code, secret, note, uploads(files), throttle.client(request)));
  }

  /** The stop request: the second factor that shows the details, and the reason (optional). */
  public record StopRequestBody(
      @Schema(description = "Mã tra cứu in trên giấy tiếp nhận hoặc mã dùng một lần gửi qua tin nhắn", example = "123456")
      String secret,
      @Schema(description = "Lý do dừng giải quyết (không bắt buộc, tối đa 2000 ký tự)") String reason) {}

  /** The answer to a stop request. */
  public record StopRequestReceipt(String code, int status, String statusName, Instant requestedAt, boolean replayed,
      String message) {}

  @Operation(summary = "Yêu cầu dừng giải quyết (rút) hồ sơ",
      description = "Nghị định 118/2025, Điều 21: trước khi có quyết định, người nộp yêu cầu dừng giải quyết hồ sơ với mã "
          + "hồ sơ và mã tra cứu (hoặc mã dùng một lần). Bộ phận Một cửa nơi tiếp nhận xác nhận yêu cầu; hồ sơ kết thúc "
          + "với trạng thái 7 (Công dân rút hồ sơ). Gửi lại khi yêu cầu đang chờ xác nhận trả về đúng yêu cầu đó (200).",
      responses = {
          @ApiResponse(responseCode = "202", description = "Đã nhận yêu cầu, chờ Bộ phận Một cửa xác nhận"),
          @ApiResponse(responseCode = "200", description = "Yêu cầu đã gửi trước đó và đang chờ xác nhận"),
          @ApiResponse(responseCode = "400", description = "Dữ liệu chưa hợp lệ"),
          @ApiResponse(responseCode = "403", description = "Số điện thoại không đủ để dừng giải quyết hồ sơ"),
          @ApiResponse(responseCode = "404", description = "Sai mã hồ sơ hoặc mã tra cứu"),
          @ApiResponse(responseCode = "409", description = "Hồ sơ đã có quyết định hoặc đã kết thúc"),
          @ApiResponse(responseCode = "429", description = "Yêu cầu quá nhiều lần")})
  @PostMapping(path = "/dossiers/{code}/stop-request", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<StopRequestReceipt> stopRequest(@PathVariable String code,
      @RequestBody(required = false) StopRequestBody body, HttpServletRequest request) {
    CitizenService.StopRequested r = citizens.requestStop(code, body == null ? null : body.secret(),
        body == null ? null : body.reason(), throttle.client(request));
    Dossier d = r.dossier();
    return ResponseEntity.status(r.replayed() ? 200 : 202).body(new StopRequestReceipt(d.code(), d.status().code(),
        d.status().label(), r.requestedAt(), r.replayed(), "Đã nhận yêu cầu dừng giải quyết hồ sơ; Bộ phận Một cửa nơi "
            + "tiếp nhận sẽ xác nhận. Theo dõi kết quả tại trang tra cứu hồ sơ."));
  }

  /** The evaluation: second factor, rating 1–3, optional comment. */
  public record EvaluationRequest(String secret,
      @Schema(description = "3 hài lòng, 2 bình thường, 1 không hài lòng", allowableValues = {"1", "2", "3"})
      Integer rating, String comment) {}

  @Operation(summary = "Đánh giá việc giải quyết hồ sơ",
      description = "Sau khi đã nhận kết quả; mỗi hồ sơ đánh giá một lần.")
  @PostMapping(path = "/dossiers/{code}/evaluation", consumes = MediaType.APPLICATION_JSON_VALUE)
  public PublicDossier evaluate(@PathVariable String code, @RequestBody EvaluationRequest body,
      HttpServletRequest request) {
    if (body == null) {
      throw ApiException.invalid("Thiếu nội dung đánh giá.", Map.of("rating", "Cần chọn mức đánh giá."));
    }
    return views.of(citizens.evaluate(code, body.secret(), body.rating(), body.comment(), throttle.client(request)));
  }

  private <T> T parse(String text, Class<T> type, String part) {
    if (text == null || text.isBlank()) {
      throw ApiException.invalid("Thiếu thông tin hồ sơ.", Map.of(part, "Cần gửi phần \"" + part + "\" dạng JSON."));
    }
    try {
      return json.readValue(text, type);
    } catch (JsonMappingException e) {
      String field = ApiExceptionHandler.fieldOf(e);
      throw ApiException.invalid("Phần \"" + part + "\" có trường sai kiểu dữ liệu.",
          Map.of(field.isEmpty() ? part : field, "Sai kiểu dữ liệu (ví dụ số lẻ ở chỗ cần số nguyên) hoặc trường "
              + "không được hỗ trợ."));
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("Phần \"" + part + "\" không phải JSON hợp lệ.",
          Map.of(part, "Không đọc được JSON."));
    }
  }

  /** A part that must come once: sent twice, the request is ambiguous (which one counts?) and refused. */
  private static void singleParts(HttpServletRequest request, String... names) {
    Map<String, String> errors = new LinkedHashMap<>();
    Collection<Part> parts = parts(request);
    for (String name : names) {
      if (parts.stream().filter(p -> name.equals(p.getName())).count() > 1) {
        errors.put(name, "Phần \"" + name + "\" chỉ được gửi một lần.");
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Yêu cầu gửi trùng một phần chỉ được gửi một lần.", errors);
    }
  }

  private static Collection<Part> parts(HttpServletRequest request) {
    try {
      return request.getParts();
    } catch (IOException | ServletException | IllegalStateException e) {
      throw ApiException.invalid("Nội dung multipart/form-data bị lỗi định dạng.",
          Map.of("body", "Không đọc được các phần của yêu cầu."));
    }
  }

  private static List<Upload> uploads(List<MultipartFile> files) {
    if (files == null) {
      return List.of();
    }
    return files.stream().map(f -> new Upload(f.getOriginalFilename(), f.getSize(), f::getInputStream)).toList();
  }
}
