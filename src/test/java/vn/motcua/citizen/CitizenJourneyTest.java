package vn.motcua.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.motcua.dossier.DossierVariables.*;

import java.util.List;
import java.util.Map;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierNotice;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.notification.Notification;
import vn.motcua.notification.NotificationChannel;
import vn.motcua.notification.NotificationService;
import vn.motcua.notification.NotificationStatus;
import vn.motcua.notification.SmsStub;
import vn.motcua.notification.TestChannels;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The citizen's side of a dossier, every step through the public API: online submission with files into
 * the reception queue, idempotent retries, lookup with a second factor, the supplement sent online, the
 * evaluation, the public statistics and the OpenAPI description.
 */
@MotCuaSpringTest
class CitizenJourneyTest extends CitizenApiSupport {
  @Autowired NotificationService notifications;

  private String candidateGroup(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(l -> l.getGroupId()).findFirst().orElse(null);
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  @Test
  void an_online_dossier_lands_in_the_reception_queue_with_its_files_and_one_key_gives_one_dossier() {
    clockAt("2026-09-14T09:00");
    String client = newClient();
    String json = submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Lê Thị Bình", "0987111222");
    ResponseEntity<Map> first = submit(client, "portal-7f1c2a90-0001", json,
        files("Giấy đề nghị đăng ký hộ kinh doanh.pdf", PDF, "căn cước.png", PNG));
    assertThat(first.getStatusCode().value()).as(String.valueOf(first.getBody())).isEqualTo(201);
    String code = (String) first.getBody().get("code");
    assertThat(code).matches("000\\.01\\.30\\.H60-260914-\\d{4}");
    assertThat((String) first.getBody().get("lookupPin")).matches("\\d{6}");
    assertThat(first.getBody().get("statusPage")).isEqualTo("/tra-cuu/?ma=" + code);
    assertThat(first.getBody().get("replayed")).isEqualTo(false);

    Dossier d = dossiers.getByCode(code);
    assertThat(d.channel()).isEqualTo(Channel.ONLINE);
    assertThat(d.status()).isEqualTo(DossierStatus.NEW);
    assertThat(d.applicant().name()).isEqualTo("Lê Thị Bình");
    assertThat(d.createdBy()).isEqualTo(CitizenService.ACTOR);

    // in the reception queue of the Minh Xuân One-Stop Division, with links to the files in the form
    Task check = openTask(d);
    assertThat(check.getTaskDefinitionKey()).isEqualTo("Task_CheckDossier");
    assertThat(candidateGroup(check)).isEqualTo("tq-minhxuan.reception");
    assertThat((String) taskService.getVariableLocal(check.getId(), "dossierView"))
        .contains("Tệp người nộp gửi trực tuyến", "/api/dossiers/" + code + "/files/", "căn cước.png");

    // the officer reads the files, byte for byte; an officer of another commune may not
    ResponseEntity<List> list = rest.withBasicAuth("mc.hung", "demo")
        .getForEntity("/api/dossiers/" + code + "/files", List.class);
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    assertThat(list.getBody()).hasSize(2);
    Map<String, Object> pdf = (Map<String, Object>) list.getBody().get(0);
    assertThat(pdf.get("name")).isEqualTo("Giấy đề nghị đăng ký hộ kinh doanh.pdf");
    assertThat(pdf.get("contentType")).isEqualTo("application/pdf");
    assertThat(pdf.get("purpose")).isEqualTo("SUBMISSION");
    assertThat(((Number) pdf.get("size")).intValue()).isEqualTo(PDF.length);
    ResponseEntity<byte[]> pdfBytes = rest.withBasicAuth("mc.hung", "demo")
        .getForEntity((String) pdf.get("href"), byte[].class);
    assertThat(pdfBytes.getBody()).isEqualTo(PDF);
    assertThat(pdfBytes.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
    Map<String, Object> png = (Map<String, Object>) list.getBody().get(1);
    assertThat(rest.withBasicAuth("mc.hung", "demo").getForEntity((String) png.get("href"), byte[].class).getBody())
        .isEqualTo(PNG);
    assertThat(rest.withBasicAuth("mc.tuan", "demo").getForEntity((String) png.get("href"), String.class)
        .getStatusCode().value()).isEqualTo(403);

    // the portal retries with the same key: the same dossier, nothing new
    long dossiersBefore = count("SELECT COUNT(*) FROM dossier");
    long filesBefore = count("SELECT COUNT(*) FROM dossier_file");
    ResponseEntity<Map> retry = submit(client, "portal-7f1c2a90-0001", json,
        files("Giấy đề nghị đăng ký hộ kinh doanh.pdf", PDF, "căn cước.png", PNG));
    assertThat(retry.getStatusCode().value()).isEqualTo(200);
    assertThat(retry.getBody().get("code")).isEqualTo(code);
    assertThat(retry.getBody().get("replayed")).isEqualTo(true);
    // the PIN is stored hashed only: the retry gets a new one (the one the portal may have lost stops working)
    assertThat((String) retry.getBody().get("lookupPin")).matches("\\d{6}");
    assertThat(count("SELECT COUNT(*) FROM dossier")).isEqualTo(dossiersBefore);
    assertThat(count("SELECT COUNT(*) FROM dossier_file")).isEqualTo(filesBefore);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(COMMUNE_PROCEDURE).count()).isEqualTo(1);

    // the same key for another dossier is refused
    ResponseEntity<Map> reused = submit(client, "portal-7f1c2a90-0001",
        submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Lê Thị Bình", "0987111223"), files("a.pdf", PDF));
    assertThat(reused.getStatusCode().value()).isEqualTo(422);
    assertThat((String) reused.getBody().get("message")).contains("Idempotency-Key");
    assertThat(count("SELECT COUNT(*) FROM dossier")).isEqualTo(dossiersBefore);
  }

  @Test
  void a_wrong_second_factor_answers_exactly_as_an_unknown_code_and_the_client_is_then_throttled() {
    clockAt("2026-09-14T10:00");
    ResponseEntity<Map> submitted = submit(newClient(), null,
        submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Hoàng Văn Cường", "0912000111"), files("don.pdf", PDF));
    assertThat(submitted.getStatusCode().value()).isEqualTo(201);
    String code = (String) submitted.getBody().get("code");
    String pin = (String) submitted.getBody().get("lookupPin");

    String client = newClient();
    ResponseEntity<Map> byPhone = lookup(client, code, "0912 000 111");
    assertThat(byPhone.getStatusCode().value()).isEqualTo(200);
    assertThat(byPhone.getBody().get("code")).isEqualTo(code);
    assertThat(byPhone.getBody().get("statusName")).isEqualTo("Mới tiếp nhận");
    assertThat(byPhone.getBody().toString()).doesNotContain("Hoàng Văn Cường", "0912000111", "008090001234",
        "Tân Trào", "citizen");
    assertThat(lookup(client, code, pin).getStatusCode().value()).isEqualTo(200);
    assertThat(lookup(client, code, "+84912000111").getStatusCode().value()).isEqualTo(200);

    ResponseEntity<String> wrongFactor = rest.exchange("/api/public/dossiers/lookup", HttpMethod.POST,
        new org.springframework.http.HttpEntity<>("{\"code\": \"" + code + "\", \"secret\": \"0912000112\"}",
            jsonFrom(client)), String.class);
    String unknownCode = code.substring(0, code.length() - 4) + "9999";
    ResponseEntity<String> unknown = rest.exchange("/api/public/dossiers/lookup", HttpMethod.POST,
        new org.springframework.http.HttpEntity<>("{\"code\": \"" + unknownCode + "\", \"secret\": \"0912000111\"}",
            jsonFrom(client)), String.class);
    assertThat(wrongFactor.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(wrongFactor.getBody()).isEqualTo(unknown.getBody());
    assertThat(wrongFactor.getHeaders().getContentType()).isEqualTo(unknown.getHeaders().getContentType());

    // five failures (the configured number): the client waits, even with the right factor
    assertThat(lookup(client, code, "000000").getStatusCode().value()).isEqualTo(404);
    assertThat(lookup(client, code, "111111").getStatusCode().value()).isEqualTo(404);
    assertThat(lookup(client, code, "222222").getStatusCode().value()).isEqualTo(404);
    ResponseEntity<Map> throttled = lookup(client, code, "0912000111");
    assertThat(throttled.getStatusCode().value()).isEqualTo(429);
    assertThat(throttled.getHeaders().getFirst("Retry-After")).matches("\\d+");
    assertThat((String) throttled.getBody().get("message")).contains("quá nhiều lần");
    // another client is not affected
    assertThat(lookup(newClient(), code, "0912000111").getStatusCode().value()).isEqualTo(200);
  }

  private static org.springframework.http.HttpHeaders jsonFrom(String client) {
    org.springframework.http.HttpHeaders headers = from(client);
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return headers;
  }

  /** Runs the pending sending jobs of the dossier's notifications, as the job executor would after commit. */
  private List<Notification> sendNotifications(Dossier d) {
    for (Notification n : notifications.ofDossier(d.id())) {
      if (n.status() == NotificationStatus.PENDING && n.processInstanceId() != null) {
        managementService.createJobQuery().processInstanceId(n.processInstanceId()).list()
            .forEach(job -> managementService.executeJob(job.getId()));
      }
    }
    return notifications.ofDossier(d.id());
  }

  @Test
  void a_citizen_submits_follows_the_dossier_sends_the_supplement_is_notified_and_rates_the_service()
      throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(TestChannels.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (SmsStub sms = new SmsStub(TestChannels.SMS_PORT, TestChannels.SMS_PATH)) {
      journey(smtp, sms);
    } finally {
      smtp.stop();
    }
  }

  private void journey(GreenMail smtp, SmsStub sms) throws Exception {
    clockAt("2026-09-15T08:30");
    String client = newClient();
    ResponseEntity<Map> submitted = submit(client, "journey-0f5e-4a41-9c2b",
        submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Phạm Thu Hà", "0978333444"),
        files("giay-de-nghi.pdf", PDF));
    assertThat(submitted.getStatusCode().value()).isEqualTo(201);
    String code = (String) submitted.getBody().get("code");
    Dossier d = dossiers.getByCode(code);

    // the officer finds an item missing: one supplement request
    clockAt("2026-09-15T09:00");
    completeOk("mc.hung", openTask(d), vars(var(RECEPTION_DECISION, INCOMPLETE),
        var(MISSING_ITEMS, "Thiếu bản sao hợp đồng thuê địa điểm kinh doanh")));
    // the citizen is told by SMS and e-mail what to bring, once
    assertThat(sendNotifications(d)).extracting(Notification::kind, Notification::channel, Notification::status)
        .containsExactlyInAnyOrder(
            tuple(DossierNotice.Kind.SUPPLEMENT_REQUESTED, NotificationChannel.SMS, NotificationStatus.SENT),
            tuple(DossierNotice.Kind.SUPPLEMENT_REQUESTED, NotificationChannel.EMAIL, NotificationStatus.SENT));
    assertThat(sms.accepted()).singleElement().satisfies(m -> {
      assertThat(m.to()).isEqualTo("0978333444");
      assertThat(m.text()).contains(code, "hợp đồng thuê");
    });
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("binh.le@example.vn");
    assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).isNotEmpty();
    // the items asked are details: the PIN given at submission shows them (the phone alone, the progress)
    String pin = (String) submitted.getBody().get("lookupPin");
    ResponseEntity<Map> waiting = lookup(client, code, pin);
    assertThat(waiting.getBody().get("awaitingSupplement")).isEqualTo(true);
    assertThat(waiting.getBody().get("supplementRequest")).isEqualTo("Thiếu bản sao hợp đồng thuê địa điểm kinh doanh");
    assertThat(waiting.getBody().get("statusName")).isEqualTo("Yêu cầu bổ sung");

    // the citizen sends it online: the dossier goes back to the officer's check
    clockAt("2026-09-16T14:00");
    ResponseEntity<Map> sent = supplement(client, code, "0978333444", "Gửi bổ sung hợp đồng thuê",
        files("hop-dong-thue.pdf", PDF));
    assertThat(sent.getStatusCode().value()).as(String.valueOf(sent.getBody())).isEqualTo(200);
    assertThat(sent.getBody().get("awaitingSupplement")).isEqualTo(false);
    Task recheck = openTask(d);
    assertThat(recheck.getTaskDefinitionKey()).isEqualTo("Task_CheckDossier");
    assertThat(jdbc.queryForList("SELECT purpose FROM dossier_file WHERE dossier_id = ? ORDER BY id", String.class,
        d.id())).containsExactly("SUBMISSION", "SUPPLEMENT");
    // a second supplement is not expected
    assertThat(supplement(client, code, "0978333444", null, files("lan-hai.pdf", PDF)).getStatusCode().value())
        .isEqualTo(409);

    clockAt("2026-09-16T14:30");
    completeOk("mc.hung", recheck, var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
    d = reload(d);
    assertThat(d.appointmentAt()).isEqualTo(at("2026-09-21T14:30")); // 3 working days from the complete dossier
    clockAt("2026-09-17T09:00");
    completeOk("cv.minh", openTask(d), vars(var(APPRAISAL_CONCLUSION, PROPOSE_APPROVAL),
        var(APPRAISAL_OPINION, "Hồ sơ đủ điều kiện."),
        var(RESULT_TEXT, "Giấy chứng nhận đăng ký hộ kinh doanh số 10A8009876")));
    completeOk("ld.thao", openTask(d), var(APPROVAL_DECISION, APPROVE));

    // receipt (after the complete dossier) and result ready: two more messages per channel
    assertThat(sendNotifications(d)).extracting(Notification::kind).containsOnly(
        DossierNotice.Kind.SUPPLEMENT_REQUESTED, DossierNotice.Kind.RECEIVED, DossierNotice.Kind.RESULT_READY);
    assertThat(notifications.ofDossier(d.id())).hasSize(6).allMatch(n -> n.status() == NotificationStatus.SENT);
    assertThat(sms.accepted()).hasSize(3);
    assertThat(smtp.getReceivedMessages()).hasSize(3);
    assertThat(sms.accepted().get(2).text()).contains(code);

    ResponseEntity<Map> ready = lookup(client, code, pin);
    Map<String, Object> result = (Map<String, Object>) ready.getBody().get("result");
    assertThat(result.get("decisionName")).isEqualTo("Được giải quyết");
    assertThat((String) result.get("text")).contains("10A8009876");
    assertThat(ready.getBody().get("canEvaluate")).isEqualTo(false);
    // no rating before the result is handed over
    assertThat(evaluate(client, code, "{\"secret\": \"0978333444\", \"rating\": 3}").getStatusCode().value())
        .isEqualTo(409);

    clockAt("2026-09-18T10:00");
    completeOk("mc.hung", openTask(d), vars(var(DELIVERY_METHOD, "ONLINE"), var(RECEIVER_NAME, "Phạm Thu Hà")));
    ResponseEntity<Map> returned = lookup(client, code, "0978333444");
    assertThat(returned.getBody().get("status")).isEqualTo(10);
    assertThat(returned.getBody().get("canEvaluate")).isEqualTo(true);

    ResponseEntity<Map> rated = evaluate(client, code,
        "{\"secret\": \"0978333444\", \"rating\": 3, \"comment\": \"Nhanh, không phải đi lại\"}");
    assertThat(rated.getStatusCode().value()).isEqualTo(200);
    assertThat(rated.getBody().get("ratingName")).isEqualTo("Hài lòng");
    assertThat(rated.getBody().get("canEvaluate")).isEqualTo(false);
    d = reload(d);
    assertThat(d.rating()).isEqualTo(3);
    assertThat(d.ratingComment()).isEqualTo("Nhanh, không phải đi lại");
    assertThat(jdbc.queryForObject("SELECT rating_channel FROM dossier WHERE id = ?", String.class, d.id()))
        .isEqualTo("ONLINE");
    assertThat(evaluate(client, code, "{\"secret\": \"0978333444\", \"rating\": 1}").getStatusCode().value())
        .isEqualTo(409);

    List<Map<String, Object>> timeline = (List<Map<String, Object>>) rated.getBody().get("timeline");
    assertThat(timeline).extracting(s -> s.get("kind")).containsSubsequence("REGISTERED", "SUPPLEMENT_REQUESTED",
        "SUPPLEMENT_RECEIVED", "RECEIPT_ISSUED", "TRANSFERRED", "APPROVED", "RETURNED", "RATED");
    assertThat(timeline).extracting(s -> s.get("title")).contains("Yêu cầu bổ sung, hoàn thiện hồ sơ",
        "Đã trả kết quả");
    assertThat(rated.getBody().toString()).doesNotContain("mc.hung", "cv.minh", "ld.thao", "008090001234");
  }

  @Test
  void the_public_statistics_add_up_and_count_online_dossiers() {
    clockAt("2026-10-05T09:00");
    assertThat(submit(newClient(), null, submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Vũ Minh Đức", "0966777888"),
        files("don.pdf", PDF)).getStatusCode().value()).isEqualTo(201);
    ResponseEntity<Map> response = rest.getForEntity("/api/public/statistics?month=2026-10", Map.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    Map<String, Object> province = (Map<String, Object>) response.getBody().get("province");
    List<Map<String, Object>> units = (List<Map<String, Object>>) response.getBody().get("units");
    assertThat(((Number) province.get("receivedOnline")).longValue()).isPositive();
    for (String column : List.of("received", "receivedOnline", "resolved", "resolvedEarly", "resolvedOnTime",
        "resolvedLate", "inProgress")) {
      long sum = units.stream().mapToLong(u -> ((Number) ((Map<String, Object>) u.get("counts")).get(column)).longValue())
          .sum();
      assertThat(((Number) province.get(column)).longValue()).as(column).isEqualTo(sum);
    }
    assertThat(units).extracting(u -> u.get("unitName")).contains("Ủy ban nhân dân phường Minh Xuân");
    assertThat(response.getBody().toString()).doesNotContain("Vũ Minh Đức", "0966777888");
  }

  @Test
  void the_public_api_is_described_by_openapi_with_a_browsable_ui() {
    ResponseEntity<Map> docs = rest.getForEntity("/v3/api-docs/public", Map.class);
    assertThat(docs.getStatusCode().value()).isEqualTo(200);
    Map<String, Object> paths = (Map<String, Object>) docs.getBody().get("paths");
    assertThat(paths).containsKeys("/api/public/dossiers", "/api/public/dossiers/lookup",
        "/api/public/dossiers/{code}/supplements", "/api/public/dossiers/{code}/evaluation",
        "/api/public/statistics", "/api/public/procedures");
    assertThat(paths.keySet()).allMatch(p -> p.startsWith("/api/public/"));
    String officers = rest.getForEntity("/v3/api-docs/officers", String.class).getBody();
    assertThat(officers).contains("/api/dossiers/{code}");
    // the logged-in officer is a controller parameter, not part of the request the API describes
    // (a request parameter named "officer"; the access log's entries name their officer, which is data)
    assertThat(officers).doesNotContain("\"name\":\"officer\"", "#/components/schemas/Officer");
    ResponseEntity<String> ui = rest.getForEntity("/swagger-ui/index.html", String.class);
    assertThat(ui.getStatusCode().value()).isEqualTo(200);
    assertThat(ui.getBody()).contains("swagger-ui");
  }
}
