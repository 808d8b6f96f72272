package vn.motcua.report;

import java.util.Set;

/**
 * Whose figures a report shows: all units ({@code units == null}) or a set of agency keys. Which units an
 * officer may report on is decided by the access policy, {@link vn.motcua.security.DossierAccess#reportableUnits}.
 */
public record ReportScope(Set<String> units) {
  public static final ReportScope ALL = new ReportScope(null);

  public boolean all() {
    return units == null;
  }

  public boolean includes(String unit) {
    return units == null || units.contains(unit);
  }
}
