package vn.motcua.petition.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
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
import vn.motcua.citizen.ClientThrottle;
import vn.motcua.files.DossierFiles;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.organisation.Role;
import vn.motcua.petition.Petition;
import vn.motcua.petition.PetitionService;
import vn.motcua.petition.engine.PetitionWorkflow;
import vn.motcua.web.ApiException;
import vn.motcua.web.ApiExceptionHandler;

/**
 * The public side of feedback and petitions (phản ánh, kiến nghị), without login: submit with files
 * (idempotent), follow with the code and the phone number given, send a clarification, and search the
 * published answers (personal data masked). Errors: the project's JSON error in Vietnamese.
 */
@RestController
@RequestMapping("/api/public/petitions")
@Tag(name = "Phản ánh, kiến nghị", description = "Gửi, theo dõi phản ánh, kiến nghị; tra cứu kết quả trả lời đã công khai")
public class PublicPetitionController {
  private final PetitionWorkflow workflow;
  private final PetitionService petitions;
  private final ClientThrottle throttle;
  private final OrganisationDirectory directory;
  private final ObjectMapper json;
  private final PetitionReceipts receipts;

  public PublicPetitionController(PetitionWorkflow workflow, PetitionService petitions, ClientThrottle throttle,
      OrganisationDirectory directory, ObjectMapper json, PetitionReceipts receipts) {
    this.receipts = receipts;
    this.workflow = workflow;
    this.petitions = petitions;
    this.throttle = throttle;
    this.directory = directory;
    this.json = json;
  }

  @Operation(summary = "Gửi phản ánh, kiến nghị",
      description = "multipart/form-data: phần `petition` (JSON: unit, dossierCode, name, phone, email, address, subject, "
          + "content) và các tệp `files` (PDF, JPG, PNG; không bắt buộc). Họ tên, số điện thoại, địa chỉ là bắt buộc và "
          + "không bao giờ được công khai. Gửi lại cùng `Idempotency-Key` và cùng nội dung trả về đúng phản ánh đã tạo (200).")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<PetitionViews.Receipt> submit(@RequestPart(value = "petition", required = false) String body,
      @RequestPart(value = "files", required = false) List<MultipartFile> files,
      @Parameter(description = "Khóa chống gửi trùng do máy khách tạo (nên dùng UUID)")
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey, HttpServletRequest request) {
    PetitionService.NewPetition in = parse(body);
    throttle.beforeSubmission(throttle.client(request));
    PetitionWorkflow.Submitted s = workflow.submit(in, Petition.Channel.ONLINE, uploads(files), idempotencyKey,
        "citizen", null);
    return ResponseEntity.status(s.replayed() ? 200 : 201).body(PetitionViews.receipt(s.petition(), petitions,
        s.replayed()));
  }

  /** The follow-up request: the petition's code and the phone number given. */
  public record Lookup(String code, String phone) {}

  @Operation(summary = "Theo dõi phản ánh, kiến nghị",
      description = "Mã phản ánh và số điện thoại đã khai; sai thông tin được trả lời như mã không tồn tại (404).")
  @PostMapping(path = "/lookup", consumes = MediaType.APPLICATION_JSON_VALUE)
  public PetitionViews.ForPetitioner lookup(@RequestBody(required = false) Lookup body, HttpServletRequest request) {
    if (body == null || body.code() == null || body.code().isBlank()) {
      throw ApiException.invalid("Thiếu thông tin tra cứu.", Map.of("code", "Cần nhập mã phản ánh, kiến nghị."));
    }
    String client = throttle.client(request);
    throttle.beforeLookup(client);
    try {
      return PetitionViews.forPetitioner(petitions.verify(body.code(), body.phone()), petitions);
    } catch (ApiException e) {
      throttle.failedLookup(client);
      throw e;
    }
  }

