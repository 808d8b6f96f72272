package vn.motcua.petition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.OfficeZone;
import vn.motcua.dossier.DossierService;
import vn.motcua.files.DossierFiles;
import vn.motcua.notification.PetitionNotice;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.organisation.Role;
import vn.motcua.web.ApiException;
import vn.motcua.web.TextInput;

/**
 * The rules of feedback and petitions (phản ánh, kiến nghị; Decree 20/2008/NĐ-CP): reception with its code,
 * classification, duplicates, forwarding to the competent agency, clarification, the decision, the answer
 * and its publication with personal data masked, and each step's deadline charged to the unit that held it.
 * Knows nothing of the engine ({@code petition.engine} drives it from the model).
 */
@Service
public class PetitionService implements PetitionTimeliness {
  private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M} .'-]{1,198}");
  private static final Pattern PHONE = Pattern.compile("0(?:[35789]\\d{8}|2\\d{9})");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
  static final String SYSTEM = "system";

  private final PetitionRepository repository;
  private final OrganisationDirectory directory;
  private final DossierService dossiers;
  private final DossierFiles files;
  private final PetitionClock clock;
  private final ApplicationEventPublisher events;
  private final PetitionProperties properties;

  public PetitionService(PetitionRepository repository, OrganisationDirectory directory, DossierService dossiers,
      DossierFiles files, PetitionClock clock, ApplicationEventPublisher events, PetitionProperties properties) {
    this.properties = properties;
    this.repository = repository;
    this.directory = directory;
    this.dossiers = dossiers;
    this.files = files;
    this.clock = clock;
    this.events = events;
  }

  /** What the petitioner (or the officer who records it) sends. */
  public record NewPetition(String unit, String dossierCode, String name, String phone, String email, String address,
      String subject, String content) {}

  /** A checked petition: text normalised, the receiving unit resolved. */
  public record Checked(Agency unit, String dossierCode, String name, String phone, String email, String address,
      String subject, String content) {}

  /**
   * Checks a petition; each problem goes into {@code errors} under its field, in Vietnamese.
   *
   * @param defaultUnit the receiving unit when none is named (online), or {@code null} when one is required
   */
  public Checked check(NewPetition in, String defaultUnit, Map<String, String> errors) {
    if (in == null) {
      errors.put("petition", "Thiếu nội dung phản ánh, kiến nghị.");
      return null;
    }
    String name = TextInput.oneLine(in.name());
    if (name == null) {
      errors.put("name", "Họ tên người phản ánh là bắt buộc.");
    } else if (TextInput.badOneLine(in.name()) || !NAME.matcher(name).matches()) {
      errors.put("name", "Họ tên chỉ gồm chữ cái (có dấu), khoảng trắng và dấu gạch nối, tối đa 200 ký tự.");
    }
    String phone = in.phone() == null ? null : in.phone().replaceAll("[\\s.()-]", "");
    if (phone != null && phone.startsWith("+84")) {
      phone = "0" + phone.substring(3);
    }
    if (phone == null || phone.isEmpty()) {
      errors.put("phone", "Số điện thoại liên hệ là bắt buộc (để cơ quan trả lời và làm rõ nội dung).");
    } else if (!PHONE.matcher(phone).matches()) {
      errors.put("phone", "Số điện thoại không hợp lệ (ví dụ 0912345678 hoặc 02073822222).");
    }
    String email = TextInput.oneLine(in.email());
    if (email != null && (TextInput.badOneLine(in.email()) || !EMAIL.matcher(email).matches())) {
      errors.put("email", "Địa chỉ thư điện tử không hợp lệ.");
    }
    String address = TextInput.oneLine(in.address());
    if (address == null) {
      errors.put("address", "Địa chỉ liên hệ là bắt buộc.");
    } else if (TextInput.badOneLine(in.address()) || address.length() > 500) {
      errors.put("address", "Địa chỉ chứa ký tự không hợp lệ hoặc dài quá 500 ký tự.");
    }
    String subject = TextInput.oneLine(in.subject());
    if (subject == null) {
      errors.put("subject", "Tiêu đề phản ánh, kiến nghị là bắt buộc.");
    } else if (TextInput.badOneLine(in.subject()) || subject.length() > 300) {
      errors.put("subject", "Tiêu đề chứa ký tự không hợp lệ hoặc dài quá 300 ký tự.");
    }
    String content = TextInput.multiLine(in.content());
    if (content == null) {
      errors.put("content", "Nội dung phản ánh, kiến nghị là bắt buộc.");
    } else if (TextInput.badMultiLine(in.content()) || content.length() > 8000) {
      errors.put("content", "Nội dung chứa ký tự không hợp lệ hoặc dài quá 8.000 ký tự.");
    } else if (content.length() < 10) {
      errors.put("content", "Nội dung quá ngắn: hãy nêu rõ quy định, thủ tục hoặc sự việc cần phản ánh.");
    }
    String unitKey = TextInput.oneLine(in.unit());
    Agency unit = null;
    if (unitKey == null && defaultUnit == null) {
      errors.put("unit", "Cần chọn cơ quan tiếp nhận.");
    } else {
      String key = unitKey == null ? defaultUnit : unitKey;
      unit = directory.find(key).filter(a -> a.hasRole(Role.RECEPTION)).orElse(null);
      if (unit == null) {
        errors.put("unit", "Cơ quan tiếp nhận không đúng: chọn một cơ quan có Bộ phận Một cửa.");
      }
    }
    String dossierCode = TextInput.oneLine(in.dossierCode());
    if (dossierCode != null && (TextInput.badOneLine(in.dossierCode()) || dossierCode.length() > 60
        || dossiers.findByCode(dossierCode).isEmpty())) {
      errors.put("dossierCode", "Không có hồ sơ với mã này; để trống nếu phản ánh không về một hồ sơ cụ thể.");
      dossierCode = null;
    }
    return new Checked(unit, dossierCode, name, phone, email == null ? null : email.toLowerCase(Locale.ROOT), address,
        subject, content);
  }

  /** The fingerprint of a submission, to tell a retry with the same Idempotency-Key from a reuse of the key. */
  public static String requestHash(Checked c, List<String> fileHashes) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {c.unit() == null ? "" : c.unit().key(), c.dossierCode(), c.name(), c.phone(),
          c.email(), c.address(), c.subject(), c.content()}) {
        sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      for (String h : fileHashes) {
        sha.update(h.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The petition already made with this Idempotency-Key: empty when the key is new; 422 when it was used for
   * other content.
   */
  public Optional<Petition> replay(String idempotencyKey, String requestHash) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    return repository.findByKey(idempotencyKey).map(claim -> {
      if (!claim.requestHash().equals(requestHash)) {
        throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency_key_reused",
            "Khóa chống gửi trùng (Idempotency-Key) đã dùng cho một phản ánh khác; hãy tạo khóa mới.", null);
      }
      return get(claim.id());
    });
  }

  /** What registration recorded: the petition and an open petition of the same content, if any. */
  public record Registered(Petition petition, Petition sameAsOpen) {}

  /** Records a checked petition with its code and staged files, in the caller's transaction. */
  public Registered register(Checked c, Petition.Channel channel, List<DossierFiles.Staged> staged,
      String idempotencyKey, String requestHash, String actor) {
    Instant now = clock.now();
    LocalDate day = now.atZone(OfficeZone.get()).toLocalDate();
    String prefix = "PAKN-" + c.unit().identifier() + "-" + YYMMDD.format(day);
    int n = repository.next(prefix);
    String code = prefix + "-" + String.format("%04d", n);
    long id = repository.insert(new PetitionRepository.NewRow(code, channel, c.unit().key(), c.dossierCode(), c.name(),
        c.phone(), c.email(), c.address(), c.subject(), c.content(), now, actor, idempotencyKey, requestHash));
    for (DossierFiles.Staged s : staged) {
      repository.insertFile(id, s.name(), s.kind().contentType(), s.stored().size(), s.stored().sha256(),
          s.stored().storageKey(), now);
    }
    repository.classify(id, null, PetitionStatus.RECEIVED, clock.due(PetitionStep.CLASSIFY, now));
    repository.event(id, "RECEIVED", now, actor, c.unit().key(), channel.label() + (c.dossierCode() == null ? ""
        : "; về hồ sơ " + c.dossierCode()));
    notice(id, "NOTICE_RECEIVED", now, c.unit().key(), c.unit().name() + " đã tiếp nhận phản ánh, kiến nghị của ông/bà, "
        + "mã " + code + ". Theo dõi tại trang Phản ánh, kiến nghị bằng mã này và số điện thoại đã khai.");
    Petition p = get(id);
    return new Registered(p, repository.findOpenSame(c.unit().key(), c.subject(), c.content(), id).orElse(null));
  }

  /** Files staged for a petition are removed again when its transaction does not commit. */
  public void discard(List<DossierFiles.Staged> staged) {
    files.discard(staged);
  }

  public void linkProcess(long id, String processInstanceId) {
    repository.linkProcess(id, processInstanceId);
  }

  public Petition get(long id) {
    return repository.find(id).orElseThrow(() -> new IllegalStateException("Petition " + id + " does not exist"));
  }

  public Optional<Petition> findByCode(String code) {
    return code == null ? Optional.empty() : repository.findByCode(code);
  }

  public List<PetitionEvent> events(long id) {
    return repository.events(id);
  }

  public List<PetitionStepRecord> steps(long id) {
    return repository.steps(id);
  }

  public List<Petition> duplicatesOf(long id) {
    return repository.duplicatesOf(id);
  }

  public List<Petition> ofDossier(String dossierCode) {
    return repository.ofDossier(dossierCode);
  }

  public List<Petition> ofUnits(List<String> units, int limit) {
    return repository.ofUnits(units, limit);
  }

  public List<String> fileNames(long id) {
    return repository.files(id).stream().map(PetitionRepository.FileRow::name).toList();
  }

  /** Every unit of the organisation file. */
  public List<String> allUnits() {
    return directory.agencies().stream().map(Agency::key).toList();
  }

  public Instant now() {
    return clock.now();
  }

  public String unitName(String key) {
    return key == null ? null : directory.find(key).map(Agency::name).orElse(key);
  }

  // ---------- classification ----------

  /** The classifying officer's choice. */
  public enum Classification { IN_SCOPE, FORWARD, DUPLICATE, OUT_OF_SCOPE }

  /** Why a classification cannot be recorded, in Vietnamese; {@code null} when it can. */
  public String classificationProblem(long id, String classification, String category, String competentUnit,
      String duplicateOfCode, String answer) {
    Petition p = get(id);
    Classification c = parse(Classification.class, classification);
    if (c == null) {
      return "Cần chọn kết quả phân loại: thuộc thẩm quyền, chuyển cơ quan có thẩm quyền, trùng phản ánh đang xử lý "
          + "hoặc không thuộc phạm vi.";
    }
    if ((c == Classification.IN_SCOPE || c == Classification.FORWARD) && category(category) == null) {
      return "Cần chọn nội dung phản ánh: về quy định, thủ tục hành chính hoặc về hành vi của cán bộ, công chức.";
    }
    if (c == Classification.IN_SCOPE && !handles(p.receivingUnit())) {
      return unitName(p.receivingUnit()) + " không có bộ phận chuyên môn xử lý phản ánh: hãy chuyển đến cơ quan có "
          + "thẩm quyền.";
    }
    if (c == Classification.FORWARD) {
      if (competentUnit == null || competentUnit.isBlank()) {
        return "Cần chọn cơ quan có thẩm quyền để chuyển phản ánh, kiến nghị.";
      }
      if (competentUnit.strip().equals(p.receivingUnit())) {
        return "Cơ quan có thẩm quyền trùng với cơ quan tiếp nhận: chọn \"Thuộc thẩm quyền\" thay vì chuyển.";
      }
      if (!handles(competentUnit.strip())) {
        return "Cơ quan '" + competentUnit + "' không có trong danh mục hoặc không có bộ phận chuyên môn và lãnh đạo "
            + "để xử lý phản ánh.";
      }
    }
    if (c == Classification.DUPLICATE) {
      Optional<Petition> original = findByCode(duplicateOfCode == null ? null : duplicateOfCode.strip());
      if (original.isEmpty() || original.get().id() == id) {
        return "Cần nhập mã của phản ánh, kiến nghị đang xử lý mà phản ánh này trùng với.";
      }
      if (original.get().status().closed()) {
        return "Phản ánh " + original.get().code() + " đã kết thúc: chỉ gộp vào phản ánh đang xử lý; phản ánh này "
            + "cần được xử lý riêng.";
      }
    }
    if (c == Classification.OUT_OF_SCOPE && (answer == null || answer.isBlank())) {
      return "Cần ghi nội dung trả lời người phản ánh (lý do không thuộc phạm vi tiếp nhận, nơi có thẩm quyền).";
    }
    return null;
  }

  /** A unit that can process a petition: it has specialists and leaders. */
  public boolean handles(String unit) {
    return directory.find(unit).filter(a -> a.hasRole(Role.SPECIALIST) && a.hasRole(Role.LEADER)).isPresent();
  }

  /** Records a classification {@link #classificationProblem} accepted. */
  public void classify(long id, String classification, String category, String note, String actor) {
    Petition p = get(id);
    Classification c = Classification.valueOf(classification);
    Instant now = clock.now();
    Petition.Category cat = switch (c) {
      case IN_SCOPE, FORWARD -> category(category);
      case OUT_OF_SCOPE -> Petition.Category.OUT_OF_SCOPE;
      case DUPLICATE -> null;
    };
    if (c == Classification.IN_SCOPE) {
      repository.classify(id, cat, PetitionStatus.IN_PROGRESS, clock.answerDue(now));
    } else if (cat != null) {
      repository.classify(id, cat, p.status(), p.answerDueAt());
    }
    repository.event(id, "CLASSIFIED", now, actor, p.receivingUnit(), label(c) + (cat == null ? "" : "; "
        + cat.label()) + (note == null || note.isBlank() ? "" : ". Ghi chú: " + note.strip()));
  }

  private static String label(Classification c) {
    return switch (c) {
      case IN_SCOPE -> "Thuộc thẩm quyền giải quyết của cơ quan tiếp nhận";
      case FORWARD -> "Không thuộc thẩm quyền: chuyển cơ quan có thẩm quyền";
      case DUPLICATE -> "Trùng với phản ánh, kiến nghị đang xử lý";
      case OUT_OF_SCOPE -> "Không thuộc phạm vi tiếp nhận";
    };
  }

  /** Hands the petition to the competent unit and tells the petitioner (within 5 working days of receipt). */
  public void forward(long id, String competentUnit, String actor) {
    Petition p = get(id);
    Instant now = clock.now();
    repository.forward(id, competentUnit, now, clock.answerDue(now));
    repository.event(id, "FORWARDED", now, actor, p.receivingUnit(), "Chuyển đến " + unitName(competentUnit));
    notice(id, "NOTICE_FORWARDED", now, p.receivingUnit(), "Phản ánh, kiến nghị " + p.code() + " không thuộc thẩm "
        + "quyền của " + unitName(p.receivingUnit()) + " và đã được chuyển đến " + unitName(competentUnit)
        + " để xem xét, xử lý.");
  }

  /** Links the petition to the open one it repeats; it is not handled a second time. */
  public void linkDuplicate(long id, String originalCode, String actor) {
    Petition p = get(id);
    Petition original = findByCode(originalCode.strip()).orElseThrow();
    Instant now = clock.now();
    repository.duplicate(id, original.id());
    repository.event(id, "DUPLICATE", now, actor, p.receivingUnit(), "Gộp vào phản ánh " + original.code());
    repository.event(original.id(), "DUPLICATE_LINKED", now, actor, p.receivingUnit(), "Phản ánh trùng " + p.code()
        + " được gộp vào phản ánh này");
    notice(id, "NOTICE_DUPLICATE", now, p.receivingUnit(), "Nội dung phản ánh " + p.code() + " trùng với phản ánh "
        + original.code() + " đang được xử lý; kết quả trả lời sẽ được công khai theo mã " + original.code() + ".");
  }

  /** Answers a petition that is not for this system (not a regulation, a procedure or an officer's conduct). */
  public void answerOutOfScope(long id, String answer, String actor) {
    answer(id, answer, PetitionStatus.OUT_OF_SCOPE, actor);
    Instant now = clock.now();
    repository.archive(id, now, PetitionStatus.OUT_OF_SCOPE);
  }

  // ---------- processing ----------

  /** The specialist's choice. */
  public enum ProcessOutcome { CLARIFY, PROPOSE }

  /** The review criteria of Decree 20/2008: each needs the specialist's assessment when proposing. */
  public static final Map<String, String> REVIEW = reviewCriteria();

  private static Map<String, String> reviewCriteria() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("reviewNecessity", "sự cần thiết");
    m.put("reviewLegality", "tính hợp pháp");
    m.put("reviewSimplicity", "tính đơn giản");
    m.put("reviewFeasibility", "tính khả thi");
    m.put("reviewConsistency", "tính thống nhất, đồng bộ");
    return java.util.Collections.unmodifiableMap(m);
  }

  public String processProblem(String outcome, String questions, Map<String, String> review, String proposedAnswer) {
    ProcessOutcome o = parse(ProcessOutcome.class, outcome);
    if (o == null) {
      return "Cần chọn: đề nghị người phản ánh làm rõ nội dung, hoặc trình phương án trả lời.";
    }
    if (o == ProcessOutcome.CLARIFY && (questions == null || questions.isBlank())) {
      return "Cần ghi nội dung đề nghị người phản ánh làm rõ.";
    }
    if (o == ProcessOutcome.PROPOSE) {
      for (var e : REVIEW.entrySet()) {
        String v = review.get(e.getKey());
        if (v == null || v.isBlank()) {
          return "Cần ghi kết quả xem xét về " + e.getValue() + " của quy định bị phản ánh (Nghị định 20/2008/NĐ-CP).";
        }
      }
      if (proposedAnswer == null || proposedAnswer.isBlank()) {
        return "Cần soạn dự thảo nội dung trả lời người phản ánh.";
      }
    }
    return null;
  }

  public void proposed(long id, Map<String, String> review, String proposedAnswer, String actor) {
    Petition p = get(id);
    StringBuilder note = new StringBuilder("Trình phương án trả lời. Xem xét: ");
    REVIEW.forEach((key, label) -> note.append(label).append(": ").append(review.get(key).strip()).append("; "));
    repository.setStatus(id, PetitionStatus.AWAITING_DECISION);
    repository.event(id, "PROPOSED", clock.now(), actor, p.handlingUnit(), note.toString().strip());
  }

  public void requestClarification(long id, String questions, String actor) {
    Petition p = get(id);
    Instant now = clock.now();
    repository.setStatus(id, PetitionStatus.AWAITING_CLARIFICATION);
    repository.event(id, "CLARIFICATION_REQUESTED", now, actor, p.handlingUnit(), questions.strip());
    notice(id, "NOTICE_CLARIFY", now, p.handlingUnit(), unitName(p.handlingUnit()) + " đề nghị ông/bà làm rõ nội dung "
        + "phản ánh " + p.code() + ": " + questions.strip() + " Ông/bà gửi nội dung làm rõ tại trang Phản ánh, kiến nghị.");
  }

  /** The petitioner's clarification (public API, second factor the phone on file). */
  public Petition clarify(String code, String phone, String text) {
    Petition p = verify(code, phone);
    String clean = TextInput.multiLine(text);
    if (clean == null || TextInput.badMultiLine(text) || clean.length() > 8000) {
      throw ApiException.invalid("Nội dung làm rõ chưa hợp lệ.", Map.of("text",
          "Cần nhập nội dung làm rõ (tối đa 8.000 ký tự, không chứa ký tự điều khiển)."));
    }
    if (p.status() != PetitionStatus.AWAITING_CLARIFICATION) {
      throw ApiException.conflict("Phản ánh " + p.code() + " không ở bước chờ làm rõ nội dung.");
    }
    repository.event(p.id(), "CLARIFIED", clock.now(), "petitioner", p.handlingUnit(), clean);
    return p;
  }

  /** Back from the petitioner (or their time ran out): the answer's deadline moves by the time waited. */
  public void clarificationEnded(long id, boolean answered, String actor) {
    Petition p = get(id);
    Instant now = clock.now();
    Instant requested = repository.events(id).stream().filter(e -> e.type().equals("CLARIFICATION_REQUESTED"))
        .map(PetitionEvent::at).reduce((a, b) -> b).orElse(now);
    if (p.answerDueAt() != null) {
      repository.setAnswerDue(id, clock.moveBy(p.answerDueAt(), requested, now));
    }
    repository.setStatus(id, PetitionStatus.IN_PROGRESS);
    if (!answered) {
      repository.event(id, "CLARIFICATION_EXPIRED", now, actor, p.handlingUnit(),
          "Hết thời hạn làm rõ; xử lý theo nội dung đã có.");
    }
  }

  /** The leader's choice. */
  public enum Decision { APPROVE, SEND_BACK }

  public String decisionProblem(String decision, String reason, String answer) {
    Decision d = parse(Decision.class, decision);
    if (d == null) {
      return "Cần chọn: duyệt nội dung trả lời, hoặc trả lại để xử lý tiếp.";
    }
    if (d == Decision.SEND_BACK && (reason == null || reason.isBlank())) {
      return "Cần ghi lý do trả lại.";
    }
    if (d == Decision.APPROVE && (answer == null || answer.isBlank())) {
      return "Nội dung trả lời không được để trống.";
    }
    return null;
  }

  public void sentBack(long id, String reason, String actor) {
    Petition p = get(id);
    repository.setStatus(id, PetitionStatus.IN_PROGRESS);
    repository.event(id, "SENT_BACK", clock.now(), actor, p.handlingUnit(), reason.strip());
  }

  /** The answer to the petitioner: on time when given by the answer's deadline. */
  public void answer(long id, String text, String actor) {
    answer(id, text, PetitionStatus.ANSWERED, actor);
  }

  private void answer(long id, String text, PetitionStatus status, String actor) {
    Petition p = get(id);
    Instant now = clock.now();
    String clean = TextInput.multiLine(text);
    boolean onTime = p.answerDueAt() == null || !now.isAfter(p.answerDueAt());
    repository.answer(id, clean, now, onTime, status);
    repository.event(id, "ANSWERED", now, actor, p.handlingUnit(), clean);
    notice(id, "NOTICE_ANSWERED", now, p.handlingUnit(), unitName(p.handlingUnit()) + " trả lời phản ánh, kiến nghị "
        + p.code() + ": " + clean);
  }

  /** Publishes the answer with the petitioner's personal data masked. */
  public void publish(long id, String actor) {
    Petition p = get(id);
    Instant now = clock.now();
    repository.publish(id, mask(p, p.answerText()), now);
    repository.event(id, "PUBLISHED", now, actor, p.handlingUnit(), null);
  }

  public void archive(long id, String actor) {
    Petition p = get(id);
    Instant now = clock.now();
    repository.archive(id, now, PetitionStatus.ARCHIVED);
    repository.event(id, "ARCHIVED", now, actor, p.handlingUnit(), null);
  }

  // ---------- steps and their deadlines ----------

  public void stepStarted(long id, PetitionStep step, String unit, String taskId, Instant dueAt) {
    repository.openStep(id, step, unit, taskId, clock.now(), dueAt);
  }

  /** Closes the step of a completed task: late when done after its deadline, charged to its unit. */
  public Optional<PetitionStepRecord> stepDone(String taskId, String actor) {
    Instant now = clock.now();
    return repository.stepOfTask(taskId).map(s -> {
      boolean late = now.isAfter(s.dueAt());
      repository.closeStep(s.id(), now, actor, late);
      if (late) {
        repository.event(s.petitionId(), "STEP_LATE", now, actor, s.unit(), s.step().label() + ": quá hạn, tính cho "
            + unitName(s.unit()));
      }
      return s;
    });
  }

  /** A step's reminder or its deadline passed: recorded once on the open step; empty when the step is over. */
  public Optional<PetitionStepRecord> alert(long id, PetitionStep step, boolean overdue) {
    Instant now = clock.now();
    return repository.openStep(id, step).map(s -> {
      if (overdue) {
        repository.escalateStep(s.id(), now);
        repository.event(id, "STEP_OVERDUE", now, SYSTEM, s.unit(), s.step().label() + ": quá hạn, báo lãnh đạo "
            + unitName(s.unit()));
      } else {
        repository.warnStep(s.id(), now);
        repository.event(id, "STEP_WARNING", now, SYSTEM, s.unit(), s.step().label() + ": sắp đến hạn");
      }
      return s;
    });
  }

  /** The groups told when a step of the unit is late: its leaders and supervisors, else the province's. */
  public String escalationGroups(String unit) {
    Agency a = directory.get(unit);
    List<String> groups = new java.util.ArrayList<>();
    for (Role r : new Role[] {Role.LEADER, Role.SUPERVISOR}) {
      if (a.hasRole(r)) {
        groups.add(r.groupOf(unit));
      }
    }
    if (!a.hasRole(Role.SUPERVISOR)) {
      directory.agencies().stream().filter(x -> x.level() == Agency.Level.PROVINCE
          && x.type() == Agency.Type.SERVICE_CENTRE && x.hasRole(Role.SUPERVISOR)).findFirst()
          .ifPresent(x -> groups.add(Role.SUPERVISOR.groupOf(x.key())));
    }
    return String.join(",", groups);
  }

  // ---------- the petitioner's side ----------

  /** The petition of this code if the phone is the one on file; otherwise 404, the same as an unknown code. */
  public Petition verify(String code, String phone) {
    String clean = phone == null ? "" : phone.replaceAll("[\\s.()-]", "");
    if (clean.startsWith("+84")) {
      clean = "0" + clean.substring(3);
    }
    String c = code == null ? null : code.strip();
    String finalPhone = clean;
    return findByCode(c).filter(p -> p.petitionerPhone().equals(finalPhone)).orElseThrow(() -> ApiException.notFound(
        "Không tìm thấy phản ánh, kiến nghị với mã và số điện thoại này."));
  }

  public List<Petition> published(String words, int page, int size) {
    String w = TextInput.oneLine(words);
    if (w != null && (TextInput.badOneLine(words) || w.length() > 100)) {
      throw ApiException.invalid("Từ khóa tìm kiếm chưa hợp lệ.", Map.of("q", "Tối đa 100 ký tự, không chứa ký tự "
          + "điều khiển."));
    }
    if (page < 0 || size < 1 || size > 50) {
      throw ApiException.invalid("Phân trang chưa hợp lệ.", Map.of("size", "Trang từ 0, mỗi trang 1 đến 50 kết quả."));
    }
    return repository.published(w, size, page * size);
  }

  /**
   * A text with the petitioner's personal data masked (Personal Data Protection Law 2025): their name, phone,
   * e-mail and address, and any phone number, e-mail address or citizen ID number in it.
   */
  public static String mask(Petition p, String text) {
    if (text == null) {
      return null;
    }
    String t = text;
    for (String secret : new String[] {p.petitionerName(), p.petitionerAddress(), p.petitionerEmail(),
        p.petitionerPhone()}) {
      if (secret != null && secret.length() >= 3) {
        t = t.replaceAll("(?iu)" + Pattern.quote(secret), "***");
      }
    }
    t = t.replaceAll("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", "***@***");
    t = t.replaceAll("(?<!\\d)(?:\\+84|0)\\d{9,10}(?!\\d)", "***");
    t = t.replaceAll("(?<!\\d)\\d{12}(?!\\d)", "************");
    return t;
  }

  // ---------- reports ----------

  @Override
  public Counts answeredBetween(String unitId, Instant from, Instant to) {
    return repository.answered(unitId, from, to);
  }

  /** Per agency in a period: received, forwarded, answered on time and late, late steps. */
  public record AgencyFigures(String unit, String unitName, long received, long forwarded, long answered,
      long answeredOnTime, long answeredLate, long lateSteps) {}

  public List<AgencyFigures> figures(Instant from, Instant to, java.util.Set<String> units) {
    return repository.figures(from, to).stream().filter(f -> units == null || units.contains(f.unit()))
        .map(f -> new AgencyFigures(f.unit(), unitName(f.unit()), f.received(), f.forwarded(), f.answered(),
            f.answeredOnTime(), f.answeredLate(), f.lateSteps())).toList();
  }

  // ---------- helpers ----------

  /**
   * Records a notice in the petition's history (shown on the public page) and publishes it in the caller's
   * transaction, for the notifications to send it by SMS and e-mail (docs/notifications.md).
   */
  private void notice(long id, String type, Instant at, String unit, String text) {
    repository.event(id, type, at, SYSTEM, unit, text);
    PetitionNotice.Kind kind = PetitionNotice.Kind.ofEvent(type);
    String reference = kind == PetitionNotice.Kind.CLARIFY
        ? String.valueOf(repository.events(id).stream().filter(e -> e.type().equals(type)).count()) : null;
    Petition p = get(id);
    events.publishEvent(new PetitionNotice(id, kind, at, reference, text, p.code(), p.subject(), p.petitionerName(),
        p.petitionerPhone(), p.petitionerEmail(), properties.followUrl(p.code())));
  }

  private static Petition.Category category(String value) {
    Petition.Category c = parse(Petition.Category.class, value);
    return c == Petition.Category.OUT_OF_SCOPE ? null : c;
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
