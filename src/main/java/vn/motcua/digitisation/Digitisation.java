package vn.motcua.digitisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDocument;
import vn.motcua.dossier.DossierRecords;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierVariables;
import vn.motcua.dossier.EngineClock;
import vn.motcua.dossier.Format;
import vn.motcua.files.DossierFile;
import vn.motcua.files.DossierFileController;
import vn.motcua.files.DossierFiles;
import vn.motcua.files.DossierFiles.Staged;
import vn.motcua.files.DossierFiles.Upload;
import vn.motcua.security.SystemAccess;
import vn.motcua.web.ApiException;

/**
 * Digitisation at reception (số hóa hồ sơ, Decree 118/2025): each document (thành phần hồ sơ) of a dossier
 * received on paper (at the counter or by post) is scanned and attached at the reception check — PDF, JPG or
 * PNG, checked as the files of an online dossier are ({@link DossierFiles#check}). A document already digitised
 * in an earlier dossier of the same citizen ID number is reused, with its origin, and not asked for again. The
 * officer accepts a dossier with a document left undigitised only with a written reason
 * ({@code engine.DigitisationValidators}). An online dossier's documents are digital already: nothing to scan.
 */
@Service
public class Digitisation {
  /** Task-local variables of the reception check form (forms/reception-check.form). */
  public static final String VIEW_VARIABLE = "digitisationView";
  public static final String MISSING_VARIABLE = "digitisationMissing";
  /** The officer's reason for accepting with documents left undigitised. */
  public static final String REASON_VARIABLE = "undigitisedReason";

  /** While the dossier is being checked at reception: new, or waiting for (or back with) its supplement. */
  private static final Set<DossierStatus> SCANNABLE = Set.of(DossierStatus.NEW, DossierStatus.SUPPLEMENT_REQUESTED);

  private final DossierService dossiers;
  private final DossierRecords records;
  private final DossierFiles files;
  private final EngineClock clock;
  private final TransactionTemplate transaction;
  private final TaskService tasks;
  private final IdentityService identity;
  private final DigitisationProperties properties;

  public Digitisation(DossierService dossiers, DossierRecords records, DossierFiles files, EngineClock clock,
      TransactionTemplate transaction, TaskService tasks, IdentityService identity, DigitisationProperties properties) {
    this.properties = properties;
    this.dossiers = dossiers;
    this.records = records;
    this.files = files;
    this.clock = clock;
    this.transaction = transaction;
    this.tasks = tasks;
    this.identity = identity;
  }

  /**
   * One document of the dossier and its digitised copy.
   *
   * @param digitised whether a scan of it is attached
   * @param fileName the scan's file name, {@code null} when none
   * @param href where an officer opens the scan
   * @param origin for a scan reused from an earlier dossier: where and when it was digitised (Vietnamese)
   */
  public record DocumentScan(int position, String name, int copies, String state, boolean digitised, Long fileId,
      String fileName, String href, String scannedBy, Instant scannedAt, String originDossierCode, String origin) {}

  /**
   * The digitisation of a dossier.
   *
   * @param required whether the dossier came on paper (its documents must be digitised at reception)
   * @param missing the documents not digitised yet, by name
   */
  public record View(String code, boolean required, List<DocumentScan> documents, List<String> missing) {}

  /** Whether the dossier's documents are to be digitised at reception: it came on paper. */
  public static boolean required(Dossier d) {
    return d.channel() != Channel.ONLINE;
  }

  public View view(Dossier d) {
    Map<Integer, DossierFile> scans = latestScans(d.id());
    List<DocumentScan> docs = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (DossierDocument doc : dossiers.documents(d.id())) {
      DossierFile f = scans.get(doc.position());
      if (f == null) {
        missing.add(doc.name());
        docs.add(new DocumentScan(doc.position(), doc.name(), doc.copies(), doc.state().label(), false, null, null, null,
            null, null, null, null));
      } else {
        docs.add(new DocumentScan(doc.position(), doc.name(), doc.copies(), doc.state().label(), true, f.id(),
            f.originalName(), DossierFileController.href(d.code(), f.id()), f.uploadedBy(), f.uploadedAt(),
            f.originDossierCode(), origin(f)));
      }
    }
    return new View(d.code(), required(d), docs, required(d) ? missing : List.of());
  }

