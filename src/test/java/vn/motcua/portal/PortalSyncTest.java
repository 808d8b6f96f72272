package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.motcua.dossier.DossierVariables.COMPLETE;
import static vn.motcua.dossier.DossierVariables.RECEPTION_DECISION;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.dossier.DossierVariables;
import vn.motcua.dossier.EngineClock;
import vn.motcua.web.ApiException;

/**
 * The status sync to the national portal against a local portal ({@link PortalStub}): each dossier's events
 * in order under concurrent changes and two sending nodes, 5xx / time-out / unreachable retried to success,
 * a 4xx to the dead letter with a Cockpit incident, a duplicate ignored, the portal off then on, a dossier's
 * status events through an outage with the p95 from change to acknowledgement printed (docs/portal.md).
 * The sending "nodes" are {@link PortalSync}s on the one database, each with its own adapter and owner name.
 */
@MotCuaSpringTest
class PortalSyncTest extends DossierTestSupport {
  @Autowired PortalEventRepository repository;
  @Autowired PortalDeadLetters deadLetters;
  @Autowired PlatformTransactionManager transactionManager;

  private PortalStub portal;

  @BeforeEach
  void startPortal() {
    portal = new PortalStub();
    // the events of other test classes' dossiers are not this test's: the nodes below would send them too
    jdbc.update("UPDATE portal_event SET state = 'SENT' WHERE state = 'PENDING'");
  }

  @AfterEach
  void stopPortal() {
    portal.close();
  }

  private PortalProperties settings(boolean enabled, String endpoint) {
    return new PortalProperties(enabled, endpoint, PortalStub.KEY, "08", List.of(), Duration.ofSeconds(1),
        Duration.ofMillis(1500), Duration.ofMinutes(1), Duration.ofMillis(100), Duration.ofMillis(400),
        Duration.ofMillis(50), 50, false);
  }

  private PortalSync node(boolean enabled) {
    PortalProperties p = settings(enabled, portal.endpoint());
    return new PortalSync(repository, new HttpPortalClient(p), p, new EngineClock(), deadLetters, transactionManager);
  }

  /**
   * A household business dossier registered and accepted at Minh Xuân, its fee paid at the counter at once: events
   * 1 to 4 (new, accepted, awaiting the fee, in progress).
   */
  private Dossier accepted() {
    Dossier d = register();
    completeOk("mc.hung", openTask(d), var(RECEPTION_DECISION, COMPLETE));
    payFeeAtCounter(d);
    return reload(d);
  }

  private void moveClock(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  private static List<Integer> sequences(List<PortalStub.Applied> applied) {
    return applied.stream().map(PortalStub.Applied::sequence).toList();
  }

  /** The sequences 1..n. */
  private static List<Integer> oneTo(int n) {
    List<Integer> l = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      l.add(i);
    }
    return l;
  }

