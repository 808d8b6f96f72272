package vn.motcua.print;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.calendar.OfficeZone;
import vn.motcua.dossier.ControlLogEntry;
import vn.motcua.dossier.DeliveryMethod;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDocument;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.Format;
import vn.motcua.overdue.ApologyLetter;
import vn.motcua.web.ApiException;

/**
 * Turns a dossier into the flat model of a print template: plain strings (dates already in
 * dd/MM/yyyy, times in HH:mm dd/MM/yyyy) and lists of maps, so that an administrator editing a
 * template needs only {@code ${name}} and {@code th:each}. The variables are listed in docs/printing.md.
 * Pure: no database, no engine.
 */
public final class FormModels {

  private FormModels() {}

  /** The status page's address printed when none is configured (the demo's). */
  public static final String DEFAULT_STATUS_PAGE_URL = "http://localhost:8080/tra-cuu/";

  /** The model of slip 01–05 for one dossier, naming the demo's status page. */
  public static Map<String, Object> slip(PrintForm form, PrintableDossier p, LocalDate printedOn) {
    return slip(form, p, printedOn, DEFAULT_STATUS_PAGE_URL);
  }

  /**
   * The model of slip 01–05 for one dossier; refuses (409) a slip that does not apply to it.
   * {@code statusPageUrl} is the full address of the public status page printed on the receipt.
   */
  public static Map<String, Object> slip(PrintForm form, PrintableDossier p, LocalDate printedOn,
      String statusPageUrl) {
    Dossier d = p.dossier();
    Map<String, Object> m = common(form, printedOn);
    m.put("statusPageUrl", statusPageUrl == null || statusPageUrl.isBlank() ? DEFAULT_STATUS_PAGE_URL : statusPageUrl);
    m.put("code", d.code());
    m.put("qr", QrCodes.pngDataUri(d.code(), 240));
    m.put("procedureName", d.procedureName());
    m.put("procedureCode", nz(d.procedureCode()));
    m.put("receivingUnit", p.unitName().apply(d.receivingUnit()));
    m.put("competentUnit", p.unitName().apply(d.competentUnit()));
    m.put("channel", d.channel() == null ? "" : d.channel().label());
    m.put("applicantName", d.applicant().name());
    m.put("applicantIdNumber", nz(d.applicant().idNumber()));
    m.put("applicantAddress", nz(d.applicant().address()));
    m.put("applicantPhone", nz(d.applicant().phone()));
    m.put("applicantEmail", nz(d.applicant().email()));
    m.put("representative", nz(d.applicant().representative()));
    m.put("requestSummary", nz(d.requestSummary()));
    m.put("statutoryDays", String.valueOf(d.statutoryDays()));
    m.put("receivedAt", Format.dateTime(d.receivedAt()));
    m.put("receivedDate", Format.date(d.receivedAt()));
    m.put("appointmentAt", Format.dateTime(d.appointmentAt()));
    m.put("appointmentDate", Format.date(d.appointmentAt()));
    m.put("returnPlace", "Bộ phận Một cửa — " + p.unitName().apply(d.receivingUnit()));
    m.put("receivedBy", p.officerName().apply(d.createdBy()));
    m.put("status", d.status().label());
    m.put("documents", documents(p.documents()));
    m.put("lookupPin", nz(p.lookupPin()));
    switch (form) {
      case RECEIPT -> {
        if (d.appointmentAt() == null) {
          throw ApiException.conflict("Hồ sơ chưa được tiếp nhận đầy đủ, hợp lệ: chưa có giấy tiếp nhận và hẹn trả kết quả.");
        }
      }
      case SUPPLEMENT_REQUEST -> {
        DossierEvent e = lastEvent(p, "SUPPLEMENT_REQUESTED").orElseThrow(() ->
            ApiException.conflict("Hồ sơ chưa có yêu cầu bổ sung, hoàn thiện."));
        m.put("supplementItems", lines(e.reason()));
        m.put("requestedAt", Format.dateTime(e.occurredAt()));
        m.put("requestedDate", Format.date(e.occurredAt()));
        m.put("requestedBy", p.officerName().apply(e.actor()));
      }
      case REFUSAL -> {
        DossierEvent e = lastEvent(p, "RECEPTION_REFUSED")
            .or(() -> lastEvent(p, "REFUSED_AFTER_APPRAISAL"))
            .orElseThrow(() -> ApiException.conflict("Hồ sơ không bị từ chối tiếp nhận, giải quyết."));
        m.put("refusalReasons", lines(e.reason()));
        m.put("refusedAt", Format.dateTime(e.occurredAt()));
        m.put("refusedDate", Format.date(e.occurredAt()));
        m.put("refusedBy", p.officerName().apply(e.actor()));
      }
      case APOLOGY -> {
        ApologyLetter l = p.apologies().stream().filter(a -> a.signedAt() != null)
            .max(Comparator.comparing(ApologyLetter::signedAt))
            .orElseThrow(() -> ApiException.conflict("Hồ sơ chưa có phiếu xin lỗi và hẹn lại ngày trả kết quả đã ký."));
        m.put("letterNumber", nz(l.number()));
        m.put("letterAgency", p.unitName().apply(l.agency()));
        m.put("originalAppointmentDate", Format.date(l.originalAppointmentAt()));
        m.put("newAppointmentDate", Format.date(l.newAppointmentAt()));
        m.put("newAppointmentAt", Format.dateTime(l.newAppointmentAt()));
        m.put("apologyReason", nz(l.reason()));
        m.put("signedBy", p.officerName().apply(l.signedBy()));
        m.put("signedDate", Format.date(l.signedAt()));
        // a deputy signs for the head: "KT. Thủ trưởng cơ quan" above the deputy's own title
        m.put("signerTitle", l.signedByDeputy() ? "KT. Thủ trưởng cơ quan" : "Thủ trưởng cơ quan");
        m.put("signerSubtitle", l.signedByDeputy() ? "Phó Thủ trưởng cơ quan" : "");
        m.put("signedLate", l.signedLate());
        m.put("signedLateNote", l.signedLate() ? "Phiếu được ký sau thời hạn quy định (chậm nhất 01 ngày làm việc trước"
            + " ngày hẹn trả kết quả " + Format.date(l.originalAppointmentAt()) + ")." : "");
      }
      case CONTROL_SLIP -> m.put("steps", steps(p));
      case LEDGER -> throw new IllegalArgumentException("The ledger is printed for a period, not a dossier");
    }
    return m;
  }

