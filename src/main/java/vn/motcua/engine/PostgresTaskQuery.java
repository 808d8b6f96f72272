package vn.motcua.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the engine's task query (Tasklist's lists and counts, {@code /engine-rest/task}) tests an
 * officer's authorization per task with one index probe instead of joining every task with every grant of the
 * officer: with Camunda's per-task grants of a candidate group, the stock join grew with the square of a
 * role's open tasks (950 × 950 rows compared at 100,000 open dossiers, docs/performance.md, "Tasklist").
 *
 * <p>Tasklist's list also asks the variable instance query for the variables each entry shows, with the same
 * join over the task, its process instance and definition: it gets the same change.
 *
 * <p>The statements are Camunda 7.24.0's own ({@code postgres-task-query.xml}, a copy with the one change
 * marked), registered in the engine's MyBatis configuration and used through the engine's database-specific
 * statement mapping — the mechanism Camunda itself uses for its per-database statements. The answers are the
 * stock query's ({@code PostgresTaskQueryTest} compares them); other databases keep the stock query.
 * {@code motcua.tasklist.postgres-task-query=false} turns it off.
 */
@Component
public class PostgresTaskQuery extends AbstractProcessEnginePlugin {
  private static final Logger log = LoggerFactory.getLogger(PostgresTaskQuery.class);
  static final String MAPPING = "vn/motcua/engine/postgres-task-query.xml";
  static final String NAMESPACE = "vn.motcua.engine.PostgresTaskQuery.";
  /** The engine's statement → this project's. */
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", NAMESPACE + "selectTaskByQueryCriteria_motcuaPostgres",
      "selectTaskCountByQueryCriteria", NAMESPACE + "selectTaskCountByQueryCriteria_motcuaPostgres",
      "selectVariableInstanceByQueryCriteria", NAMESPACE + "selectVariableInstanceByQueryCriteria_motcuaPostgres",
      "selectVariableInstanceCountByQueryCriteria", NAMESPACE + "selectVariableInstanceCountByQueryCriteria_motcuaPostgres");

  private final boolean enabled;

  public PostgresTaskQuery(org.springframework.core.env.Environment environment) {
    this.enabled = environment.getProperty("motcua.tasklist.postgres-task-query", Boolean.class, true);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    if (!enabled || !DbSqlSessionFactory.POSTGRES.equals(sessions.getDatabaseType())) {
      return;
    }
    install(configuration.getSqlSessionFactory().getConfiguration(), sessions);
    log.info("Task query: PostgreSQL mapping of the authorization test installed ({})", MAPPING);
  }

  static void install(Configuration mybatis, DbSqlSessionFactory sessions) {
    if (!mybatis.isResourceLoaded(MAPPING)) {
      try (InputStream in = PostgresTaskQuery.class.getClassLoader().getResourceAsStream(MAPPING)) {
        if (in == null) {
          throw new IllegalStateException("missing " + MAPPING);
        }
        new XMLMapperBuilder(in, mybatis, MAPPING, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + MAPPING, e);
      }
    }
    Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
        : new HashMap<>(sessions.getStatementMappings());
    mappings.putAll(STATEMENTS);
    sessions.setStatementMappings(mappings);
  }
}
