package vn.motcua.notification;

import java.time.Instant;

/**
 * Something a petitioner (phản ánh, kiến nghị, Decree 20/2008/NĐ-CP) must be told of: the receipt with the code,
 * the forwarding to the competent agency, the link to an open petition of the same content, a request to
 * clarify, the answer. The petition feature publishes it as a Spring application event inside the transaction
 * that made the change (like {@code dossier.DossierNotice}), so the listener that records the messages commits
 * or rolls back with it. It carries what the messages need, so that this feature does not depend on the
 * petition feature (which depends on it, through the public side's throttle and here).
 *
 * @param petitionId the petition ({@code notification.petition_id})
 * @param kind what happened
 * @param at when (engine clock)
 * @param reference what makes this notice unique for the petition besides its kind (the number of the
 *     clarification request), or {@code null}
 * @param text the notice as written in the petition's history (Vietnamese), the core of the message
 * @param petitionCode the petition's code (the sending process's business key)
 * @param subject the petition's subject
 * @param petitionerName named in the e-mail only
 * @param phone the phone on file: the SMS's recipient
 * @param email the e-mail address given, or {@code null}: no e-mail
 * @param followUrl the public petition page with the code filled in
 */
public record PetitionNotice(long petitionId, Kind kind, Instant at, String reference, String text,
    String petitionCode, String subject, String petitionerName, String phone, String email, String followUrl) {

  /** The moments the petitioner hears of, in Vietnamese for the message subject. */
  public enum Kind {
    RECEIVED("NOTICE_RECEIVED", "Đã tiếp nhận phản ánh, kiến nghị"),
    FORWARDED("NOTICE_FORWARDED", "Phản ánh, kiến nghị được chuyển cơ quan có thẩm quyền"),
    DUPLICATE("NOTICE_DUPLICATE", "Phản ánh, kiến nghị trùng nội dung đang xử lý"),
    CLARIFY("NOTICE_CLARIFY", "Đề nghị làm rõ nội dung phản ánh, kiến nghị"),
    ANSWERED("NOTICE_ANSWERED", "Trả lời phản ánh, kiến nghị");

    private final String eventType;
    private final String label;

    Kind(String eventType, String label) {
      this.eventType = eventType;
      this.label = label;
    }

    /** The type of the petition's history line that records the notice ({@code petition_event.type}). */
    public String eventType() {
      return eventType;
    }

    public String label() {
      return label;
    }

    public static Kind ofEvent(String eventType) {
      for (Kind k : values()) {
        if (k.eventType.equals(eventType)) {
          return k;
        }
      }
      throw new IllegalArgumentException("Not a notice to the petitioner: " + eventType);
    }
  }
}
