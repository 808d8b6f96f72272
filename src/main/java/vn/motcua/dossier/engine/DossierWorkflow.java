package vn.motcua.dossier.engine;

import static vn.motcua.dossier.DossierVariables.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.DeadlinePlan;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierClock;
import vn.motcua.dossier.DossierRecords;
import vn.motcua.dossier.EngineClock;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.RegistrationCheck.OnlineSubmission;
import vn.motcua.dossier.RegistrationCheck.RegisterCommand;
import vn.motcua.dossier.RegistrationCheck;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.procedure.Procedure;
import vn.motcua.procedure.ProcedureCatalogue;
import vn.motcua.security.DossierAccess;
import vn.motcua.security.DossierAccess.Action;
import vn.motcua.security.Officer;
import vn.motcua.security.SystemAccess;
import vn.motcua.web.ApiException;

/**
 * Where the dossier rules meet the engine: registering a dossier (checked by {@link RegistrationCheck})
 * starts its procedure's process in the same transaction; a supplement or a stop request is a message to
 * the waiting process; a pause moves the deadlines inside the engine. Each call is one transaction: all of
 * it happens, or none. Whether the officer may register or act on the dossier is checked here, inside
 * that transaction, by the one access policy ({@link DossierAccess}).
 */
@Service
@Transactional
public class DossierWorkflow {
  private final DossierService dossiers;
  private final RegistrationCheck check;
  private final ProcedureCatalogue catalogue;
  private final OrganisationDirectory directory;
  private final RuntimeService runtimeService;
  private final DossierClock clock;
  private final IdentityService identityService;
  private final DossierAccess access;
  private final DossierRecords records;
  private final EngineClock engineClock;

