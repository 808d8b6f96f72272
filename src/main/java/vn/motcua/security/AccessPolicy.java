package vn.motcua.security;

import java.util.Set;
import java.util.TreeSet;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory.UnitRole;
import vn.motcua.organisation.Role;

/**
 * The one description of whose dossiers a role of the organisation sees. Both gates derive from it:
 * {@link DossierAccess} (the officers' API {@code /api}) and {@link EngineGrants} (the Camunda
 * authorizations behind {@code /engine-rest} and the webapps Tasklist and Cockpit). A change of who sees
 * what is a change here, and both follow.
 *
 * <table>
 *   <caption>Reach per role</caption>
 *   <tr><th>role</th><th>reach</th><th>in the engine</th></tr>
 *   <tr><td>reception, specialist, leader, head, deputy head</td><td>{@link Reach#UNIT}</td>
 *       <td>the tasks their group is candidate for (Camunda's own task grant per candidate group)</td></tr>
 *   <tr><td>supervisor of a ward or department</td><td>{@link Reach#UNIT}, {@link #watchesUnit watches}</td>
 *       <td>READ on each process instance and task of the dossiers of their unit (granted as the dossier
 *       reaches the unit)</td></tr>
 *   <tr><td>supervisor of the provincial service centre</td><td>{@link Reach#PROVINCE}</td>
 *       <td>READ on every instance, task and their history</td></tr>
 *   <tr><td>process admin</td><td>{@link Reach#NONE}</td>
 *       <td>deploys and reads definitions; no instance, task, variable or history</td></tr>
 *   <tr><td>Camunda administrator ({@code camunda-admin})</td><td>{@link Reach#PROVINCE}</td>
 *       <td>everything (Camunda's administrator)</td></tr>
 * </table>
 *
 * <p>A dossier's units are its receiving, competent and current unit ({@link DossierAccess.DossierUnits}); in
 * the engine, the receiving and competent unit and the unit of each task it was given to.
 */
public final class AccessPolicy {
  private AccessPolicy() {}

  /** How far a role sees dossiers: their personal data, tasks, variables and history. */
  public enum Reach {
    /** No dossier at all: definitions and deployments only. */
    NONE,
    /** The dossiers of their own unit. */
    UNIT,
    /** Every unit's dossiers. */
    PROVINCE
  }

  /** The reach of one role in one agency. */
  public static Reach reach(UnitRole unitRole) {
    return switch (unitRole.role()) {
      case PROCESS_ADMIN -> Reach.NONE;
      case SUPERVISOR -> provincialCentre(unitRole.agency()) ? Reach.PROVINCE : Reach.UNIT;
      case RECEPTION, SPECIALIST, LEADER, HEAD, DEPUTY_HEAD -> Reach.UNIT;
    };
  }

  /**
   * Whether a role of {@link Reach#UNIT} watches all of its unit's work in the engine (Cockpit: the unit's
   * process instances, their variables and tasks), not only the tasks it is candidate for.
   */
  public static boolean watchesUnit(Role role) {
    return role == Role.SUPERVISOR;
  }

  /** The provincial Public Administrative Service Centre: its supervisors see the province. */
  static boolean provincialCentre(Agency agency) {
    return agency.level() == Agency.Level.PROVINCE && agency.type() == Agency.Type.SERVICE_CENTRE;
  }

  /** Whether the officer sees every unit's dossiers: a Camunda administrator or a role of province reach. */
  public static boolean seesProvince(Officer officer) {
    return officer.isAdmin() || officer.unitRoles().stream().anyMatch(ur -> reach(ur) == Reach.PROVINCE);
  }

  /** The units whose dossiers the officer sees (roles of unit reach); the process admin's unit is not one. */
  public static Set<String> units(Officer officer) {
    Set<String> units = new TreeSet<>();
    officer.unitRoles().stream().filter(ur -> reach(ur) != Reach.NONE).forEach(ur -> units.add(ur.agency().key()));
    return units;
  }
}
