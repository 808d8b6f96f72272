package vn.motcua.dossier;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.RegistrationCheck.RegisterCommand;
import vn.motcua.dossier.engine.DossierWorkflow;
import vn.motcua.notification.NotificationService;
import vn.motcua.notification.NotificationSummary;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.organisation.Role;
import vn.motcua.overdue.Alert;
import vn.motcua.overdue.ApologyLetter;
import vn.motcua.overdue.OverdueService;
import vn.motcua.security.Officer;
import vn.motcua.web.ApiException;

/**
 * The officers' dossier API: register a dossier received at the counter or by post (it starts the
 * procedure's process), read a dossier with its documents and control log, and record what the
 * applicant does (supplement, withdrawal) or what the agency does to the clock (pause, resume).
 */
@RestController
@RequestMapping("/api/dossiers")
public class DossierController {
  private final DossierWorkflow workflow;
  private final DossierService dossiers;
  private final OrganisationDirectory directory;
  private final OverdueService overdue;
  private final NotificationService notifications;

  public DossierController(DossierWorkflow workflow, DossierService dossiers, OrganisationDirectory directory,
      OverdueService overdue, NotificationService notifications) {
    this.workflow = workflow;
    this.dossiers = dossiers;
    this.directory = directory;
    this.overdue = overdue;
    this.notifications = notifications;
  }

  public static Officer officer(HttpServletRequest request) {
    Object o = request.getAttribute(Officer.REQUEST_ATTRIBUTE);
    if (o instanceof Officer officer) {
      return officer;
    }
    throw ApiException.forbidden("Cần đăng nhập bằng tài khoản cán bộ.");
  }

  @PostMapping
  public ResponseEntity<DossierView> register(@RequestBody RegisterCommand command, HttpServletRequest request) {
    Dossier d = workflow.register(command, officer(request));
    return ResponseEntity.created(URI.create("/api/dossiers/" + d.code())).body(view(d));
  }

  /**
   * The officers' dossier search, newest first: {@code code} (prefix), {@code applicant} (citizen ID or
   * full name), {@code status} (1–10), {@code unit}, {@code from}/{@code to} (reception dates),
   * {@code page}, {@code size}. An officer finds the dossiers of their own units (receiving, competent or
   * current); provincial supervisors and administrators the whole province. Naming another unit is a 403.
   */
  @GetMapping
  public DossierSearch.Page search(@RequestParam(required = false) String code,
      @RequestParam(required = false) String applicant, @RequestParam(required = false) Integer status,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
      HttpServletRequest request) {
    Officer officer = officer(request);
    DossierSearch q = DossierSearch.of(code, applicant, status, unit, from, to, page, size);
    Set<String> units = readableUnits(officer);
    if (q.unit() != null) {
      if (directory.find(q.unit()).isEmpty()) {
        throw ApiException.invalid("Điều kiện tìm kiếm chưa hợp lệ.", Map.of("unit", "Không có đơn vị '" + q.unit() + "'."));
      }
      if (units != null && !units.contains(q.unit())) {
        throw ApiException.forbidden("Bạn không có quyền xem hồ sơ của đơn vị này.");
      }
    }
    return dossiers.search(q, units);
  }

  /** The units whose dossiers the officer may read; {@code null}: every unit (as {@link #requireReader}). */
  static Set<String> readableUnits(Officer officer) {
    if (officer.isAdmin() || provincialSupervisor(officer)) {
      return null;
    }
    Set<String> units = new TreeSet<>();
    officer.unitRoles().forEach(ur -> units.add(ur.agency().key()));
    return units;
  }

  private static boolean provincialSupervisor(Officer officer) {
    return officer.unitRoles().stream().anyMatch(ur ->
        ur.role() == Role.SUPERVISOR && ur.agency().type() == Agency.Type.SERVICE_CENTRE
            && ur.agency().level() == Agency.Level.PROVINCE);
  }

  @GetMapping("/{code}")
  public DossierView get(@PathVariable String code, HttpServletRequest request) {
    Dossier d = dossiers.getByCode(code);
    requireReader(d, officer(request));
    return view(d);
  }

  public record NoteRequest(String note) {}

  public record StopRequest(DossierStatus kind, String reason) {}

  public record PauseRequest(DossierStatus status, String reason) {}

