package vn.motcua.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import vn.motcua.tasklist.TaskDossierView;

/** The project's history level and its upgrade of a database at Camunda's {@code full} level, without the engine. */
class DossierHistoryLevelTest {
  private final DossierHistoryLevel level = new DossierHistoryLevel();

  @Test
  void keeps_the_procedures_variables_and_drops_the_blocks_copies_and_the_tasklist_summary() {
    assertThat(DossierHistoryLevel.keeps("dossierCode", null, "Procedure_HouseholdBusinessRegistration:3:ab12")).isTrue();
    assertThat(DossierHistoryLevel.keeps("receptionDecision", null, "Procedure_JudicialRecord:1:cd34")).isTrue();
    assertThat(DossierHistoryLevel.keeps("dossierCode", null, "Block_Reception:2:ef56")).isFalse();
    assertThat(DossierHistoryLevel.keeps("appraisalOpinion", "task-1", "Block_Resolution:2:ef56")).isFalse();
    assertThat(DossierHistoryLevel.keeps(TaskDossierView.VARIABLE, "task-1", "Procedure_JudicialRecord:1:cd34")).isFalse();
    // a process variable that happens to have the summary's name is still kept: only the task's own is dropped
    assertThat(DossierHistoryLevel.keeps(TaskDossierView.VARIABLE, null, "Procedure_JudicialRecord:1:cd34")).isTrue();
    // the system's notification process and anything without a definition
    assertThat(DossierHistoryLevel.keeps("notificationId", null, "Process_Notification:1:gh78")).isTrue();
    assertThat(DossierHistoryLevel.keeps("x", null, null)).isTrue();
  }

  @Test
  void every_other_event_is_produced_as_at_full() {
    for (HistoryEventTypes type : HistoryEventTypes.values()) {
      if (!DossierHistoryLevel.isVariableEvent(type)) {
        assertThat(level.isHistoryEventProduced(type, null)).as(type.name()).isTrue();
      }
    }
    // the engine also asks without an entity ("is any variable history produced?"): yes
    assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, null)).isTrue();
    assertThat(level.getId()).isGreaterThan(3);
    assertThat(level.getName()).isEqualTo("motcua");
  }

  @Test
  void a_database_at_full_moves_to_the_projects_level_and_any_other_level_is_left_alone() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:history-level-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    // a fresh database: nothing to do, no error
    EngineTuningPlugin.upgradeHistoryLevel(ds, "");
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ACT_GE_PROPERTY (NAME_ VARCHAR(64) PRIMARY KEY, VALUE_ VARCHAR(300), REV_ INT)");
      s.execute("INSERT INTO ACT_GE_PROPERTY VALUES ('historyLevel', '3', 1), ('schema.version', 'fox', 1)");
    }
    EngineTuningPlugin.upgradeHistoryLevel(ds, "");
    assertThat(value(ds, "historyLevel")).isEqualTo("30");
    assertThat(value(ds, "schema.version")).isEqualTo("fox");
    // again: already there
    EngineTuningPlugin.upgradeHistoryLevel(ds, "");
    assertThat(value(ds, "historyLevel")).isEqualTo("30");
    // a database an operator set to another level (e.g. audit) keeps it: the engine then refuses to start
    // with its "historyLevel mismatch" message instead of silently changing what is recorded
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("UPDATE ACT_GE_PROPERTY SET VALUE_ = '2' WHERE NAME_ = 'historyLevel'");
    }
    EngineTuningPlugin.upgradeHistoryLevel(ds, "");
    assertThat(value(ds, "historyLevel")).isEqualTo("2");
  }

  private static String value(JdbcDataSource ds, String name) throws Exception {
    try (Connection c = ds.getConnection(); var s = c.prepareStatement("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = ?")) {
      s.setString(1, name);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
