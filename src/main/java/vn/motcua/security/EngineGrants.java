package vn.motcua.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.organisation.OrganisationDirectory.UnitRole;
import vn.motcua.organisation.Role;
import vn.motcua.security.AccessPolicy.Reach;

/**
 * The Camunda authorizations of the organisation's groups, derived from {@link AccessPolicy}, the same
 * description {@link DossierAccess} applies to the officers' API.
 *
 * <ul>
 *   <li><b>Group grants</b> (resource id {@code *} or an application), kept exactly as {@link #groupGrants}
 *       says at every start-up: missing ones are created, surplus permissions of the organisation's groups
 *       removed (an upgraded database loses the former {@code READ *} of ward supervisors and the process
 *       admin's instance permissions). Per-instance and per-task rows are not touched here.
 *   <li><b>Task access of officers</b>: Camunda's own grant of a task to its candidate group, so an officer
 *       sees and works the tasks of their unit and role; nothing is added.
 *   <li><b>Ward supervisors</b> (roles that {@link AccessPolicy#watchesUnit watch} their unit): READ on each
 *       process instance of a dossier's tree and on each task, given by {@link #grantUnitWork} when a task of
 *       the dossier is created, to the supervisors of its receiving and competent unit and of the task's
 *       unit. The engine deletes a task's and a process instance's rows when they end, so the rows follow
 *       the open work, not the history. Ward supervisors read no engine history (the dossier's record and
 *       control log are in {@code /api/dossiers/{code}}); the province's supervisors read it all.
 * </ul>
 *
 * <p>Why per instance and not per process definition: one procedure's definition serves every ward, so a
 * definition-level grant would open every ward's dossiers (the cause of issue 19's cross-unit read).
 * Camunda's tenants do not fit either: a dossier crosses units (ward reception, department appraisal,
 * partner agencies). The cost is one row per open instance and task per watching unit; see
 * docs/architecture.md, "One access policy".
 */
@Component
public class EngineGrants {
  private static final Logger log = LoggerFactory.getLogger(EngineGrants.class);
  private static final String ANY = "*";
  private static final String PENDING = EngineGrants.class.getName() + ".pending";

  private final AuthorizationService authorizations;
  private final IdentityService identityService;
  private final OrganisationDirectory directory;

  public EngineGrants(AuthorizationService authorizations, IdentityService identityService,
      OrganisationDirectory directory) {
    this.authorizations = authorizations;
    this.identityService = identityService;
    this.directory = directory;
  }

  /** A grant on one resource: the resource and its id ({@code *} for all). */
  public record Target(Resource resource, String resourceId) {}

