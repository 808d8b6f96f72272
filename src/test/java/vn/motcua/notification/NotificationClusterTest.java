package vn.motcua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.dossier.DossierVariables.COMPLETE;
import static vn.motcua.dossier.DossierVariables.RECEPTION_DECISION;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierNotice;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.dossier.EngineClock;
import vn.motcua.overdue.OverdueService;

/**
 * The applicant's SMS on a cluster: two nodes (two {@link NotificationService}s on the one database, each with
 * its own gateway adapter) never hand one message to the gateway at once, and a node that dies between the
 * gateway's acceptance and recording SENT leaves a claim that a retry takes over only after its lease, under
 * the same reference, which the gateway drops (docs/notifications.md, "Never twice"). Nothing sleeps: the
 * engine clock moves past the lease.
 */
@MotCuaSpringTest
class NotificationClusterTest extends DossierTestSupport {
  @Autowired NotificationService notifications;
  @Autowired NotificationRepository repository;
  @Autowired OverdueService overdue;
  @Autowired NotificationProperties properties;
  @Autowired org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties camunda;

  private SmsStub sms;

  /** Simulates the JVM's death in the middle of {@link NotificationService#send}: nothing after it runs. */
  static final class NodeDied extends Error {
    NodeDied() {
      super("node killed (SIGKILL) after the gateway took the message");
    }
  }

  @AfterEach
  void stopStub() {
    if (sms != null) {
      sms.close();
    }
  }

  private NotificationService node(SmsGateway gateway) {
    return new NotificationService(repository, new NotificationChannels(null, gateway, properties), dossiers,
        overdue, properties, new EngineClock());
  }

  private Notification acceptedSms() {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    clockAt("2026-03-02T09:10");
    completeOk("mc.hung", openTask(d), var(RECEPTION_DECISION, COMPLETE));
    return notifications.ofDossier(d.id()).stream()
        .filter(n -> n.kind() == DossierNotice.Kind.RECEIVED && n.channel() == NotificationChannel.SMS).findFirst()
        .orElseThrow();
  }

  @Test
  void two_nodes_sending_one_message_at_the_same_moment_hand_it_to_the_gateway_once() {
    Notification text = acceptedSms();
    List<String> gateway = new CopyOnWriteArrayList<>();
    List<Throwable> secondNode = new ArrayList<>();
    NotificationService nodeB = node((reference, phone, body) -> gateway.add("B:" + reference));
    NotificationService nodeA = node((reference, phone, body) -> {
      gateway.add("A:" + reference);
      // node B's job for the same row runs while node A's gateway call is in flight
      try {
        nodeB.send(text.id());
      } catch (RuntimeException e) {
        secondNode.add(e);
      }
    });

    assertThat(nodeA.send(text.id())).isEqualTo(NotificationService.Outcome.SENT);

    assertThat(gateway).containsExactly("A:" + text.id());
    assertThat(secondNode).singleElement().isInstanceOf(NotificationException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains("is being sent by " + nodeA.owner()));
    Notification sent = repository.find(text.id()).orElseThrow();
    assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(nodeB.send(text.id())).isEqualTo(NotificationService.Outcome.ALREADY_SENT);
    assertThat(gateway).hasSize(1);
  }

  @Test
  void a_node_killed_after_the_gateway_took_the_sms_leaves_it_to_the_job_retry_after_the_lease_under_the_same_reference() {
    sms = new SmsStub(TestChannels.SMS_PORT, TestChannels.SMS_PATH);
    Notification text = acceptedSms();
    HttpSmsGateway http = new HttpSmsGateway(properties.sms());
    NotificationService dying = node((reference, phone, body) -> {
      http.send(reference, phone, body);
      throw new NodeDied();
    });

    clockAt("2026-03-02T09:11");
    assertThatThrownBy(() -> dying.send(text.id())).isInstanceOf(NodeDied.class);
    assertThat(sms.received(String.valueOf(text.id()))).isEqualTo(1);
    Notification claimed = repository.find(text.id()).orElseThrow();
    assertThat(claimed.status()).isEqualTo(NotificationStatus.SENDING);
    assertThat(repository.claimOf(text.id()).owner()).isEqualTo(dying.owner());

    // the surviving node's job executor takes the job at once (its lock expired, or an operator retried it):
    // the claim is alive, so the gateway is not called and the job fails to retry later
    Job job = managementService.createJobQuery().processInstanceId(text.processInstanceId()).singleResult();
    assertThatThrownBy(() -> managementService.executeJob(job.getId())).isInstanceOf(NotificationException.class)
        .hasMessageContaining("is being sent by " + dying.owner());
    assertThat(sms.received(String.valueOf(text.id()))).isEqualTo(1);
    assertThat(repository.find(text.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENDING);

    // after the lease (motcua.notification.claim-lease, 1 minute) the retry sends it again, same reference
    clockAt("2026-03-02T09:12:30");
    managementService.executeJob(job.getId());
    assertThat(sms.received(String.valueOf(text.id()))).isEqualTo(2);
    assertThat(sms.repeats()).isEqualTo(1);
    assertThat(sms.accepted()).singleElement().satisfies(m -> {
      assertThat(m.reference()).isEqualTo(String.valueOf(text.id()));
      assertThat(m.text()).isEqualTo(text.body());
    });
    Notification sent = repository.find(text.id()).orElseThrow();
    assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(repository.claimOf(text.id())).isNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(text.processInstanceId()).count())
        .isZero();
  }

  @Test
  void a_claim_runs_out_before_the_job_lock_so_a_dead_nodes_message_is_retried_by_the_next_acquisition() {
    // what the job executor of a node gets (the tests run without one)
    long lockTime = camunda.getJobExecution().getLockTimeInMillis();
    assertThat(lockTime).as("camunda.bpm.job-execution.lock-time-in-millis").isEqualTo(120_000);
    assertThat(properties.claimLease().toMillis()).isEqualTo(60_000).isLessThan(lockTime);
    // the slowest SMS call (connect + read timeout of the production defaults) fits in the lease
    assertThat(java.time.Duration.parse("PT15S")).isLessThan(properties.claimLease());
  }

  @Test
  void of_eight_nodes_claiming_one_row_at_the_same_instant_exactly_one_gets_it() throws Exception {
    Notification text = acceptedSms();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> claims = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        String owner = "node-" + i;
        claims.add(pool.submit(() -> {
          start.await();
          return repository.claim(text.id(), owner, at("2026-03-02T09:11"), at("2026-03-02T09:12"));
        }));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> f : claims) {
        won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(repository.claimOf(text.id()).owner()).startsWith("node-");
    assertThat(repository.find(text.id()).orElseThrow().attempts()).isEqualTo(1);
    // a claim whose lease ran out is taken over, once
    assertThat(repository.claim(text.id(), "late", at("2026-03-02T09:11:30"), at("2026-03-02T09:12:30"))).isFalse();
    assertThat(repository.claim(text.id(), "late", at("2026-03-02T09:12:01"), at("2026-03-02T09:13:01"))).isTrue();
    assertThat(repository.claimOf(text.id()).owner()).isEqualTo("late");
  }
}
