package vn.motcua.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager without its full scan of the authorization table per command.
 *
 * <p>Before it checks a permission or restricts a query, Camunda's {@link AuthorizationManager} narrows the
 * authenticated user's groups to those that occur in some authorization, by reading
 * {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} once per command. Every open task has its
 * group authorizations (the engine grants a task's candidate group on the task), so the table grows with the
 * open dossiers: hundreds of thousands of rows read by every command of every officer at province scale.
 *
 * <p>The narrowing only shortens the {@code GROUP_ID_ IN (...)} lists of the checks: a group without any
 * authorization matches no row, so keeping it changes no decision. This manager keeps the officer's groups
 * as they are (an officer has one to three), and every check gives the same answer without the scan.
 * Installed by {@link EngineTuningPlugin}; tests: {@code EngineTuningTest} and the authorization tests of
 * the suite (officers see and work only their unit's tasks).
 */
public class OwnGroupsAuthorizationManager extends AuthorizationManager {
  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      return new ArrayList<>();
    }
    return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
  }
}
