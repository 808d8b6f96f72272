package vn.motcua.organisation;

import jakarta.annotation.PostConstruct;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the engine's groups match the organisation file, idempotently, at every start-up: one group per
 * (agency, role). The groups' authorizations follow the one access policy and are kept by
 * {@code vn.motcua.security.EngineGrants}; task visibility itself comes from the engine: a candidate group
 * is granted the task it is candidate for, so an officer sees and completes only the tasks of their own
 * unit and role.
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
