package vn.motcua.security;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.organisation.Role;
import vn.motcua.web.ApiException;

/**
 * The one access policy of the officers' API: who may read, act on, print or export a dossier, print a
 * unit's ledger, search a unit's dossiers, and report on units. Every controller asks here; a refusal is
 * an {@link ApiException} (403, or 404 for a unit that does not exist where the reports say so).
 *
 * <ul>
 *   <li><b>Read</b> a dossier (its page, files, printed forms 01–05): a Camunda administrator, any officer
 *       of the receiving, competent or current unit, or a provincial supervisor; a process admin reads no
 *       dossier unless they also hold an officer's role there. Who reaches which units is
 *       {@link AccessPolicy}, from which the engine's authorizations ({@link EngineGrants}) derive too.
 *   <li><b>Act</b> on a dossier: {@link Action#SUPPLEMENT} and {@link Action#STOP} by a reception officer
 *       of the receiving unit; {@link Action#PAUSE} and {@link Action#RESUME} by a specialist or leader of
 *       the competent unit; administrators always. A provincial supervisor reads but does not act.
 *   <li><b>Search</b> dossiers: the officer's own units; administrators and provincial supervisors all.
 *   <li><b>Ledger</b> (form 06) of a unit: an officer of that unit, a provincial supervisor, an administrator.
 *   <li><b>Report</b> and export report figures: a supervisor, on the agencies where they hold the
 *       supervisor role and the agencies whose parent those are; administrators and provincial supervisors
 *       on the whole province. Anyone else is refused.
 *   <li><b>Roll-up</b> operation of the reports: administrators only.
 * </ul>
 *
 * <p>A provincial supervisor is a supervisor of the provincial Public Administrative Service Centre
 * (level {@code PROVINCE}, type {@code SERVICE_CENTRE}).
 */
@Component
public class DossierAccess {
  /** The units a dossier belongs to, as far as access is concerned (vn.motcua.dossier.Dossier). */
  public interface DossierUnits {
    String receivingUnit();

    String competentUnit();

    String currentUnit();
  }

  /** What an officer does to a dossier beyond reading it. */
  public enum Action {
    /** The applicant brought the requested supplement to the counter. */
    SUPPLEMENT,
    /** Withdrawal or a request to stop processing. */
    STOP,
    /** Pause of the clock while the dossier waits on the applicant. */
    PAUSE,
    /** Resumption of the clock. */
    RESUME,
    /** A document scanned and attached at the reception check (digitisation). */
    DIGITISE
  }

  private final OrganisationDirectory directory;

  public DossierAccess(OrganisationDirectory directory) {
    this.directory = directory;
  }

  /** A supervisor of the provincial Public Administrative Service Centre: sees every unit. */
  public static boolean provincialSupervisor(Officer officer) {
    return officer.unitRoles().stream().anyMatch(ur -> ur.role() == Role.SUPERVISOR
        && AccessPolicy.reach(ur) == AccessPolicy.Reach.PROVINCE);
  }

  /** Sees every unit's dossiers and figures: an administrator or a provincial supervisor ({@link AccessPolicy}). */
  private static boolean seesProvince(Officer officer) {
    return AccessPolicy.seesProvince(officer);
  }

  /** An officer whose role in {@code unit} reads the unit's dossiers ({@link AccessPolicy}: not the process admin). */
  private static boolean inUnit(Officer officer, String unit) {
    return unit != null && AccessPolicy.units(officer).contains(unit);
  }

  // ---- one dossier ----

  public boolean mayRead(Officer officer, DossierUnits d) {
    return seesProvince(officer) || inUnit(officer, d.receivingUnit()) || inUnit(officer, d.competentUnit())
        || inUnit(officer, d.currentUnit());
  }

  /** Read the dossier, its files and its printed forms 01–05; else 403. */
  public void requireReader(Officer officer, DossierUnits d) {
    if (!mayRead(officer, d)) {
      throw ApiException.forbidden("Hồ sơ thuộc đơn vị khác; bạn không có quyền xem.");
    }
  }

  /** Print the dossier's forms 01–05: whoever may read it. */
  public void requirePrinter(Officer officer, DossierUnits d) {
    requireReader(officer, d);
  }

