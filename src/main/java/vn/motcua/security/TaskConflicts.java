package vn.motcua.security;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;

/**
 * Two officers completing (or claiming) one task in Tasklist at once: the engine lets one win and refuses
 * the other with an optimistic-locking failure, a database lock it could not get, or — when the winner has
 * already committed — a task it cannot find. Camunda's REST API reports each as 500; the officer gets 409
 * and a Vietnamese message saying what happened. Used by {@link TaskValidationExceptionMapper}.
 */
final class TaskConflicts {
  static final String MESSAGE = "Công việc này vừa được cán bộ khác xử lý hoặc không còn tồn tại; thao tác của bạn "
      + "chưa được ghi nhận. Vui lòng tải lại danh sách công việc.";

  private TaskConflicts() {}

  /** 409 when the failure is a concurrent change of the task, else null. */
  static Response conflictResponse(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockingException || t instanceof SQLTransactionRollbackException
          || t instanceof SQLTimeoutException || taskGone(t)) {
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

  private static boolean taskGone(Throwable t) {
    return t instanceof NullValueException && t.getMessage() != null && t.getMessage().contains("Cannot find task");
  }
}
