package vn.motcua.payment;

import java.time.Instant;

/**
 * One attempt to collect a dossier's fee (lệ phí): online through the gateway or in cash at the counter.
 *
 * @param reference our reference, sent to the gateway as {@code paymentRef}
 * @param method {@code ONLINE} or {@code COUNTER}
 * @param status {@code PENDING} (online, waiting for the gateway), {@code PAID} or {@code CANCELLED}
 * @param receiptNumber the number of the fee receipt (biên lai thu lệ phí) for a payment at the counter
 */
public record FeePayment(long id, long dossierId, String reference, long amount, String method, String status,
    String gatewayPaymentId, String gatewayTransaction, String receiptNumber, Instant createdAt, String createdBy,
    Instant paidAt, Instant cancelledAt, String recordedBy) {

  public static final String ONLINE = "ONLINE";
  public static final String COUNTER = "COUNTER";
  public static final String PENDING = "PENDING";
  public static final String PAID = "PAID";
  public static final String CANCELLED = "CANCELLED";

  /** How it was paid, in Vietnamese, for forms and views. */
  public String methodLabel() {
    return ONLINE.equals(method) ? "Thanh toán trực tuyến qua cổng thanh toán" : "Nộp tiền mặt tại Bộ phận Một cửa";
  }

  public String statusLabel() {
    return switch (status) {
      case PAID -> "Đã nộp";
      case CANCELLED -> "Đã hủy";
      default -> "Đang chờ thanh toán";
    };
  }
}