  public boolean mayAct(Officer officer, DossierUnits d, Action action) {
    if (officer.isAdmin()) {
      return true;
    }
    return switch (action) {
      case SUPPLEMENT, STOP, DIGITISE -> officer.hasRoleIn(Role.RECEPTION, d.receivingUnit());
      case PAUSE, RESUME -> officer.hasRoleIn(Role.SPECIALIST, d.competentUnit())
          || officer.hasRoleIn(Role.LEADER, d.competentUnit());
    };
  }

  /** Do {@code action} to the dossier; else 403. */
  public void requireActor(Officer officer, DossierUnits d, Action action) {
    if (!mayAct(officer, d, action)) {
      throw ApiException.forbidden(switch (action) {
        case SUPPLEMENT, STOP, DIGITISE -> "Chỉ Bộ phận Một cửa đã tiếp nhận hồ sơ được thực hiện thao tác này.";
        case PAUSE, RESUME -> "Chỉ cơ quan giải quyết hồ sơ được tạm dừng hoặc tiếp tục tính thời hạn.";
      });
    }
  }

  // ---- registration ----

  /** The units where the officer registers dossiers received at the counter: where they are reception. */
  public Set<String> registrableUnits(Officer officer) {
    return officer.agenciesWithRole(Role.RECEPTION);
  }

  /** Register a dossier at {@code unit} (named {@code unitName}): its reception officer or an admin; else 403. */
  public void requireRegistrar(Officer officer, String unit, String unitName) {
    if (!officer.isAdmin() && !registrableUnits(officer).contains(unit)) {
      throw ApiException.forbidden("Bạn không phải cán bộ tiếp nhận của " + unitName + ".");
    }
  }

  // ---- units ----

  /** The units whose dossiers the officer may search; {@code null}: every unit. */
  public Set<String> searchableUnits(Officer officer) {
    if (seesProvince(officer)) {
      return null;
    }
    return AccessPolicy.units(officer);
  }

  /** Search the dossiers of {@code unit} (an existing agency); else 403. */
  public void requireUnitSearcher(Officer officer, String unit) {
    Set<String> units = searchableUnits(officer);
    if (units != null && !units.contains(unit)) {
      throw ApiException.forbidden("Bạn không có quyền xem hồ sơ của đơn vị này.");
    }
  }

  public boolean mayReadLedger(Officer officer, String unit) {
    return seesProvince(officer) || inUnit(officer, unit);
  }

  /** Print the ledger (form 06) of {@code unit}; else 403. */
  public void requireLedgerReader(Officer officer, String unit) {
    if (!mayReadLedger(officer, unit)) {
      throw ApiException.forbidden("Sổ theo dõi thuộc đơn vị khác; bạn không có quyền xem.");
    }
  }

  /**
   * The units the officer may report on (and export the figures of); {@code null}: every unit. 403 for an
   * officer who is neither a supervisor, a provincial supervisor nor an administrator.
   */
  public Set<String> reportableUnits(Officer officer) {
    if (seesProvince(officer)) {
      return null;
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
    return Set.copyOf(units);
  }

  /**
   * {@link #reportableUnits(Officer)} narrowed to {@code unit} when given: 404 for a unit that does not
   * exist, 403 for one outside the officer's units.
   */
  public Set<String> reportableUnits(Officer officer, String unit) {
    Set<String> own = reportableUnits(officer);
    if (unit == null || unit.isBlank()) {
      return own;
    }
    if (directory.find(unit).isEmpty()) {
      throw ApiException.notFound("Không có đơn vị mang mã " + unit + ".");
    }
    if (own != null && !own.contains(unit)) {
      throw ApiException.forbidden("Bạn không có quyền xem báo cáo của " + directory.get(unit).name() + ".");
    }
    return Set.of(unit);
  }

  /** Operate the reports' roll-up; else 403. */
  public void requireRollupOperator(Officer officer) {
    if (!officer.isAdmin()) {
      throw ApiException.forbidden("Chỉ quản trị hệ thống được vận hành bảng tổng hợp số liệu báo cáo.");
    }
  }
}
