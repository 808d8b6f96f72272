package vn.motcua.overdue;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Defaults of the overdue timers, prefix {@code motcua.overdue}. A procedure's model overrides the
 * leads with its own {@code overdue.warningBefore} and {@code overdue.apologyLead} properties.
 *
 * @param warningBefore how long before a stage deadline the officer and the unit leader are warned, in
 *     working time ({@code 1d}, {@code 4h}, {@code 1d4h}); default {@code 1d}
 * @param apologyLead the working time the responsible unit gets to draft and sign an apology letter
 *     before the last moment it may go out (one working day before the appointment); default {@code 4h}
 * @param supervisorGroups groups escalated to when a stage runs late, besides the unit's own
 *     supervisors; default: the supervisors of the provincial public administration service centre(s)
 */
@ConfigurationProperties("motcua.overdue")
public record OverdueProperties(String warningBefore, String apologyLead, List<String> supervisorGroups) {
  public OverdueProperties {
    warningBefore = warningBefore == null || warningBefore.isBlank() ? "1d" : warningBefore;
    apologyLead = apologyLead == null || apologyLead.isBlank() ? "4h" : apologyLead;
    supervisorGroups = supervisorGroups == null ? List.of() : List.copyOf(supervisorGroups);
  }

  public static OverdueProperties defaults() {
    return new OverdueProperties(null, null, null);
  }
}
