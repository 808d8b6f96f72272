package vn.motcua.tasklist;

import static vn.motcua.dossier.DossierVariables.DOSSIER_ID;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.ControlLogEntry;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDocument;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierVariables;
import vn.motcua.dossier.Format;
import vn.motcua.engine.TaskFormReads;
import vn.motcua.files.DossierFile;
import vn.motcua.files.DossierFileController;
import vn.motcua.files.DossierFiles;
import vn.motcua.overdue.ApologyLetter;
import vn.motcua.overdue.OverdueService;
import vn.motcua.print.PrintService;

/**
 * The dossier as the officer sees it inside the Tasklist form: a task-local variable
 * {@value #VARIABLE} with Markdown text (status, deadlines, documents, the control log so far, the
 * printable slips), written when a dossier task is created or assigned, and shown by a text view
 * {@code {{dossierView}}} in every task form. A display variable only: no form field writes it, no
 * delegate reads it. A task gets the display variables its form mentions ({@link TaskFormReads}) and those
 * Tasklist's list shows; a task whose form is not known gets them all.
 */
@Component
public class TaskDossierView {
  public static final String VARIABLE = "dossierView";
  /** Task-local display variables: the units by name, the appointment in the office's zone. */
  public static final String RECEIVING_UNIT_NAME = "receivingUnitName";
  public static final String COMPETENT_UNIT_NAME = "competentUnitName";
  public static final String APPOINTMENT_TEXT = "appointmentText";
  public static final String RECEIVED_AT_TEXT = "receivedAtText";

  private final DossierService dossiers;
  private final OverdueService overdue;
  private final PrintService print;
  private final DossierFiles files;
  private final TaskFormReads formReads;
  /** Tasklist's list entry shows these of every task ({@link TasklistFilters#LIST_VARIABLES}). */
  static final Set<String> LIST_NAMES = TasklistFilters.LIST_VARIABLES.stream().map(v -> v.get("name"))
      .collect(Collectors.toUnmodifiableSet());

  public TaskDossierView(DossierService dossiers, OverdueService overdue, PrintService print, DossierFiles files,
      TaskFormReads formReads) {
    this.files = files;
    this.formReads = formReads;
    this.dossiers = dossiers;
    this.overdue = overdue;
    this.print = print;
  }

  /** After the control log recorder, so that the log already has this task's row. */
  @EventListener
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void onTaskEvent(DelegateTask task) {
    String event = task.getEventName();
    if (!TaskListener.EVENTNAME_CREATE.equals(event) && !TaskListener.EVENTNAME_ASSIGNMENT.equals(event)) {
      return;
    }
    if (!(task.getVariable(DOSSIER_ID) instanceof Number id)) {
      return;
    }
    Dossier d = dossiers.get(id.longValue());
    // what the task's form shows, besides what Tasklist's list shows of every task (issue 25: a warning storm
    // writes two reminder tasks per dossier, and each variable is a row written and deleted)
    Optional<Set<String>> formNames = formReads.namesIn(task);
    Map<String, Object> vars = displayVariables(d);
    formNames.ifPresent(names -> vars.keySet().removeIf(name -> !LIST_NAMES.contains(name) && !names.contains(name)));
    task.setVariablesLocal(vars);
    if (formNames.isEmpty() || formNames.get().contains(VARIABLE)) {
      task.setVariableLocal(VARIABLE, markdown(d, task.getId(), task.getName(),
          task.getDueDate() == null ? null : task.getDueDate().toInstant()));
    }
  }

  /**
   * What the task's form header and Tasklist's list entry show besides the dossier's process variables:
   * the units by name (not their keys) and the times as text in the office's zone, so every officer reads
   * the same time whatever the zone of their browser or of the server.
   */
  Map<String, Object> displayVariables(Dossier d) {
    Map<String, Object> vars = new LinkedHashMap<>();
    // Tasklist's list reads the filter's variables from the task's own process instance; a block called by
    // a call activity may not hold them all, so the entry's facts are on the task itself
    vars.put(DossierVariables.DOSSIER_CODE, d.code());
    vars.put(DossierVariables.APPLICANT_NAME, d.applicant().name());
    vars.put(DossierVariables.PROCEDURE_NAME, d.procedureName());
    vars.put(RECEIVING_UNIT_NAME, dossiers.unitName(d.receivingUnit()));
    vars.put(COMPETENT_UNIT_NAME, dossiers.unitName(d.competentUnit()));
    vars.put(RECEIVED_AT_TEXT, Format.dateTime(d.receivedAt()));
    vars.put(APPOINTMENT_TEXT, d.appointmentAt() == null ? "chưa hẹn (hồ sơ đang được kiểm tra)"
        : Format.dateTime(d.appointmentAt()));
    return vars;
  }

  private static void fileList(StringBuilder md, Dossier d, String heading, List<DossierFile> list) {
    if (list.isEmpty()) {
      return;
    }
    md.append("\n**").append(heading).append(":**\n\n");
    for (DossierFile f : list) {
      md.append("- [").append(escape(f.originalName())).append("](")
          .append(DossierFileController.href(d.code(), f.id())).append(") — ")
          .append(f.documentName() != null ? escape(f.documentName()) : f.purpose().label())
          .append(f.originDossierCode() != null ? " (tái sử dụng từ hồ sơ " + f.originDossierCode() + ")" : "")
          .append(", ").append(Format.dateTime(f.uploadedAt())).append(", ")
          .append(Math.max(1, (f.size() + 1023) / 1024)).append(" KB\n");
    }
  }

