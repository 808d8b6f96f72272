package vn.motcua.digitisation;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.files.DossierFiles.Upload;
import vn.motcua.security.DossierAccess;
import vn.motcua.security.Officer;

/**
 * The officers' side of digitisation at reception: what of a dossier is digitised (with the origin of reused
 * scans), and the scan of one document, attached by the One-Stop Division that received the dossier. Reading
 * the view is in the access log (screen {@code DIGITISATION}, vn.motcua.accesslog.AccessLogInterceptor); the view
 * answered to a scan follows the officer's own action, which the dossier's history records.
 */
@RestController
public class DigitisationController {
  private final Digitisation digitisation;
  private final DossierService dossiers;
  private final DossierAccess access;

  public DigitisationController(Digitisation digitisation, DossierService dossiers, DossierAccess access) {
    this.digitisation = digitisation;
    this.dossiers = dossiers;
    this.access = access;
  }

  @Operation(summary = "Tình trạng số hóa các thành phần hồ sơ (kèm nguồn của bản số hóa được tái sử dụng)")
  @GetMapping("/api/dossiers/{code}/digitisation")
  public Digitisation.View view(@PathVariable String code, Officer officer) {
    Dossier d = dossiers.getByCode(code);
    access.requireReader(officer, d);
    return digitisation.view(d);
  }

  @Operation(summary = "Đính kèm bản quét (PDF, JPG, PNG) của một thành phần hồ sơ giấy khi kiểm tra, tiếp nhận",
      description = "multipart/form-data, phần `file`; `position` là số thứ tự thành phần hồ sơ. Quét lại một thành "
          + "phần thì bản mới thay bản cũ. Chỉ Bộ phận Một cửa tiếp nhận hồ sơ, khi hồ sơ đang được kiểm tra.")
  @PostMapping(path = "/api/dossiers/{code}/documents/{position}/scan", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public Digitisation.View scan(@PathVariable String code, @PathVariable int position,
      @RequestPart(value = "file", required = false) MultipartFile file, Officer officer) {
    Dossier d = dossiers.getByCode(code);
    access.requireActor(officer, d, DossierAccess.Action.DIGITISE);
    Upload upload = file == null ? null : new Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream);
    return digitisation.scan(d, position, upload, officer.userId());
  }
}
