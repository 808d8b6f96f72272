package vn.motcua.dossier.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ControlLogEntry;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierDocument;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierSearch;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierViewPart;
import vn.motcua.dossier.OutcomeClass;
import vn.motcua.dossier.RegistrationCheck.RegisterCommand;
import vn.motcua.dossier.ResponsibleUnits;
import vn.motcua.dossier.engine.DossierWorkflow;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.security.DossierAccess;
import vn.motcua.security.Officer;
import vn.motcua.web.ApiException;
import vn.motcua.web.TextInput;

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
  private final List<DossierViewPart> parts;
  private final DossierAccess access;

  public DossierController(DossierWorkflow workflow, DossierService dossiers, OrganisationDirectory directory,
      List<DossierViewPart> parts, DossierAccess access) {
    this.workflow = workflow;
    this.dossiers = dossiers;
    this.directory = directory;
    this.parts = List.copyOf(parts);
    this.access = access;
  }

  @PostMapping
  public ResponseEntity<DossierView> register(@RequestBody RegisterCommand command, Officer officer) {
    Dossier d = workflow.register(command, officer);
    return ResponseEntity.created(URI.create("/api/dossiers/" + d.code())).body(view(d));
  }

  /** A unit where the officer receives dossiers, for the reception page's selector. */
  public record ReceptionUnit(String key, String name) {}

  /**
   * The units where the officer registers dossiers (their one-stop divisions; an administrator: every unit),
   * for the reception page ({@code /tiep-nhan/}); empty for an officer who receives nowhere.
   */
  @GetMapping("/reception-units")
  public List<ReceptionUnit> receptionUnits(Officer officer) {
    var units = access.registrableUnits(officer);
    return directory.agencies().stream().filter(a -> officer.isAdmin() || units.contains(a.key()))
        .map(a -> new ReceptionUnit(a.key(), a.name())).toList();
  }

  /**
   * The officers' dossier search, newest first: {@code code} (prefix), {@code applicant} (citizen ID or
   * full name), {@code status} (1–10), {@code unit}, {@code from}/{@code to} (reception dates),
   * {@code page}, {@code size}. An officer finds the dossiers of their own units (receiving, competent or
   * current); provincial supervisors and administrators the whole province. Naming another unit is a 403.
   * The rows show the applicant's name and ID number: each dossier of the answer is in the access log (screen
   * {@code SEARCH}, vn.motcua.accesslog.AccessLogInterceptor).
   */
  @GetMapping
  public DossierSearch.Page search(@RequestParam(required = false) String code,
      @RequestParam(required = false) String applicant, @RequestParam(required = false) Integer status,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
      Officer officer) {
    DossierSearch q = DossierSearch.of(code, applicant, status, unit, from, to, page, size);
    if (q.unit() != null) {
      if (directory.find(q.unit()).isEmpty()) {
        throw ApiException.invalid("Điều kiện tìm kiếm chưa hợp lệ.", Map.of("unit", "Không có đơn vị '" + q.unit() + "'."));
      }
      access.requireUnitSearcher(officer, q.unit());
    }
    return dossiers.search(q, access.searchableUnits(officer));
  }

  @GetMapping("/{code}")
  public DossierView get(@PathVariable String code, Officer officer) {
    Dossier d = dossiers.getByCode(code);
    access.requireReader(officer, d);
    return view(d);
  }

  public record NoteRequest(String note) {}

  public record StopRequest(DossierStatus kind, String reason) {}

  public record PauseRequest(DossierStatus status, String reason) {}

  @PostMapping("/{code}/supplement")
  public DossierView supplement(@PathVariable String code, @RequestBody(required = false) NoteRequest body,
      Officer officer) {
    return view(workflow.supplementReceived(code, text(body == null ? null : body.note(), "note"), officer));
  }

  @PostMapping("/{code}/stop")
  public DossierView stop(@PathVariable String code, @RequestBody StopRequest body, Officer officer) {
    if (body == null) {
      throw ApiException.invalid("Cần ghi rõ lý do dừng giải quyết.", Map.of("reason", "Cần ghi rõ lý do."));
    }
    return view(workflow.stop(code, body.kind() == null ? DossierStatus.WITHDRAWN : body.kind(),
        text(body.reason(), "reason"), officer));
  }

  @PostMapping("/{code}/pause")
  public DossierView pause(@PathVariable String code, @RequestBody PauseRequest body, Officer officer) {
    if (body == null) {
      throw ApiException.invalid("Cần ghi rõ lý do tạm dừng.", Map.of("reason", "Cần ghi rõ lý do."));
    }
    DossierStatus status = body.status() == null ? DossierStatus.AWAITING_FINANCIAL_OBLIGATIONS : body.status();
    if (status != DossierStatus.AWAITING_FINANCIAL_OBLIGATIONS && status != DossierStatus.SUPPLEMENT_REQUESTED) {
      throw ApiException.invalid("Trạng thái chờ không hợp lệ.",
          Map.of("status", "AWAITING_FINANCIAL_OBLIGATIONS hoặc SUPPLEMENT_REQUESTED."));
    }
    return view(workflow.pause(code, status, text(body.reason(), "reason"), officer));
  }

  @PostMapping("/{code}/resume")
  public DossierView resume(@PathVariable String code, @RequestBody(required = false) NoteRequest body,
      Officer officer) {
    return view(workflow.resume(code, text(body == null ? null : body.note(), "note"), officer));
  }

  /**
   * A note or reason an officer writes: NFC, line breaks kept; refused (400 naming the field) when longer than
   * 2000 characters or carrying characters that make no sense in text ({@link TextInput#badMultiLine}).
   */
  static String text(String value, String field) {
    if (value != null && (value.length() > 2000 || TextInput.badMultiLine(value))) {
      throw ApiException.invalid("Nội dung ghi chú hoặc lý do chưa hợp lệ.", Map.of(field,
          "Tối đa 2000 ký tự; không được chứa ký tự điều khiển, ký tự vô hình (zero-width, đảo chiều văn bản) hay "
              + "dấu thanh đứng riêng."));
    }
    return TextInput.multiLine(value);
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
      List<DossierEvent> events, List<ResponsibleUnits.Charge> responsibleUnits,
      @JsonIgnore Map<String, Object> parts) {
    /** The parts other features add ({@link DossierViewPart}): apologies, alerts, notifications. */
    @JsonAnyGetter
    public Map<String, Object> partsByName() {
      return parts;
    }
  }

  DossierView view(Dossier d) {
    return new DossierView(d.code(), d.procedureKey(), d.procedureCode(), d.procedureName(), d.receivingUnit(),
        dossiers.unitName(d.receivingUnit()), d.competentUnit(), dossiers.unitName(d.competentUnit()), d.channel(),
        d.applicant(), d.requestSummary(), d.status().code(), d.status().label(), d.stage(), d.currentUnit(),
        d.currentOfficer(), d.statutoryDays(), d.receivedAt(), d.countingFrom(), d.appointmentAt(), d.pausedAt(),
        d.supplementCount(), d.apologyCount(), d.decision(), d.result(), d.resolvedAt(), d.returnedAt(),
        d.deliveryMethod(), d.outcome(), d.workingHoursLate(), d.responsibleUnit(), d.rating(),
        d.processInstanceId(), d.originalAppointmentAt(), d.workingDaysLate(), d.overdueAt(), d.overdueUnit(),
        d.lateStageCount(), dossiers.documents(d.id()), dossiers.controlLog(d.id()),
        dossiers.events(d.id()), dossiers.responsibleUnits(d.id()), partsOf(d.id()));
  }

  private Map<String, Object> partsOf(long dossierId) {
    Map<String, Object> byName = new LinkedHashMap<>();
    parts.forEach(p -> byName.put(p.name(), p.of(dossierId)));
    return byName;
  }
}
