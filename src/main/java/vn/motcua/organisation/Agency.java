package vn.motcua.organisation;

import java.util.List;

/**
 * An agency of the province: a provincial department (sở), the provincial Public Administrative
 * Service Centre, a commune People's Committee or its service centre. Since July 2025 there are two
 * tiers only (province and commune); there is no district level.
 *
 * @param key short stable key used in group ids and process variables, e.g. {@code tq-stp}
 * @param identifier official agency identifier (mã định danh, {@code V1V2V3.Z1Z2.Y1Y2.MX1X2}) used
 *     as the first part of dossier codes
 * @param name official Vietnamese name
 * @param shortName short Vietnamese name for lists
 * @param level {@code PROVINCE} or {@code COMMUNE}
 * @param type kind of agency
 * @param parent key of the agency this one belongs to, or {@code null}
 * @param roles the roles that exist in this agency
 */
public record Agency(
    String key,
    String identifier,
    String name,
    String shortName,
    Level level,
    Type type,
    String parent,
    List<Role> roles) {

  public enum Level {
    PROVINCE,
    COMMUNE
  }

  public enum Type {
    SERVICE_CENTRE,
    DEPARTMENT,
    COMMUNE_COMMITTEE,
    SECTOR_AGENCY
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  public String groupId(Role role) {
    return role.groupOf(key);
  }
}