  @Operation(summary = "Tải phiếu tiếp nhận phản ánh, kiến nghị (PDF)",
      description = "Mã phản ánh và số điện thoại đã khai, như khi theo dõi; thông tin liên hệ trên phiếu được che một "
          + "phần. Sai thông tin được trả lời như mã không tồn tại (404).")
  @PostMapping(path = "/receipt", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE})
  public ResponseEntity<byte[]> receipt(@RequestBody(required = false) Lookup body, HttpServletRequest request) {
    if (body == null || body.code() == null || body.code().isBlank()) {
      throw ApiException.invalid("Thiếu thông tin tra cứu.", Map.of("code", "Cần nhập mã phản ánh, kiến nghị."));
    }
    String client = throttle.client(request);
    throttle.beforeLookup(client);
    Petition p;
    try {
      p = petitions.verify(body.code(), body.phone());
    } catch (ApiException e) {
      throttle.failedLookup(client);
      throw e;
    }
    return PetitionReceipts.response(receipts.pdf(p, true), p.code());
  }

  /** A clarification the agency asked for. */
  public record Clarification(String phone, String text) {}

  @Operation(summary = "Gửi nội dung làm rõ", description = "Khi cơ quan đề nghị làm rõ; cần số điện thoại đã khai.")
  @PostMapping(path = "/{code}/clarification", consumes = MediaType.APPLICATION_JSON_VALUE)
  public PetitionViews.ForPetitioner clarify(@PathVariable String code,
      @RequestBody(required = false) Clarification body, HttpServletRequest request) {
    if (body == null) {
      throw ApiException.invalid("Thiếu nội dung làm rõ.", Map.of("text", "Cần nhập nội dung làm rõ."));
    }
    String client = throttle.client(request);
    throttle.beforeLookup(client);
    try {
      return PetitionViews.forPetitioner(workflow.clarify(code, body.phone(), body.text()), petitions);
    } catch (ApiException e) {
      if (e.status().value() == 404) {
        throttle.failedLookup(client);
      }
      throw e;
    }
  }

  @Operation(summary = "Tra cứu kết quả trả lời đã công khai",
      description = "Tìm theo từ khóa trong tiêu đề hoặc nội dung trả lời; thông tin cá nhân đã được che.")
  @GetMapping("/answers")
  public List<PetitionViews.Published> answers(@RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return petitions.published(q, page, size).stream().map(p -> PetitionViews.published(p, petitions)).toList();
  }

  @Operation(summary = "Một kết quả trả lời đã công khai")
  @GetMapping("/answers/{code}")
  public PetitionViews.Published answer(@PathVariable String code) {
    return petitions.findByCode(code).filter(p -> p.publishedAt() != null)
        .map(p -> PetitionViews.published(p, petitions))
        .orElseThrow(() -> ApiException.notFound("Không có kết quả trả lời đã công khai với mã này."));
  }

  /** A unit that receives petitions, for the page's selector. */
  public record Unit(String key, String name) {}

  @Operation(summary = "Các cơ quan tiếp nhận phản ánh, kiến nghị")
  @GetMapping("/units")
  public List<Unit> units() {
    return directory.agencies().stream().filter(a -> a.hasRole(Role.RECEPTION)).map(a -> new Unit(a.key(), a.name()))
        .toList();
  }

  private PetitionService.NewPetition parse(String text) {
    if (text == null || text.isBlank()) {
      throw ApiException.invalid("Thiếu nội dung phản ánh, kiến nghị.",
          Map.of("petition", "Cần gửi phần \"petition\" dạng JSON."));
    }
    try {
      return json.readValue(text, PetitionService.NewPetition.class);
    } catch (JsonMappingException e) {
      String field = ApiExceptionHandler.fieldOf(e);
      throw ApiException.invalid("Phần \"petition\" có trường sai kiểu dữ liệu.",
          Map.of(field.isEmpty() ? "petition" : field, "Sai kiểu dữ liệu hoặc trường không được hỗ trợ."));
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("Phần \"petition\" không phải JSON hợp lệ.", Map.of("petition", "Không đọc được JSON."));
    }
  }

  static List<DossierFiles.Upload> uploads(List<MultipartFile> files) {
    if (files == null) {
      return List.of();
    }
    return files.stream().map(f -> new DossierFiles.Upload(f.getOriginalFilename(), f.getSize(), f::getInputStream))
        .toList();
  }
}
