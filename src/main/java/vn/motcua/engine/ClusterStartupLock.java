package vn.motcua.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.stereotype.Component;

/**
 * Nodes of a cluster start up one at a time on PostgreSQL (docs/operations.md, "Cluster"). Everything a node
 * does to the database while it starts is check-then-write and races on an empty database when two nodes start
 * together: the engine's schema creation ({@code ENGINE-03015 ... duplicate key}), its history level and
 * administrator, {@code IdentitySync}'s groups and authorizations, the demo users, the model deployment and
 * Flyway. This plugin takes a PostgreSQL session advisory lock on a connection of its own before the engine
 * touches the database ({@code preInit}, the first step of the engine's build) and holds it until the
 * application context is refreshed, i.e. after every start-up bean has run; a second node waits for it,
 * then finds everything in place. The lock dies with the connection, so a node killed while starting does not
 * block the others. On H2 (one node only) it does nothing.
 */
@Component
public class ClusterStartupLock extends AbstractProcessEnginePlugin
    implements ApplicationListener<ContextRefreshedEvent>, ApplicationContextAware, DisposableBean {
  /** The advisory lock's key: "MotCuaSt" in ASCII. */
  static final long KEY = 0x4d6f744375615374L;
  private static final Logger log = LoggerFactory.getLogger(ClusterStartupLock.class);

  private final DataSource dataSource;
  private final Duration timeout;
  private ApplicationContext context;
  private Connection held;

  public ClusterStartupLock(DataSource dataSource,
      @Value("${motcua.cluster.startup-lock-timeout:PT10M}") Duration timeout) {
    this.dataSource = dataSource;
    this.timeout = timeout;
  }

  @Override
  public void setApplicationContext(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  /** Waits for the start-up lock (PostgreSQL only); throws after {@code motcua.cluster.startup-lock-timeout}. */
  synchronized void acquire() {
    if (held != null) {
      return;
    }
    Connection c = null;
    try {
      c = dataSource.getConnection();
      if (!"PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())) {
        c.close();
        return;
      }
      c.setAutoCommit(true);
      long deadline = System.nanoTime() + timeout.toNanos();
      boolean told = false;
      while (!tryLock(c)) {
        if (!told) {
          log.info("Another node is starting up on this database; waiting for it (start-up lock, at most {})",
              timeout);
          told = true;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Another node held the start-up lock for more than " + timeout
              + " (motcua.cluster.startup-lock-timeout); is a node hanging at start-up?");
        }
        Thread.sleep(200);
      }
      held = c;
      log.info("Start-up lock taken: this node creates or checks the schema, identities and models alone");
    } catch (SQLException e) {
      close(c);
      throw new IllegalStateException("Cannot take the start-up lock: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      close(c);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the start-up lock", e);
    } catch (RuntimeException e) {
      close(c);
      throw e;
    }
  }

  private static boolean tryLock(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  /** Whether this node holds the lock now (tests). */
  synchronized boolean held() {
    return held != null;
  }

  @Override
  public void onApplicationEvent(ContextRefreshedEvent event) {
    if (context == null || event.getApplicationContext() == context) {
      release();
    }
  }

  @Override
  public void destroy() {
    release();
  }

  synchronized void release() {
    if (held == null) {
      return;
    }
    try (Statement s = held.createStatement()) {
      s.execute("SELECT pg_advisory_unlock(" + KEY + ")");
      log.info("Start-up lock released");
    } catch (SQLException e) {
      log.warn("Cannot release the start-up lock; closing its connection releases it: {}", e.getMessage());
      // the pool must not hand this session, which may still hold the lock, to anyone else
      try {
        held.unwrap(Connection.class).close();
      } catch (SQLException closing) {
        log.debug("Closing the start-up lock's physical connection", closing);
      }
    } finally {
      close(held);
      held = null;
    }
  }

  private static void close(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        log.debug("Closing the start-up lock's connection", e);
      }
    }
  }
}
