package vn.motcua.overdue;

import java.time.Instant;

/**
 * An apology letter with a new appointment date (phiếu xin lỗi và hẹn lại ngày trả kết quả, form 04),
 * numbered per agency and year, from the resolving (lead) agency, signed by its head or a deputy authorised
 * to sign for the head.
 *
 * @param signedLate signed after the legal limit (later than one working day before the original
 *     appointment): accepted, and marked on form 04 and in the reports
 * @param signedAs {@code HEAD} or {@code DEPUTY_HEAD} (printed "KT. Thủ trưởng cơ quan"); {@code null} for
 *     letters signed before the head had a role of its own
 */
public record ApologyLetter(
    long id,
    long dossierId,
    String agency,
    String number,
    Instant originalAppointmentAt,
    Instant newAppointmentAt,
    String reason,
    String draftedBy,
    String signedBy,
    Instant signedAt,
    Instant deliveredAt,
    String deliveredBy,
    String deliveryMethod,
    String deliveryNote,
    boolean signedLate,
    String signedAs) {

  /** The letter was signed by a deputy for the head. */
  public boolean signedByDeputy() {
    return "DEPUTY_HEAD".equals(signedAs);
  }
}
