package vn.motcua.payment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.Format;
import vn.motcua.print.ReceiptFees;

/** The fee on the receipt (form 01): the amount, and how and when it was paid, or that it is still due. */
@Component
class FeeReceiptFacts implements ReceiptFees {
  private final FeeService fees;

  FeeReceiptFacts(FeeService fees) {
    this.fees = fees;
  }

  @Override
  public Map<String, Object> receiptFacts(Dossier d) {
    Map<String, Object> m = new LinkedHashMap<>();
    long amount = fees.feeOf(d);
    // only dossiers whose procedure has the fee step (the block recorded the fee as due)
    if (amount <= 0 || !fees.feeStepReached(d.id())) {
      return m;
    }
    m.put("feeAmount", FeeService.vnd(amount));
    m.put("feePaid", fees.paid(d.id()).map(p -> FeePayment.ONLINE.equals(p.method())
        ? "đã nộp trực tuyến qua cổng thanh toán lúc " + Format.dateTime(p.paidAt()) + " (mã thanh toán "
            + p.reference() + ", mã giao dịch " + p.gatewayTransaction() + ")"
        : "đã nộp tiền mặt tại Bộ phận Một cửa lúc " + Format.dateTime(p.paidAt()) + ", biên lai số "
            + p.receiptNumber()).orElse("chưa nộp (nộp trực tuyến tại trang tra cứu hồ sơ hoặc tại Bộ phận Một cửa)"));
    return m;
  }
}
