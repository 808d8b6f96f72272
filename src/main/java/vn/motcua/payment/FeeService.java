package vn.motcua.payment;

import static vn.motcua.dossier.DossierVariables.DOSSIER_ID;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.EngineClock;
import vn.motcua.procedure.Procedure;
import vn.motcua.procedure.ProcedureCatalogue;
import vn.motcua.security.SystemAccess;
import vn.motcua.web.ApiException;

/**
 * Fees (lệ phí) of the procedures that charge one (docs/fees.md). The block "Nộp lệ phí" (Block_FeePayment)
 * waits until the fee is paid: in cash at the counter (the reception officer completes "Thu lệ phí tại quầy"
 * with the receipt number) or online, where the citizen starts a payment at the gateway and the gateway's
 * signed callback correlates the message {@value #MESSAGE_PAID}. A payment cancelled at the gateway correlates
 * {@value #MESSAGE_CANCELLED}: the dossier keeps waiting for the fee.
 *
 * <p>A callback is accepted when its HMAC-SHA256 signature is right, its timestamp within
 * {@code motcua.payment.callback-window} of now and it names one of our payments with its amount; a nonce is
 * accepted once, so the gateway's repeat of a callback is answered as done and changes nothing. Every refused
 * callback is kept (fee_callback) and logged.
 */
@Service
public class FeeService {
  public static final String MESSAGE_PAID = "FeePaidOnline";
  public static final String MESSAGE_CANCELLED = "FeePaymentCancelled";
  public static final String FEE_AMOUNT = "feeAmount";
  public static final String FEE_RECEIPT_NUMBER = "feeReceiptNumber";
  public static final String FEE_METHOD = "feeMethod";
  public static final String FEE_REFERENCE = "feeReference";

  private static final Logger log = LoggerFactory.getLogger(FeeService.class);
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final FeeRepository repository;
  private final DossierService dossiers;
  private final ProcedureCatalogue catalogue;
  private final PaymentGateway gateway;
  private final PaymentProperties properties;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final TransactionTemplate ownTx;

