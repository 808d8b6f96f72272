package vn.motcua.overdue;

import java.time.Instant;

/**
 * An apology letter with a new appointment date (phiếu xin lỗi và hẹn lại ngày trả kết quả, form 04),
 * numbered per agency and year, signed by the head of the agency responsible for the delay.
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
    String deliveryNote) {}
