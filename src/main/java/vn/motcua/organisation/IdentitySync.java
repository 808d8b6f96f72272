package vn.motcua.organisation;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import jakarta.annotation.PostConstruct;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the engine's groups and authorizations match the organisation file, idempotently, at every
 * start-up. One group per (agency, role); each role gets the Camunda authorizations its work needs.
 * Task visibility itself comes from the engine: a candidate group is granted the task it is candidate
 * for, so an officer sees and completes only the tasks of their own unit and role.
 */
@Component
public class IdentitySync {
  public static final String GROUP_TYPE = "WORKFLOW";
  private static final Logger log = LoggerFactory.getLogger(IdentitySync.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final OrganisationDirectory directory;

  public IdentitySync(
      IdentityService identityService,
      AuthorizationService authorizationService,
      OrganisationDirectory directory) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.directory = directory;
  }

  @PostConstruct
  void syncAtStartup() {
    sync();
  }

  public void sync() {
    int groups = 0;
    for (Agency agency : directory.agencies()) {
      for (Role role : agency.roles()) {
        String groupId = agency.groupId(role);
        ensureGroup(groupId, agency.shortName() + " — " + role.label());
        grantRole(groupId, role);
        groups++;
      }
    }
    log.info("Organisation of {}: {} agencies, {} groups in sync", directory.province(),
        directory.agencies().size(), groups);
  }

  private void ensureGroup(String id, String name) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
    } else if (name.equals(group.getName()) && GROUP_TYPE.equals(group.getType())) {
      return;
    }
    group.setName(name);
    group.setType(GROUP_TYPE);
    identityService.saveGroup(group);
  }

  private void grantRole(String groupId, Role role) {
    switch (role) {
      case RECEPTION, SPECIALIST, LEADER, HEAD, DEPUTY_HEAD -> {
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
      }
      case SUPERVISOR -> {
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
            ProcessDefinitionPermissions.READ_TASK);
        grant(groupId, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
        grant(groupId, Resources.TASK, "*", Permissions.READ);
        grant(groupId, Resources.DEPLOYMENT, "*", Permissions.READ);
        grant(groupId, Resources.DECISION_DEFINITION, "*", Permissions.READ);
      }
      case PROCESS_ADMIN -> {
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(groupId, Resources.DEPLOYMENT, "*", Permissions.ALL);
        grant(groupId, Resources.PROCESS_DEFINITION, "*", Permissions.ALL);
        grant(groupId, Resources.PROCESS_INSTANCE, "*", Permissions.READ, Permissions.UPDATE);
        grant(groupId, Resources.DECISION_DEFINITION, "*", Permissions.ALL);
        grant(groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.ALL);
      }
    }
  }

  /** Grants the permissions to the group on the resource, adding to any existing grant. */
  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth =
        authorizationService
            .createAuthorizationQuery()
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .authorizationType(AUTH_TYPE_GRANT)
            .singleResult();
    if (auth == null) {
      auth = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(groupId);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    } else if (List.of(permissions).stream().allMatch(auth::isPermissionGranted)) {
      return;
    }
    for (Permission p : permissions) {
      auth.addPermission(p);
    }
    authorizationService.saveAuthorization(auth);
  }

  /** Grants a permission to every user on one resource. */
  public void grantToAll(Resource resource, String resourceId, Permission permission) {
    Authorization auth =
        authorizationService
            .createAuthorizationQuery()
            .userIdIn(Authorization.ANY)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    if (auth == null) {
      auth = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      auth.setUserId(Authorization.ANY);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    } else if (auth.isPermissionGranted(permission)) {
      return;
    }
    auth.addPermission(permission);
    authorizationService.saveAuthorization(auth);
  }

}