  /** One row of the ledger (form 06): the dossier and its number in the year's ledger. */
  public record LedgerRow(int number, PrintableDossier dossier) {}

  /** The model of the tracking ledger (form 06) of one receiving unit for a period. */
  public static Map<String, Object> ledger(String unitName, LocalDate from, LocalDate to, List<LedgerRow> rows,
      LocalDate printedOn) {
    Map<String, Object> m = common(PrintForm.LEDGER, printedOn);
    m.put("unit", unitName);
    m.put("from", Format.day(from));
    m.put("to", Format.day(to));
    List<Map<String, String>> list = new ArrayList<>();
    for (LedgerRow r : rows) {
      Dossier d = r.dossier().dossier();
      Map<String, String> row = new LinkedHashMap<>();
      row.put("number", String.valueOf(r.number()));
      row.put("code", d.code());
      row.put("procedureName", d.procedureName());
      row.put("applicantName", d.applicant().name());
      row.put("applicantContact", nz(d.applicant().address()) + (d.applicant().phone() == null ? "" : " — ĐT: " + d.applicant().phone()));
      row.put("competentUnit", r.dossier().unitName().apply(d.competentUnit()));
      row.put("receivedAt", Format.dateTime(d.receivedAt()));
      row.put("appointmentDate", Format.date(d.appointmentAt()));
      row.put("returnedDate", d.returnedAt() == null ? "" : Format.date(d.returnedAt()));
      row.put("deliveryMethod", DeliveryMethod.label(d.deliveryMethod()));
      row.put("status", d.status().label());
      list.add(row);
    }
    m.put("rows", list);
    m.put("count", String.valueOf(list.size()));
    return m;
  }

  private static Map<String, Object> common(PrintForm form, LocalDate printedOn) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("formNumber", form.number());
    m.put("formTitle", form.title());
    m.put("pageSize", form.a4() ? "A4 landscape" : "A5");
    m.put("printedDate", Format.day(printedOn));
    m.put("printedDay", String.valueOf(printedOn.getDayOfMonth()));
    m.put("printedMonth", String.valueOf(printedOn.getMonthValue()));
    m.put("printedYear", String.valueOf(printedOn.getYear()));
    return m;
  }

  private static List<Map<String, String>> documents(List<DossierDocument> docs) {
    List<Map<String, String>> list = new ArrayList<>();
    for (DossierDocument doc : docs) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("position", String.valueOf(doc.position()));
      row.put("name", doc.name());
      row.put("copies", String.valueOf(doc.copies()));
      row.put("state", doc.state() == null ? "" : doc.state().label());
      row.put("note", nz(doc.note()));
      list.add(row);
    }
    return list;
  }

  private static List<Map<String, String>> steps(PrintableDossier p) {
    List<Map<String, String>> list = new ArrayList<>();
    int i = 1;
    for (ControlLogEntry e : p.controlLog()) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("number", String.valueOf(i++));
      row.put("step", nz(e.stepName()));
      row.put("fromUnit", e.fromUnit() == null ? "" : p.unitName().apply(e.fromUnit()));
      row.put("fromOfficer", e.fromOfficer() == null ? "" : p.officerName().apply(e.fromOfficer()));
      row.put("toUnit", e.toUnit() == null ? "" : p.unitName().apply(e.toUnit()));
      row.put("toOfficer", e.toOfficer() == null ? "" : p.officerName().apply(e.toOfficer()));
      row.put("handedAt", compact(e.handedAt()));
      row.put("dueAt", compact(e.stageDueAt()));
      row.put("doneAt", compact(e.doneAt()));
      row.put("doneBy", e.doneBy() == null ? "" : p.officerName().apply(e.doneBy()));
      row.put("result", e.resultClass() == null ? (e.doneAt() == null ? "Đang xử lý" : "") : e.resultClass().label());
      row.put("note", nz(e.note()));
      list.add(row);
    }
    return list;
  }

  /** hh:mm dd/MM/yyyy as on the control slip (form 05); empty when unset. */
  private static String compact(Instant instant) {
    return instant == null ? "" : Format.timeDay(instant);
  }

  private static Optional<DossierEvent> lastEvent(PrintableDossier p, String type) {
    return p.events().stream().filter(e -> type.equals(e.type()))
        .max(Comparator.comparing(DossierEvent::occurredAt));
  }

  private static List<String> lines(String text) {
    if (text == null) {
      return List.of();
    }
    return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  static LocalDate today(Instant now) {
    return now.atZone(OfficeZone.get()).toLocalDate();
  }
}
