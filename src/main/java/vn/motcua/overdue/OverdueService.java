package vn.motcua.overdue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.DeliveryMethod;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierNotice;
import vn.motcua.dossier.DossierRecords;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.EngineClock;
import vn.motcua.dossier.Format;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.organisation.Role;
import vn.motcua.web.ApiException;

/**
 * The rules of late dossiers, on the project's own tables: stage warnings, escalation of a late stage
 * and the one apology letter with a new appointment date. Knows nothing of the engine; the delegates of
 * the shared blocks call it.
 *
 * <p>Every raise is idempotent: the dossier's row is locked, and an alert of the same kind for the same
 * stage and deadline that already exists is not raised again, whichever node or retry fires the timer.
 */
@Service
@Transactional
public class OverdueService {
  private final DossierRecords records;
  private final DossierService dossiers;
  private final OverdueRepository repository;
  private final OrganisationDirectory directory;
  private final OverdueProperties properties;
  private final WorkingCalendar calendar;
  private final EngineClock clock;
  private final ApplicationEventPublisher events;

  public OverdueService(DossierRecords records, DossierService dossiers, OverdueRepository repository,
      OrganisationDirectory directory, OverdueProperties properties, WorkingCalendar calendar, EngineClock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.records = records;
    this.dossiers = dossiers;
    this.repository = repository;
    this.directory = directory;
    this.properties = properties;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Why an apology timer made no task: the stages left can still finish by the appointment. */
  public static final String ON_TRACK = "Hồ sơ vẫn kịp hẹn trả kết quả: các bước còn lại đủ thời gian; không lập phiếu xin lỗi.";

  /** What came of a timer. */
  public enum Outcome {
    /** A new alert: its tasks are created. */
    NEW,
    /** The same alert was raised before (a timer fired twice): nothing new. */
    DUPLICATE,
    /** Nothing to raise: the dossier is resolved, or the stage is already past its deadline. */
    SKIPPED,
    /** An apology the law does not allow: the dossier was re-appointed once already. */
    NOT_ALLOWED
  }

  /**
   * Who is told: the first recipients (users or groups), the second recipients (groups), and the text
   * they read.
   */
  public record Raised(Outcome outcome, Alert alert, List<String> firstUsers, List<String> firstGroups,
      List<String> secondGroups, String message) {
    static Raised nothing(Outcome outcome, String message) {
      return new Raised(outcome, null, List.of(), List.of(), List.of(), message);
    }
  }

  /** A timer of a stage fired. */
  public Raised raise(AlertKind kind, long dossierId, Stage stage, String processInstanceId) {
    records.lock(dossierId);
    Dossier d = dossiers.get(dossierId);
    Instant now = clock.instant();
    if (d.status().isFinal() || d.decision() != null) {
      return Raised.nothing(Outcome.SKIPPED, "Hồ sơ đã có kết quả giải quyết.");
    }
    return switch (kind) {
      case WARNING -> warning(d, stage, now, processInstanceId);
      case OVERDUE -> overdue(d, stage, now, processInstanceId);
      case APOLOGY -> apology(d, stage, now, processInstanceId);
    };
  }

  private Raised warning(Dossier d, Stage stage, Instant now, String pid) {
    if (stage.dueAt() == null || !stage.dueAt().isAfter(now)) {
      return Raised.nothing(Outcome.SKIPPED, "Giai đoạn đã đến hạn; cảnh báo quá hạn thay cho nhắc hạn.");
    }
    if (!repository.alertsFor(d.id(), AlertKind.WARNING, stage.key(), stage.unit(), stage.dueAt()).isEmpty()) {
      return Raised.nothing(Outcome.DUPLICATE, "Đã nhắc hạn giai đoạn này.");
    }
    long id = repository.insertAlert(d.id(), AlertKind.WARNING, stage, AlertStatus.OPEN, stage.dueAt(), now, pid);
    String left = Format.hours(calendar.workingTimeBetween(now, stage.dueAt()));
    String message = "Hồ sơ " + d.code() + " (" + d.procedureName() + ") sắp đến hạn bước \"" + stage.name()
        + "\" tại " + dossiers.unitName(stage.unit()) + ": hạn " + Format.dateTime(stage.dueAt()) + ", còn " + left
        + " giờ làm việc.";
    records.recordEvent(d.id(), "STAGE_WARNING", now, "system", null, message);
    List<String> users = stage.officer() == null ? List.of() : List.of(stage.officer());
    List<String> groups = stage.officer() != null ? List.of()
        : List.of(stage.group() != null ? stage.group() : Role.SPECIALIST.groupOf(stage.unit()));
    return new Raised(Outcome.NEW, repository.alert(id).orElseThrow(), users, groups, leaders(stage.unit()), message);
  }

  private Raised overdue(Dossier d, Stage stage, Instant now, String pid) {
    if (!repository.alertsFor(d.id(), AlertKind.OVERDUE, stage.key(), stage.unit(), stage.dueAt()).isEmpty()) {
      return Raised.nothing(Outcome.DUPLICATE, "Đã báo quá hạn giai đoạn này.");
    }
    long id = repository.insertAlert(d.id(), AlertKind.OVERDUE, stage, AlertStatus.OPEN, stage.dueAt(), now, pid);
    markLate(d, stage, now);
    String message = "Hồ sơ " + d.code() + " (" + d.procedureName() + ") đã quá hạn bước \"" + stage.name()
        + "\" tại " + dossiers.unitName(stage.unit()) + (stage.officer() == null ? "" : " (cán bộ " + stage.officer() + ")")
        + ": hạn " + Format.dateTime(stage.dueAt()) + "; hẹn trả kết quả " + Format.dateTime(d.appointmentAt()) + ".";
    records.recordEvent(d.id(), "STAGE_OVERDUE", now, "system", null, message);
    return new Raised(Outcome.NEW, repository.alert(id).orElseThrow(), List.of(), leaders(stage.unit()),
        supervisors(stage.unit()), message);
  }

  private Raised apology(Dossier d, Stage stage, Instant now, String pid) {
    Instant appointment = d.appointmentAt();
    List<Alert> earlier = repository.alertsFor(d.id(), AlertKind.APOLOGY, null, appointment);
    if (earlier.stream().anyMatch(a -> a.status() != AlertStatus.CANCELLED)) {
      return Raised.nothing(Outcome.DUPLICATE, "Đã yêu cầu lập phiếu xin lỗi cho hồ sơ này.");
    }
    if (d.apologyCount() > 0) {
      repository.insertAlert(d.id(), AlertKind.APOLOGY, stage, AlertStatus.REFUSED, appointment, now, pid);
      records.recordEvent(d.id(), "APOLOGY_NOT_ALLOWED", now, "system", ApologyRules.ONCE_ONLY,
          "Hồ sơ có nguy cơ trễ hẹn lần hai tại " + dossiers.unitName(stage.unit()) + "; hẹn trả "
              + Format.dateTime(appointment) + ".");
      return Raised.nothing(Outcome.NOT_ALLOWED, ApologyRules.ONCE_ONLY);
    }
    long id = repository.insertAlert(d.id(), AlertKind.APOLOGY, stage, AlertStatus.OPEN, appointment, now, pid);
    String lead = apologyAgency(d);
    Instant latest = ApologyRules.latestLetterAt(calendar, appointment);
    String partner = lead.equals(stage.unit()) ? "" : " tại cơ quan phối hợp " + dossiers.unitName(stage.unit())
        + " (cơ quan phối hợp giải trình lý do chậm trễ)";
    String message = "Hồ sơ " + d.code() + " (" + d.procedureName() + ") không thể trả kết quả đúng hẹn ("
        + Format.dateTime(appointment) + "): bước \"" + stage.name() + "\"" + partner + " chưa xong, các bước còn lại"
        + " không đủ thời gian. " + dossiers.unitName(lead) + " lập phiếu xin lỗi và hẹn lại ngày trả kết quả, do"
        + " Thủ trưởng cơ quan ký, gửi Bộ phận Một cửa "
        + (latest.isAfter(now) ? "chậm nhất " + Format.dateTime(latest) + "."
            : "ngay (đã quá thời hạn gửi phiếu " + Format.dateTime(latest) + "; phiếu sẽ được ghi nhận là gửi muộn).");
    records.recordEvent(d.id(), "APOLOGY_REQUESTED", now, "system", null, message);
    return new Raised(Outcome.NEW, repository.alert(id).orElseThrow(), List.of(),
        List.of(Role.SPECIALIST.groupOf(lead)), signers(lead), message);
  }

  /**
   * The agency that apologises: the resolving (lead) agency of the dossier, whichever unit held the late
   * stage (a late partner is escalated and gives its reason; the lead agency writes the one letter).
   */
  public String apologyAgency(Dossier d) {
    return d.competentUnit();
  }

  /**
   * Who signs an apology letter of an agency: its head ({@code <agency>.head}) and the deputies authorised to
   * sign for the head ({@code <agency>.deputyhead}). Nobody else: an agency without a head role cannot sign.
   */
  public List<String> signers(String agency) {
    Agency a = directory.find(agency).orElse(null);
    if (a == null || !a.hasRole(Role.HEAD)) {
      throw new IllegalStateException("Agency " + agency + " has no head (role 'head' in the organisation file):"
          + " nobody may sign its apology letters");
    }
    List<String> groups = new ArrayList<>(List.of(a.groupId(Role.HEAD)));
    if (a.hasRole(Role.DEPUTY_HEAD)) {
      groups.add(a.groupId(Role.DEPUTY_HEAD));
    }
    return groups;
  }

  /**
   * In which capacity a user signs the apology letter of an agency: {@code HEAD}, {@code DEPUTY_HEAD}, or
   * empty when the user may not sign it.
   */
  public java.util.Optional<Role> signingCapacity(String agency, java.util.Collection<String> userGroups) {
    if (userGroups.contains(Role.HEAD.groupOf(agency))) {
      return java.util.Optional.of(Role.HEAD);
    }
    if (userGroups.contains(Role.DEPUTY_HEAD.groupOf(agency))) {
      return java.util.Optional.of(Role.DEPUTY_HEAD);
    }
    return java.util.Optional.empty();
  }

  /**
   * The reason a late partner gives for its delay goes on the dossier's record, for the lead agency's letter,
   * as "<partner>: <reason>".
   */
  public void recordPartnerDelayReason(long dossierId, String partner, String reason, String actor) {
    records.recordEvent(dossierId, "PARTNER_DELAY_REASON", clock.instant(), actor,
        dossiers.unitName(partner) + ": " + reason.strip(),
        "Cơ quan phối hợp " + dossiers.unitName(partner) + " giải trình lý do chậm trễ.");
  }

  /**
   * The reasons the late partners gave since the apology was last requested, one a line; {@code null} when
   * none did.
   */
  public String partnerDelayReasons(long dossierId) {
    List<String> reasons = new ArrayList<>();
    for (var e : dossiers.events(dossierId)) {
      if ("APOLOGY_REQUESTED".equals(e.type())) {
        reasons.clear();
      } else if ("PARTNER_DELAY_REASON".equals(e.type()) && e.reason() != null) {
        reasons.add(e.reason());
      }
    }
    return reasons.isEmpty() ? null : String.join("\n", reasons);
  }

  /**
   * A second partner in parallel is late while the lead agency's letter is already asked for: the partner
   * is asked for its reason too (once; recorded as an apology alert of its unit, done), and no second
   * letter. Empty when the stage is not a partner's or its reason was asked already.
   */
  public java.util.Optional<Alert> askPartnerReason(long dossierId, Stage stage, String pid) {
    records.lock(dossierId);
    Dossier d = dossiers.get(dossierId);
    if (stage.unit() == null || stage.unit().equals(apologyAgency(d)) || d.apologyCount() > 0) {
      return java.util.Optional.empty();
    }
    boolean asked = repository.alertsFor(d.id(), AlertKind.APOLOGY, null, d.appointmentAt()).stream()
        .anyMatch(a -> a.status() != AlertStatus.CANCELLED && stage.unit().equals(a.unit()));
    if (asked) {
      return java.util.Optional.empty();
    }
    Instant now = clock.instant();
    long id = repository.insertAlert(d.id(), AlertKind.APOLOGY, stage, AlertStatus.DONE, d.appointmentAt(), now, pid);
    records.recordEvent(d.id(), "PARTNER_DELAY_REASON_REQUESTED", now, "system", null,
        "Cơ quan phối hợp " + dossiers.unitName(stage.unit()) + " chậm ở bước \"" + stage.name()
            + "\": giải trình lý do cho phiếu xin lỗi của " + dossiers.unitName(apologyAgency(d)) + ".");
    return repository.alert(id);
  }

  /** The alert's tasks are done. */
  public void alertDone(long alertId) {
    repository.closeAlert(alertId, AlertStatus.DONE, clock.instant());
  }

  /** A leader's instruction or a supervisor's note on a late stage goes on the dossier's record. */
  public void alertNote(long alertId, String actor, String note) {
    Alert alert = repository.alert(alertId).orElseThrow();
    records.recordEvent(alert.dossierId(), alert.kind() == AlertKind.OVERDUE ? "OVERDUE_INSTRUCTION"
        : "WARNING_NOTE", clock.instant(), actor, note.strip(), alert.stageName());
  }

  /** The stage completed before the alert's task was done: the alert closes with it. */
  public void alertCancelled(long alertId) {
    Alert alert = repository.alert(alertId).orElse(null);
    if (alert == null) {
      return;
    }
    Instant now = clock.instant();
    if (repository.closeAlert(alertId, AlertStatus.CANCELLED, now) && alert.kind() == AlertKind.APOLOGY) {
      records.recordEvent(alert.dossierId(), "APOLOGY_CANCELLED", now, "system", null,
          "Bước \"" + alert.stageName() + "\" đã hoàn thành trước khi ký phiếu xin lỗi; không lập phiếu.");
    }
  }

  /** When the apology opened now for this appointment must be drafted, signed and handed over. */
  public ApologyRules.Deadlines apologyDeadlines(Instant appointment) {
    return ApologyRules.deadlines(calendar, clock.instant(), appointment);
  }

  /** Why an apology letter may not be drafted or signed as it stands, by field; empty when it may. */
  public Map<String, String> apologyErrors(long dossierId, String reason, String newDate) {
    Dossier d = dossiers.get(dossierId);
    return ApologyRules.check(calendar, clock.instant(), d.appointmentAt(), d.apologyCount(), reason, newDate);
  }

  /**
   * The head of the responsible agency signed the apology letter: it is numbered for the agency, the
   * dossier gets its new appointment (the first one is kept) and the alert is issued.
   */
  public ApologyLetter issueApology(long alertId, long dossierId, String unit, String reason, String newDate,
      String draftedBy, String signedBy, Role signedAs) {
    records.lock(dossierId);
    Dossier d = dossiers.get(dossierId);
    Map<String, String> errors = apologyErrors(dossierId, reason, newDate);
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Không thể phát hành phiếu xin lỗi: " + String.join(" ", errors.values()), errors);
    }
    Instant now = clock.instant();
    LocalDate date = ApologyRules.parseDate(newDate);
    Instant appointment = ApologyRules.appointmentOn(calendar, date);
    Agency agency = directory.get(unit);
    int year = now.atZone(calendar.properties().zone()).getYear();
    int seq = repository.nextLetterSeq(unit, year);
    String number = String.format("%04d/%d/PXL-%s", seq, year, agency.identifier());
    boolean late = ApologyRules.signedLate(calendar, now, d.appointmentAt());
    // the new appointment first: a dossier in the reports' roll-up leaves it before its letter is recorded
    reappoint(d, appointment, now);
    long id = repository.insertLetter(dossierId, unit, year, seq, number, d.appointmentAt(), appointment,
        reason.strip(), draftedBy, signedBy, now, late, signedAs == null ? null : signedAs.name());
    if (alertId > 0) {
      repository.closeAlert(alertId, AlertStatus.ISSUED, now);
    }
    records.recordEvent(dossierId, "APOLOGY_ISSUED", now, signedBy, reason.strip(),
        "Phiếu xin lỗi và hẹn lại ngày trả kết quả số " + number + " của " + agency.name() + "; hẹn trả cũ: "
            + Format.dateTime(d.appointmentAt()) + "; hẹn trả mới: " + Format.dateTime(appointment)
            + (signedAs == Role.DEPUTY_HEAD ? "; cấp phó ký thay Thủ trưởng" : "")
            + (late ? "; phiếu ký sau thời hạn (chậm nhất " + Format.dateTime(ApologyRules.latestLetterAt(calendar,
                d.appointmentAt())) + ")" : ""));
    events.publishEvent(new DossierNotice(dossierId, DossierNotice.Kind.APOLOGY_ISSUED, now, number));
    return repository.letter(id).orElseThrow();
  }

