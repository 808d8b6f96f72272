package vn.motcua.petition.web;

import java.time.Instant;
import java.util.List;
import vn.motcua.notification.NotificationSummary;
import vn.motcua.notification.PetitionNotifications;
import vn.motcua.petition.Petition;
import vn.motcua.petition.PetitionEvent;
import vn.motcua.petition.PetitionService;
import vn.motcua.petition.PetitionStepRecord;

/** What the API shows of a petition: to the petitioner, to the public (masked) and to officers. */
public final class PetitionViews {
  private PetitionViews() {}

  /** The receipt of a submission (phiếu tiếp nhận phản ánh, kiến nghị). */
  public record Receipt(String code, String status, String statusName, String receivingUnitName, Instant receivedAt,
      String followPage, boolean replayed) {}

  public static Receipt receipt(Petition p, PetitionService s, boolean replayed) {
    return new Receipt(p.code(), p.status().name(), p.status().label(), s.unitName(p.receivingUnit()), p.receivedAt(),
        "/phan-anh/?ma=" + p.code(), replayed);
  }

  /** One step of the history the petitioner sees (no officer's name). */
  public record Progress(String what, Instant at, String unitName, String text) {}

  /** The petitioner's own view (after the code and their phone number): progress and the answer. */
  public record ForPetitioner(String code, String subject, String status, String statusName, String receivingUnitName,
      String handlingUnitName, Instant receivedAt, Instant forwardedAt, Instant answerDueAt, Instant answeredAt,
      String answer, String duplicateOf, List<Progress> progress) {}

  public static ForPetitioner forPetitioner(Petition p, PetitionService s) {
    List<Progress> progress = s.events(p.id()).stream().filter(e -> e.type().startsWith("NOTICE_")
        || e.type().equals("CLARIFIED")).map(e -> new Progress(noticeLabel(e), e.at(), s.unitName(e.unit()), e.note()))
        .toList();
    String original = p.duplicateOf() == null ? null : s.get(p.duplicateOf()).code();
    return new ForPetitioner(p.code(), p.subject(), p.status().name(), p.status().label(), s.unitName(p.receivingUnit()),
        s.unitName(p.handlingUnit()), p.receivedAt(), p.forwardedAt(), p.answerDueAt(), p.answeredAt(), p.answerText(),
        original, progress);
  }

  private static String noticeLabel(PetitionEvent e) {
    return switch (e.type()) {
      case "NOTICE_RECEIVED" -> "Đã tiếp nhận";
      case "NOTICE_FORWARDED" -> "Đã chuyển cơ quan có thẩm quyền";
      case "NOTICE_DUPLICATE" -> "Đã gộp vào phản ánh trùng";
      case "NOTICE_CLARIFY" -> "Đề nghị làm rõ nội dung";
      case "NOTICE_ANSWERED" -> "Đã trả lời";
      case "CLARIFIED" -> "Ông/bà đã gửi nội dung làm rõ";
      default -> e.type();
    };
  }

  /** A published answer: personal data masked, no contact detail. */
  public record Published(String code, String agencyName, String category, String subject, String content,
      String answer, Instant receivedAt, Instant answeredAt, Instant publishedAt) {}

  public static Published published(Petition p, PetitionService s) {
    return new Published(p.code(), s.unitName(p.handlingUnit()), p.category() == null ? null : p.category().label(),
        PetitionService.mask(p, p.subject()), PetitionService.mask(p, p.content()), p.publishedText(), p.receivedAt(),
        p.answeredAt(), p.publishedAt());
  }

  /**
   * The officers' view: everything, contact details included; the messages sent to the petitioner (SMS, e-mail)
   * with their recipients masked, as in the dossier view.
   */
  public record ForOfficer(Petition petition, String statusName, String receivingUnitName, String handlingUnitName,
      List<String> files, List<PetitionEvent> events, List<PetitionStepRecord> steps, List<String> duplicates,
      List<NotificationSummary> notifications) {}

  public static ForOfficer forOfficer(Petition p, PetitionService s, PetitionNotifications notifications) {
    return new ForOfficer(p, p.status().label(), s.unitName(p.receivingUnit()), s.unitName(p.handlingUnit()),
        s.fileNames(p.id()), s.events(p.id()), s.steps(p.id()),
        s.duplicatesOf(p.id()).stream().map(Petition::code).toList(), notifications.summaries(p.id()));
  }

  /** A line of an officer's list. */
  public record Line(String code, String subject, String statusName, String receivingUnitName, String handlingUnitName,
      String dossierCode, Instant receivedAt, Instant answerDueAt, Instant answeredAt, Boolean answeredOnTime) {}

  public static Line line(Petition p, PetitionService s) {
    return new Line(p.code(), p.subject(), p.status().label(), s.unitName(p.receivingUnit()),
        s.unitName(p.handlingUnit()), p.dossierCode(), p.receivedAt(), p.answerDueAt(), p.answeredAt(),
        p.answeredOnTime());
  }
}
