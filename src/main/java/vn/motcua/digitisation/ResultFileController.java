package vn.motcua.digitisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.citizen.CitizenService;
import vn.motcua.citizen.ClientThrottle;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.files.DossierFiles;
import vn.motcua.print.PrintForm;
import vn.motcua.print.PrintService;
import vn.motcua.web.ApiException;

/**
 * The electronic return of the result: the applicant downloads the signed result file with the dossier code and
 * the second factor that shows a dossier's details (the lookup PIN printed on the receipt or a one-time code sent
 * by SMS; the phone number alone shows the progress only, Circular 01/2018 Art. 16). Failed attempts count
 * against the client as the lookup's do.
 */
@RestController
public class ResultFileController {
  private final CitizenService citizens;
  private final ClientThrottle throttle;
  private final ResultFiles results;
  private final PrintService print;

  public ResultFileController(CitizenService citizens, ClientThrottle throttle, ResultFiles results,
      PrintService print) {
    this.citizens = citizens;
    this.throttle = throttle;
    this.results = results;
    this.print = print;
  }

  /** Where the applicant of a dossier refused at reception downloads form 03 (the portal's event names it). */
  public static String refusalSlipPath(String code) {
    return "/api/public/dossiers/" + code + "/forms/03.pdf";
  }

  @Operation(summary = "Tải phiếu từ chối tiếp nhận hồ sơ (mẫu 03, PDF)",
      description = "Hồ sơ trực tuyến bị từ chối tiếp nhận nhận lại lý do bằng phương thức điện tử: phiếu từ chối "
          + "tiếp nhận (mẫu 03) nêu rõ lý do. Cần mã hồ sơ và mã tra cứu (hoặc mã dùng một lần gửi qua SMS); 404 khi "
          + "hồ sơ không bị từ chối tiếp nhận.")
  @PostMapping(path = "/api/public/dossiers/{code}/forms/03.pdf", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE})
  public ResponseEntity<byte[]> refusalSlip(@PathVariable String code,
      @RequestBody(required = false) ResultRequest body, HttpServletRequest request) {
    CitizenService.Verified v = citizens.verify(code, body == null ? null : body.secret(), throttle.client(request));
    if (!v.details()) {
      throw ApiException.forbidden("Để tải phiếu từ chối tiếp nhận, cần nhập mã tra cứu hoặc mã dùng một lần gửi đến "
          + "số điện thoại đã khai; số điện thoại chỉ cho xem tiến độ.");
    }
    if (v.dossier().status() != DossierStatus.NOT_ACCEPTED) {
      throw ApiException.notFound("Hồ sơ không bị từ chối tiếp nhận nên không có phiếu từ chối tiếp nhận.");
    }
    byte[] pdf = print.slip(PrintForm.REFUSAL, v.dossier(), CitizenService.ACTOR);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("mau-03-" + v.dossier().code() + ".pdf").build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf);
  }

  /** The second factor. */
  public record ResultRequest(@Schema(description = "Mã tra cứu in trên giấy tiếp nhận hoặc mã dùng một lần",
      example = "123456") String secret) {}

  @Operation(summary = "Tải kết quả giải quyết điện tử (PDF đã ký số)",
      description = "Cần mã hồ sơ và mã tra cứu in trên giấy tiếp nhận (hoặc mã dùng một lần gửi qua SMS). Trả về "
          + "tệp PDF có chữ ký số của cơ quan giải quyết; 404 khi hồ sơ chưa có kết quả.")
  @PostMapping(path = "/api/public/dossiers/{code}/result", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_PDF_VALUE, MediaType.APPLICATION_JSON_VALUE})
  public ResponseEntity<byte[]> result(@PathVariable String code, @RequestBody(required = false) ResultRequest body,
      HttpServletRequest request) {
    CitizenService.Verified v = citizens.verify(code, body == null ? null : body.secret(), throttle.client(request));
    if (!v.details()) {
      throw ApiException.forbidden("Để tải kết quả, cần nhập mã tra cứu in trên giấy tiếp nhận hoặc mã dùng một lần "
          + "gửi đến số điện thoại đã khai; số điện thoại chỉ cho xem tiến độ.");
    }
    DossierFiles.Download file = results.download(v.dossier());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(file.file().originalName()).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(file.bytes());
  }
}