  /**
   * Whether the dossier is accepted only with every document digitised or a written reason: a paper dossier at a
   * receiving unit where the check is in force ({@code motcua.digitisation.enforced-units}, default every unit).
   */
  public boolean enforced(Dossier d) {
    return required(d) && properties.enforcedAt(d.receivingUnit());
  }

  /** The documents of a paper dossier that have no scan yet. */
  public List<DossierDocument> missing(Dossier d) {
    if (!required(d)) {
      return List.of();
    }
    Map<Integer, DossierFile> scans = latestScans(d.id());
    return dossiers.documents(d.id()).stream().filter(doc -> !scans.containsKey(doc.position())).toList();
  }

  private Map<Integer, DossierFile> latestScans(long dossierId) {
    Map<Integer, DossierFile> scans = new LinkedHashMap<>();
    files.list(dossierId).stream()
        .filter(f -> f.purpose() == DossierFile.Purpose.SCAN && f.documentPosition() != null)
        .sorted(Comparator.comparing(DossierFile::uploadedAt).thenComparing(DossierFile::id))
        .forEach(f -> scans.put(f.documentPosition(), f)); // the latest scan of a document replaces earlier ones
    return scans;
  }

  private static String origin(DossierFile f) {
    return f.reused() ? "Tái sử dụng bản số hóa của hồ sơ " + f.originDossierCode() + " (cùng số định danh người nộp)"
        : "Số hóa tại Bộ phận Một cửa lúc " + Format.dateTime(f.uploadedAt());
  }

  /**
   * Attaches the scan of one document of a paper dossier being checked at reception: the file is checked (PDF,
   * JPG, PNG by content, size), written to the file store, recorded with the dossier in one transaction (a new
   * scan of the same document replaces the former in the view; both stay in the record), and the open reception
   * check shows the new state. Bad input: 400 with a Vietnamese message, nothing stored.
   */
  public View scan(Dossier d, int position, Upload upload, String actor) {
    if (!required(d)) {
      throw ApiException.conflict("Hồ sơ nộp trực tuyến đã có tệp điện tử; không cần số hóa tại quầy.");
    }
    if (!SCANNABLE.contains(d.status())) {
      throw ApiException.conflict("Chỉ số hóa thành phần hồ sơ khi đang kiểm tra, tiếp nhận hồ sơ (trạng thái hiện tại: "
          + d.status().label() + ").");
    }
    DossierDocument doc = dossiers.documents(d.id()).stream().filter(x -> x.position() == position).findFirst()
        .orElseThrow(() -> ApiException.notFound("Hồ sơ không có thành phần số " + position + "."));
    Map<String, String> errors = new LinkedHashMap<>();
    List<DossierFiles.Checked> checked = files.check(upload == null ? List.of() : List.of(upload), "file", true, errors);
    if (!errors.isEmpty()) {
      Map<String, String> fields = new LinkedHashMap<>();
      errors.forEach((k, v) -> fields.put("file", v));
      throw ApiException.invalid("Tệp số hóa không hợp lệ.", fields);
    }
    List<Staged> staged = files.stage(checked);
    try {
      transaction.executeWithoutResult(status -> {
        records.lock(d.id());
        Instant at = clock.instant();
        files.attachScan(d.id(), position, doc.name(), staged.get(0), at, actor);
        records.recordEvent(d.id(), "DOCUMENT_DIGITISED", at, actor, null,
            "Số hóa thành phần hồ sơ số " + position + ": " + doc.name() + " (tệp " + staged.get(0).name() + ")");
      });
    } catch (RuntimeException e) {
      files.discard(staged);
      throw e;
    }
    refreshOpenChecks(d);
    return view(d);
  }

