package vn.motcua.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The engine's task query (Tasklist's lists and counts, {@code /engine-rest/task}) with the officer's authorization
 * tested per task, on PostgreSQL and on H2: the stock query joins every task with every grant of the officer
 * ({@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}), and with Camunda's per-task grants of a candidate group
 * that join grew with the square of a role's open tasks (950 × 950 rows compared at 100,000 open dossiers on
 * PostgreSQL; about 1 s for "my unit's tasks" at 2,000 open dossiers on H2; docs/performance.md, "Tasklist").
 *
 * <ul>
 *   <li>PostgreSQL: a {@code LEFT JOIN LATERAL} of one index probe per resource id (the task's, its definition's),
 *   stopping at the first grant, and the global grant found once per query;</li>
 *   <li>H2, which has no {@code LATERAL}: the same probes as {@code EXISTS} tests in the {@code WHERE} clause.</li>
 * </ul>
 *
 * <p>Tasklist's list also asks the variable instance query for the variables each entry shows, with the same
 * join over the task, its process instance and definition: it gets the same change.
 *
 * <p>The statements are Camunda 7.24.0's own ({@code task-query.xml}, a copy with the changes marked), registered
 * in the engine's MyBatis configuration and used through the engine's database-specific statement mapping — the
 * mechanism Camunda itself uses for its per-database statements. The answers are the stock query's
 * ({@code MappedTaskQueryTest} compares them on each database); other databases keep the stock query.
 * {@code motcua.tasklist.mapped-task-query=false} turns it off (the earlier name of the setting,
 * {@code motcua.tasklist.postgres-task-query}, is still read).
 */
@Component
public class MappedTaskQuery extends AbstractProcessEnginePlugin {
  private static final Logger log = LoggerFactory.getLogger(MappedTaskQuery.class);
  static final String MAPPING = "vn/motcua/engine/task-query.xml";
  static final String NAMESPACE = "vn.motcua.engine.MappedTaskQuery.";
  /** The MyBatis variable that chooses the fragments of the database in {@link #MAPPING}. */
  static final String DATABASE_VARIABLE = "motcuaDb";
  /** The engine's statement → this project's. */
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", NAMESPACE + "selectTaskByQueryCriteria_motcua",
      "selectTaskCountByQueryCriteria", NAMESPACE + "selectTaskCountByQueryCriteria_motcua",
      "selectVariableInstanceByQueryCriteria", NAMESPACE + "selectVariableInstanceByQueryCriteria_motcua",
      "selectVariableInstanceCountByQueryCriteria", NAMESPACE + "selectVariableInstanceCountByQueryCriteria_motcua");

  private final boolean enabled;

  public MappedTaskQuery(Environment environment) {
    this.enabled = environment.getProperty("motcua.tasklist.mapped-task-query", Boolean.class,
        environment.getProperty("motcua.tasklist.postgres-task-query", Boolean.class, true));
  }

  /** The databases this mapping is written for. */
  static boolean supports(String databaseType) {
    return DbSqlSessionFactory.POSTGRES.equals(databaseType) || DbSqlSessionFactory.H2.equals(databaseType);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    if (!enabled || !supports(sessions.getDatabaseType())) {
      return;
    }
    install(configuration.getSqlSessionFactory().getConfiguration(), sessions);
    log.info("Task query: the authorization test mapped for {} ({})", sessions.getDatabaseType(), MAPPING);
  }

  static void install(Configuration mybatis, DbSqlSessionFactory sessions) {
    Properties loaded = mybatis.getVariables();
    if (mybatis.isResourceLoaded(MAPPING) && loaded != null
        && !sessions.getDatabaseType().equals(loaded.getProperty(DATABASE_VARIABLE))) {
      // a MyBatis configuration shared by engines on two databases: the statements were parsed for the other one
      throw new IllegalStateException(MAPPING + " is loaded for " + loaded.getProperty(DATABASE_VARIABLE)
          + ", not for this engine's " + sessions.getDatabaseType());
    }
    if (!mybatis.isResourceLoaded(MAPPING)) {
      Properties variables = loaded == null ? new Properties() : loaded;
      // read as the file is parsed: the fragments of this database ("postgres" or "h2")
      variables.setProperty(DATABASE_VARIABLE, sessions.getDatabaseType());
      mybatis.setVariables(variables);
      try (InputStream in = MappedTaskQuery.class.getClassLoader().getResourceAsStream(MAPPING)) {
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
