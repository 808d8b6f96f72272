package vn.motcua.petition;

import java.time.Instant;

/**
 * Something the petitioner must be told of (Decree 20/2008/NĐ-CP): the receipt with the code, the forwarding to
 * the competent agency, the link to an open petition of the same content, a request to clarify, the answer.
 * Published as a Spring application event inside the transaction that made the change (like
 * {@code dossier.DossierNotice}), so a listener that records the message commits or rolls back with it.
 *
 * @param petitionId the petition
 * @param kind what happened
 * @param at when (engine clock)
 * @param reference what makes this notice unique for the petition besides its kind (the number of the
 *     clarification request), or {@code null}
 * @param text the notice as written in the petition's history (Vietnamese), the core of the message
 */
public record PetitionNotice(long petitionId, Kind kind, Instant at, String reference, String text) {

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