  public DossierWorkflow(DossierService dossiers, RegistrationCheck check, ProcedureCatalogue catalogue,
      OrganisationDirectory directory, RuntimeService runtimeService, DossierClock clock,
      IdentityService identityService, DossierAccess access, DossierRecords records, EngineClock engineClock) {
    this.records = records;
    this.engineClock = engineClock;
    this.identityService = identityService;
    this.access = access;
    this.dossiers = dossiers;
    this.check = check;
    this.catalogue = catalogue;
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** Validates everything first; an invalid registration stores nothing and starts no process. */
  public Dossier register(RegisterCommand c, Officer officer) {
    Map<String, String> errors = new LinkedHashMap<>();
    Procedure procedure = check.procedure(c.procedureKey(), errors);
    Agency receiving = receivingUnit(c.receivingUnit(), officer, errors);
    DossierService.Registration r = check.counter(c, procedure, receiving, errors);
    RegistrationCheck.requireValid(errors);
    return start(r, officer.userId(), id -> { });
  }

  /**
   * A dossier submitted online (channel ONLINE): recorded like one registered at the counter and put in
   * the reception queue of the chosen One-Stop Division, where an officer checks it.
   */
  public Dossier submitOnline(OnlineSubmission s, String actor, LongConsumer beforeStart) {
    Map<String, String> errors = new LinkedHashMap<>();
    DossierService.Registration r = check.online(s, errors);
    RegistrationCheck.requireValid(errors);
    return start(r, actor, beforeStart);
  }

  /**
   * Records the dossier and starts its procedure's process in the same transaction; {@code beforeStart}
   * gets the new dossier's id first (to record what came with it, such as uploaded files, before the
   * first task shows the dossier).
   */
  private Dossier start(DossierService.Registration r, String actor, LongConsumer beforeStart) {
    Dossier d = dossiers.register(r, actor);
    beforeStart.accept(d.id());
    Procedure procedure = r.procedure();
    Map<String, Object> vars = new HashMap<>();
    vars.put(DOSSIER_ID, d.id());
    vars.put(DOSSIER_CODE, d.code());
    vars.put(PROCEDURE_KEY, procedure.key());
    vars.put(PROCEDURE_NAME, procedure.name());
    vars.put(RECEIVING_UNIT, r.receivingUnit().key());
    vars.put(COMPETENT_UNIT, r.competentUnit().key());
    vars.put(CHANNEL, r.channel().name());
    vars.put(RECEIVED_AT, Date.from(d.receivedAt()));
    vars.put(STATUTORY_DAYS, procedure.statutoryDays());
    vars.put(APPLICANT_NAME, d.applicant().name());
    vars.put(APPLICANT_ID_NUMBER, d.applicant().idNumber());
    vars.put(APPLICANT_PHONE, d.applicant().phone());
    vars.put(APPLICANT_ADDRESS, d.applicant().address());
    vars.put(REQUEST_SUMMARY, d.requestSummary() == null ? "" : d.requestSummary());
    vars.put(DOCUMENT_LIST, dossiers.documentList(d.id()));
    vars.put(SUPPLEMENT_COUNT, 0);
    // the version whose facts (stages, deadlines, documents) were read for this dossier
    String definitionId = procedure.definitionId();
    ProcessInstance pi;
    try {
      pi = SystemAccess.run(identityService,
          () -> runtimeService.startProcessInstanceById(definitionId, d.code(), vars));
    } catch (SuspendedEntityInteractionException e) {
      // suspended in Cockpit a moment ago (the catalogue keeps the latest definitions a few seconds)
      throw ApiException.invalid("Thủ tục hành chính '" + procedure.name() + "' đang tạm ngừng tiếp nhận.",
          Map.of("procedureKey", "Thủ tục hành chính đang tạm ngừng tiếp nhận."));
    }
    dossiers.linkProcess(d.id(), pi.getId());
    return dossiers.get(d.id());
  }

  private Agency receivingUnit(String requested, Officer officer, Map<String, String> errors) {
    if (requested != null && !requested.isBlank()) {
      Agency a = directory.find(requested).orElse(null);
      if (a == null) {
        errors.put("receivingUnit", "Không có đơn vị '" + requested + "'.");
        return null;
      }
      access.requireRegistrar(officer, a.key(), a.name());
      return a;
    }
    var units = access.registrableUnits(officer);
    if (units.size() == 1) {
      return directory.get(units.iterator().next());
    }
    if (units.isEmpty()) {
      throw ApiException.forbidden("Chỉ cán bộ tiếp nhận của Bộ phận Một cửa được đăng ký hồ sơ.");
    }
    errors.put("receivingUnit", "Cần chọn đơn vị tiếp nhận.");
    return null;
  }

  /** The applicant brought the requested supplement: the waiting process goes on. */
  public Dossier supplementReceived(String code, String note, Officer officer) {
    Dossier d = dossiers.getByCode(code);
    access.requireActor(officer, d, Action.SUPPLEMENT);
    dossiers.supplementReceived(d.id(), note, officer.userId());
    correlateSupplement(d.id());
    return dossiers.get(d.id());
  }

  /**
   * The message to the process waiting for the supplement. It waits only once the One-Stop Division has
   * sent the request (the reception check's request, or the task "Gửi phiếu yêu cầu bổ sung" after an
   * appraisal found the dossier incomplete): before that the applicant has not been asked (domain.md: the
   * request goes back through the One-Stop Division, which makes it once, fully), so a supplement is refused
   * with 409 and the transaction, status included, rolls back.
   */
  private void correlateSupplement(long dossierId) {
    try {
      SystemAccess.run(identityService, () -> runtimeService.createMessageCorrelation(MESSAGE_SUPPLEMENT_RECEIVED)
          .processInstanceVariableEquals(DOSSIER_ID, dossierId)
          .setVariable(SUPPLEMENT_RECEIVED_AT, Date.from(dossiers.completeReceivedAt(dossierId)))
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException notWaiting) {
      throw ApiException.conflict("Bộ phận Một cửa chưa gửi phiếu yêu cầu bổ sung, hoàn thiện hồ sơ cho người nộp nên "
          + "chưa thể nhận hồ sơ bổ sung. Vui lòng chờ phiếu yêu cầu bổ sung (nêu đầy đủ nội dung cần bổ sung) rồi gửi "
          + "lại.");
    }
  }

  /**
   * The applicant sent the requested supplement online (the public API checked who they are and stored the
   * files): the waiting process goes on, and after a supplement asked at appraisal the clock restarts.
   */
  public Dossier supplementOnline(long dossierId, String note, String actor) {
    dossiers.supplementReceived(dossierId, note, actor);
    correlateSupplement(dossierId);
    return dossiers.get(dossierId);
  }

  /** The applicant withdraws the dossier or asks to stop processing (Decree 118/2025 Art. 21). */
  public Dossier stop(String code, DossierStatus kind, String reason, Officer officer) {
    Dossier d = dossiers.getByCode(code);
    access.requireActor(officer, d, Action.STOP);
    if (kind != DossierStatus.WITHDRAWN && kind != DossierStatus.STOPPED) {
      throw ApiException.invalid("Loại yêu cầu không hợp lệ.", Map.of("kind", "WITHDRAWN hoặc STOPPED."));
    }
    String refusal = dossiers.stopRefusal(d);
    if (refusal != null) {
      throw ApiException.conflict(refusal);
    }
    if (reason == null || reason.isBlank()) {
      throw ApiException.invalid("Cần ghi rõ lý do dừng giải quyết.", Map.of("reason", "Cần ghi rõ lý do."));
    }
    SystemAccess.run(identityService, () -> runtimeService.createMessageCorrelation(MESSAGE_STOP_REQUESTED)
        .processInstanceId(d.processInstanceId())
        .setVariable(STOP_REASON, reason.strip())
        .setVariable(STOP_KIND, kind.name())
        .setVariable(STOP_BY, officer.userId())
        .correlateWithResult());
    return dossiers.get(d.id());
  }

  /** The applicant's pending stop request: when it was made, and whether this call only found it (a retry). */
  public record StopRequest(Instant requestedAt, boolean replayed) {}

  /**
   * The applicant asks online to stop processing the dossier (Decree 118/2025 Art. 21), proven by the public
   * API: allowed only before a decision (409 after), recorded in the dossier's history, and put before the
   * receiving One-Stop Division as the task "Xác nhận yêu cầu dừng giải quyết hồ sơ của người nộp"
   * ({@code Process_OnlineStopRequest}, business key the dossier code). At most one request waits per dossier:
   * under the dossier's row lock, a retry finds the waiting one and starts nothing.
   */
  public StopRequest requestStopOnline(long dossierId, String reason, String actor) {
    records.lock(dossierId);
    Dossier d = dossiers.get(dossierId);
    String refusal = dossiers.stopRefusal(d);
    if (refusal != null) {
      throw ApiException.conflict(refusal);
    }
    ProcessInstance pending = SystemAccess.run(identityService, () -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_ONLINE_STOP_REQUEST).processInstanceBusinessKey(d.code()).active()
        .singleResult());
    if (pending != null) {
      Object at = SystemAccess.run(identityService,
          () -> runtimeService.getVariable(pending.getId(), STOP_REQUESTED_AT));
      return new StopRequest(at instanceof Date date ? date.toInstant() : null, true);
    }
    Instant at = engineClock.instant();
    dossiers.recordEvent(dossierId, "STOP_REQUESTED", actor, reason, "Yêu cầu dừng giải quyết hồ sơ trực tuyến, "
        + "chờ Bộ phận Một cửa xác nhận");
    Map<String, Object> vars = new HashMap<>();
    vars.put(DOSSIER_ID, d.id());
    vars.put(DOSSIER_CODE, d.code());
    vars.put(PROCEDURE_KEY, d.procedureKey());
    vars.put(PROCEDURE_NAME, d.procedureName());
    vars.put(RECEIVING_UNIT, d.receivingUnit());
    vars.put(COMPETENT_UNIT, d.competentUnit());
    vars.put(CHANNEL, d.channel().name());
    vars.put(APPLICANT_NAME, d.applicant().name());
    vars.put(APPLICANT_ID_NUMBER, d.applicant().idNumber());
    vars.put(APPLICANT_PHONE, d.applicant().phone());
    vars.put(APPLICANT_ADDRESS, d.applicant().address());
    vars.put(REQUEST_SUMMARY, d.requestSummary() == null ? "" : d.requestSummary());
    vars.put(STOP_REASON, reason);
    vars.put(STOP_REQUESTED_AT, Date.from(at));
    SystemAccess.run(identityService,
        () -> runtimeService.startProcessInstanceByKey(PROCESS_ONLINE_STOP_REQUEST, d.code(), vars));
    return new StopRequest(at, false);
  }

  /**
   * The One-Stop Division confirmed the applicant's online stop request: the dossier's procedure receives
   * {@code StopRequested} and ends through its stop block with status 7 (withdrawn by the applicant). Called by
   * the confirming task's delegate, in the officer's transaction.
   */
  public void confirmStopOnline(long dossierId, String reason, String officer) {
    Dossier d = dossiers.get(dossierId);
    String refusal = dossiers.stopRefusal(d);
    if (refusal != null) {
      throw ApiException.conflict(refusal);
    }
    SystemAccess.run(identityService, () -> runtimeService.createMessageCorrelation(MESSAGE_STOP_REQUESTED)
        .processInstanceId(d.processInstanceId())
        .setVariable(STOP_REASON, reason)
        .setVariable(STOP_KIND, DossierStatus.WITHDRAWN.name())
        .setVariable(STOP_BY, officer)
        .correlateWithResult());
  }

  /** Pauses the clock while the dossier waits on the applicant (financial obligations, ...). */
  public Dossier pause(String code, DossierStatus waitStatus, String reason, Officer officer) {
    Dossier d = dossiers.getByCode(code);
    access.requireActor(officer, d, Action.PAUSE);
    dossiers.pause(d.id(), waitStatus == null ? DossierStatus.AWAITING_FINANCIAL_OBLIGATIONS : waitStatus, reason,
        officer.userId());
    SystemAccess.run(identityService, () -> clock.suspendTimers(d.processInstanceId()));
    return dossiers.get(d.id());
  }

  /** Resumes the clock: every deadline moves by the working time the dossier waited. */
  public Dossier resume(String code, String reason, Officer officer) {
    Dossier d = dossiers.getByCode(code);
    access.requireActor(officer, d, Action.RESUME);
    Duration paused = dossiers.resume(d.id(), reason, officer.userId());
    SystemAccess.run(identityService, () -> clock.shift(d.processInstanceId(), paused));
    return dossiers.get(d.id());
  }

  /** Called by the restart delegate: new deadlines everywhere in the dossier's process tree. */
  public DeadlinePlan restartClock(long dossierId, String rootProcessInstanceId, String actor) {
    Dossier before = dossiers.get(dossierId);
    Procedure procedure = catalogue.findForRunning(before.procedureKey())
        .orElseThrow(() -> new IllegalStateException("Procedure " + before.procedureKey() + " is not deployed"));
    DeadlinePlan plan = dossiers.restartClock(dossierId, procedure, actor);
    Map<String, Object> vars = deadlineVariables(plan);
    SystemAccess.run(identityService,
        () -> clock.reschedule(rootProcessInstanceId, vars, before.appointmentAt(), plan.appointmentAt()));
    return plan;
  }

  /**
   * The process variables of a deadline plan: {@code countingFrom}, {@code appointmentAt}, one
   * {@code <stage>DueAt} per stage, and {@code deadlineVariables}, the list of the names that move when
   * the dossier's deadlines move (pause, restart, apology).
   */
  public static Map<String, Object> deadlineVariables(DeadlinePlan plan) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(COUNTING_FROM, Date.from(plan.countingFrom()));
    vars.put(APPOINTMENT_AT, Date.from(plan.appointmentAt()));
    List<String> names = new ArrayList<>(List.of(APPOINTMENT_AT));
    plan.stageDue().forEach((stage, due) -> {
      vars.put(DeadlinePlan.variableOf(stage), Date.from(due));
      names.add(DeadlinePlan.variableOf(stage));
    });
    vars.put(DEADLINE_VARIABLES, String.join(",", names));
    return vars;
  }
}