  public FeeService(FeeRepository repository, DossierService dossiers, ProcedureCatalogue catalogue,
      PaymentGateway gateway, PaymentProperties properties, RuntimeService runtimeService,
      IdentityService identityService, EngineClock clock, PlatformTransactionManager transactions) {
    this.repository = repository;
    this.dossiers = dossiers;
    this.catalogue = catalogue;
    this.gateway = gateway;
    this.properties = properties;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
    this.ownTx = new TransactionTemplate(transactions);
    ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The fee of the dossier's procedure (VND; 0 when free). */
  public long feeOf(Dossier d) {
    return catalogue.findForRunning(d.procedureKey()).map(Procedure::fee).orElse(0L);
  }

  public List<FeePayment> payments(long dossierId) {
    return repository.ofDossier(dossierId);
  }

  /** The payment that settled the fee, if it is paid. */
  public Optional<FeePayment> paid(long dossierId) {
    return repository.ofDossier(dossierId).stream().filter(p -> FeePayment.PAID.equals(p.status())).findFirst();
  }

  /** Whether the dossier reached the fee step (its procedure's model has the block "Nộp lệ phí"). */
  public boolean feeStepReached(long dossierId) {
    return dossiers.events(dossierId).stream().anyMatch(e -> "FEE_DUE".equals(e.type()));
  }

  private static String newReference() {
    return "LP" + UUID.randomUUID().toString().replace("-", "").substring(0, 18).toUpperCase(java.util.Locale.ROOT);
  }

  // ---------------- engine ----------------

  /** The block starts: the fee is due (audit trail); returns the amount. */
  public long feeDue(long dossierId, String actor) {
    Dossier d = dossiers.get(dossierId);
    long fee = feeOf(d);
    dossiers.recordEvent(dossierId, "FEE_DUE", actor, null, "Lệ phí phải nộp: " + vnd(fee));
    return fee;
  }

  /** The reception officer took the fee in cash and gave the receipt numbered {@code receiptNumber}. */
  public FeePayment paidAtCounter(long dossierId, String receiptNumber, String officer) {
    Dossier d = dossiers.get(dossierId);
    String reference = newReference();
    repository.insert(dossierId, reference, feeOf(d), FeePayment.COUNTER, FeePayment.PAID, receiptNumber.strip(),
        clock.instant(), officer);
    dossiers.recordEvent(dossierId, "FEE_PAID", officer, null,
        "Nộp tiền mặt tại Bộ phận Một cửa, biên lai số " + receiptNumber.strip() + ", " + vnd(feeOf(d)));
    return repository.byReference(reference).orElseThrow();
  }

  /** Whether the dossier's process waits for its fee now. */
  public boolean awaitingFee(long dossierId) {
    return SystemAccess.run(identityService, () -> runtimeService.createExecutionQuery()
        .messageEventSubscriptionName(MESSAGE_PAID).processVariableValueEquals(DOSSIER_ID, dossierId).count() > 0);
  }

  // ---------------- online ----------------

  /** Where to send the citizen to pay, and what. */
  public record OnlinePayment(String reference, long amount, String redirectUrl) {}

  /**
   * The citizen starts paying online (already authenticated by the public API): a payment at the gateway;
   * the answer's {@code redirectUrl} is the gateway's page. 409 when the dossier does not wait for its fee.
   */
  public OnlinePayment startOnline(Dossier d, String baseUrl, String actor) {
    if (!awaitingFee(d.id())) {
      throw ApiException.conflict(paid(d.id()).isPresent() ? "Lệ phí của hồ sơ đã được nộp."
          : "Hồ sơ hiện không có khoản lệ phí đang chờ nộp.");
    }
    long amount = feeOf(d);
    String reference = newReference();
    String base = properties.publicUrl() == null || properties.publicUrl().isBlank() ? baseUrl
        : properties.publicUrl().strip().replaceAll("/+$", "");
    tx.executeWithoutResult(s -> repository.insert(d.id(), reference, amount, FeePayment.ONLINE, FeePayment.PENDING,
        null, clock.instant(), actor));
    PaymentGateway.Created created;
    try {
      created = gateway.create(reference, amount, "Lệ phí hồ sơ " + d.code() + " — " + d.procedureName(),
          base + "/tra-cuu/?ma=" + d.code(), base + "/api/public/payments/callback");
    } catch (RuntimeException e) {
      log.warn("Payment gateway refused, unreachable or not configured for {}: {}", reference, e.getMessage());
      tx.executeWithoutResult(s -> repository.settle(reference, FeePayment.CANCELLED, null, clock.instant()));
      if (e instanceof ApiException api) {
        throw api;
      }
      throw ApiException.conflict("Cổng thanh toán chưa phản hồi; vui lòng thử lại sau hoặc nộp lệ phí tại Bộ phận Một cửa.");
    }
    tx.executeWithoutResult(s -> {
      repository.setGatewayPayment(reference, created.gatewayPaymentId());
      dossiers.recordEvent(d.id(), "FEE_ONLINE_STARTED", actor, null, "Mã thanh toán " + reference + ", " + vnd(amount));
    });
    return new OnlinePayment(reference, amount, created.redirectUrl());
  }

  // ---------------- callbacks ----------------

  /** A callback as the gateway sends it (docs/fees.md). */
  public record Callback(String paymentRef, String transactionId, Long amount, String status, Long timestamp,
      String nonce) {}

  /** What the system answers a callback it accepted: {@code PROCESSED} or {@code ALREADY_PROCESSED}. */
  public record CallbackAnswer(String result, String paymentRef, String status) {}

  /**
   * Handles a gateway callback. Refused (400, or 404 for an unknown reference) and recorded as FORGED,
   * REPLAYED, INVALID or UNKNOWN; accepted once per nonce.
   */
  public CallbackAnswer callback(Callback c, String signature, String body, String client) {
    Instant now = clock.instant();
    if (c == null || blank(c.paymentRef()) || c.amount() == null || blank(c.status()) || c.timestamp() == null
        || blank(c.nonce()) || !(FeePayment.PAID.equals(c.status()) || FeePayment.CANCELLED.equals(c.status()))) {
      throw refused(now, c, "INVALID", "thiếu trường hoặc trạng thái không hợp lệ", client, body,
          ApiException.invalid("Thông báo thanh toán không hợp lệ.", Map.of("body", "Thiếu trường bắt buộc hoặc trạng thái không hợp lệ.")));
    }
    if (!properties.hasSecret() || !CallbackSignature.verify(properties.secret(), CallbackSignature.canonical(
        c.paymentRef(), c.transactionId(), c.amount(), c.status(), c.timestamp(), c.nonce()), signature)) {
      throw refused(now, c, "FORGED", "chữ ký không đúng", client, body,
          ApiException.invalid("Chữ ký của thông báo thanh toán không hợp lệ.", Map.of("X-Signature", "Chữ ký không đúng.")));
    }
    long age = Math.abs(now.getEpochSecond() - c.timestamp());
    if (age > properties.callbackWindow().toSeconds()) {
      throw refused(now, c, "REPLAYED", "thời điểm ký lệch " + age + " giây", client, body,
          ApiException.invalid("Thông báo thanh toán đã quá hạn hiệu lực (gửi lại thông báo cũ).",
              Map.of("timestamp", "Thời điểm ký quá xa thời điểm hiện tại.")));
    }
    return tx.execute(s -> {
      Optional<FeePayment> locked = repository.lock(c.paymentRef());
      if (locked.isEmpty()) {
        throw refused(now, c, "UNKNOWN", "không có khoản thanh toán này", client, body,
            ApiException.notFound("Không có khoản thanh toán mang mã " + c.paymentRef() + "."));
      }
      FeePayment p = locked.get();
      if (p.amount() != c.amount()) {
        throw refused(now, c, "FORGED", "số tiền " + c.amount() + " khác " + p.amount(), client, body,
            ApiException.invalid("Số tiền trong thông báo thanh toán không khớp.", Map.of("amount", "Số tiền không khớp.")));
      }
      if (repository.nonceAccepted(c.nonce())) {
        repository.recordCallback(now, c.paymentRef(), c.nonce(), "DUPLICATE", "đã xử lý thông báo này", client, body);
        return new CallbackAnswer("ALREADY_PROCESSED", p.reference(), p.status());
      }
      repository.recordCallback(now, c.paymentRef(), c.nonce(), "ACCEPTED", null, client, body);
      if (!FeePayment.PENDING.equals(p.status())) {
        return new CallbackAnswer("ALREADY_PROCESSED", p.reference(), p.status());
      }
      apply(p, c.status(), c.transactionId(), now);
      return new CallbackAnswer("PROCESSED", p.reference(), c.status());
    });
  }

  /** The gateway settled the pending payment: recorded, and the waiting process told. */
  private void apply(FeePayment p, String status, String transaction, Instant now) {
    repository.settle(p.reference(), status, transaction, now);
    if (FeePayment.PAID.equals(status)) {
      dossiers.recordEvent(p.dossierId(), "FEE_PAID", "gateway", null,
          "Thanh toán trực tuyến, mã thanh toán " + p.reference() + ", mã giao dịch " + transaction + ", " + vnd(p.amount()));
      Map<String, Object> vars = new HashMap<>();
      vars.put(FEE_METHOD, FeePayment.ONLINE);
      vars.put(FEE_REFERENCE, p.reference());
      correlate(MESSAGE_PAID, p, vars);
    } else {
      dossiers.recordEvent(p.dossierId(), "FEE_PAYMENT_CANCELLED", "gateway", "Người nộp hủy giao dịch trên cổng thanh toán",
          "Mã thanh toán " + p.reference());
      correlate(MESSAGE_CANCELLED, p, Map.of(FEE_REFERENCE, p.reference()));
    }
  }

  private void correlate(String message, FeePayment p, Map<String, Object> vars) {
    try {
      SystemAccess.run(identityService, () -> runtimeService.createMessageCorrelation(message)
          .processInstanceVariableEquals(DOSSIER_ID, p.dossierId()).setVariables(vars).correlateWithResult());
    } catch (MismatchingMessageCorrelationException notWaiting) {
      // e.g. paid at the counter meanwhile: the money came twice; recorded for a refund
      log.warn("Fee payment {} of dossier {}: no process waits for {}", p.reference(), p.dossierId(), message);
      if (FeePayment.PAID.equals(vars.get(FEE_METHOD))) {
        dossiers.recordEvent(p.dossierId(), "FEE_PAID_TWICE", "gateway", "Lệ phí đã được nộp trước đó; cần hoàn trả",
            "Mã thanh toán " + p.reference());
      }
    }
  }

  private ApiException refused(Instant now, Callback c, String outcome, String reason, String client, String body,
      ApiException answer) {
    ownTx.executeWithoutResult(s -> repository.recordCallback(now, c == null ? null : c.paymentRef(),
        c == null ? null : c.nonce(), outcome, reason, client, body));
    log.warn("Payment callback refused ({}: {}) from {}: {}", outcome, reason, client, body);
    return answer;
  }

  // ---------------- reconciliation ----------------

  /** One line of the reconciliation of a day. */
  public record Difference(String reference, String kind, String detail) {}

  /** The reconciliation of a day: settlements at the gateway against our records, and what was fixed. */
  public record Reconciliation(LocalDate day, int gatewayPayments, int matched, int applied, List<Difference> differences) {}

  /**
   * Compares the gateway's settlements of {@code day} with our online payments: a payment the gateway settled
   * whose callback never came is applied now (the dossier continues); amounts that differ, payments we hold as
   * paid that the gateway does not list, and references we do not know are reported.
   */
  public Reconciliation reconcile(LocalDate day, String actor) {
    List<PaymentGateway.Settled> settled;
    try {
      settled = gateway.settlements(day);
    } catch (IllegalStateException e) {
      throw ApiException.conflict("Không lấy được số liệu đối soát từ cổng thanh toán: " + e.getMessage());
    }
    List<Difference> differences = new ArrayList<>();
    int matched = 0;
    int applied = 0;
    Map<String, PaymentGateway.Settled> byRef = new HashMap<>();
    for (PaymentGateway.Settled s : settled) {
      byRef.put(s.reference(), s);
      Optional<FeePayment> ours = repository.byReference(s.reference());
      if (ours.isEmpty()) {
        differences.add(new Difference(s.reference(), "UNKNOWN", "Cổng thanh toán có giao dịch mà hệ thống không có."));
        continue;
      }
      FeePayment p = ours.get();
      if (p.amount() != s.amount()) {
        differences.add(new Difference(s.reference(), "AMOUNT", "Số tiền tại cổng " + vnd(s.amount()) + ", tại hệ thống "
            + vnd(p.amount()) + "."));
        continue;
      }
      if (FeePayment.PENDING.equals(p.status())) {
        Boolean done = tx.execute(st -> {
          FeePayment again = repository.lock(s.reference()).orElseThrow();
          if (!FeePayment.PENDING.equals(again.status())) {
            return false;
          }
          apply(again, s.status(), s.transactionId(), clock.instant());
          dossiers.recordEvent(again.dossierId(), "FEE_RECONCILED", actor, "Đối soát ngày " + day,
              "Mã thanh toán " + s.reference() + ": " + s.status());
          return true;
        });
        if (Boolean.TRUE.equals(done)) {
          applied++;
          differences.add(new Difference(s.reference(), "APPLIED", "Chưa nhận được thông báo từ cổng; đã ghi nhận "
              + (FeePayment.PAID.equals(s.status()) ? "đã nộp" : "đã hủy") + " theo đối soát."));
          continue;
        }
      } else if (!p.status().equals(s.status())) {
        differences.add(new Difference(s.reference(), "STATUS", "Trạng thái tại cổng " + s.status() + ", tại hệ thống "
            + p.status() + "."));
        continue;
      }
      matched++;
    }
    Instant from = day.atStartOfDay(VIETNAM).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(VIETNAM).toInstant();
    for (FeePayment p : repository.onlineBetween(from, to)) {
      if (FeePayment.PAID.equals(p.status()) && p.paidAt() != null && !p.paidAt().isBefore(from)
          && p.paidAt().isBefore(to) && !byRef.containsKey(p.reference())) {
        differences.add(new Difference(p.reference(), "MISSING_AT_GATEWAY",
            "Hệ thống ghi nhận đã nộp nhưng cổng thanh toán không có giao dịch trong ngày."));
      }
    }
    log.info("Fee reconciliation of {}: {} at the gateway, {} matched, {} applied, {} differences", day,
        settled.size(), matched, applied, differences.size());
    return new Reconciliation(day, settled.size(), matched, applied, differences);
  }

  public List<FeeRepository.Callback> callbacks(String reference) {
    return repository.callbacks(reference);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** 200000 → "200.000 đồng". */
  public static String vnd(long amount) {
    return String.format(java.util.Locale.ROOT, "%,d", amount).replace(',', '.') + " đồng";
  }
}
