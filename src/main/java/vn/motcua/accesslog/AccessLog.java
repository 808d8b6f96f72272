package vn.motcua.accesslog;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.EngineClock;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.print.PrintService;
import vn.motcua.security.Officer;

/**
 * The record of who read which dossier's personal data (Personal Data Protection Law 2025; docs/personal-data.md):
 * written for every successful read through the officers' reading endpoints ({@link AccessLogInterceptor}),
 * read by the unit's supervisors and, for their own dossier, by the citizen.
 */
@Service
public class AccessLog {
  private final AccessLogRepository repository;
  private final DossierService dossiers;
  private final PrintService names;
  private final OrganisationDirectory directory;
  private final Clock clock;

  public AccessLog(AccessLogRepository repository, DossierService dossiers, PrintService names,
      OrganisationDirectory directory, EngineClock clock) {
    this.repository = repository;
    this.dossiers = dossiers;
    this.names = names;
    this.directory = directory;
    this.clock = clock;
  }

  /** An officer read the dossier with this code (or, {@code code} null, an export of many dossiers). */
  public void record(Officer officer, String code, Screen screen, String detail) {
    Dossier d = code == null ? null : dossiers.findByCode(code).orElse(null);
    if (code != null && d == null) {
      return;
    }
    repository.insert(d == null ? null : d.id(), officer.userId(), names.officerName(officer.userId()),
        unitOf(officer, d), screen, detail, clock.instant());
  }

  /**
   * An officer read these dossiers at once (a search answer, a query of process variables): one entry per
   * dossier, written in one batch; ids of no dossier are left out. Looks the dossiers up in one query per
   * {@value AccessLogRepository#CHUNK}.
   */
  public void recordDossiers(Officer officer, Collection<Long> dossierIds, Screen screen, String detail) {
    write(officer, dossierIds.isEmpty() ? List.of() : repository.dossiersById(dossierIds), screen, detail);
  }

  /** As {@link #recordDossiers}, the dossiers named by their codes. */
  public void recordCodes(Officer officer, Collection<String> codes, Screen screen, String detail) {
    write(officer, codes.isEmpty() ? List.of() : repository.dossiersByCode(codes), screen, detail);
  }

  private void write(Officer officer, List<AccessLogRepository.DossierUnits> read, Screen screen, String detail) {
    if (read.isEmpty()) {
      return;
    }
    List<String> units = read.stream().map(d -> unitOf(officer, d.receivingUnit(), d.competentUnit(), d.currentUnit()))
        .toList();
    repository.insertAll(read, units, officer.userId(), names.officerName(officer.userId()), screen, detail,
        clock.instant());
  }

  /** The officer's unit for the entry: the one through which they reach the dossier, else their first. */
  static String unitOf(Officer officer, Dossier d) {
    return d == null ? unitOf(officer, null, null, null)
        : unitOf(officer, d.receivingUnit(), d.competentUnit(), d.currentUnit());
  }

  static String unitOf(Officer officer, String receivingUnit, String competentUnit, String currentUnit) {
    if (officer.unitRoles().isEmpty()) {
      return null;
    }
    for (var ur : officer.unitRoles()) {
      String key = ur.agency().key();
      if (key.equals(receivingUnit) || key.equals(competentUnit) || key.equals(currentUnit)) {
        return key;
      }
    }
    return officer.unitRoles().get(0).agency().key();
  }

  public List<AccessEntry> ofDossier(long dossierId) {
    return repository.ofDossier(dossierId);
  }

  public List<AccessEntry> search(Collection<String> units, String code, Instant from, Instant to, int limit, int offset) {
    return repository.search(units, code, from, to, limit, offset);
  }

  public String unitName(String key) {
    return key == null ? "" : directory.find(key).map(a -> a.name()).orElse(key);
  }

  /** Deletes entries older than {@code before} (retention); the number deleted. */
  public int forgetBefore(Instant before) {
    return repository.deleteBefore(before);
  }
}
