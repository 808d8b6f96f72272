package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierTestSupport;

/**
 * The fee of the judicial record certificate (200.000 đồng, block "Nộp lệ phí"), path by path: paid online
 * through the (stub) gateway, paid in cash at the counter, cancelled at the gateway, a forged, a replayed and a
 * duplicate callback, and the day's reconciliation that catches a lost callback. The dossier goes on to the
 * police verification only once the fee is paid. The household business registration (100.000 đồng) waits the
 * same way before its appraisal.
 */
@MotCuaSpringTest
class FeePaymentTest extends DossierTestSupport {
  static final String JUDICIAL = "Procedure_JudicialRecord";
  static final String PHONE = "0912345678";
  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired StubPaymentGateway gateway;
  @Autowired FeeService fees;
  @Autowired PaymentProperties properties;

  String client;

  @BeforeEach
  void ownClient() {
    client = "10.24." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    clockAt("2026-03-03T09:00");
  }

  /** A judicial-record dossier registered at the Minh Xuân counter and checked complete: it waits for its fee. */
  private Dossier awaitingFee() {
    ResponseEntity<Map> r = rest.withBasicAuth("mc.hung", "demo").postForEntity("/api/dossiers",
        new HttpEntity<>(registration("001203004567", PHONE).replace(PROCEDURE, JUDICIAL), json()), Map.class);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    Dossier d = dossiers.getByCode((String) r.getBody().get("code"));
    completeOk("mc.hung", task(d, "Task_CheckDossier"), var("receptionDecision", "COMPLETE"));
    assertThat(tasks(d, "Task_CollectFee")).hasSize(1);
    assertThat(reload(d).status()).isEqualTo(DossierStatus.AWAITING_FINANCIAL_OBLIGATIONS);
    assertThat(tasks(d, "Task_PartnerProcess")).as("not before the fee is paid").isEmpty();
    return d;
  }

  private List<Task> tasks(Dossier d, String key) {
    return taskService.createTaskQuery().processVariableValueEquals("dossierId", d.id()).taskDefinitionKey(key).list();
  }

  private Task task(Dossier d, String key) {
    List<Task> list = tasks(d, key);
    assertThat(list).as(key).hasSize(1);
    return list.get(0);
  }

  private HttpHeaders clientJson() {
    HttpHeaders h = json();
    h.set("X-Forwarded-For", client);
    return h;
  }

  private ResponseEntity<Map> startOnline(Dossier d) {
    return rest.postForEntity("/api/public/dossiers/" + d.code() + "/payment",
        new HttpEntity<>("{\"secret\": \"" + PHONE + "\"}", clientJson()), Map.class);
  }

  /** The citizen starts paying; returns the stub's payment id. */
  private String paymentStarted(Dossier d) {
    ResponseEntity<Map> r = startOnline(d);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    assertThat(((Number) r.getBody().get("amount")).longValue()).isEqualTo(200_000L);
    assertThat((String) r.getBody().get("redirectUrl")).startsWith(gateway.baseUrl() + "/pay/");
    String reference = (String) r.getBody().get("reference");
    return gateway.paymentIdOf(reference);
  }

  private ResponseEntity<String> callback(String body, String signature) {
    HttpHeaders h = json();
    h.set("X-Forwarded-For", "203.0.113.7");
    if (signature != null) {
      h.set("X-Signature", signature);
    }
    return rest.postForEntity("/api/public/payments/callback", new HttpEntity<>(body, h), String.class);
  }

  private List<String> events(Dossier d) {
    return dossiers.events(d.id()).stream().map(DossierEvent::type).toList();
  }

  private String receipt(Dossier d) throws IOException {
    ResponseEntity<byte[]> pdf = rest.withBasicAuth("mc.hung", "demo")
        .getForEntity("/api/dossiers/" + d.code() + "/forms/01.pdf", byte[].class);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  private String signed(String reference, String transaction, long amount, String status, long timestamp, String nonce) {
    return CallbackSignature.sign(properties.secret(),
        CallbackSignature.canonical(reference, transaction, amount, status, timestamp, nonce));
  }

  private static String body(String reference, String transaction, long amount, String status, long timestamp,
      String nonce) {
    return """
        {"paymentRef": "%s", "transactionId": "%s", "amount": %d, "status": "%s", "timestamp": %d, "nonce": "%s"}"""
        .formatted(reference, transaction, amount, status, timestamp, nonce);
  }

  // ---------------- paths ----------------

  @Test
  void paid_online_the_gateway_callback_lets_the_dossier_go_on_and_the_receipt_shows_it() throws IOException {
    Dossier d = awaitingFee();
    assertThat(receipt(d)).contains("Lệ phí:", "200.000 đồng", "chưa nộp");
    String payment = paymentStarted(d);

    StubPaymentGateway.SentCallback sent = gateway.settle(payment, "PAID");

    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.body()).contains("\"status\":\"PAID\"");
    assertThat(tasks(d, "Task_CollectFee")).isEmpty();
    assertThat(tasks(d, "Task_PartnerProcess")).as("on to the police verification").hasSize(1);
    FeePayment paid = fees.paid(d.id()).orElseThrow();
    assertThat(paid.method()).isEqualTo(FeePayment.ONLINE);
    assertThat(paid.amount()).isEqualTo(200_000L);
    assertThat(paid.gatewayTransaction()).startsWith("STUB");
    assertThat(reload(d).status()).isNotEqualTo(DossierStatus.AWAITING_FINANCIAL_OBLIGATIONS);
    assertThat(reload(d).pausedAt()).isNull();
    assertThat(events(d)).containsSubsequence("FEE_DUE", "CLOCK_PAUSED", "FEE_ONLINE_STARTED", "FEE_PAID",
        "CLOCK_RESUMED", "TRANSFERRED");
    assertThat(receipt(d)).contains("Lệ phí:", "200.000 đồng", "đã nộp trực tuyến qua cổng thanh toán",
        paid.gatewayTransaction());
    // a second start is refused: the fee is paid
    assertThat(startOnline(d).getStatusCode().value()).isEqualTo(409);
  }

