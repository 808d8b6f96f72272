package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.web.RawHttp.Answer;

/**
 * Issue 19's concurrency, on H2 and PostgreSQL: many clients at once never get a 5xx, and what must happen
 * once happens once — one dossier per idempotency key, gap-free codes, one completion per task.
 */
@MotCuaSpringTest
class ConcurrentRequestsTest extends DossierTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  @AfterEach
  void removeSecondOfficer() {
    if (identityService.createUserQuery().userId("mc.thu").count() > 0) {
      identityService.deleteMembership("mc.thu", "tq-minhxuan.reception");
      identityService.deleteUser("mc.thu");
    }
  }

  /** Runs the calls at the same moment on as many threads; their answers in order. */
  static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> c : calls) {
      futures.add(pool.submit(() -> {
        start.await();
        return c.call();
      }));
    }
    start.countDown();
    List<T> answers = new ArrayList<>();
    for (Future<T> f : futures) {
      answers.add(f.get(180, TimeUnit.SECONDS));
    }
    pool.shutdown();
    return answers;
  }

  @Test
  void fifty_online_submissions_racing_with_one_key_make_one_dossier_and_every_answer_names_it() throws Exception {
    clockAt("2026-10-05T09:00");
    String key = UUID.randomUUID().toString();
    byte[] body = HostileInputTest.multipart("BOUNDARYx19", "\r\n", List.of(
        HostileInputTest.part("dossier", null, "application/json", HostileInputTest.valid().replace("Lê Thị Bình",
            "Nông Văn Thắng")),
        HostileInputTest.part("files", "don.pdf", "application/pdf", HostileInputTest.PDF)));
    Map<String, String> headers = Map.of("Content-Type", "multipart/form-data; boundary=BOUNDARYx19",
        "X-Forwarded-For", "10.92.0.1", "Idempotency-Key", key);
    long dossiersBefore = jdbc.queryForObject("SELECT COUNT(*) FROM dossier", Long.class);
    List<Callable<Answer>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(() -> new RawHttp(port).send("POST", "/api/public/dossiers", headers, body));
    }
    List<Answer> answers = atOnce(calls);

    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(200, 201));
    assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
    String code = (String) JSON.readValue(answers.stream().filter(a -> a.status() == 201).findFirst().get().bytes(),
        Map.class).get("code");
    for (Answer a : answers) {
      assertThat(JSON.readValue(a.bytes(), Map.class)).as(a.toString()).containsEntry("code", code);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier", Long.class)).isEqualTo(dossiersBefore + 1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM public_submission WHERE idempotency_key = ?", Long.class, key))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier_file f JOIN dossier d ON d.id = f.dossier_id "
        + "WHERE d.code = ?", Long.class, code)).isEqualTo(1);
  }

  @Test
  void twenty_receptions_at_once_get_gap_free_codes() throws Exception {
    clockAt("2026-10-06T09:00");
    Map<String, String> headers = Map.of("Authorization", RawHttp.basic("mc.hung", "demo"),
        "Content-Type", "application/json");
    List<Callable<Answer>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      byte[] body = registration(String.format("0012030%05d", i), "0912345678").getBytes(StandardCharsets.UTF_8);
      calls.add(() -> new RawHttp(port).send("POST", "/api/dossiers", headers, body));
    }
    List<Answer> answers = atOnce(calls);
    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
    List<Integer> sequence = new ArrayList<>();
    for (Answer a : answers) {
      String code = (String) JSON.readValue(a.bytes(), Map.class).get("code");
      assertThat(code).contains("-261006-");
      sequence.add(Integer.parseInt(code.substring(code.lastIndexOf('-') + 1)));
    }
    sequence.sort(null);
    int first = sequence.get(0);
    for (int i = 0; i < sequence.size(); i++) {
      assertThat(sequence.get(i)).as("codes " + sequence).isEqualTo(first + i);
    }
  }

  @Test
  void two_officers_completing_one_task_at_once_one_wins_and_the_other_gets_a_409_in_vietnamese() throws Exception {
    User second = identityService.newUser("mc.thu");
    second.setFirstName("Thu");
    second.setLastName("Đinh Thị");
    second.setPassword("demo");
    identityService.saveUser(second);
    identityService.createMembership("mc.thu", "tq-minhxuan.reception");
    for (int round = 0; round < 3; round++) {
      clockAt("2026-10-07T09:0" + round);
      Dossier d = register();
      Task check = openTask(d);
      String body = "{\"variables\": {" + var(RECEPTION_DECISION, COMPLETE) + "}}";
      List<Callable<Answer>> calls = new ArrayList<>();
      for (String officer : List.of("mc.hung", "mc.thu")) {
        calls.add(() -> new RawHttp(port).send("POST", "/engine-rest/task/" + check.getId() + "/complete",
            Map.of("Authorization", RawHttp.basic(officer, "demo"), "Content-Type", "application/json"),
            body.getBytes(StandardCharsets.UTF_8)));
      }
      List<Answer> answers = atOnce(calls);
      assertThat(answers).extracting(Answer::status).as(answers.toString()).containsExactlyInAnyOrder(204, 409);
      Answer lost = answers.stream().filter(a -> a.status() == 409).findFirst().get();
      assertThat(lost.contentType()).startsWith("application/json");
      assertThat((String) JSON.readValue(lost.bytes(), Map.class).get("message")).contains("cán bộ khác");
      assertThat(dossiers.events(d.id()).stream().map(DossierEvent::type).filter("RECEIPT_ISSUED"::equals))
          .hasSize(1);
    }
  }
}
