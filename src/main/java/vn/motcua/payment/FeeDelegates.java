package vn.motcua.payment;

import static vn.motcua.dossier.engine.Delegates.actor;
import static vn.motcua.dossier.engine.Delegates.dossierId;

import java.time.Duration;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.dossier.DossierClock;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.engine.Delegates;
import vn.motcua.security.SystemAccess;

/**
 * The thin delegates of the block "Nộp lệ phí" (processes/blocks/fee-payment.bpmn). While the fee waits the
 * clock is stopped (status 6): the wait is the applicant's, not an agency's (domain.md, "Who is charged").
 */
@Configuration
public class FeeDelegates {

  /** The fee is due: recorded, the amount for the form, the clock stopped. */
  @Bean
  JavaDelegate feeDueDelegate(FeeService fees, DossierService dossiers) {
    return execution -> {
      long id = dossierId(execution);
      long amount = fees.feeDue(id, actor(execution));
      execution.setVariable(FeeService.FEE_AMOUNT, amount);
      execution.setVariable("feeAmountText", FeeService.vnd(amount));
      dossiers.pause(id, DossierStatus.AWAITING_FINANCIAL_OBLIGATIONS, "Chờ người nộp nộp lệ phí "
          + FeeService.vnd(amount), "system");
    };
  }

  /** The reception officer took the fee in cash: the payment with its receipt number; the clock runs again. */
  @Bean
  JavaDelegate counterFeeDelegate(FeeService fees, DossierService dossiers, DossierClock clock,
      IdentityService identityService) {
    return execution -> {
      long id = dossierId(execution);
      fees.paidAtCounter(id, Delegates.string(execution, FeeService.FEE_RECEIPT_NUMBER), actor(execution));
      execution.setVariable(FeeService.FEE_METHOD, FeePayment.COUNTER);
      resume(execution, dossiers, clock, identityService, "Đã nộp lệ phí tại Bộ phận Một cửa");
    };
  }

  /** Paid online (the gateway's callback): the clock runs again. */
  @Bean
  JavaDelegate onlineFeeDelegate(DossierService dossiers, DossierClock clock, IdentityService identityService) {
    return execution -> resume(execution, dossiers, clock, identityService, "Đã nộp lệ phí trực tuyến");
  }

  private static void resume(DelegateExecution execution, DossierService dossiers, DossierClock clock,
      IdentityService identityService, String reason) {
    long id = dossierId(execution);
    Duration paused = dossiers.resume(id, reason, actor(execution));
    String root = DossierClock.rootOf(execution);
    SystemAccess.run(identityService, () -> clock.shift(root, paused));
  }

  /** "Thu lệ phí tại quầy": the receipt number is required (1–50 characters). */
  @Bean
  TaskListener feeCollectionValidator() {
    return task -> {
      Object value = task.getVariable(FeeService.FEE_RECEIPT_NUMBER);
      if (!(value instanceof String s) || s.isBlank() || s.strip().length() > 50) {
        throw new BadUserRequestException("Cần nhập số biên lai thu lệ phí (tối đa 50 ký tự).");
      }
    };
  }
}
