package vn.motcua.notification;

import java.text.Normalizer;
import vn.motcua.dossier.Format;

/**
 * The Vietnamese texts of the four notices (Decree 61/2018 Art. 15–20): the subject and body of the
 * e-mail, and the short SMS. No personal data beyond what the applicant gave: the e-mail greets the
 * applicant by name, the SMS does not name them. Texts are NFC.
 */
public final class NotificationMessages {
  /** SMS texts longer than this are shortened (the gateway splits long messages into parts). */
  static final int SMS_MAX = 480;
  /** The supplement items quoted in an SMS are cut to this length; the e-mail quotes them in full. */
  static final int SMS_ITEMS_MAX = 200;
  private static final String FOOTER =
      "\n\nThư này được gửi tự động từ hệ thống Một Cửa; xin ông/bà không trả lời thư này.";

  private NotificationMessages() {}

  /** A message's subject and body. */
  public record Message(String subject, String body) {}

  /** The message of a notice on a channel: the common subject, the channel's body. */
  public static Message of(NoticeFacts f, NotificationChannel channel) {
    String subject = f.kind().label() + " – mã hồ sơ " + f.dossierCode();
    return new Message(nfc(subject), nfc(channel.body(f)));
  }

  /** The message of a petition's notice on a channel: the common subject, the channel's body. */
  public static Message of(PetitionFacts f, NotificationChannel channel) {
    String subject = f.kind().label() + " – mã " + f.petitionCode();
    return new Message(nfc(subject), nfc(channel.body(f)));
  }

  /** The e-mail to a petitioner: the notice in full (the answer's whole text), the petitioner named. */
  static String petitionEmail(PetitionFacts f) {
    return "Kính gửi ông/bà " + f.petitionerName() + ",\n\n" + f.text().strip() + "\n\n"
        + "Mã phản ánh, kiến nghị: " + f.petitionCode() + "\nTiêu đề: " + f.subject() + "\n\n"
        + "Ông/bà theo dõi phản ánh, kiến nghị tại " + f.followUrl()
        + " bằng mã trên và số điện thoại đã khai." + FOOTER;
  }

  /**
   * The SMS to a petitioner: the notice on one line, shortened so that the link to the public page (where the
   * whole answer is) always fits; the petitioner not named.
   */
  static String petitionSms(PetitionFacts f) {
    String head = "Một Cửa: ";
    String tail = " Xem: " + f.followUrl();
    String text = oneLine(f.text());
    int room = SMS_MAX - head.length() - tail.length();
    return head + shorten(text, Math.max(room, 40)) + tail;
  }

  /** The e-mail's body: the full letter, the applicant named. */
  static String email(NoticeFacts f) {
    StringBuilder b = new StringBuilder("Kính gửi ông/bà ").append(f.applicantName()).append(",\n\n");
    String dossier = "Mã hồ sơ: " + f.dossierCode() + "\nThủ tục: " + f.procedureName() + "\n";
    switch (f.kind()) {
      case RECEIVED -> b.append(f.receivingUnitName()).append(" đã tiếp nhận hồ sơ của ông/bà.\n\n").append(dossier)
          .append("Ngày hẹn trả kết quả: ").append(Format.dateTime(f.appointmentAt())).append("\n\n")
          .append("Ông/bà theo dõi tiến độ giải quyết hồ sơ tại ").append(link(f))
          .append(" bằng mã hồ sơ trên và số điện thoại đã khai.");
      case SUPPLEMENT_REQUESTED -> b.append("Hồ sơ của ông/bà cần được bổ sung, hoàn thiện.\n\n").append(dossier)
          .append("\nCác nội dung cần bổ sung, hoàn thiện:\n").append(f.supplementItems().strip()).append("\n\n")
          .append("Cách nộp bổ sung: trực tuyến tại trang tra cứu hồ sơ ").append(link(f))
          .append(" (nhập mã hồ sơ và số điện thoại đã khai, rồi chọn \"Gửi hồ sơ bổ sung\"), hoặc trực tiếp tại ")
          .append("Bộ phận Một cửa – ")
          .append(f.receivingUnitName()).append(".\n")
          .append("Thời hạn giải quyết được tính từ khi hồ sơ đã đầy đủ, hợp lệ.");
      case APOLOGY_ISSUED -> b.append(f.apologyAgencyName()).append(" thành thật xin lỗi ông/bà vì hồ sơ chưa thể ")
          .append("trả kết quả đúng hẹn ").append(Format.dateTime(f.previousAppointmentAt())).append(".\n\n")
          .append(dossier)
          .append("Phiếu xin lỗi và hẹn lại ngày trả kết quả số: ").append(f.apologyNumber()).append("\n")
          .append("Lý do: ").append(f.apologyReason() == null ? "—" : f.apologyReason().strip()).append("\n")
          .append("Ngày hẹn trả kết quả mới: ").append(Format.dateTime(f.appointmentAt())).append("\n\n")
          .append("Ông/bà theo dõi tiến độ giải quyết hồ sơ tại ").append(link(f)).append(".");
      case RESULT_READY -> b.append(f.approved()
              ? "Hồ sơ của ông/bà đã có kết quả giải quyết.\n\n"
              : "Hồ sơ của ông/bà đã có văn bản trả lời của cơ quan có thẩm quyền (không giải quyết, có nêu rõ "
                  + "lý do).\n\n")
          .append(dossier).append("Ngày hẹn trả kết quả: ").append(Format.dateTime(f.appointmentAt())).append("\n\n")
          .append("Nơi nhận kết quả: Bộ phận Một cửa – ").append(f.receivingUnitName())
          .append(", trong giờ làm việc. Khi đến nhận, ông/bà mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả ")
          .append("và giấy tờ tùy thân; người nhận thay cần có văn bản ủy quyền. Nếu ông/bà đã đăng ký nhận ")
          .append("kết quả qua dịch vụ bưu chính, kết quả được gửi đến địa chỉ đã đăng ký.");
      default -> throw new IllegalArgumentException("Unknown notice " + f.kind());
    }
    return b.append(FOOTER).toString();
  }

