package vn.motcua.dossier.engine;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import vn.motcua.dossier.DossierVariables;

/** Small helpers shared by the thin delegates and task listeners. */
public final class Delegates {
  private Delegates() {}

  /** The officer whose action drives the engine now, or {@code system} for timers and jobs. */
  public static String actor(DelegateExecution execution) {
    String user = currentUser(execution, null);
    return user == null ? "system" : user;
  }

  /**
   * The user id of the engine's current authentication, or {@code fallback} when nobody is authenticated
   * (a timer, a job). The one place that reads the engine's authentication (an internal type).
   */
  public static String currentUser(ProcessEngineServicesAware scope, String fallback) {
    Authentication auth = scope.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null ? fallback : auth.getUserId();
  }

  public static long dossierId(VariableScope scope) {
    Object id = scope.getVariable(DossierVariables.DOSSIER_ID);
    if (id instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalStateException("Process variable dossierId is missing or not a number: " + id);
  }

  public static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  public static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