  /**
   * A stage ran past its deadline: the control-log row of its task is marked late, the dossier remembers the
   * first time and unit it ran late, is charged to that unit (until its return names the last late one) and
   * counts its late stages. {@code d} was read under the dossier's lock.
   */
  private void markLate(Dossier d, Stage stage, Instant now) {
    records.markStepLate(stage.taskId(), now);
    records.setLateness(d.id(), firstOf(d.overdueAt(), now), firstOf(d.overdueUnit(), stage.unit()),
        firstOf(d.responsibleUnit(), stage.unit()), d.lateStageCount() + 1, now);
  }

  /**
   * The dossier is re-appointed by an apology letter: the first appointment is kept for the record and the
   * letter counted. {@code d} was read under the dossier's lock.
   */
  private void reappoint(Dossier d, Instant appointment, Instant now) {
    records.setApology(d.id(), firstOf(d.originalAppointmentAt(), d.appointmentAt()), appointment,
        d.apologyCount() + 1, now);
  }

  private static <T> T firstOf(T kept, T otherwise) {
    return kept != null ? kept : otherwise;
  }

  /** The One-Stop Division handed the letter to the applicant. */
  public void recordApologyDelivery(long letterId, String method, String note, String actor) {
    ApologyLetter letter = repository.letter(letterId).orElseThrow(() -> ApiException.notFound("Không có phiếu xin lỗi."));
    Instant now = clock.instant();
    repository.recordDelivery(letterId, now, actor, method, note == null || note.isBlank() ? null : note.strip());
    records.recordEvent(letter.dossierId(), "APOLOGY_DELIVERED", now, actor, null,
        "Đã gửi phiếu xin lỗi số " + letter.number() + " cho người nộp (" + DeliveryMethod.phrase(method) + ")");
  }