  /**
   * Reuses, for each document of a paper dossier not digitised yet, the latest scan of a document of the same
   * name in an earlier dossier of the same applicant (citizen ID number), so the citizen is not asked for it again;
   * runs in the caller's transaction. Returns how many documents it filled.
   */
  public int reuseEarlierScans(Dossier d, String actor) {
    if (!required(d)) {
      return 0;
    }
    int reused = 0;
    Instant at = clock.instant();
    for (DossierDocument doc : missing(d)) {
      Optional<DossierFile> earlier = files.scansOfApplicant(d.applicant().idNumber(), doc.name(), d.id()).stream()
          .findFirst();
      if (earlier.isPresent()) {
        files.reuseScan(earlier.get(), d.id(), doc.position(), doc.name(), at, actor);
        records.recordEvent(d.id(), "DOCUMENT_REUSED", at, actor, null, "Tái sử dụng bản số hóa \"" + doc.name()
            + "\" từ hồ sơ " + dossiers.get(earlier.get().dossierId()).code() + " của cùng người nộp");
        reused++;
      }
    }
    return reused;
  }

  /** The officer accepted the dossier with documents left undigitised, for this reason (kept in the dossier's log). */
  public void recordUndigitised(Dossier d, List<DossierDocument> missing, String reason, String actor) {
    records.recordEvent(d.id(), "DIGITISATION_WAIVED", clock.instant(), actor, reason.strip(),
        "Tiếp nhận khi chưa số hóa: " + String.join("; ", missing.stream().map(DossierDocument::name).toList()));
  }

  /** The form's Markdown: each document with its scan or "chưa số hóa", reused ones with their origin. */
  public String markdown(View v) {
    if (!v.required()) {
      return "Hồ sơ nộp trực tuyến: các thành phần đã ở dạng điện tử (xem các tệp người nộp gửi ở trên).";
    }
    StringBuilder md = new StringBuilder();
    for (DocumentScan s : v.documents()) {
      md.append("- ").append(s.position()).append(". ").append(escape(s.name())).append(" — ");
      if (s.digitised()) {
        md.append("✅ đã số hóa: [").append(escape(s.fileName())).append("](").append(s.href()).append(")");
        md.append(" — ").append(escape(s.origin()));
      } else {
        md.append("❌ **chưa số hóa**");
      }
      md.append("\n");
    }
    md.append("\n");
    if (v.missing().isEmpty()) {
      md.append("Tất cả thành phần hồ sơ đã được số hóa.");
    } else {
      md.append("**Còn ").append(v.missing().size()).append(" thành phần chưa số hóa.** Quét và đính kèm từng thành"
          + " phần (PDF, JPG hoặc PNG) qua `POST /api/dossiers/").append(v.code())
          .append("/documents/{số thứ tự}/scan`, rồi tải lại biểu mẫu; nếu vẫn tiếp nhận khi chưa số hóa đủ, phải"
              + " ghi rõ lý do.");
    }
    return md.toString();
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("[", "\\[").replace("]", "\\]").replace("*", "\\*").replace("_", "\\_");
  }

  /** The form variables of the reception check. */
  public Map<String, Object> formVariables(Dossier d) {
    View v = view(d);
    Map<String, Object> vars = new LinkedHashMap<>();
    String md = markdown(v);
    if (v.required() && !enforced(d)) {
      md += "\n\n(Đơn vị chưa áp dụng kiểm tra bắt buộc số hóa khi tiếp nhận: motcua.digitisation.enforced-units.)";
    }
    vars.put(VIEW_VARIABLE, md);
    // the form asks for a reason only where the check is in force
    vars.put(MISSING_VARIABLE, enforced(d) ? v.missing().size() : 0);
    return vars;
  }

  /** The open reception checks of the dossier (those that show the digitisation) show its new state. */
  private void refreshOpenChecks(Dossier d) {
    Map<String, Object> vars = formVariables(d);
    SystemAccess.run(identity, () -> {
      for (Task t : tasks.createTaskQuery().processVariableValueEquals(DossierVariables.DOSSIER_ID, d.id()).active()
          .list()) {
        if (tasks.getVariableLocal(t.getId(), VIEW_VARIABLE) != null) {
          tasks.setVariablesLocal(t.getId(), vars);
        }
      }
    });
  }
}
