package vn.motcua.print;

import java.util.Map;
import vn.motcua.dossier.Dossier;

/**
 * What the receipt (form 01) prints about the dossier's fee: implemented by the fees feature
 * (vn.motcua.payment), so that printing does not depend on it. Template variables (docs/printing.md):
 * {@code feeAmount} ("200.000 đồng", empty when the procedure is free), {@code feePaid} (how and when it was
 * paid, with the receipt number or the gateway's transaction, or that it is still due).
 */
public interface ReceiptFees {
  Map<String, Object> receiptFacts(Dossier d);
}