  @Test
  void a_dossiers_status_events_carry_the_contract_fields_and_reach_the_portal_in_order() {
    Dossier d = accepted();
    List<PortalEvent> events = repository.ofDossier(d.id());
    // new, accepted (receipt with appointment), waiting for the fee (block "Nộp lệ phí"), paid at the counter and
    // transferred at once to the competent agency
    assertThat(events).extracting(PortalEvent::statusCode).containsExactly(1, 2, 6, 4);
    assertThat(events).allMatch(e -> e.state() == PortalEvent.State.PENDING);

    PortalSync.Round round = node(true).sendDue();

    assertThat(round.sent()).isEqualTo(4);
    List<PortalStub.Applied> applied = portal.applied(d.code());
    assertThat(sequences(applied)).containsExactly(1, 2, 3, 4);
    assertThat(applied.get(2).body().path("statusName").asText()).isEqualTo("Chờ thực hiện nghĩa vụ tài chính");
    PortalStub.Applied second = applied.get(1);
    assertThat(second.key()).isEqualTo("motcua:" + d.code() + ":2");
    assertThat(second.body().path("statusName").asText()).isEqualTo("Đã tiếp nhận");
    assertThat(second.body().path("procedureCode").asText()).isEqualTo(d.procedureCode());
    assertThat(second.body().path("receivingAgencyCode").asText()).isEqualTo(d.receivingUnit());
    assertThat(second.body().path("competentAgencyCode").asText()).isEqualTo(d.competentUnit());
    assertThat(second.body().path("provinceCode").asText()).isEqualTo("08");
    assertThat(second.body().path("appointmentAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00");
    // the latest event carries the dossier's appointment (moved by the fee's wait if it paused working time)
    assertThat(java.time.OffsetDateTime.parse(applied.get(3).body().path("appointmentAt").asText()).toInstant())
        .isEqualTo(d.appointmentAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThat(repository.ofDossier(d.id())).allMatch(e -> e.state() == PortalEvent.State.SENT && e.ackedAt() != null);
  }

  @Test
  void events_are_kept_while_the_portal_is_off_and_sent_in_order_when_it_is_switched_on() {
    Dossier d = accepted();
    assertThat(node(false).sendDue().attempts()).isZero();
    assertThat(portal.applied(d.code())).isEmpty();
    assertThat(repository.ofDossier(d.id())).extracting(PortalEvent::state)
        .containsOnly(PortalEvent.State.PENDING);

    node(true).sendDue();

    assertThat(sequences(portal.applied(d.code()))).containsExactly(1, 2, 3, 4);
  }

  @Test
  void a_5xx_a_time_out_and_an_unreachable_portal_are_retried_with_back_off_until_acknowledged() {
    ClockUtil.setCurrentTime(new Date());
    Dossier d = register();
    PortalEvent event = repository.ofDossier(d.id()).get(0);
    PortalSync node = node(true);
    portal.answer(503, PortalStub.HANG);

    assertThat(node.sendDue().retried()).isEqualTo(1);
    PortalEvent after5xx = repository.find(event.id()).orElseThrow();
    assertThat(after5xx.state()).isEqualTo(PortalEvent.State.PENDING);
    assertThat(after5xx.lastError()).contains("HTTP 503");
    assertThat(after5xx.nextAttemptAt()).isAfter(ClockUtil.getCurrentTime().toInstant());
    assertThat(node.sendDue().attempts()).as("not before its back-off").isZero();

    moveClock(Duration.ofMillis(150));
    assertThat(node.sendDue().retried()).isEqualTo(1);
    assertThat(repository.find(event.id()).orElseThrow().lastError()).contains("did not answer");

    portal.stop();
    moveClock(Duration.ofSeconds(1));
    assertThat(node.sendDue().retried()).isEqualTo(1);
    PortalEvent unreachable = repository.find(event.id()).orElseThrow();
    assertThat(unreachable.lastError()).contains("unreachable");
    assertThat(unreachable.attempts()).isEqualTo(3);
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), unreachable.nextAttemptAt()))
        .as("back-off doubled and capped").isEqualTo(Duration.ofMillis(400));

    portal.start();
    moveClock(Duration.ofSeconds(1));
    assertThat(node.sendDue().sent()).isEqualTo(1);

