package vn.motcua.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.motcua.procedure.ProcedureCatalogue;
import vn.motcua.procedure.ProcedureModelCheck;

/**
 * The project's changes to the engine for the volumes of a province (docs/performance.md):
 * <ul>
 *   <li>the history level {@link DossierHistoryLevel} ({@code camunda.bpm.history-level: motcua});
 *   <li>{@link OwnGroupsAuthorizationManager} instead of the engine's authorization manager;
 *   <li>a parse listener that tells the {@link ProcedureCatalogue} a model was deployed;
 *   <li>{@link DeploymentCheck}, which refuses a deployment whose procedure cannot run (docs/procedures.md);
 *   <li>{@link DefinitionChangeInterceptor}, which tells the catalogue a definition was suspended or activated.
 * </ul>
 * A database created at Camunda's {@code full} level (the project's level before) is moved to
 * {@code motcua} at start-up: the level keeps a subset of {@code full}, so the history already written
 * stays valid. Going back to {@code full} needs the property set back by hand (docs/operations.md).
 */
@Component
public class EngineTuningPlugin extends AbstractProcessEnginePlugin {
  private static final Logger log = LoggerFactory.getLogger(EngineTuningPlugin.class);
  private final ObjectProvider<ProcedureModelCheck> modelCheck;

  public EngineTuningPlugin(ObjectProvider<ProcedureModelCheck> modelCheck) {
    this.modelCheck = modelCheck;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
    levels.add(new DossierHistoryLevel());
    configuration.setCustomHistoryLevels(levels);

    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new GenericManagerFactory(OwnGroupsAuthorizationManager.class) {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }
    });
    configuration.setCustomSessionFactories(factories);

    // the procedure catalogue keeps the latest definition of each procedure; a parsed model refreshes it
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        ProcedureCatalogue.modelParsed();
        // and once the deployment is committed: a lookup in between would keep the previous version
        CommandContext context = Context.getCommandContext();
        if (context != null) {
          context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
              committed -> ProcedureCatalogue.modelParsed());
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);

    // a deployment whose procedure cannot run is refused with the reasons, before the engine deploys it
    List<org.camunda.bpm.engine.impl.persistence.deploy.Deployer> deployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(new DeploymentCheck(modelCheck::getIfAvailable));
    configuration.setCustomPreDeployers(deployers);

    // suspending or activating a definition (Cockpit, REST) is seen by the catalogue at once
    List<org.camunda.bpm.engine.impl.interceptor.CommandInterceptor> interceptors =
        configuration.getCustomPostCommandInterceptorsTxRequired() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new DefinitionChangeInterceptor());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /** Before the engine compares its level with the database's (when the engine is built, after this). */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!DossierHistoryLevel.NAME.equals(configuration.getHistory())) {
      return;
    }
    upgradeHistoryLevel(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
  }

  /** Moves a database at Camunda's {@code full} level to {@link DossierHistoryLevel}; nothing otherwise. */
  static void upgradeHistoryLevel(DataSource dataSource, String prefix) {
    String table = (prefix == null ? "" : prefix) + "ACT_GE_PROPERTY";
    try (Connection c = dataSource.getConnection()) {
      if (!tableExists(c, table)) {
        return; // a fresh database: the engine creates the property with this level
      }
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE " + table + " SET VALUE_ = ? WHERE NAME_ = 'historyLevel' AND VALUE_ = ?")) {
        s.setString(1, Integer.toString(DossierHistoryLevel.ID));
        s.setString(2, Integer.toString(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
        if (s.executeUpdate() > 0) {
          if (!c.getAutoCommit()) {
            c.commit();
          }
          log.info("History level of the database changed from full ({}) to {}", HistoryLevel.HISTORY_LEVEL_FULL.getId(),
              DossierHistoryLevel.NAME + " (" + DossierHistoryLevel.ID + ")");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not check the engine's history level in " + table, e);
    }
  }

  private static boolean tableExists(Connection c, String table) throws SQLException {
    var meta = c.getMetaData();
    String schema = c.getSchema(); // the connection's schema: the one the engine's unqualified statements use
    for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
      try (var rs = meta.getTables(null, schema, name, new String[] {"TABLE"})) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
