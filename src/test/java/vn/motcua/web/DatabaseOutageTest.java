package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import jakarta.ws.rs.core.Response;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import vn.motcua.notification.TestChannels;

/**
 * While the database cannot be reached, every API answers 503 with {@code Retry-After} and a Vietnamese
 * message, not 500: the test's data source fails as Hikari does when the database is down (no connection
 * within the pool's timeout, SQLState 08001), switched on and off without waiting for any timer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@ContextConfiguration(initializers = TestChannels.class)
@Import(DatabaseOutageTest.Outage.class)
// A context of its own (the switchable data source), kept apart from the suite's shared one: its engine has
// its own name (the shared context stays the JVM's "default" engine for Camunda's REST API and webapps), no
// process test coverage, and on H2 a database of its own.
@TestPropertySource(properties = "camunda.bpm.process-engine-name=outage")
// runs after the process tests (before ProcessCoverageTest): the engines it starts stay out of their way
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 1)
class DatabaseOutageTest {
  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    if (!"postgres".equals(System.getProperty("motcua.test.db"))) {
      registry.add("spring.datasource.url", () -> "jdbc:h2:mem:motcua-outage;DB_CLOSE_DELAY=-1");
    }
  }

  @Autowired TestRestTemplate rest;
  @Autowired Outage outage;

  /** Wraps the application's data source so a test can make it unreachable. */
  @TestConfiguration
  static class Outage {
    volatile boolean down;

    @Bean
    static BeanPostProcessor switchableDataSource(org.springframework.beans.factory.ObjectProvider<Outage> outage) {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (bean instanceof DataSource ds && "dataSource".equals(name)) {
            return new DelegatingDataSource(ds) {
              @Override
              public Connection getConnection() throws SQLException {
                check();
                return super.getConnection();
              }

              @Override
              public Connection getConnection(String user, String password) throws SQLException {
                check();
                return super.getConnection(user, password);
              }

              private void check() throws SQLException {
                if (outage.getObject().down) {
                  throw new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request "
                      + "timed out after 30000ms (total=0, active=0, idle=0, waiting=0)", "08001",
                      new ConnectException("Connection refused"));
                }
              }
            };
          }
          return bean;
        }
      };
    }
  }

  @AfterEach
  void up() {
    outage.down = false;
  }

  private static HttpHeaders json(String client) {
    HttpHeaders h = new HttpHeaders();
    h.setContentType(MediaType.APPLICATION_JSON);
    h.set("X-Forwarded-For", client);
    return h;
  }

  private static void assertUnavailable(ResponseEntity<Map> answer) {
    assertThat(answer.getStatusCode().value()).as("status").isEqualTo(503);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(answer.getBody()).containsEntry("status", 503).containsEntry("error", "database_unavailable")
        .containsEntry("message", "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.");
  }

  @Test
  void the_public_lookup_answers_503_with_retry_after_while_the_database_is_down_and_404_when_it_is_back() {
    HttpEntity<String> lookup = new HttpEntity<>("{\"code\":\"000.00.12.H56-260302-9999\",\"secret\":\"0912345678\"}",
        json("198.51.100.71"));
    outage.down = true;
    assertUnavailable(rest.postForEntity("/api/public/dossiers/lookup", lookup, Map.class));

    outage.down = false;
    assertThat(rest.postForEntity("/api/public/dossiers/lookup", lookup, Map.class).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void the_officers_api_answers_503_when_the_login_check_cannot_reach_the_database() {
    outage.down = true;
    assertUnavailable(rest.withBasicAuth("mc.hung", "demo").getForEntity("/api/dossiers", Map.class));
  }

  @Test
  void the_engine_rest_api_answers_503_too() {
    // Camunda's REST resources run in this JVM's "default" engine (the suite's shared context), so the mappers
    // are asked directly with what the engine throws when its connection fails
    Response persistence = new DatabaseUnavailable.PersistenceMapper().toResponse(new ProcessEnginePersistenceException(
        "ENGINE-03083 Exception while executing Batch Database Operations", new PersistenceException(
            new SQLException("An I/O error occurred while sending to the backend.", "08006"))));
    assertThat(persistence.getStatus()).isEqualTo(503);
    assertThat(persistence.getHeaderString("Retry-After")).isEqualTo("5");
    assertThat(String.valueOf(persistence.getEntity())).contains("không kết nối được cơ sở dữ liệu");
    Response transaction = new DatabaseUnavailable.TransactionMapper().toResponse(
        new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
            new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001")));
    assertThat(transaction.getStatus()).isEqualTo(503);
    // a task completion: Camunda's task resource wraps the engine's failure into a RestException (500)
    Response completion = new vn.motcua.security.TaskValidationExceptionMapper.RestExceptionMapper().toResponse(
        new org.camunda.bpm.engine.rest.exception.RestException(Response.Status.INTERNAL_SERVER_ERROR,
            new ProcessEnginePersistenceException("An exception occurred in the persistence layer.",
                new PersistenceException(new SQLException("terminating connection due to administrator command",
                    "57P01"))), "Cannot complete task 1: An exception occurred in the persistence layer."));
    assertThat(completion.getStatus()).isEqualTo(503);
    assertThat(completion.getHeaderString("Retry-After")).isEqualTo("5");
    // an engine error other than a persistence one, holding an outage (a listener's own SQL)
    Response listener = new vn.motcua.security.TaskValidationExceptionMapper().toResponse(new ProcessEngineException(
        "listener failed", new CannotGetJdbcConnectionException("no connection", new SQLException("x", "08001"))));
    assertThat(listener.getStatus()).isEqualTo(503);
    // anything else stays Camunda's answer
    assertThat(new DatabaseUnavailable.PersistenceMapper().toResponse(new ProcessEnginePersistenceException("dup",
        new SQLException("duplicate key", "23505"))).getStatus()).isEqualTo(500);
  }

  @Test
  void what_counts_as_an_outage() {
    assertThat(DatabaseUnavailable.isOutage(new CannotGetJdbcConnectionException("x", new SQLException("x", "08001"))))
        .isTrue();
    // PostgreSQL restarting: the server ends the session (57P01), refuses while starting (57P03)
    assertThat(DatabaseUnavailable.isOutage(new ProcessEngineException("ENGINE-03004 Exception while executing "
        + "Database Operation", new PersistenceException(new SQLException("terminating connection due to "
        + "administrator command", "57P01"))))).isTrue();
    assertThat(DatabaseUnavailable.isOutage(new ProcessEnginePersistenceException("x",
        new SQLException("the database system is starting up", "57P03")))).isTrue();
    assertThat(DatabaseUnavailable.isOutage(new ProcessEngineException("x",
        new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
    // the cluster run's PostgreSQL restart: the statement failed with 57P01, then Spring's rollback failed on the
    // connection Hikari had closed meanwhile ("Connection is closed", no SQLState); the rollback's exception is
    // thrown and holds the statement's one as its application exception
    org.springframework.transaction.TransactionSystemException rollback =
        new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
            new SQLException("Connection is closed"));
    rollback.initApplicationException(new ProcessEngineException("ENGINE-03004", new PersistenceException(
        new SQLException("terminating connection due to administrator command", "57P01"))));
    assertThat(DatabaseUnavailable.isOutage(new ProcessEnginePersistenceException("An exception occurred in the "
        + "persistence layer.", rollback))).isTrue();
    // the commit failed on the restart and then the rollback on the connection Hikari had evicted: Spring throws the
    // rollback's failure alone ("Commit exception overridden by rollback exception"), seen on POST …/resume
    assertThat(DatabaseUnavailable.isOutage(new org.springframework.transaction.TransactionSystemException(
        "JDBC rollback failed", new SQLException("Connection is closed")))).isTrue();
    assertThat(DatabaseUnavailable.isOutage(new org.springframework.transaction.TransactionSystemException(
        "JDBC commit failed", new SQLException("duplicate key", "23505")))).isFalse();
    // a bug or bad data stays what it is
    assertThat(DatabaseUnavailable.isOutage(new DataIntegrityViolationException("dup",
        new SQLException("duplicate key", "23505")))).isFalse();
    assertThat(DatabaseUnavailable.isOutage(new ProcessEngineException("no such task"))).isFalse();
    assertThat(DatabaseUnavailable.isOutage(new IllegalStateException("x"))).isFalse();
  }
}