    PortalEvent sent = repository.find(event.id()).orElseThrow();
    assertThat(sent.state()).isEqualTo(PortalEvent.State.SENT);
    assertThat(sent.attempts()).isEqualTo(4);
    assertThat(sent.lastError()).isNull();
    // the timed-out request had reached the portal: the retry was a duplicate, applied once
    assertThat(portal.applied(d.code())).hasSize(1);
    assertThat(portal.requests(event.eventKey())).isEqualTo(3);
    assertThat(portal.duplicates()).isEqualTo(1);
  }

  @Test
  void a_4xx_goes_to_the_dead_letter_with_a_cockpit_incident_and_holds_the_dossier_until_the_operator_resends_it() {
    Dossier d = accepted();
    PortalSync node = node(true);
    portal.answer(422);

    PortalSync.Round round = node.sendDue();

    assertThat(round.dead()).isEqualTo(1);
    List<PortalEvent> events = repository.ofDossier(d.id());
    assertThat(events).extracting(PortalEvent::state).containsExactly(PortalEvent.State.DEAD,
        PortalEvent.State.PENDING, PortalEvent.State.PENDING, PortalEvent.State.PENDING);
    assertThat(events.get(0).lastError()).startsWith("Cổng Dịch vụ công quốc gia từ chối sự kiện trạng thái (HTTP 422)");
    assertThat(portal.applied(d.code())).as("event 2 waits behind the dead letter").isEmpty();
    assertThat(node.sendDue().attempts()).isZero();

    ProcessInstance letter = runtimeService.createProcessInstanceQuery().processInstanceId(events.get(0).deadLetterProcess())
        .singleResult();
    assertThat(letter).isWaitingAt(PortalDeadLetters.WAIT_ACTIVITY);
    assertThat(letter.getBusinessKey()).isEqualTo(d.code());
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(letter.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(PortalDeadLetters.INCIDENT_TYPE);
    assertThat(incident.getIncidentMessage()).startsWith("Hồ sơ " + d.code() + ", sự kiện 1 (trạng thái 1): Cổng");

    // an officer of a ward may not; the operator re-sends the dossier
    assertThat(rest.withBasicAuth("mc.hung", "demo").postForEntity("/api/admin/portal/resend?dossier=" + d.code(), null,
        String.class).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map> resent = rest.withBasicAuth("demo", "demo")
        .postForEntity("/api/admin/portal/resend?dossier=" + d.code(), null, Map.class);
    assertThat(resent.getStatusCode().value()).isEqualTo(200);
    assertThat(resent.getBody()).containsEntry("events", 4).containsEntry("deadLettersClosed", 1);
    assertThat(letter).isEnded().hasPassed("EndEvent_Resent");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(letter.getId()).count()).isZero();

    node.sendDue();
    assertThat(sequences(portal.applied(d.code()))).containsExactly(1, 2, 3, 4);
    assertThat(repository.ofDossier(d.id())).extracting(PortalEvent::state).containsOnly(PortalEvent.State.SENT);
  }

  @Test
  void the_operators_resend_of_a_dossier_or_a_period_is_a_duplicate_the_portal_ignores() {
    Dossier d = accepted();
    PortalSync node = node(true);
    node.sendDue();
    assertThat(portal.applied(d.code())).hasSize(4);

    PortalSync.Resent one = node.resendDossier(d.code());
    assertThat(one.events()).isEqualTo(4);
    node.sendDue();
    String today = java.time.LocalDate.now(vn.motcua.calendar.OfficeZone.get()).toString();
    ResponseEntity<Map> period = rest.withBasicAuth("demo", "demo")
        .postForEntity("/api/admin/portal/resend?from=" + today + "&to=" + today, null, Map.class);
    assertThat(period.getStatusCode().value()).isEqualTo(200);
    assertThat((Integer) period.getBody().get("events")).isGreaterThanOrEqualTo(4);
    node.sendDue();

    assertThat(sequences(portal.applied(d.code()))).as("applied once each").containsExactly(1, 2, 3, 4);
    assertThat(portal.requests("motcua:" + d.code() + ":1")).isEqualTo(3);
    assertThat(repository.ofDossier(d.id())).extracting(PortalEvent::state).containsOnly(PortalEvent.State.SENT);

    ResponseEntity<Map> bad = rest.withBasicAuth("demo", "demo")
        .postForEntity("/api/admin/portal/resend?from=" + today + "&to=2020-01-01", null, Map.class);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat((String) bad.getBody().get("message")).isEqualTo("Khoảng ngày không hợp lệ.");
  }

  /** One change of the dossier's status through the dossier service (the officers' pause and resume). */
  private boolean change(Dossier d, int step) {
    try {
      if (step % 2 == 0) {
        dossiers.pause(d.id(), step % 4 == 0 ? DossierStatus.AWAITING_FINANCIAL_OBLIGATIONS
            : DossierStatus.SUPPLEMENT_REQUESTED, "Chờ người nộp thực hiện nghĩa vụ", "cv.minh");
      } else {
        dossiers.resume(d.id(), "Người nộp đã thực hiện", "cv.minh");
      }
      return true;
    } catch (ApiException conflict) {
      return false; // another thread changed it first: the officer would see the conflict
    }
  }

  @Test
  void each_dossiers_events_reach_the_portal_in_order_under_concurrent_changes_and_two_sending_nodes()
      throws Exception {
    List<Dossier> list = List.of(accepted(), accepted(), accepted());
    PortalSync nodeA = node(true);
    PortalSync nodeB = node(true);
    assertThat(nodeA.owner()).isNotEqualTo(nodeB.owner());
    AtomicBoolean changing = new AtomicBoolean(true);
    AtomicInteger changes = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> work = new ArrayList<>();
    for (PortalSync node : List.of(nodeA, nodeB)) {
      work.add(pool.submit(() -> {
        go.await();
        while (changing.get()) {
          node.sendDue();
          Thread.sleep(5);
        }
        return null;
      }));
    }
    List<Future<?>> changers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      changers.add(pool.submit(() -> {
        go.await();
        for (int step = 0; step < 12; step++) {
          for (Dossier d : list) {
            if (change(d, step + thread)) {
              changes.incrementAndGet();
            }
          }
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : changers) {
      f.get(2, TimeUnit.MINUTES);
    }
    changing.set(false);
    for (Future<?> f : work) {
      f.get(1, TimeUnit.MINUTES);
    }
    pool.shutdown();
    nodeA.sendDue();
    nodeB.sendDue();

    assertThat(changes.get()).isGreaterThan(10);
    for (Dossier d : list) {
      List<PortalEvent> recorded = repository.ofDossier(d.id());
      List<PortalStub.Applied> applied = portal.applied(d.code());
      assertThat(recorded).extracting(PortalEvent::state).containsOnly(PortalEvent.State.SENT);
      assertThat(sequences(applied)).as(d.code()).isEqualTo(oneTo(recorded.size()));
      assertThat(applied).extracting(PortalStub.Applied::status)
          .isEqualTo(recorded.stream().map(PortalEvent::statusCode).toList());
      assertThat(applied.get(applied.size() - 1).status()).isEqualTo(reload(d).status().code());
      for (int i = 1; i < recorded.size(); i++) {
        assertThat(recorded.get(i).statusCode()).as("a status event only when the status changed")
            .isNotEqualTo(recorded.get(i - 1).statusCode());
      }
      for (PortalEvent e : recorded) {
        assertThat(portal.requests(e.eventKey())).as("never sent by both nodes").isEqualTo(1);
      }
    }
  }

  @Test
  void a_dossiers_status_events_reach_the_portal_in_order_through_an_outage_and_the_p95_is_printed()
      throws Exception {
    List<Dossier> list = List.of(accepted(), accepted(), accepted());
    PortalSync node = node(true);
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService scheduler = Executors.newSingleThreadExecutor();
    // the scheduled sender, as PortalSyncJob runs it (every poll-interval, here 50 ms)
    Future<?> sender = scheduler.submit(() -> {
      while (running.get()) {
        node.sendDue();
        Thread.sleep(50);
      }
      return null;
    });
    long down = 0;
    long outage = 0;
    for (int step = 0; step < 8; step++) {
      if (step == 3) {
        portal.stop();
        down = System.currentTimeMillis();
      }
      if (step == 6) {
        portal.start();
        outage = System.currentTimeMillis() - down;
      }
      for (Dossier d : list) {
        assertThat(change(d, step)).isTrue();
      }
      Thread.sleep(200);
    }
    for (Dossier d : list) {
      dossiers.recordDecision(d.id(), DossierVariables.APPROVED, "Cấp giấy chứng nhận đăng ký hộ kinh doanh", "ld.thao");
      dossiers.recordReturn(d.id(), "COUNTER", null, null, "mc.hung");
    }
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline && list.stream().anyMatch(d -> repository.ofDossier(d.id()).stream()
        .anyMatch(e -> e.state() != PortalEvent.State.SENT))) {
      Thread.sleep(50);
    }
    running.set(false);
    sender.get(1, TimeUnit.MINUTES);
    scheduler.shutdown();

    List<Long> millis = new ArrayList<>();
    for (Dossier d : list) {
      List<PortalEvent> recorded = repository.ofDossier(d.id());
      assertThat(recorded).hasSizeGreaterThanOrEqualTo(10);
      assertThat(recorded).extracting(PortalEvent::state).containsOnly(PortalEvent.State.SENT);
      List<PortalStub.Applied> applied = portal.applied(d.code());
      assertThat(sequences(applied)).isEqualTo(oneTo(recorded.size()));
      assertThat(applied).extracting(PortalStub.Applied::status)
          .isEqualTo(recorded.stream().map(PortalEvent::statusCode).toList());
      assertThat(applied.get(applied.size() - 1).status()).isEqualTo(DossierStatus.RETURNED.code());
      assertThat(recorded.stream().filter(e -> e.attempts() > 1)).as("some waited out the outage").isNotEmpty();
      recorded.forEach(e -> millis.add(Duration.between(e.changedAt(), e.ackedAt()).toMillis()));
    }
    millis.sort(null);
    long p95 = millis.get((int) Math.ceil(0.95 * millis.size()) - 1);
    System.out.println("portal sync p95: " + p95 + " ms over " + millis.size() + " events (portal down for " + outage
        + " ms meanwhile; median " + millis.get(millis.size() / 2) + " ms, max " + millis.get(millis.size() - 1) + " ms)");
    assertThat(p95).as("Decree 118's real time: well within the 10 minutes").isLessThan(Duration.ofMinutes(10).toMillis());
  }
}
