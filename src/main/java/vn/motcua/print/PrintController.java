package vn.motcua.print;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.security.DossierAccess;
import vn.motcua.security.Officer;
import vn.motcua.web.ApiException;

/**
 * The printable forms on the officers' API: {@code GET /api/dossiers/{code}/forms/{01..05}.pdf} (same
 * access as {@code GET /api/dossiers/{code}}) and {@code GET /api/reports/ledger.pdf?from=&to=&unit=}
 * (form 06, for officers of the unit, provincial supervisors and administrators). Tasklist forms link
 * here; the webapp login is accepted for these GET requests (see ApiAuthenticationFilter).
 */
@RestController
public class PrintController {
  private static final MediaType PDF = MediaType.APPLICATION_PDF;

  private final PrintService print;
  private final DossierService dossiers;
  private final DossierAccess access;

  public PrintController(PrintService print, DossierService dossiers, DossierAccess access) {
    this.print = print;
    this.dossiers = dossiers;
    this.access = access;
  }

  @GetMapping("/api/dossiers/{code}/forms/{number}.pdf")
  public ResponseEntity<byte[]> slip(@PathVariable String code, @PathVariable String number, Officer officer) {
    PrintForm form = PrintForm.ofNumber(number).filter(f -> f != PrintForm.LEDGER)
        .orElseThrow(() -> ApiException.notFound("Không có mẫu phiếu số " + number + " cho hồ sơ (mẫu 01–05)."));
    Dossier d = dossiers.getByCode(code);
    access.requirePrinter(officer, d);
    return pdf(print.slip(form, d, officer.userId()), "mau-" + form.number() + "-" + d.code() + ".pdf");
  }

  @GetMapping("/api/reports/ledger.pdf")
  public ResponseEntity<byte[]> ledger(@RequestParam String from, @RequestParam String to,
      @RequestParam(required = false) String unit, Officer officer) {
    String unitKey = unit != null && !unit.isBlank() ? unit
        : officer.unitRoles().stream().map(ur -> ur.agency().key()).findFirst()
            .orElseThrow(() -> ApiException.invalid("Cần chọn đơn vị.", Map.of("unit", "Cần chọn đơn vị tiếp nhận.")));
    access.requireLedgerReader(officer, unitKey);
    return pdf(print.ledger(unitKey, date("from", from), date("to", to)), "so-theo-doi-" + unitKey + ".pdf");
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("Ngày không hợp lệ.", Map.of(field, "Ngày theo dạng YYYY-MM-DD."));
    }
  }

  private static ResponseEntity<byte[]> pdf(byte[] body, String filename) {
    return ResponseEntity.ok()
        .contentType(PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
        .body(body);
  }
}
