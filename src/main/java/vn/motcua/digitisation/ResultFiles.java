package vn.motcua.digitisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.OfficeZone;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierNotice;
import vn.motcua.dossier.DossierRecords;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierVariables;
import vn.motcua.dossier.Format;
import vn.motcua.files.DossierFile;
import vn.motcua.files.DossierFiles;
import vn.motcua.print.PdfRenderer;
import vn.motcua.print.PrintTemplates;
import vn.motcua.signature.PdfSigner;
import vn.motcua.signature.SigningKey;
import vn.motcua.signature.SigningKeys;
import vn.motcua.web.ApiException;

/**
 * The electronic result (kết quả điện tử): when a dossier's decision is recorded at approval (the result ready —
 * a decision, certificate or licence as the leader approved it, or the reasoned refusal), the result is rendered
 * as PDF from the template {@code print/result.html}, signed with the resolving agency's key (PAdES,
 * {@link PdfSigner}) and attached to the dossier as its RESULT file, in the leader's transaction: without a key
 * for the agency the approval is refused and stays open ({@code SigningKeyMissingException}). Officers open it
 * with the dossier's files; the applicant downloads it with the code and the second factor
 * ({@link ResultFileController}), besides the paper hand-over.
 */
@Service
public class ResultFiles {
  static final String TEMPLATE = "result";

  private final DossierService dossiers;
  private final DossierRecords records;
  private final DossierFiles files;
  private final PrintTemplates templates;
  private final PdfRenderer renderer;
  private final SigningKeys keys;
  private final PdfSigner signer;

  public ResultFiles(DossierService dossiers, DossierRecords records, DossierFiles files, PrintTemplates templates,
      PdfRenderer renderer, SigningKeys keys, PdfSigner signer) {
    this.dossiers = dossiers;
    this.records = records;
    this.files = files;
    this.templates = templates;
    this.renderer = renderer;
    this.keys = keys;
    this.signer = signer;
  }

  /** Inside the transaction that recorded the decision (DossierService#recordDecision). */
  @EventListener
  public void onNotice(DossierNotice notice) {
    if (notice.kind() == DossierNotice.Kind.RESULT_READY && latest(notice.dossierId()).isEmpty()) {
      issue(dossiers.get(notice.dossierId()), notice.at());
    }
  }

  /** Renders, signs and attaches the dossier's result; returns the file's id. */
  public long issue(Dossier d, Instant at) {
    if (d.decision() == null) {
      throw new IllegalStateException("Dossier " + d.code() + " has no decision to issue");
    }
    boolean approved = DossierVariables.APPROVED.equals(d.decision());
    SigningKey key = keys.forAgency(d.competentUnit());
    String title = approved ? "Kết quả giải quyết thủ tục hành chính" : "Thông báo từ chối giải quyết hồ sơ";
    LocalDate day = at.atZone(OfficeZone.get()).toLocalDate();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pageSize", "A4");
    m.put("title", title);
    m.put("agency", dossiers.unitName(d.competentUnit()));
    m.put("printedDay", String.valueOf(day.getDayOfMonth()));
    m.put("printedMonth", String.valueOf(day.getMonthValue()));
    m.put("printedYear", String.valueOf(day.getYear()));
    m.put("code", d.code());
    m.put("procedureName", d.procedureName());
    m.put("applicantName", d.applicant().name());
    m.put("applicantIdNumber", d.applicant().idNumber());
    m.put("applicantAddress", d.applicant().address());
    m.put("requestSummary", d.requestSummary() == null ? "" : d.requestSummary());
    m.put("receivedAt", Format.dateTime(d.receivedAt()));
    m.put("resolvedAt", Format.dateTime(d.resolvedAt() == null ? at : d.resolvedAt()));
    m.put("approved", approved);
    m.put("resultText", d.result() == null ? "" : d.result());
    m.put("signer", key.commonName());
    byte[] pdf = renderer.render(templates.fill(TEMPLATE, m));
    byte[] signed = signer.sign(pdf, key, title + " — " + d.code(), at);
    String actor = decidedBy(d);
    long id = files.attachResult(d.id(), "ket-qua-" + d.code() + ".pdf", signed,
        key.certificate().getSubjectX500Principal().getName(), at, actor);
    records.recordEvent(d.id(), "RESULT_FILE_ISSUED", at, actor, null,
        "Kết quả điện tử đã ký số bởi " + key.commonName() + (key.demo() ? " (khóa thử nghiệm)" : ""));
    return id;
  }

  private String decidedBy(Dossier d) {
    return dossiers.events(d.id()).stream()
        .filter(e -> "APPROVED".equals(e.type()) || "REFUSED_AFTER_APPRAISAL".equals(e.type()))
        .reduce((a, b) -> b).map(DossierEvent::actor).orElse("system");
  }

  /** The dossier's signed result file, the latest if several. */
  public Optional<DossierFile> latest(long dossierId) {
    return files.list(dossierId).stream().filter(f -> f.purpose() == DossierFile.Purpose.RESULT)
        .max(Comparator.comparing(DossierFile::uploadedAt).thenComparing(DossierFile::id));
  }

  /** The result's bytes (checksum verified), or 404 when the dossier has none yet. */
  public DossierFiles.Download download(Dossier d) {
    DossierFile f = latest(d.id()).orElseThrow(() -> ApiException.notFound(
        "Hồ sơ chưa có kết quả giải quyết điện tử."));
    return files.read(d.id(), f.id());
  }
}
