package vn.motcua.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.OfficeZone;
import vn.motcua.dossier.DossierRepository.NewDossier;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.procedure.Procedure;
import vn.motcua.web.ApiException;

/**
 * The rules of a dossier's life, on the project's own tables: registration, receipt, supplement,
 * refusal, transfer, decision, return, withdrawal, clock restart and pause. Knows nothing of the
 * engine; the delegates and {@code dossier.engine.DossierWorkflow} call it.
 */
@Service
@Transactional
public class DossierService {
  private static final long WORKING_DAY_MINUTES = 8 * 60;
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

  private final DossierRepository repository;
  private final ControlLogRepository controlLog;
  private final DossierSearchRepository searchRepository;
  private final DossierDeadlines deadlines;
  private final OrganisationDirectory directory;
  private final DossierCodeSequence sequence;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final ResponsibleUnits responsibleUnits;

  DossierService(DossierRepository repository, ControlLogRepository controlLog,
      DossierSearchRepository searchRepository, DossierDeadlines deadlines, OrganisationDirectory directory,
      DossierCodeSequence sequence, EngineClock clock, ApplicationEventPublisher events,
      ResponsibleUnits responsibleUnits) {
    this.events = events;
    this.responsibleUnits = responsibleUnits;
    this.repository = repository;
    this.controlLog = controlLog;
    this.searchRepository = searchRepository;
    this.deadlines = deadlines;
    this.directory = directory;
    this.sequence = sequence;
    this.clock = clock;
  }

  private Instant now() {
    return clock.instant();
  }

  public Dossier get(long id) {
    return repository.findById(id).orElseThrow(() -> ApiException.notFound("Không tìm thấy hồ sơ."));
  }

  /**
   * The officers' search over the dossiers of {@code units} ({@code null}: every unit); the caller decides
   * the units from the officer (see {@code DossierController#search}).
   */
  @Transactional(readOnly = true)
  public DossierSearch.Page search(DossierSearch q, Collection<String> units) {
    List<DossierSearch.Row> rows = searchRepository.search(q, units, OfficeZone.get());
    boolean more = rows.size() > q.size();
    return new DossierSearch.Page(more ? rows.subList(0, q.size()) : rows, q.page(), q.size(), more);
  }

  public Dossier getByCode(String code) {
    return repository.findByCode(code).orElseThrow(() -> ApiException.notFound("Không tìm thấy hồ sơ có mã " + code + "."));
  }

  /** The dossier with this code, if there is one (the public lookup answers an unknown code its own way). */
  public Optional<Dossier> findByCode(String code) {
    return repository.findByCode(code);
  }

  /** The dossier code of Circular 01/2018 Art. 19: {@code <agency identifier>-<YYMMDD>-<XXXX>}. */
  public String nextCode(Agency receivingAgency, Instant receivedAt) {
    LocalDate day = receivedAt.atZone(OfficeZone.get()).toLocalDate();
    int n = sequence.next(receivingAgency.identifier(), day);
    if (n > 9999) {
      throw new IllegalStateException("More than 9999 dossiers in one day at " + receivingAgency.identifier());
    }
    return receivingAgency.identifier() + "-" + YYMMDD.format(day) + "-" + String.format("%04d", n);
  }

  /** A validated registration, ready to be recorded. */
  public record Registration(Procedure procedure, Agency receivingUnit, Agency competentUnit, Channel channel,
      Applicant applicant, String requestSummary, List<NewDocument> documents) {}

  /** Records a new dossier (status 1) and returns it. */
  public Dossier register(Registration r, String actor) {
    Instant at = now();
    String code = nextCode(r.receivingUnit(), at);
    List<NewDocument> docs = r.documents();
    if (docs == null || docs.isEmpty()) {
      docs = r.procedure().documents().stream().map(name -> new NewDocument(name, 1, null)).toList();
    }
    long id = repository.insert(new NewDossier(code, r.procedure().key(), r.procedure().code(), r.procedure().name(),
        r.receivingUnit().key(), r.competentUnit().key(), r.channel(), r.applicant(), r.requestSummary(),
        r.procedure().statutoryDays(), at, actor));
    repository.insertDocuments(id, docs);
    repository.recordEvent(id, "REGISTERED", at, actor, null,
        "Kênh: " + r.channel().label() + "; thủ tục: " + r.procedure().name());
    return get(id);
  }

