package vn.motcua.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import vn.motcua.MotCuaSpringTest;

/**
 * The public API's throttle is the cluster's, not a node's (issues 19 and 20): two throttles — two nodes —
 * on the application's database (H2, or PostgreSQL with -Ppostgres) hold one limit between them, exactly,
 * under concurrency.
 */
@MotCuaSpringTest
class SharedThrottleTest {
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  private ClientThrottle node(CitizenProperties limits) {
    return new ClientThrottle(limits, jdbc, transactions, Clock.systemUTC());
  }

  @Test
  void two_nodes_on_one_database_let_exactly_the_limit_through_when_40_submissions_race() throws Exception {
    CitizenProperties limits = new CitizenProperties(5, Duration.ofMinutes(15), 30, 20, false, null);
    ClientThrottle nodeA = node(limits);
    ClientThrottle nodeB = node(limits);
    String client = "198.18." + (System.nanoTime() % 250) + ".7";
    assertThat(ClientThrottleTest.concurrentPasses(nodeA, nodeB, client, 40)).isEqualTo(20);
    assertThatThrownBy(() -> nodeA.beforeSubmission(client)).isInstanceOf(ThrottledException.class);
  }

  @Test
  void wrong_guesses_alternating_two_nodes_are_counted_once_against_one_limit() {
    CitizenProperties limits = new CitizenProperties(5, Duration.ofMinutes(15), 30, 20, false, null);
    ClientThrottle nodeA = node(limits);
    ClientThrottle nodeB = node(limits);
    String client = "198.19." + (System.nanoTime() % 250) + ".8";
    int allowed = 0;
    for (int i = 0; i < 10; i++) {
      ClientThrottle node = i % 2 == 0 ? nodeA : nodeB;
      try {
        node.beforeLookup(client);
        node.failedLookup(client);
        allowed++;
      } catch (ThrottledException e) {
        assertThat(e.getMessage()).contains("quá nhiều lần");
      }
    }
    assertThat(allowed).isEqualTo(5);
  }
}
