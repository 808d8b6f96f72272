package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Map;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * A task completion that loses a deadlock to a timer of the same dossier answers 409 in Vietnamese, not
 * 500 (the cluster run saw both: PostgreSQL's {@code 40P01} in the engine's flush, and in a delegate's own
 * SQL through Spring, each answered 500 by Camunda's REST API).
 */
class TaskConflictsTest {

  @Test
  void a_deadlock_in_the_engines_flush_is_a_conflict() {
    SQLException deadlock = new SQLException("ERROR: deadlock detected", "40P01");
    ProcessEngineException e = new ProcessEngineException("An exception occurred in the persistence layer.",
        new PersistenceException("### Error updating database.", deadlock));
    assertConflict(TaskConflicts.conflictResponse(e));
  }

  @Test
  void a_serialization_failure_on_h2_is_a_conflict() {
    assertConflict(TaskConflicts.conflictResponse(new ProcessEngineException("flush",
        new SQLException("Deadlock detected", "40001"))));
  }

  @Test
  void a_deadlock_in_a_delegates_own_sql_is_a_conflict_through_the_rest_api() {
    PessimisticLockingFailureException e = new PessimisticLockingFailureException("PreparedStatementCallback; "
        + "SQL [UPDATE dossier SET decision = ? ...]; ERROR: deadlock detected",
        new SQLException("ERROR: deadlock detected", "40P01"));
    assertConflict(new TaskValidationExceptionMapper.DataConflictMapper().toResponse(e));
  }

  @Test
  void a_row_deleted_while_a_concurrent_transaction_added_its_child_is_a_conflict() {
    // the cluster run: a completion ends a scope while a timer of the same dossier starts a child execution in it;
    // PostgreSQL refuses the DELETE (23503) — nothing was saved, the officer tries again
    SQLException fk = new SQLException("ERROR: update or delete on table \"act_ru_execution\" violates foreign key "
        + "constraint \"act_fk_exe_parent\" on table \"act_ru_execution\"", "23503");
    ProcessEngineException e = new ProcessEngineException("An exception occurred in the persistence layer.",
        new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation 'DELETE "
            + "ExecutionEntity[390239cd]' with message '### Error flushing statements.'",
            new PersistenceException("### Error flushing statements.", new java.sql.BatchUpdateException(
                "Batch entry 1 delete from ACT_RU_EXECUTION where ID_ = ('3906f4d9') and REV_ = ('1'::int4) was aborted",
                "23503", new int[0], fk))));
    assertConflict(TaskConflicts.conflictResponse(e));
  }

  @Test
  void other_database_errors_stay_errors() {
    // a foreign key refusing an INSERT is a bug (a delegate writing a row for a missing parent), not a race
    assertThat(TaskConflicts.conflictResponse(new ProcessEngineException("ENGINE-03004 Exception while executing "
        + "Database Operation 'INSERT VariableInstanceEntity[1]'", new SQLException("insert or update on table "
        + "\"act_ru_variable\" violates foreign key constraint", "23503")))).isNull();
    assertThat(TaskConflicts.conflictResponse(new ProcessEngineException("flush",
        new SQLException("duplicate key value violates unique constraint", "23505")))).isNull();
    assertThat(TaskConflicts.conflictResponse(new ProcessEngineException("no state", new SQLException("odd")))).isNull();
  }

  private static void assertConflict(Response r) {
    assertThat(r).isNotNull();
    assertThat(r.getStatus()).isEqualTo(409);
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) r.getEntity();
    assertThat(body).containsEntry("type", "TaskConflict");
    assertThat((String) body.get("message")).startsWith("Công việc này vừa được cán bộ khác xử lý");
  }
}
