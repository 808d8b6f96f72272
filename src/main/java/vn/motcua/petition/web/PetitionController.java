package vn.motcua.petition.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.notification.PetitionNotifications;
import vn.motcua.organisation.Role;
import vn.motcua.petition.Petition;
import vn.motcua.petition.PetitionService;
import vn.motcua.petition.engine.PetitionWorkflow;
import vn.motcua.report.ReportPeriod;
import vn.motcua.security.AccessPolicy;
import vn.motcua.security.DossierAccess;
import vn.motcua.security.Officer;
import vn.motcua.web.ApiException;

/**
 * The officers' side of petitions: record one received at the counter or by the hotline, list the unit's,
 * read one (its unit's officers, the officers of the dossier it is about, the province's supervisors), and the
 * report per agency and period.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Phản ánh, kiến nghị (cán bộ)")
public class PetitionController {
  private final PetitionWorkflow workflow;
  private final PetitionService petitions;
  private final DossierService dossiers;
  private final DossierAccess access;
  private final PetitionReceipts receipts;
  private final PetitionNotifications notifications;

  public PetitionController(PetitionWorkflow workflow, PetitionService petitions, DossierService dossiers,
      DossierAccess access, PetitionReceipts receipts, PetitionNotifications notifications) {
    this.receipts = receipts;
    this.notifications = notifications;
    this.workflow = workflow;
    this.petitions = petitions;
    this.dossiers = dossiers;
    this.access = access;
  }

  /** A petition an officer records: the petitioner's, and the channel (COUNTER or HOTLINE). */
  public record Recorded(String channel, String unit, String dossierCode, String name, String phone, String email,
      String address, String subject, String content) {}

  @Operation(summary = "Ghi nhận phản ánh, kiến nghị tại quầy hoặc qua đường dây nóng")
  @PostMapping("/petitions")
  public ResponseEntity<PetitionViews.Receipt> record(@RequestBody(required = false) Recorded body,
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey, Officer officer) {
    if (body == null) {
      throw ApiException.invalid("Thiếu nội dung phản ánh, kiến nghị.", Map.of("petition", "Cần gửi nội dung JSON."));
    }
    Petition.Channel channel = "HOTLINE".equals(body.channel()) ? Petition.Channel.HOTLINE
        : "COUNTER".equals(body.channel()) ? Petition.Channel.COUNTER : null;
    if (channel == null) {
      throw ApiException.invalid("Kênh tiếp nhận chưa hợp lệ.", Map.of("channel",
          "Chọn COUNTER (trực tiếp tại quầy) hoặc HOTLINE (đường dây nóng)."));
    }
    Set<String> units = officer.agenciesWithRole(Role.RECEPTION);
    if (units.isEmpty() && !officer.isAdmin()) {
      throw ApiException.forbidden("Chỉ cán bộ Bộ phận Một cửa được ghi nhận phản ánh, kiến nghị.");
    }
    PetitionWorkflow.Submitted s = workflow.submit(new PetitionService.NewPetition(body.unit(), body.dossierCode(),
        body.name(), body.phone(), body.email(), body.address(), body.subject(), body.content()), channel, List.of(),
        idempotencyKey, officer.userId(), officer.isAdmin() ? allUnits() : units);
    return ResponseEntity.status(s.replayed() ? 200 : 201).body(PetitionViews.receipt(s.petition(), petitions,
        s.replayed()));
  }

  private Set<String> allUnits() {
    return Set.copyOf(petitions.allUnits());
  }

  @Operation(summary = "Phản ánh, kiến nghị của đơn vị (hoặc của một hồ sơ: dossier=<mã hồ sơ>)")
  @GetMapping("/petitions")
  public List<PetitionViews.Line> list(@RequestParam(required = false) String dossier,
      @RequestParam(defaultValue = "100") int limit, Officer officer) {
    if (limit < 1 || limit > 500) {
      throw ApiException.invalid("Số dòng chưa hợp lệ.", Map.of("limit", "Từ 1 đến 500."));
    }
    if (dossier != null && !dossier.isBlank()) {
      Dossier d = dossiers.findByCode(dossier.strip())
          .orElseThrow(() -> ApiException.notFound("Không có hồ sơ mang mã " + dossier + "."));
      access.requireReader(officer, d);
      return petitions.ofDossier(d.code()).stream().map(p -> PetitionViews.line(p, petitions)).toList();
    }
    List<String> units = AccessPolicy.seesProvince(officer)
        ? petitions.allUnits() : new ArrayList<>(AccessPolicy.units(officer));
    return petitions.ofUnits(units, limit).stream().map(p -> PetitionViews.line(p, petitions)).toList();
  }

  @Operation(summary = "Chi tiết một phản ánh, kiến nghị (kể cả thông tin liên hệ của người phản ánh)")
  @GetMapping("/petitions/{code}")
  public PetitionViews.ForOfficer get(@PathVariable String code, Officer officer) {
    Petition p = petitions.findByCode(code)
        .orElseThrow(() -> ApiException.notFound("Không có phản ánh, kiến nghị mang mã " + code + "."));
    if (!mayRead(officer, p)) {
      throw ApiException.forbidden("Phản ánh, kiến nghị này không thuộc đơn vị của bạn.");
    }
    return PetitionViews.forOfficer(p, petitions, notifications);
  }

  @Operation(summary = "Phiếu tiếp nhận phản ánh, kiến nghị (PDF, khổ A5)",
      description = "Bản in tại Bộ phận Một cửa hoặc khi ghi nhận qua đường dây nóng: đầy đủ thông tin liên hệ, "
          + "có chỗ ký của người phản ánh và người tiếp nhận.")
  @GetMapping(path = "/petitions/{code}/receipt.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> receipt(@PathVariable String code, Officer officer) {
    Petition p = petitions.findByCode(code)
        .orElseThrow(() -> ApiException.notFound("Không có phản ánh, kiến nghị mang mã " + code + "."));
    if (!mayRead(officer, p)) {
      throw ApiException.forbidden("Phản ánh, kiến nghị này không thuộc đơn vị của bạn.");
    }
    return PetitionReceipts.response(receipts.pdf(p, false), p.code());
  }

  /** Its units' officers, the province's reach, and the officers who may read the dossier it is about. */
  boolean mayRead(Officer officer, Petition p) {
    if (AccessPolicy.seesProvince(officer)) {
      return true;
    }
    Set<String> units = AccessPolicy.units(officer);
    if (units.contains(p.receivingUnit()) || units.contains(p.handlingUnit())) {
      return true;
    }
    return p.dossierCode() != null && dossiers.findByCode(p.dossierCode()).map(d -> access.mayRead(officer, d))
        .orElse(false);
  }

  @Operation(summary = "Báo cáo phản ánh, kiến nghị theo cơ quan và kỳ",
      description = "Số tiếp nhận, đã chuyển, đã trả lời đúng hạn / quá hạn, số bước quá hạn của từng cơ quan; "
          + "kỳ như các báo cáo khác (from/to, month=YYYY-MM hoặc year).")
  @GetMapping("/reports/petitions")
  public Map<String, Object> report(@RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String month,
      @RequestParam(required = false) String year, @RequestParam(required = false) String unit, Officer officer) {
    Set<String> scope = access.reportableUnits(officer, unit);
    ReportPeriod period = ReportPeriod.parse(from, to, month, year, petitions.now());
    List<PetitionService.AgencyFigures> rows = petitions.figures(period.start(), period.end(), scope);
    return Map.of("from", period.from().toString(), "to", period.to().toString(), "period", period.label(),
        "agencies", rows);
  }
}