  public List<ApologyLetter> letters(long dossierId) {
    return repository.letters(dossierId);
  }

  public List<Alert> alerts(long dossierId) {
    return repository.alerts(dossierId);
  }

  public static final Set<String> DELIVERY_METHODS = DeliveryMethod.ALL;

  /** The leader group of a unit. */
  List<String> leaders(String unit) {
    Agency a = directory.find(unit).orElse(null);
    if (a == null || !a.hasRole(Role.LEADER)) {
      return supervisors(unit);
    }
    return List.of(a.groupId(Role.LEADER));
  }

  /**
   * The supervisors told of a late stage: the unit's own, its parent agency's, and the configured
   * groups, by default those of the provincial service centre(s).
   */
  List<String> supervisors(String unit) {
    Set<String> groups = new LinkedHashSet<>();
    directory.find(unit).ifPresent(a -> {
      if (a.hasRole(Role.SUPERVISOR)) {
        groups.add(a.groupId(Role.SUPERVISOR));
      }
      if (a.parent() != null) {
        directory.find(a.parent()).filter(p -> p.hasRole(Role.SUPERVISOR)).ifPresent(p -> groups.add(p.groupId(Role.SUPERVISOR)));
      }
    });
    if (properties.supervisorGroups().isEmpty()) {
      for (Agency a : directory.agencies()) {
        if (a.type() == Agency.Type.SERVICE_CENTRE && a.hasRole(Role.SUPERVISOR)) {
          groups.add(a.groupId(Role.SUPERVISOR));
        }
      }
    } else {
      groups.addAll(properties.supervisorGroups());
    }
    return new ArrayList<>(groups);
  }
}
