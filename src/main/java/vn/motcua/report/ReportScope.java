package vn.motcua.report;

import java.util.LinkedHashSet;
import java.util.Set;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.organisation.Role;
import vn.motcua.security.Officer;
import vn.motcua.web.ApiException;

/**
 * Whose figures a report shows: all units ({@code units == null}) or a set of agency keys.
 *
 * <p>A supervisor sees the agencies where they hold the supervisor role and the agencies under them
 * (parent); a supervisor of the provincial Public Administrative Service Centre and a Camunda
 * administrator see the whole province. Anyone else is refused.
 */
public record ReportScope(Set<String> units) {
  public static final ReportScope ALL = new ReportScope(null);

  public boolean all() {
    return units == null;
  }

  public boolean includes(String unit) {
    return units == null || units.contains(unit);
  }

  /** The scope of the officer, narrowed to one unit when {@code unit} is given. */
  public static ReportScope of(Officer officer, OrganisationDirectory directory, String unit) {
    ReportScope own = own(officer, directory);
    if (unit == null || unit.isBlank()) {
      return own;
    }
    if (directory.find(unit).isEmpty()) {
      throw ApiException.notFound("Không có đơn vị mang mã " + unit + ".");
    }
    if (!own.includes(unit)) {
      throw ApiException.forbidden("Bạn không có quyền xem báo cáo của " + directory.get(unit).name() + ".");
    }
    return new ReportScope(Set.of(unit));
  }

  static ReportScope own(Officer officer, OrganisationDirectory directory) {
    if (officer.isAdmin() || isProvincialSupervisor(officer)) {
      return ALL;
    }
    Set<String> supervised = officer.agenciesWithRole(Role.SUPERVISOR);
    if (supervised.isEmpty()) {
      throw ApiException.forbidden("Chỉ cán bộ giám sát được xem báo cáo tình hình giải quyết hồ sơ.");
    }
    Set<String> units = new LinkedHashSet<>(supervised);
    for (Agency a : directory.agencies()) {
      if (a.parent() != null && supervised.contains(a.parent())) {
        units.add(a.key());
      }
    }
    return new ReportScope(Set.copyOf(units));
  }

  /** A supervisor of the provincial service centre (as for reading dossiers, DossierController). */
  static boolean isProvincialSupervisor(Officer officer) {
    return officer.unitRoles().stream().anyMatch(ur -> ur.role() == Role.SUPERVISOR
        && ur.agency().level() == Agency.Level.PROVINCE && ur.agency().type() == Agency.Type.SERVICE_CENTRE);
  }
}
