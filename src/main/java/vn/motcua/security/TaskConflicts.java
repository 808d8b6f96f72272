package vn.motcua.security;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Two officers completing (or claiming) one task in Tasklist at once: the engine lets one win and refuses
 * the other with an optimistic-locking failure, a database lock it could not get, or — when the winner has
 * already committed — a task it cannot find. The database may also pick the completion as the victim of a
 * deadlock with a timer of the same dossier (PostgreSQL {@code 40P01}, H2 {@code 40001}; seen in the cluster
 * run), in the engine's flush or in a delegate's own SQL (Spring's {@link ConcurrencyFailureException}). On
 * PostgreSQL a completion that ends a scope while a timer of the same dossier has just started a child execution
 * in it fails its DELETE on a foreign key ({@code 23503}, {@code act_fk_exe_parent}; the cluster run saw ~20 in
 * 2,000 dossiers): a race as well. A foreign key refusing a new or changed row stays an error (a bug, not a race).
 * Camunda's REST API reports each as 500; the officer gets 409 and a Vietnamese message saying what
 * happened, and nothing was saved. Used by {@link TaskValidationExceptionMapper}.
 */
final class TaskConflicts {
  static final String MESSAGE = "Công việc này vừa được cán bộ khác xử lý hoặc không còn tồn tại; thao tác của bạn "
      + "chưa được ghi nhận. Vui lòng tải lại danh sách công việc.";

  private TaskConflicts() {}

  /** 409 when the failure is a concurrent change of the task, else null. */
  static Response conflictResponse(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockingException || t instanceof SQLTransactionRollbackException
          || t instanceof SQLTimeoutException || t instanceof ConcurrencyFailureException || rolledBack(t)
          || taskGone(t) || deleteStillReferenced(t, exception)) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "TaskConflict");
        body.put("message", MESSAGE);
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** SQL state class 40, "transaction rollback": a deadlock victim or a serialization failure. */
  private static boolean rolledBack(Throwable t) {
    return t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40");
  }

  /** A foreign key violation (23503) of a statement that deletes an engine row (ENGINE-03004 names the operation). */
  private static boolean deleteStillReferenced(Throwable t, Throwable whole) {
    if (!(t instanceof SQLException sql) || !foreignKey(sql)) {
      return false;
    }
    for (Throwable w = whole; w != null && w != w.getCause(); w = w.getCause()) {
      String m = w.getMessage();
      if (m != null && (m.contains("Database Operation 'DELETE ") || m.startsWith("Batch entry")
          && m.contains(" delete from ACT_RU_"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean foreignKey(SQLException sql) {
    for (SQLException s = sql; s != null; s = s.getNextException()) {
      if ("23503".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static boolean taskGone(Throwable t) {
    return t instanceof NullValueException && t.getMessage() != null && t.getMessage().contains("Cannot find task");
  }
}
