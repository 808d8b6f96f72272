package vn.motcua.dossier;

import java.time.Instant;

/**
 * Something happened to a dossier that the applicant must be told of (Decree 61/2018 Art. 15–19): the
 * receipt with its appointment, the one supplement request, an apology with a new date, the result
 * ready. Published as a Spring application event inside the transaction that made the change, so a
 * listener that records the notification commits or rolls back with it.
 *
 * @param dossierId the dossier
 * @param kind what happened
 * @param at when it happened (engine clock)
 * @param reference what makes this notice unique for the dossier besides its kind (the apology letter
 *     number, for instance), or {@code null}
 */
public record DossierNotice(long dossierId, Kind kind, Instant at, String reference) {

  /** The four moments the applicant hears of, in Vietnamese for the message subject. */
  public enum Kind {
    RECEIVED("Hồ sơ đã được tiếp nhận"),
    SUPPLEMENT_REQUESTED("Yêu cầu bổ sung, hoàn thiện hồ sơ"),
    APOLOGY_ISSUED("Thư xin lỗi và hẹn lại ngày trả kết quả"),
    RESULT_READY("Đã có kết quả giải quyết hồ sơ");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