  @Test
  void paid_at_the_counter_with_the_receipt_number() throws IOException {
    Dossier d = awaitingFee();
    Task collect = task(d, "Task_CollectFee");
    ResponseEntity<String> empty = complete("mc.hung", collect, var("feeReceiptNumber", " "));
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(empty.getBody()).contains("Cần nhập số biên lai thu lệ phí");
    assertThat(complete("cv.minh", collect, var("feeReceiptNumber", "0001234")).getStatusCode().value())
        .as("only the One-Stop reception takes the fee").isNotEqualTo(204);

    completeOk("mc.hung", collect, var("feeReceiptNumber", "0001234"));

    FeePayment paid = fees.paid(d.id()).orElseThrow();
    assertThat(paid.method()).isEqualTo(FeePayment.COUNTER);
    assertThat(paid.receiptNumber()).isEqualTo("0001234");
    assertThat(paid.recordedBy()).isEqualTo("mc.hung");
    assertThat(tasks(d, "Task_PartnerProcess")).hasSize(1);
    assertThat(receipt(d)).contains("Lệ phí:", "200.000 đồng", "đã nộp tiền mặt tại Bộ phận Một cửa", "biên lai số 0001234");
  }

  @Test
  void the_household_business_registration_waits_for_its_fee_and_the_receipt_shows_it_paid() throws IOException {
    Dossier d = register(); // 100.000 đồng in its model (procedure.fee)
    completeOk("mc.hung", task(d, "Task_CheckDossier"), var("receptionDecision", "COMPLETE"));
    assertThat(reload(d).status()).isEqualTo(DossierStatus.AWAITING_FINANCIAL_OBLIGATIONS);
    assertThat(tasks(d, "Task_Appraise")).as("not before the fee is paid").isEmpty();
    assertThat(receipt(d)).contains("Lệ phí:", "100.000 đồng", "chưa nộp");

    payFeeAtCounter(d);

    FeePayment paid = fees.paid(d.id()).orElseThrow();
    assertThat(paid.method()).isEqualTo(FeePayment.COUNTER);
    assertThat(paid.amount()).isEqualTo(100_000L);
    assertThat(tasks(d, "Task_Appraise")).hasSize(1);
    assertThat(reload(d).status()).isEqualTo(DossierStatus.IN_PROGRESS);
    assertThat(receipt(d)).contains("Lệ phí:", "100.000 đồng", "đã nộp tiền mặt tại Bộ phận Một cửa",
        "biên lai số BL-" + d.code());
  }

  @Test
  void cancelled_at_the_gateway_the_dossier_keeps_waiting_and_can_be_paid_again() {
    Dossier d = awaitingFee();
    String first = paymentStarted(d);
    String firstTask = task(d, "Task_CollectFee").getId();

    assertThat(gateway.settle(first, "CANCELLED").status()).isEqualTo(200);

    assertThat(tasks(d, "Task_PartnerProcess")).isEmpty();
    assertThat(task(d, "Task_CollectFee").getId()).as("waiting again").isNotEqualTo(firstTask);
    assertThat(fees.payments(d.id())).extracting(FeePayment::status).containsExactly(FeePayment.CANCELLED);
    assertThat(reload(d).status()).isEqualTo(DossierStatus.AWAITING_FINANCIAL_OBLIGATIONS);
    assertThat(events(d)).contains("FEE_PAYMENT_CANCELLED");

    String second = paymentStarted(d);
    assertThat(gateway.settle(second, "PAID").status()).isEqualTo(200);
    assertThat(tasks(d, "Task_PartnerProcess")).hasSize(1);
  }

