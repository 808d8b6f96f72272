package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.MotCuaApplication;
import vn.motcua.procedure.ModelDeployer;

/**
 * Two nodes started at the same moment on one empty PostgreSQL database both come up, round after round
 * (issue 20: one of them used to die on the engine's schema creation, the identity sync or the demo users).
 * Each round creates a fresh database and starts two complete applications (two Spring contexts, each with
 * its engine, web server, identity sync, demo users and model deployment) behind a barrier, in one JVM.
 * {@code -Dmotcua.test.cold-start.rounds=N} (default 3). H2 serves one node only: skipped there.
 */
// runs after the process tests (before ProcessCoverageTest): the engines it starts stay out of their way
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 1)
class ClusterColdStartTest {

  @Test
  void two_nodes_started_together_on_an_empty_database_both_come_up_every_time() throws Exception {
    String url = System.getProperty("motcua.test.datasource.url", "");
    if (!"postgres".equals(System.getProperty("motcua.test.db")) || url.isBlank()) {
      System.out.println("ClusterColdStartTest skipped: H2 serves a single node; run with -Ppostgres to start two "
          + "nodes together on one PostgreSQL database");
      Assumptions.abort("H2 serves a single node only");
    }
    String user = System.getProperty("spring.datasource.username", "postgres");
    String password = System.getProperty("spring.datasource.password", "");
    int rounds = Integer.getInteger("motcua.test.cold-start.rounds", 3);
    String base = url.substring(0, url.lastIndexOf('/') + 1);
    String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9_]", "") + "_cold";
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= rounds; round++) {
        try (Connection admin = DriverManager.getConnection(base + "postgres", user, password);
            Statement s = admin.createStatement()) {
          s.execute("DROP DATABASE IF EXISTS " + name);
          s.execute("CREATE DATABASE " + name);
        }
        Path dir = Files.createTempDirectory("motcua-cold");
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<ConfigurableApplicationContext>> nodes = new ArrayList<>();
        for (String node : List.of("a", "b")) {
          String engine = "cold" + round + node;
          nodes.add(pool.submit(() -> {
            together.await();
            SpringApplication app = new SpringApplicationBuilder(MotCuaApplication.class).profiles("demo", "test")
                .build();
            // the two nodes share this JVM's one logging system, already set up by the suite; Spring Boot's
            // logging listener re-initialises it per application through JVM-wide system properties, which two
            // applications starting together race on ("Unknown format 'CONSOLE_LOG_STRUCTURED_FORMAT_IS_UNDEFINED'",
            // seen once in CI): a race of the test's two-nodes-in-one-JVM, not of the nodes (each a JVM of its
            // own in production and in the cluster run), so these nodes leave the logging system as it is
            app.setListeners(app.getListeners().stream().filter(l -> !(l instanceof LoggingApplicationListener))
                .toList());
            return app.run(
                "--spring.datasource.url=" + base + name, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--server.port=0",
                "--camunda.bpm.process-engine-name=" + engine, "--motcua.data-dir=" + dir.resolve(node),
                "--motcua.files.location=" + dir.resolve("files"), "--spring.main.banner-mode=off",
                "--spring.datasource.hikari.maximum-pool-size=5");
          }));
        }
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (Future<ConfigurableApplicationContext> f : nodes) {
          try {
            started.add(f.get(10, TimeUnit.MINUTES));
          } catch (java.util.concurrent.ExecutionException e) {
            failures.add(e.getCause());
          }
        }
        try {
          assertThat(failures).as("round %d: nodes that failed to start", round).isEmpty();
          assertThat(started).hasSize(2).allSatisfy(c -> assertThat(c.isRunning()).isTrue());
          JdbcTemplate jdbc = started.get(0).getBean(JdbcTemplate.class);
          assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT WHERE NAME_ = ?", Integer.class,
              ModelDeployer.DEPLOYMENT_NAME)).as("round %d: one deployment of the models", round).isEqualTo(1);
          assertThat(jdbc.queryForList("SELECT GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION"
              + " GROUP BY TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_ HAVING COUNT(*) > 1"))
              .as("round %d: duplicate authorizations", round).isEmpty();
          assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP WHERE USER_ID_ = 'mc.hung'",
              Integer.class)).as("round %d: a demo user's groups", round).isPositive();
          System.out.printf("ClusterColdStartTest round %d of %d: both nodes up%n", round, rounds);
        } finally {
          started.forEach(ConfigurableApplicationContext::close);
        }
      }
    } finally {
      pool.shutdownNow();
      try (Connection admin = DriverManager.getConnection(base + "postgres", user, password);
          Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }
}