  String markdown(Dossier d, String taskId, String taskName, Instant taskDue) {
    StringBuilder md = new StringBuilder();
    md.append("**Tình trạng:** ").append(d.status().label());
    if (d.stage() != null) {
      md.append(" — ").append(escape(d.stage()));
    }
    md.append("\n\n**Thời hạn:** tiếp nhận ").append(Format.dateTime(d.receivedAt()))
        .append(" · thời hạn giải quyết ").append(d.statutoryDays()).append(" ngày làm việc")
        .append(" · hẹn trả kết quả ").append(Format.dateTime(d.appointmentAt()));
    if (d.originalAppointmentAt() != null && d.appointmentAt() != null
        && !d.originalAppointmentAt().equals(d.appointmentAt())) {
      md.append(" (hẹn lần đầu ").append(Format.dateTime(d.originalAppointmentAt())).append(")");
    }
    md.append("\n\n**Hạn của bước này (").append(escape(taskName)).append("):** ")
        .append(Format.dateTime(taskDue));

    md.append("\n\n**Thành phần hồ sơ:**\n\n");
    List<DossierDocument> docs = dossiers.documents(d.id());
    if (docs.isEmpty()) {
      md.append("- (chưa có)\n");
    }
    for (DossierDocument doc : docs) {
      md.append("- ").append(escape(doc.name())).append(" — ").append(doc.copies()).append(" bản — ")
          .append(doc.state().label());
      if (doc.note() != null && !doc.note().isBlank()) {
        md.append(" (").append(escape(doc.note())).append(")");
      }
      md.append("\n");
    }
    List<DossierFile> all = files.list(d.id());
    List<DossierFile> uploaded = all.stream().filter(f -> f.purpose() == DossierFile.Purpose.SUBMISSION
        || f.purpose() == DossierFile.Purpose.SUPPLEMENT).toList();
    fileList(md, d, "Tệp người nộp gửi trực tuyến", uploaded);
    // digitisation at reception and the signed result (vn.motcua.digitisation, docs/signatures.md)
    fileList(md, d, "Bản số hóa hồ sơ giấy", all.stream().filter(f -> f.purpose() == DossierFile.Purpose.SCAN).toList());
    fileList(md, d, "Kết quả điện tử (đã ký số)",
        all.stream().filter(f -> f.purpose() == DossierFile.Purpose.RESULT).toList());

    md.append("\n**Quá trình xử lý (phiếu kiểm soát):**\n\n");
    int i = 1;
    for (ControlLogEntry e : dossiers.controlLog(d.id())) {
      md.append(i++).append(". ").append(escape(e.stepName())).append(" — ")
          .append(escape(dossiers.unitName(e.toUnit())));
      if (e.toOfficer() != null) {
        md.append(" (").append(escape(print.officerName(e.toOfficer()))).append(")");
      }
      md.append(" — nhận ").append(Format.dateTime(e.handedAt()));
      if (e.stageDueAt() != null) {
        md.append(", hạn ").append(Format.dateTime(e.stageDueAt()));
      }
      if (e.doneAt() != null) {
        md.append(", xong ").append(Format.dateTime(e.doneAt()));
        if (e.doneBy() != null) {
          md.append(" bởi ").append(escape(print.officerName(e.doneBy())));
        }
        if (e.resultClass() != null) {
          md.append(" — **").append(e.resultClass().label()).append("**");
        }
      } else {
        md.append(taskId != null && taskId.equals(e.taskId()) ? " — **bước hiện tại**" : " — đang xử lý");
      }
      md.append("\n");
    }
    if (i == 1) {
      md.append("(chưa có bước nào)\n");
    }

    String base = "/api/dossiers/" + d.code() + "/forms/";
    md.append("\n**In phiếu:** ");
    if (d.appointmentAt() != null) {
      md.append("[Giấy tiếp nhận và hẹn trả kết quả (mẫu 01)](").append(base).append("01.pdf) · ");
    }
    if (d.supplementCount() > 0) {
      md.append("[Phiếu yêu cầu bổ sung (mẫu 02)](").append(base).append("02.pdf) · ");
    }
    if (d.status() == DossierStatus.NOT_ACCEPTED) {
      md.append("[Phiếu từ chối (mẫu 03)](").append(base).append("03.pdf) · ");
    }
    if (overdue.letters(d.id()).stream().anyMatch(l -> l.signedAt() != null)) {
      md.append("[Phiếu xin lỗi và hẹn lại (mẫu 04)](").append(base).append("04.pdf) · ");
    }
    md.append("[Phiếu kiểm soát quá trình (mẫu 05)](").append(base).append("05.pdf)");
    return md.toString();
  }

  /** Markdown-escapes text written by people (names, notes), so it prints as typed. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    return s.replaceAll("([\\\\`*_\\[\\]{}<>#|!])", "\\\\$1").replace("\n", " ");
  }
}