  /** The group-level grants of one (agency, role): the whole of what it may do beyond its own tasks. */
  public static Map<Target, Set<Permission>> groupGrants(UnitRole unitRole) {
    Map<Target, Set<Permission>> g = new LinkedHashMap<>();
    Reach reach = AccessPolicy.reach(unitRole);
    Role role = unitRole.role();
    put(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    if (role == Role.PROCESS_ADMIN) {
      put(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      put(g, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ, Permissions.DELETE);
      put(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.UPDATE, ProcessDefinitionPermissions.DELETE,
          ProcessDefinitionPermissions.SUSPEND);
      put(g, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.UPDATE, Permissions.CREATE_INSTANCE);
      put(g, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
      return g;
    }
    put(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    if (reach == Reach.PROVINCE) {
      put(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      put(g, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK);
      put(g, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
      put(g, Resources.TASK, ANY, TaskPermissions.READ);
      put(g, Resources.DEPLOYMENT, ANY, Permissions.READ);
      put(g, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    } else if (reach == Reach.UNIT && AccessPolicy.watchesUnit(role)) {
      put(g, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      put(g, Resources.DEPLOYMENT, ANY, Permissions.READ);
      put(g, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    }
    return g;
  }

  private static void put(Map<Target, Set<Permission>> g, Resource resource, String id, Permission... permissions) {
    g.put(new Target(resource, id), new LinkedHashSet<>(List.of(permissions)));
  }

  @PostConstruct
  void syncAtStartup() {
    sync();
  }

  /** Makes the group-level grants of every organisation group exactly {@link #groupGrants}; idempotent. */
  public void sync() {
    int changed = 0;
    for (Agency agency : directory.agencies()) {
      for (Role role : agency.roles()) {
        changed += reconcile(agency.groupId(role), groupGrants(new UnitRole(agency, role)));
      }
    }
    log.info("Engine authorizations of the organisation's groups in step with the access policy ({} changed)",
        changed);
  }

  private int reconcile(String groupId, Map<Target, Set<Permission>> wanted) {
    int changed = 0;
    Map<Target, Set<Permission>> left = new LinkedHashMap<>(wanted);
    for (Authorization a : authorizations.createAuthorizationQuery().groupIdIn(groupId)
        .authorizationType(AUTH_TYPE_GRANT).list()) {
      Resource resource = resourceOf(a.getResourceType());
      if (resource == null || !(ANY.equals(a.getResourceId()) || resource == Resources.APPLICATION)) {
        continue; // a grant on one task or instance: Camunda's or grantUnitWork's
      }
      Target target = new Target(resource, a.getResourceId());
      Set<Permission> want = left.remove(target);
      if (want == null) {
        authorizations.deleteAuthorization(a.getId());
        changed++;
      } else if (!sameGrant(a, resource, want)) {
        a.setPermissions(want.toArray(new Permission[0]));
        authorizations.saveAuthorization(a);
        changed++;
      }
    }
    for (Map.Entry<Target, Set<Permission>> e : left.entrySet()) {
      Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      a.setGroupId(groupId);
      a.setResource(e.getKey().resource());
      a.setResourceId(e.getKey().resourceId());
      a.setPermissions(e.getValue().toArray(new Permission[0]));
      authorizations.saveAuthorization(a);
      changed++;
    }
    return changed;
  }

  private static final List<Resource> MANAGED = List.of(Resources.APPLICATION, Resources.DEPLOYMENT,
      Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE, Resources.TASK, Resources.DECISION_DEFINITION,
      Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.HISTORIC_PROCESS_INSTANCE, Resources.HISTORIC_TASK);

  private static Resource resourceOf(int type) {
    return MANAGED.stream().filter(r -> r.resourceType() == type).findFirst().orElse(null);
  }

  /** Whether the authorization grants exactly {@code want} of the permissions that apply to the resource. */
  private static boolean sameGrant(Authorization a, Resource resource, Set<Permission> want) {
    return Stream.of(Permissions.values(), ProcessDefinitionPermissions.values(),
            ProcessInstancePermissions.values(), TaskPermissions.values())
        .flatMap(Arrays::stream)
        .filter(p -> !"NONE".equals(p.getName()) && !"ALL".equals(p.getName()))
        .filter(p -> Arrays.asList(p.getTypes()).contains(resource))
        .allMatch(p -> a.isPermissionGranted(p) == want.stream().anyMatch(w -> w.getValue() == p.getValue()));
  }

  // ---- the work of a unit ----

  /**
   * READ on the task and on the process instances of its dossier (the task's instance and those above it)
   * for the groups that watch {@code units} ({@link AccessPolicy#watchesUnit}); the province's reach
   * needs none. A group that is one of the task's {@code candidateGroups} already has the task from Camunda
   * (a second row for it would break the engine's unique key). Called in the engine's transaction when the
   * task is created; runs without the officer's authorization (the officer may not write authorizations).
   * Two transactions granting the same instance at once (parallel jobs of one dossier) meet at that unique
   * key: the later one fails and its job is retried, then finds the row.
   */
  public void grantUnitWork(String taskId, Collection<String> candidateGroups, Collection<String> processInstanceIds,
      Collection<String> units) {
    grantUnitWork(taskId, candidateGroups, processInstanceIds, Set.of(), units);
  }

  /**
   * As above; {@code startedNow}: those of the process instances that started in the current transaction, which
   * can hold no grant yet (written without asking first: a storm of warnings starts thousands of blocks).
   */
  public void grantUnitWork(String taskId, Collection<String> candidateGroups, Collection<String> processInstanceIds,
      Collection<String> startedNow, Collection<String> units) {
    List<String> groups = new ArrayList<>();
    for (String unit : new LinkedHashSet<>(units)) {
      directory.find(unit).ifPresent(agency -> agency.roles().stream()
          .filter(role -> AccessPolicy.watchesUnit(role)
              && AccessPolicy.reach(new UnitRole(agency, role)) == Reach.UNIT)
          .forEach(role -> groups.add(agency.groupId(role))));
    }
    if (groups.isEmpty()) {
      return;
    }
    SystemAccess.run(identityService, () -> {
      for (String group : groups) {
        if (taskId != null && !candidateGroups.contains(group)
            && pending().add(group + "|" + Resources.TASK.resourceType() + "|" + taskId)) {
          // a task being created has no grant yet: no query
          create(group, Resources.TASK, taskId, TaskPermissions.READ);
        }
        for (String instance : new LinkedHashSet<>(processInstanceIds)) {
          grantRead(group, Resources.PROCESS_INSTANCE, instance, ProcessInstancePermissions.READ,
              startedNow.contains(instance));
        }
      }
    });
  }

  /** {@code startedNow}: the resource was created in this transaction, so it holds no grant yet (no query). */
  private void grantRead(String group, Resource resource, String id, Permission read, boolean startedNow) {
    if (id == null || !pending().add(group + "|" + resource.resourceType() + "|" + id)) {
      return; // granted earlier in this transaction: not yet visible to a query
    }
    if (startedNow) {
      create(group, resource, id, read);
      return;
    }
    Authorization a = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
        .resourceId(id).authorizationType(AUTH_TYPE_GRANT).singleResult();
    if (a == null) {
      create(group, resource, id, read);
    } else if (!a.isPermissionGranted(read)) {
      a.addPermission(read);
      authorizations.saveAuthorization(a);
    }
  }

  private void create(String group, Resource resource, String id, Permission read) {
    Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    a.setGroupId(group);
    a.setResource(resource);
    a.setResourceId(id);
    a.addPermission(read);
    authorizations.saveAuthorization(a);
  }

  /** The grants written in the current transaction (a query does not see them before the engine flushes). */
  @SuppressWarnings("unchecked")
  private static Set<String> pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new HashSet<>();
    }
    Object set = TransactionSynchronizationManager.getResource(PENDING);
    if (set == null) {
      set = new HashSet<String>();
      TransactionSynchronizationManager.bindResource(PENDING, set);
      TransactionSynchronizationManager.registerSynchronization(
          new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
            }
          });
    }
    return (Set<String>) Objects.requireNonNull(set);
  }
}
