package vn.motcua.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The idempotency key's claim when the registration fails because the database went away (issue 20): the
 * release fails too, and is tried again until the database is back, so that the citizen's retry with the same
 * key can register as soon as the database serves again (on main the claim stayed for ten minutes, and every
 * retry of that dossier waited for it).
 */
class SubmissionKeysTest {
  /** A database that can be switched off: every new connection is refused, as during a restart. */
  static final class Switchable extends DelegatingDataSource {
    volatile boolean down;

    Switchable(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
      if (down) {
        throw new SQLTransientConnectionException("Connection refused (database restarting)", "08001");
      }
      return super.getConnection();
    }
  }

  /** The release's retries, run when the test says so (no sleep, no background thread). */
  static final class ManualScheduler {
    final List<Runnable> due = new ArrayList<>();
    final List<Long> delaysMs = new ArrayList<>();

    void schedule(java.time.Duration delay, Runnable task) {
      delaysMs.add(delay.toMillis());
      due.add(task);
    }

    void runDue() {
      List<Runnable> now = new ArrayList<>(due);
      due.clear();
      now.forEach(Runnable::run);
    }
  }

  Switchable db;
  ManualScheduler scheduler;
  SubmissionKeys keys;

  @BeforeEach
  void setUp() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:keys-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    db = new Switchable(h2);
    new JdbcTemplate(db).execute("CREATE TABLE public_submission (idempotency_key VARCHAR(100) PRIMARY KEY, "
        + "request_hash VARCHAR(64) NOT NULL, dossier_id BIGINT, created_at TIMESTAMP WITH TIME ZONE NOT NULL)");
    scheduler = new ManualScheduler();
    keys = new SubmissionKeys(new JdbcTemplate(db), new DataSourceTransactionManager(db), scheduler::schedule);
  }

  @Test
  void aReleaseTheOutageRefusedIsDoneWhenTheDatabaseIsBack() {
    assertThat(keys.claim("key-0001", "hash", Instant.now())).isTrue();
    db.down = true; // the registration failed on the restart; its release meets the same outage

    assertThatCode(() -> keys.release("key-0001")).as("the caller answers with the registration's failure")
        .doesNotThrowAnyException();
    assertThat(scheduler.due).as("the release is tried again").hasSize(1);
    assertThat(scheduler.delaysMs).containsExactly(SubmissionKeys.RELEASE_RETRY_EVERY.toMillis());

    scheduler.runDue(); // still down: tried again later
    assertThat(scheduler.due).hasSize(1);

    db.down = false;
    scheduler.runDue();
    assertThat(scheduler.due).as("nothing left to try").isEmpty();
    assertThat(keys.find("key-0001")).as("the key is free: the citizen's retry claims it").isEmpty();
    assertThat(keys.claim("key-0001", "hash", Instant.now())).isTrue();
  }

  @Test
  void aClaimThatHasItsDossierIsNeverReleased() {
    assertThat(keys.claim("key-0002", "hash", Instant.now())).isTrue();
    assertThat(keys.complete("key-0002", 42L)).isTrue();
    keys.release("key-0002");
    assertThat(keys.find("key-0002")).get().extracting(SubmissionKeys.Claim::dossierId).isEqualTo(42L);
    assertThat(scheduler.due).isEmpty();
  }

  @Test
  void aReleaseThatWorksSchedulesNothing() {
    assertThat(keys.claim("key-0003", "hash", Instant.now())).isTrue();
    keys.release("key-0003");
    assertThat(keys.find("key-0003")).isEmpty();
    assertThat(scheduler.due).isEmpty();
  }
}
