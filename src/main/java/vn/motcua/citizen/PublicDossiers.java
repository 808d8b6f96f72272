package vn.motcua.citizen;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierVariables;
import vn.motcua.overdue.OverdueService;

/**
 * Builds the applicant's view of a dossier from the dossier record and its events. The timeline maps
 * each event type to a public title and keeps only details that the system wrote itself or that are
 * addressed to the applicant (the supplement list, reasons of a refusal); officers' internal notes and
 * names never appear. An event type without a public meaning is left out.
 */
@Component
public class PublicDossiers {
  private final DossierService dossiers;
  private final OverdueService overdue;

  public PublicDossiers(DossierService dossiers, OverdueService overdue) {
    this.dossiers = dossiers;
    this.overdue = overdue;
  }

  /** The hint shown with a view without details. */
  static final String DETAILS_HINT = "Để xem chi tiết (kết quả giải quyết, nội dung cần bổ sung, lý do), nhập mã tra "
      + "cứu in trên giấy tiếp nhận hồ sơ hoặc mã xác thực gửi qua tin nhắn đến số điện thoại đã khai.";

  /** The progress only: what Circular 01/2018 Art. 16 allows without authentication. */
  public PublicDossier of(Dossier d) {
    return of(d, false);
  }

  /**
   * The applicant's view. Without {@code details} (proved by the phone number only) it is the progress: code,
   * procedure, status and step, units, dates and the timeline's titles; the result's text, the supplement's
   * items, reasons and the timeline's details need the PIN or a one-time code.
   */
  public PublicDossier of(Dossier d, boolean details) {
    List<DossierEvent> events = dossiers.events(d.id());
    String supplementRequest = null;
    List<PublicDossier.Step> timeline = new ArrayList<>();
    for (DossierEvent e : events) {
      PublicDossier.Step step = step(e);
      if (step != null) {
        timeline.add(details ? step : new PublicDossier.Step(step.at(), step.kind(), step.title(), null));
      }
      if ("SUPPLEMENT_REQUESTED".equals(e.type())) {
        supplementRequest = e.reason();
      }
    }
    boolean awaiting = d.status() == DossierStatus.SUPPLEMENT_REQUESTED;
    PublicDossier.Result result = null;
    if (d.decision() != null) {
      boolean approved = DossierVariables.APPROVED.equals(d.decision());
      result = new PublicDossier.Result(d.decision(), approved ? "Được giải quyết" : "Từ chối giải quyết",
          details ? d.result() : null, d.resolvedAt(), d.returnedAt(),
          d.outcome() == null ? null : d.outcome().label());
    }
    List<PublicDossier.Apology> apologies = overdue.letters(d.id()).stream()
        .map(l -> new PublicDossier.Apology(l.number(), dossiers.unitName(l.agency()), l.signedAt(),
            l.originalAppointmentAt(), l.newAppointmentAt(), details ? l.reason() : null))
        .toList();
    return new PublicDossier(d.code(), d.procedureName(), dossiers.unitName(d.receivingUnit()), d.channel().label(),
        d.status().code(), d.status().label(), d.stage(),
        d.currentUnit() == null ? null : dossiers.unitName(d.currentUnit()), d.receivedAt(), d.appointmentAt(),
        d.originalAppointmentAt(), awaiting, awaiting && details ? supplementRequest : null, result, apologies,
        timeline, d.status() == DossierStatus.RETURNED && d.rating() == null, d.rating(),
        d.rating() == null ? null : DossierService.ratingLabel(d.rating()), details, details ? null : DETAILS_HINT);
  }

  static PublicDossier.Step step(DossierEvent e) {
    String title;
    String detail;
    switch (e.type()) {
      case "REGISTERED" -> {
        title = "Nộp hồ sơ";
        detail = e.details() == null ? null : e.details().replaceFirst(";.*$", "");
      }
      case "RECEIPT_ISSUED" -> {
        title = "Tiếp nhận hồ sơ, hẹn ngày trả kết quả";
        detail = e.details();
      }
      case "SUPPLEMENT_REQUESTED" -> {
        title = "Yêu cầu bổ sung, hoàn thiện hồ sơ";
        detail = e.reason();
      }
      case "SUPPLEMENT_RECEIVED" -> {
        title = "Đã nhận hồ sơ bổ sung";
        detail = null;
      }
      case "RECEPTION_REFUSED" -> {
        title = "Từ chối tiếp nhận hồ sơ";
        detail = e.reason();
      }
      case "TRANSFERRED" -> {
        title = "Chuyển hồ sơ đến cơ quan giải quyết";
        detail = e.details();
      }
      case "CLOCK_RESTARTED" -> {
        title = "Tính lại thời hạn giải quyết";
        detail = e.details();
      }
      case "CLOCK_PAUSED" -> {
        title = "Tạm dừng tính thời hạn";
        detail = e.details();
      }
      case "CLOCK_RESUMED" -> {
        title = "Tiếp tục tính thời hạn";
        detail = e.details();
      }
      case "INTER_AGENCY_SENT" -> {
        title = "Chuyển hồ sơ liên thông";
        detail = e.details() == null ? null : e.details().replaceFirst("; cơ quan gửi:.*$", "");
      }
      case "INTER_AGENCY_DONE" -> {
        title = "Cơ quan liên thông đã xử lý xong";
        detail = null;
      }
      case "STAGE_APPROVED" -> {
        title = "Cơ quan chủ trì đã phê duyệt";
        detail = null;
      }
      case "APPROVED" -> {
        title = "Đã có kết quả giải quyết";
        detail = e.details();
      }
      case "REFUSED_AFTER_APPRAISAL" -> {
        title = "Từ chối giải quyết hồ sơ";
        detail = e.reason();
      }
      case "APOLOGY_ISSUED" -> {
        title = "Thư xin lỗi và hẹn lại ngày trả kết quả";
        detail = e.details();
      }
      case "APOLOGY_DELIVERED" -> {
        title = "Đã gửi thư xin lỗi";
        detail = null;
      }
      case "RETURNED" -> {
        title = "Đã trả kết quả";
        detail = e.details();
      }
      case "WITHDRAWN" -> {
        title = "Rút hồ sơ theo đề nghị của người nộp";
        detail = null;
      }
      case "STOPPED" -> {
        title = "Dừng giải quyết theo đề nghị của người nộp";
        detail = null;
      }
      case "STOP_REQUESTED" -> {
        title = "Người nộp yêu cầu dừng giải quyết hồ sơ";
        detail = null;
      }
      case "STOP_REQUEST_DECLINED" -> {
        title = "Không dừng giải quyết hồ sơ theo yêu cầu";
        detail = e.reason();
      }
      case "RATED" -> {
        title = "Người nộp đánh giá việc giải quyết";
        detail = e.details();
      }
      default -> {
        return null;
      }
    }
    return new PublicDossier.Step(e.occurredAt(), e.type(), title, detail);
  }
}
