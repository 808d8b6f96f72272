package vn.motcua.payment;

import java.time.LocalDate;
import java.util.List;

/** The online payment gateway, as the fees need it (docs/fees.md, "HTTP contract"). */
public interface PaymentGateway {
  /** A payment created at the gateway: its id there and where to send the citizen. */
  record Created(String gatewayPaymentId, String redirectUrl) {}

  /** A payment the gateway settled on a day (reconciliation). */
  record Settled(String reference, String transactionId, long amount, String status) {}

  Created create(String reference, long amount, String description, String returnUrl, String callbackUrl);

  /** Every payment the gateway settled (paid or cancelled) on {@code day}, in Vietnam's time. */
  List<Settled> settlements(LocalDate day);
}
