package vn.motcua.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.motcua.organisation.OrganisationDirectory.UnitRole;
import vn.motcua.organisation.Role;

/**
 * The authenticated user of a project API request: their Camunda groups and the (agency, role) pairs
 * those groups stand for.
 */
public record Officer(String userId, List<String> groupIds, List<UnitRole> unitRoles) {
  public static final String REQUEST_ATTRIBUTE = Officer.class.getName();
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  public boolean isAdmin() {
    return groupIds.contains(CAMUNDA_ADMIN);
  }

  public boolean hasRole(Role role) {
    return unitRoles.stream().anyMatch(ur -> ur.role() == role);
  }

  public boolean hasRoleIn(Role role, String agencyKey) {
    return unitRoles.stream().anyMatch(ur -> ur.role() == role && ur.agency().key().equals(agencyKey));
  }

  /** Keys of the agencies in which the officer holds the role. */
  public Set<String> agenciesWithRole(Role role) {
    return unitRoles.stream()
        .filter(ur -> ur.role() == role)
        .map(ur -> ur.agency().key())
        .collect(Collectors.toSet());
  }
}