  @PostMapping("/{code}/supplement")
  public DossierView supplement(@PathVariable String code, @RequestBody(required = false) NoteRequest body,
      HttpServletRequest request) {
    return view(workflow.supplementReceived(code, body == null ? null : body.note(), officer(request)));
  }

  @PostMapping("/{code}/stop")
  public DossierView stop(@PathVariable String code, @RequestBody StopRequest body, HttpServletRequest request) {
    return view(workflow.stop(code, body.kind() == null ? DossierStatus.WITHDRAWN : body.kind(), body.reason(),
        officer(request)));
  }

  @PostMapping("/{code}/pause")
  public DossierView pause(@PathVariable String code, @RequestBody PauseRequest body, HttpServletRequest request) {
    DossierStatus status = body.status() == null ? DossierStatus.AWAITING_FINANCIAL_OBLIGATIONS : body.status();
    if (status != DossierStatus.AWAITING_FINANCIAL_OBLIGATIONS && status != DossierStatus.SUPPLEMENT_REQUESTED) {
      throw ApiException.invalid("Trạng thái chờ không hợp lệ.",
          Map.of("status", "AWAITING_FINANCIAL_OBLIGATIONS hoặc SUPPLEMENT_REQUESTED."));
    }
    return view(workflow.pause(code, status, body.reason(), officer(request)));
  }

  @PostMapping("/{code}/resume")
  public DossierView resume(@PathVariable String code, @RequestBody(required = false) NoteRequest body,
      HttpServletRequest request) {
    return view(workflow.resume(code, body == null ? null : body.note(), officer(request)));
  }

  /** Officers of the receiving or competent unit, their supervisors, provincial supervisors, admins. */
  public void requireReader(Dossier d, Officer officer) {
    if (officer.isAdmin()) {
      return;
    }
    boolean ownUnit = officer.unitRoles().stream().anyMatch(ur ->
        ur.agency().key().equals(d.receivingUnit()) || ur.agency().key().equals(d.competentUnit())
            || ur.agency().key().equals(d.currentUnit()));
    if (!ownUnit && !provincialSupervisor(officer)) {
      throw ApiException.forbidden("Hồ sơ thuộc đơn vị khác; bạn không có quyền xem.");
    }
  }

  public record DossierView(
      String code, String procedureKey, String procedureCode, String procedureName, String receivingUnit,
      String receivingUnitName, String competentUnit, String competentUnitName, Channel channel, Applicant applicant,
      String requestSummary, int status, String statusName, String stage, String currentUnit, String currentOfficer,
      int statutoryDays, Instant receivedAt, Instant countingFrom, Instant appointmentAt, Instant pausedAt,
      int supplementCount, int apologyCount, String decision, String result, Instant resolvedAt, Instant returnedAt,
      String deliveryMethod, OutcomeClass outcome, Integer workingHoursLate, String responsibleUnit, Integer rating,
      String processInstanceId, Instant originalAppointmentAt, Integer workingDaysLate, Instant overdueAt,
      String overdueUnit, int lateStageCount, List<DossierDocument> documents, List<ControlLogEntry> controlLog,
      List<ApologyLetter> apologies, List<Alert> alerts, List<DossierEvent> events,
      List<NotificationSummary> notifications) {}

  DossierView view(Dossier d) {
    return new DossierView(d.code(), d.procedureKey(), d.procedureCode(), d.procedureName(), d.receivingUnit(),
        dossiers.unitName(d.receivingUnit()), d.competentUnit(), dossiers.unitName(d.competentUnit()), d.channel(),
        d.applicant(), d.requestSummary(), d.status().code(), d.status().label(), d.stage(), d.currentUnit(),
        d.currentOfficer(), d.statutoryDays(), d.receivedAt(), d.countingFrom(), d.appointmentAt(), d.pausedAt(),
        d.supplementCount(), d.apologyCount(), d.decision(), d.result(), d.resolvedAt(), d.returnedAt(),
        d.deliveryMethod(), d.outcome(), d.workingHoursLate(), d.responsibleUnit(), d.rating(),
        d.processInstanceId(), d.originalAppointmentAt(), d.workingDaysLate(), d.overdueAt(), d.overdueUnit(),
        d.lateStageCount(), dossiers.documents(d.id()), dossiers.controlLog(d.id()), overdue.letters(d.id()),
        overdue.alerts(d.id()), dossiers.events(d.id()), notifications.summaries(d.id()));
  }
}