  @Test
  void a_forged_callback_is_refused_logged_and_changes_nothing() {
    Dossier d = awaitingFee();
    paymentStarted(d);
    FeePayment pending = fees.payments(d.id()).get(0);
    long engineNow = at("2026-03-03T09:00").getEpochSecond();
    String body = body(pending.reference(), "FAKE1", 200_000, "PAID", engineNow, "n-forged-1");

    // signed with another secret
    String wrong = CallbackSignature.sign("not-the-secret", CallbackSignature.canonical(pending.reference(), "FAKE1",
        200_000, "PAID", engineNow, "n-forged-1"));
    ResponseEntity<String> forged = callback(body, wrong);
    assertThat(forged.getStatusCode().value()).isEqualTo(400);
    assertThat(forged.getBody()).contains("Chữ ký của thông báo thanh toán không hợp lệ");
    // no signature at all
    assertThat(callback(body, null).getStatusCode().value()).isEqualTo(400);
    // the right signature of a smaller amount, sent with the body of the full amount
    String cheaper = signed(pending.reference(), "FAKE1", 2_000, "PAID", engineNow, "n-forged-2");
    assertThat(callback(body(pending.reference(), "FAKE1", 200_000, "PAID", engineNow, "n-forged-2"), cheaper)
        .getStatusCode().value()).isEqualTo(400);
    // a correctly signed callback of another amount
    assertThat(callback(body(pending.reference(), "FAKE1", 2_000, "PAID", engineNow, "n-forged-3"),
        signed(pending.reference(), "FAKE1", 2_000, "PAID", engineNow, "n-forged-3")).getStatusCode().value())
        .isEqualTo(400);
    // not JSON
    assertThat(callback("{not json", "00").getStatusCode().value()).isEqualTo(400);

    assertThat(fees.payments(d.id())).extracting(FeePayment::status).containsExactly(FeePayment.PENDING);
    assertThat(tasks(d, "Task_CollectFee")).hasSize(1);
    assertThat(tasks(d, "Task_PartnerProcess")).isEmpty();
    assertThat(fees.callbacks(pending.reference())).extracting(FeeRepository.Callback::outcome)
        .containsExactly("FORGED", "FORGED", "FORGED", "FORGED");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fee_callback WHERE outcome = 'INVALID' AND body = '{not json'",
        Long.class)).isEqualTo(1L);
  }

  @Test
  void a_replayed_callback_is_refused_and_a_duplicate_is_answered_once_processed() {
    Dossier d = awaitingFee();
    String payment = paymentStarted(d);
    StubPaymentGateway.SentCallback sent = gateway.settle(payment, "PAID");
    assertThat(sent.status()).isEqualTo(200);
    String reference = fees.paid(d.id()).orElseThrow().reference();

    // the gateway sends the same callback again: answered as done, nothing happens twice
    ResponseEntity<String> again = callback(sent.body(), sent.signature());
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody()).contains("ALREADY_PROCESSED");
    assertThat(events(d).stream().filter("FEE_PAID"::equals).count()).isEqualTo(1);
    assertThat(events(d)).doesNotContain("FEE_PAID_TWICE");
    assertThat(tasks(d, "Task_PartnerProcess")).hasSize(1);

    // the same callback captured and replayed an hour later: refused
    clockAt("2026-03-03T10:00");
    ResponseEntity<String> replayed = callback(sent.body(), sent.signature());
    assertThat(replayed.getStatusCode().value()).isEqualTo(400);
    assertThat(replayed.getBody()).contains("quá hạn hiệu lực");
    // a correctly signed callback whose timestamp is an hour old: refused too
    long old = at("2026-03-03T09:00").getEpochSecond();
    assertThat(callback(body(reference, "STUB0", 200_000, "CANCELLED", old, "n-old"),
        signed(reference, "STUB0", 200_000, "CANCELLED", old, "n-old")).getStatusCode().value()).isEqualTo(400);

    assertThat(fees.callbacks(reference)).extracting(FeeRepository.Callback::outcome)
        .containsExactly("ACCEPTED", "DUPLICATE", "REPLAYED", "REPLAYED");
    assertThat(fees.paid(d.id())).isPresent();
  }

  @Test
  void the_days_reconciliation_applies_a_payment_whose_callback_was_lost() {
    Dossier d = awaitingFee();
    String payment = paymentStarted(d);
    gateway.settleSilently(payment, "PAID");
    assertThat(tasks(d, "Task_CollectFee")).hasSize(1);
    LocalDate day = LocalDate.ofInstant(at("2026-03-03T09:00"), ZoneId.of("Asia/Ho_Chi_Minh"));

    assertThat(rest.withBasicAuth("cv.minh", "demo").postForEntity("/api/admin/payments/reconciliation?date=" + day,
        null, String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(rest.withBasicAuth("gs.ha", "demo").postForEntity("/api/admin/payments/reconciliation?date=3-3",
        null, String.class).getStatusCode().value()).isEqualTo(400);
    ResponseEntity<Map> r = rest.withBasicAuth("gs.ha", "demo")
        .postForEntity("/api/admin/payments/reconciliation?date=" + day, null, Map.class);

    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    assertThat(((Number) r.getBody().get("applied")).intValue()).isEqualTo(1);
    assertThat(fees.paid(d.id())).isPresent();
    assertThat(tasks(d, "Task_PartnerProcess")).hasSize(1);
    assertThat(events(d)).contains("FEE_RECONCILED");
  }
}
