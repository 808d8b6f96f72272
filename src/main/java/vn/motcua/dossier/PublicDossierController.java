package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.overdue.ApologyLetter;
import vn.motcua.overdue.OverdueService;
import vn.motcua.web.ApiException;

/**
 * The progress of a dossier by its code, without login (Circular 01/2018 Art. 16(2)(d)): the code, the
 * procedure, where it is and the appointment, with the apology letter that moved it. No personal data.
 */
@RestController
public class PublicDossierController {
  private final DossierService dossiers;
  private final OverdueService overdue;

  public PublicDossierController(DossierService dossiers, OverdueService overdue) {
    this.dossiers = dossiers;
    this.overdue = overdue;
  }

  /** An apology letter as the applicant sees it: its number, when it was signed, and the new date. */
  public record PublicApology(String number, String agencyName, Instant signedAt, Instant originalAppointmentAt,
      Instant newAppointmentAt) {}

  public record PublicDossier(String code, String procedureName, int status, String statusName, String stage,
      String currentUnitName, Instant receivedAt, Instant appointmentAt, Instant originalAppointmentAt,
      Instant resolvedAt, Instant returnedAt, List<PublicApology> apologies) {}

  @GetMapping("/api/public/dossiers/{code}")
  public PublicDossier get(@PathVariable String code) {
    if (code == null || !code.matches("[0-9A-Za-z.\\-]{5,40}")) {
      throw ApiException.notFound("Mã hồ sơ không hợp lệ.");
    }
    Dossier d = dossiers.getByCode(code);
    List<PublicApology> apologies = overdue.letters(d.id()).stream()
        .map((ApologyLetter l) -> new PublicApology(l.number(), dossiers.unitName(l.agency()), l.signedAt(),
            l.originalAppointmentAt(), l.newAppointmentAt()))
        .toList();
    return new PublicDossier(d.code(), d.procedureName(), d.status().code(), d.status().label(), d.stage(),
        d.currentUnit() == null ? null : dossiers.unitName(d.currentUnit()), d.receivedAt(), d.appointmentAt(),
        d.originalAppointmentAt(), d.resolvedAt(), d.returnedAt(), apologies);
  }
}