  /** The SMS: short, the applicant not named. */
  static String sms(NoticeFacts f) {
    String text = switch (f.kind()) {
      case RECEIVED -> "Một Cửa: hồ sơ " + f.dossierCode() + " (" + f.procedureName() + ") đã được tiếp nhận, hẹn trả "
          + "kết quả " + Format.dateTime(f.appointmentAt()) + ". Tra cứu: " + link(f);
      case SUPPLEMENT_REQUESTED -> "Một Cửa: hồ sơ " + f.dossierCode() + " cần bổ sung: "
          + shorten(oneLine(f.supplementItems()), SMS_ITEMS_MAX) + ". Nộp bổ sung trực tuyến tại " + link(f)
          + " hoặc tại Bộ phận Một cửa – " + f.receivingUnitName() + ".";
      case APOLOGY_ISSUED -> "Một Cửa: " + f.apologyAgencyName() + " xin lỗi vì hồ sơ " + f.dossierCode()
          + " chậm so với hẹn. Phiếu xin lỗi số " + f.apologyNumber() + "; hẹn trả kết quả mới: "
          + Format.dateTime(f.appointmentAt()) + ". Tra cứu: " + link(f);
      case RESULT_READY -> "Một Cửa: hồ sơ " + f.dossierCode() + " đã có kết quả. Mời ông/bà nhận tại Bộ phận Một cửa – "
          + f.receivingUnitName() + ", mang theo giấy tiếp nhận và giấy tờ tùy thân.";
      default -> throw new IllegalArgumentException("Unknown notice " + f.kind());
    };
    return shorten(text, SMS_MAX);
  }

  /** The status page with the dossier's code filled in ({@code /tra-cuu/?ma=<code>}). */
  static String link(NoticeFacts f) {
    String url = f.statusPageUrl();
    return url + (url.contains("?") ? "&" : "?") + "ma=" + f.dossierCode();
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  static String shorten(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int cut = max - 1;
    if (Character.isLowSurrogate(s.charAt(cut))) {
      cut--;
    }
    return s.substring(0, cut) + "…";
  }

  private static String nfc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /** A recipient as officers see it: the phone's first and last three digits, the e-mail's first letter and domain. */
  public static String mask(NotificationChannel channel, String recipient) {
    return recipient == null || recipient.isBlank() ? "" : channel.mask(recipient);
  }

  /** A phone as officers see it: its first and last three digits. */
  static String maskPhone(String phone) {
    return phone.length() < 7 ? "***" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 3);
  }

  /** An e-mail address as officers see it: its first letter and domain. */
  static String maskEmail(String address) {
    int at = address.indexOf('@');
    return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
  }
}
