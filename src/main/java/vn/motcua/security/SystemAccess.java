package vn.motcua.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls that the project's own services make on a checked request (start a dossier's
 * process, correlate a message, move a timer) without the caller's engine authorization: the service
 * has already checked the officer's unit and role. The officer's authentication is restored after.
 * Officers get no engine permission to start processes directly, so every dossier goes through the
 * validated registration.
 */
public final class SystemAccess {
  private SystemAccess() {}

  public static <T> T run(IdentityService identityService, Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null) {
      return work.get();
    }
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      identityService.setAuthentication(caller);
    }
  }

  public static void run(IdentityService identityService, Runnable work) {
    run(identityService, () -> {
      work.run();
      return null;
    });
  }
}