  /**
   * Issues a new lookup PIN for the dossier (six digits, PBKDF2-hashed in the dossier row, LookupPins) and returns
   * it in clear, the only time it exists so: to print it on the receipt (form 01) or to answer the online
   * submission. The former PIN stops working; the event is in the dossier's log.
   */
  public String issueLookupPin(long id, String actor) {
    String pin = LookupPins.newPin();
    repository.setLookupPinHash(id, LookupPins.hash(pin));
    repository.recordEvent(id, "LOOKUP_PIN_ISSUED", now(), actor, null,
        "Cấp mã tra cứu mới (in trên giấy tiếp nhận); mã cấp trước đó hết hiệu lực");
    return pin;
  }

  /** Whether {@code pin} is the dossier's current lookup PIN. */
  public boolean lookupPinMatches(long id, String pin) {
    DossierRepository.StoredPin stored = repository.lookupPin(id);
    if (stored.hash() != null) {
      return LookupPins.matches(pin, stored.hash());
    }
    return pin != null && stored.legacyClear() != null && java.security.MessageDigest.isEqual(
        pin.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        stored.legacyClear().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Hashes the PINs still stored in clear (issued before V14) in batches; returns how many. Run in the background
   * after start-up ({@link LegacyLookupPins}); safe on several nodes at once.
   */
  public int hashClearLookupPins(int batch) {
    int done = 0;
    List<Map.Entry<Long, String>> rows;
    while (!(rows = repository.clearLookupPins(batch)).isEmpty()) {
      for (Map.Entry<Long, String> row : rows) {
        repository.hashClearLookupPin(row.getKey(), row.getValue(), LookupPins.hash(row.getValue()));
        done++;
      }
    }
    return done;
  }

  /**
   * The citizen's own evaluation of the service after the result was returned (1 không hài lòng,
   * 2 bình thường, 3 hài lòng), once per dossier: a rating written by the officer at the counter counts.
   */
  public Dossier recordEvaluation(long id, int rating, String comment, String channel, String actor) {
    repository.lock(id);
    Dossier d = get(id);
    if (d.status() != DossierStatus.RETURNED) {
      throw ApiException.conflict("Chỉ đánh giá được sau khi đã nhận kết quả giải quyết hồ sơ.");
    }
    if (d.rating() != null) {
      throw ApiException.conflict("Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.");
    }
    Instant at = now();
    repository.recordRating(id, rating, comment, channel, at);
    repository.recordEvent(id, "RATED", at, actor, null, "Đánh giá: " + ratingLabel(rating));
    return get(id);
  }

  /** The rating scale of the one-stop evaluation form. */
  public static String ratingLabel(int rating) {
    return switch (rating) {
      case 3 -> "Hài lòng";
      case 2 -> "Bình thường";
      case 1 -> "Không hài lòng";
      default -> throw new IllegalArgumentException("rating " + rating);
    };
  }

  /** The national portal's own number of a dossier submitted there (docs/portal.md, "Dossiers in"), or null. */
  public String portalDossierNumber(long id) {
    return repository.portalDossierNumber(id);
  }

  /** The dossier that carries this number of the national portal. */
  public Optional<Long> findIdByPortalDossierNumber(String number) {
    return repository.findIdByPortalDossierNumber(number);
  }

  /** Keeps the national portal's own number beside ours, in the registration's transaction. */
  public void setPortalDossierNumber(long id, String number) {
    repository.setPortalDossierNumber(id, number);
  }

  public void linkProcess(long id, String processInstanceId) {
    repository.setProcessInstance(id, processInstanceId);
  }

  /** The complete dossier is accepted: the receipt (form 01) with its appointment date. */
  public DeadlinePlan accept(long id, Procedure procedure, String actor) {
    Instant at = now();
    DeadlinePlan plan = deadlines.plan(procedure, at);
    repository.setDeadlines(id, plan.countingFrom(), plan.appointmentAt(), at);
    repository.updateStatus(id, DossierStatus.ACCEPTED, "Đã tiếp nhận, chờ chuyển xử lý", at);
    repository.markAllDocuments(id, DocumentState.MISSING, DocumentState.SUPPLEMENTED);
    repository.recordEvent(id, "RECEIPT_ISSUED", at, actor, null,
        "Giấy tiếp nhận hồ sơ và hẹn trả kết quả; hẹn trả: " + Format.dateTime(plan.appointmentAt()));
    events.publishEvent(new DossierNotice(id, DossierNotice.Kind.RECEIVED, at, null));
    return plan;
  }

  /**
   * The one supplement request (form 02) a dossier may get, listing every missing or wrong item
   * "once, fully and accurately" (Decree 61/2018 Art. 15(2)(b)). A second request is refused.
   */
  public void requestSupplement(long id, String stage, String items, String actor) {
    Dossier d = get(id);
    String reason = supplementRefusal(d, stage);
    if (reason != null) {
      throw ApiException.conflict(reason);
    }
    if (items == null || items.isBlank()) {
      throw ApiException.invalid("Phiếu yêu cầu bổ sung phải nêu đầy đủ các nội dung cần bổ sung.",
          Map.of("items", "Cần nêu các thành phần hồ sơ còn thiếu hoặc chưa hợp lệ và lý do."));
    }
    Instant at = now();
    repository.incrementSupplementCount(id, at);
    if (d.appointmentAt() != null && d.pausedAt() == null) {
      // The citizen's time (domain.md, "Who is charged"): while the supplement is awaited the dossier is
      // neither overdue nor counted against any unit; the count restarts when it is back (restartClock).
      repository.setPausedAt(id, at, at);
    }
    repository.updateStatus(id, DossierStatus.SUPPLEMENT_REQUESTED, "Chờ công dân bổ sung hồ sơ", at);
    repository.updateHolder(id, d.receivingUnit(), null, "Chờ công dân bổ sung hồ sơ", at);
    repository.recordEvent(id, "SUPPLEMENT_REQUESTED", at, actor, items.strip(),
        "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (giai đoạn: " + stage + ")");
    events.publishEvent(new DossierNotice(id, DossierNotice.Kind.SUPPLEMENT_REQUESTED, at, null));
  }

  /** Why a supplement may not be requested now, in Vietnamese, or {@code null} when it may. */
  public String supplementRefusal(Dossier d, String stage) {
    if (d.supplementCount() > 0) {
      return "Hồ sơ đã được yêu cầu bổ sung một lần. Theo Nghị định số 118/2025/NĐ-CP, yêu cầu bổ sung chỉ được "
          + "đưa ra một lần, đầy đủ và chính xác; không thể yêu cầu bổ sung lần nữa.";
    }
    if ("appraisal".equals(stage) && !deadlines.withinAppraisalSupplementWindow(d.countingFrom(), now())) {
      return "Đã quá 3 ngày làm việc kể từ khi tiếp nhận hồ sơ: không thể yêu cầu bổ sung ở bước thẩm định.";
    }
    if (d.status().isFinal()) {
      return "Hồ sơ đã kết thúc xử lý (" + d.status().label() + ").";
    }
    return null;
  }

  /** The applicant has brought the requested supplement. */
  public void supplementReceived(long id, String note, String actor) {
    Dossier d = get(id);
    if (d.status() != DossierStatus.SUPPLEMENT_REQUESTED) {
      throw ApiException.conflict("Hồ sơ không ở trạng thái chờ bổ sung (trạng thái hiện tại: " + d.status().label() + ").");
    }
    Instant at = now();
    repository.updateStatus(id, d.countingFrom() == null ? DossierStatus.NEW : DossierStatus.IN_PROGRESS,
        "Đã nhận hồ sơ bổ sung", at);
    repository.markAllDocuments(id, DocumentState.MISSING, DocumentState.SUPPLEMENTED);
    repository.markAllDocuments(id, DocumentState.INVALID, DocumentState.SUPPLEMENTED);
    repository.recordEvent(id, "SUPPLEMENT_RECEIVED", at, actor, note, null);
  }

  /** Written refusal of reception (form 03). */
  public void refuseReception(long id, String reason, String actor) {
    requireReason(reason);
    Instant at = now();
    // the reason first: the status event to the national portal carries it (docs/portal.md)
    repository.recordEvent(id, "RECEPTION_REFUSED", at, actor, reason.strip(), "Phiếu từ chối tiếp nhận hồ sơ");
    repository.updateStatus(id, DossierStatus.NOT_ACCEPTED, "Từ chối tiếp nhận", at);
    repository.markClosed(id, at);
    repository.updateHolder(id, get(id).receivingUnit(), null, "Từ chối tiếp nhận", at);
  }

  /**
   * Transfer from the One-Stop Division to the competent agency (Decree 118/2025, formerly Decree 61/2018
   * Art. 17): one control log row, due at once for an online dossier, by the end of the working day for a
   * paper one, at the start of the next working day after the cut-off hour.
   */
  public void transfer(long id, Instant transferDue, String actor) {
    Dossier d = get(id);
    Instant at = now();
    long row = controlLog.openControlStep(id, "Transfer", "Chuyển hồ sơ đến cơ quan giải quyết", null,
        d.receivingUnit(), actor, d.competentUnit(), null, completeReceivedAt(id), transferDue);
    controlLog.closeControlStep(row, at, actor, OutcomeClass.of(at, transferDue, OfficeZone.get()), "TRANSFERRED", null);
    repository.updateStatus(id, DossierStatus.IN_PROGRESS, "Đang giải quyết", at);
    repository.updateHolder(id, d.competentUnit(), null, "Đang giải quyết", at);
    repository.recordEvent(id, "TRANSFERRED", at, actor, null, "Chuyển đến " + unitName(d.competentUnit()));
  }

  /**
   * When the One-Stop Division last received the dossier from the applicant: the supplement, if one was
   * brought, else the submission. The reception check and the transfer count from it, so the citizen's
   * time spent supplementing is not the One-Stop Division's.
   */
  public Instant completeReceivedAt(long id) {
    return repository.events(id).stream().filter(e -> "SUPPLEMENT_RECEIVED".equals(e.type()))
        .map(DossierEvent::occurredAt).reduce((a, b) -> b).orElseGet(() -> get(id).receivedAt());
  }

  /**
   * Restarts the count from zero after a supplement requested during appraisal (Decree 61/2018
   * Art. 16(2)(b)): the full statutory time counts again from the moment the dossier is complete.
   */
  public DeadlinePlan restartClock(long id, Procedure procedure, String actor) {
    Dossier d = get(id);
    Instant at = now();
    DeadlinePlan plan = deadlines.plan(procedure, at);
    repository.setDeadlines(id, plan.countingFrom(), plan.appointmentAt(), at);
    repository.setPausedAt(id, null, at);
    repository.recordEvent(id, "CLOCK_RESTARTED", at, actor, "Hồ sơ đã được bổ sung đầy đủ",
        "Thời hạn tính lại từ đầu; hẹn trả cũ: " + Format.dateTime(d.appointmentAt()) + "; hẹn trả mới: "
            + Format.dateTime(plan.appointmentAt()));
    return plan;
  }

  /** Starts a pause of the clock (financial obligations or another statutory wait). */
  public Instant pause(long id, DossierStatus waitStatus, String reason, String actor) {
    Dossier d = get(id);
    requireReason(reason);
    if (d.pausedAt() != null) {
      throw ApiException.conflict("Hồ sơ đang tạm dừng tính thời hạn từ " + Format.dateTime(d.pausedAt()) + ".");
    }
    if (d.appointmentAt() == null || d.status().isFinal()) {
      throw ApiException.conflict("Chỉ tạm dừng được hồ sơ đang giải quyết.");
    }
    Instant at = now();
    repository.setPausedAt(id, at, at);
    repository.updateStatus(id, waitStatus, null, at);
    repository.recordEvent(id, "CLOCK_PAUSED", at, actor, reason.strip(), waitStatus.label());
    return at;
  }

  /** Ends the pause: the deadlines move by the working time the dossier waited. */
  public Duration resume(long id, String reason, String actor) {
    Dossier d = get(id);
    if (d.pausedAt() == null) {
      throw ApiException.conflict("Hồ sơ không ở trạng thái tạm dừng tính thời hạn.");
    }
    Instant at = now();
    Duration paused = deadlines.calendar().workingTimeBetween(d.pausedAt(), at);
    Instant appointment = deadlines.calendar().addWorkingTime(d.appointmentAt(), paused);
    repository.setPausedAt(id, null, at);
    repository.setAppointment(id, appointment, at);
    repository.updateStatus(id, DossierStatus.IN_PROGRESS, null, at);
    repository.recordEvent(id, "CLOCK_RESUMED", at, actor, reason == null ? null : reason.strip(),
        "Tạm dừng " + Format.hours(paused) + " giờ làm việc; hẹn trả mới: " + Format.dateTime(appointment));
    return paused;
  }

  /** The decision after approval: approved (result issued) or refused in writing with reasons. */
  public void recordDecision(long id, String decision, String text, String actor) {
    if (!DossierVariables.APPROVED.equals(decision) && !DossierVariables.REFUSED.equals(decision)) {
      throw new IllegalArgumentException("Unknown decision " + decision);
    }
    if (DossierVariables.REFUSED.equals(decision)) {
      requireReason(text);
    }
    Instant at = now();
    OutcomeClass resolutionClass = OutcomeClass.of(at, get(id).appointmentAt(), OfficeZone.get());
    repository.recordDecision(id, decision, text == null ? null : text.strip(), at, resolutionClass);
    Dossier d = get(id);
    repository.updateHolder(id, d.receivingUnit(), null, "Chờ trả kết quả", at);
    if (DossierVariables.APPROVED.equals(decision)) {
      repository.recordEvent(id, "APPROVED", at, actor, null, text);
    } else {
      repository.recordEvent(id, "REFUSED_AFTER_APPRAISAL", at, actor, text, null);
    }
    events.publishEvent(new DossierNotice(id, DossierNotice.Kind.RESULT_READY, at, null));
  }

  /**
   * The competent agency approved its part of an inter-agency procedure (liên thông): recorded, but the
   * dossier is not resolved until the partner agencies have done theirs.
   */
  public void recordStageApproval(long id, String text, String actor) {
    Instant at = now();
    repository.recordEvent(id, "STAGE_APPROVED", at, actor, null,
        "Cơ quan chủ trì đã phê duyệt phần việc của mình" + (text == null || text.isBlank() ? "" : ": " + text.strip()));
  }

  /** A partner agency receives its part of an inter-agency dossier. */
  public void interAgencySent(long id, String partnerUnit, String task, Instant due, String actor) {
    Dossier d = get(id);
    Instant at = now();
    repository.updateStatus(id, DossierStatus.IN_PROGRESS, null, at);
    repository.recordEvent(id, "INTER_AGENCY_SENT", at, actor, null, "Chuyển hồ sơ liên thông đến "
        + unitName(partnerUnit) + ": " + task + "; hạn " + Format.dateTime(due)
        + (d.currentUnit() == null ? "" : "; cơ quan gửi: " + unitName(d.currentUnit())));
  }

  /** A partner agency finished its part, or sent the dossier back with a reason. */
  public void interAgencyDone(long id, String partnerUnit, String task, boolean returned, String text, String actor) {
    Instant at = now();
    if (returned) {
      requireReason(text);
      repository.recordEvent(id, "INTER_AGENCY_RETURNED", at, actor, text.strip(),
          unitName(partnerUnit) + " trả lại hồ sơ liên thông (" + task + ")");
    } else {
      repository.recordEvent(id, "INTER_AGENCY_DONE", at, actor, null,
          unitName(partnerUnit) + " đã xử lý xong: " + task + (text == null || text.isBlank() ? "" : "; " + text.strip()));
    }
  }

  /**
   * The result is handed over (trả kết quả). The outcome class compares when the result was ready (had
   * reached the One-Stop Division) with the appointment date (the new one after an apology); a hand-over
   * after the appointment is late. The units whose stages ran late are recorded with the working time each
   * lost (docs/stage-clocks.md); a late dossier is charged to the one that lost the most, and its lateness
   * is kept in working hours and started working days.
   */
  public Dossier recordReturn(long id, String deliveryMethod, Integer rating, String ratingComment, String actor) {
    Dossier d = get(id);
    if (d.status() != DossierStatus.RESOLVED) {
      throw ApiException.conflict("Hồ sơ chưa có kết quả giải quyết để trả.");
    }
    if (rating != null && (rating < 1 || rating > 3)) {
      throw ApiException.invalid("Mức đánh giá không hợp lệ.", Map.of("rating", "Chọn 1, 2 hoặc 3."));
    }
    Instant at = now();
    List<ControlLogEntry> log = controlLog.controlLog(id);
    // The result is ready when it reached the One-Stop Division that hands it over (a vertical procedure's
    // result comes back down to it): the later of the decision and the hand-over row's receipt.
    Instant ready = d.resolvedAt() == null ? at : d.resolvedAt();
    Instant arrived = ControlLogEntry.lastDone(log).map(ControlLogEntry::handedAt).orElse(ready);
    if (arrived.isAfter(ready) && !arrived.isAfter(at)) {
      ready = arrived;
    }
    // A result handed over after the appointment is late, however early the decision was (issue 18).
    Instant late = d.appointmentAt() != null && at.isAfter(d.appointmentAt()) && !ready.isAfter(d.appointmentAt())
        ? at : ready;
    OutcomeClass outcome = OutcomeClass.of(late, d.appointmentAt(), OfficeZone.get());
    Integer hoursLate = null;
    Integer daysLate = null;
    String responsible = d.responsibleUnit();
    List<ResponsibleUnits.Charge> charges = responsibleUnits.charges(log, at);
    responsibleUnits.record(id, charges);
    if (outcome == OutcomeClass.LATE) {
      Duration lateBy = deadlines.calendar().workingTimeBetween(d.appointmentAt(), late);
      hoursLate = (int) lateBy.toHours();
      daysLate = (int) Math.max(1, (lateBy.toMinutes() + WORKING_DAY_MINUTES - 1) / WORKING_DAY_MINUTES);
      // charged to the unit that lost the most working time past its own stage deadline (form 05)
      String charged = ResponsibleUnits.main(charges);
      responsible = charged != null ? charged : d.competentUnit();
    }
    repository.recordReturn(id, at, deliveryMethod, outcome, hoursLate, daysLate, responsible, rating,
        ratingComment == null || ratingComment.isBlank() ? null : ratingComment.strip());
    if (rating != null) {
      repository.recordRatingSource(id, "COUNTER", at);
    }
    repository.recordEvent(id, "RETURNED", at, actor, null, "Kết quả: " + outcome.label()
        + (deliveryMethod == null ? "" : "; hình thức trả: " + DeliveryMethod.resultPhrase(deliveryMethod)));
    return get(id);
  }

  /** Why a dossier may not be withdrawn or stopped now, or {@code null}. */
  public String stopRefusal(Dossier d) {
    if (d.status().isFinal() || d.decision() != null) {
      return "Hồ sơ đã có quyết định hoặc đã kết thúc (" + d.status().label() + "): không thể rút hoặc dừng giải quyết.";
    }
    return null;
  }

  /**
   * The applicant withdraws the dossier or asks to stop processing before a decision (Decree 118/2025
   * Art. 21), recorded with the notice.
   */
  public void recordStop(long id, DossierStatus kind, String reason, String actor) {
    requireReason(reason);
    Instant at = now();
    repository.updateStatus(id, kind, kind.label(), at);
    repository.markClosed(id, at);
    repository.updateHolder(id, get(id).receivingUnit(), null, kind.label(), at);
    repository.recordEvent(id, kind == DossierStatus.WITHDRAWN ? "WITHDRAWN" : "STOPPED", at, actor, reason.strip(),
        "Thông báo dừng giải quyết hồ sơ");
  }

  public List<DossierDocument> documents(long id) {
    return repository.documents(id);
  }

  /** The units the dossier's lateness is charged to, with the working time each lost (set at return). */
  public List<ResponsibleUnits.Charge> responsibleUnits(long id) {
    return responsibleUnits.of(id);
  }

  public List<ControlLogEntry> controlLog(long id) {
    return controlLog.controlLog(id);
  }

  public List<DossierEvent> events(long id) {
    return repository.events(id);
  }

  /**
   * Masks the personal data of up to {@code batch} dossiers closed before {@code closedBefore} (retention, in
   * the caller's transaction; rows locked by another node are left to it). The report facts stay as they were,
   * so the reports do not change. Returns the ids masked.
   */
  public List<Long> maskPersonalData(Instant closedBefore, int batch, String actor) {
    List<Long> masked = new ArrayList<>();
    Instant at = now();
    for (long id : repository.lockUnmaskedClosedBefore(closedBefore, batch)) {
      if (repository.maskPersonalData(id, at)) {
        repository.recordEvent(id, "PERSONAL_DATA_MASKED", at, actor, "Hết thời hạn lưu trữ dữ liệu cá nhân", null);
        masked.add(id);
      }
    }
    return masked;
  }

  /**
   * Records something that happened to the dossier in its audit trail (another feature's step: a fee paid,
   * the personal data masked), in the caller's transaction.
   */
  public void recordEvent(long id, String type, String actor, String reason, String details) {
    repository.recordEvent(id, type, now(), actor, reason, details);
  }

  public String unitName(String key) {
    return directory.find(key).map(Agency::name).orElse(key);
  }

  /** A short description of a dossier for forms: documents as lines. */
  public String documentList(long id) {
    List<String> lines = new ArrayList<>();
    for (DossierDocument doc : repository.documents(id)) {
      lines.add(doc.position() + ". " + doc.name() + " (" + doc.copies() + " bản) — " + doc.state().label());
    }
    return String.join("\n", lines);
  }

  private static void requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("reason", "Cần ghi rõ lý do.");
      throw ApiException.invalid("Cần ghi rõ lý do bằng văn bản.", fields);
    }
  }
}
