package vn.motcua.citizen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.ApplicantValidator;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierRecords;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.EngineClock;
import vn.motcua.dossier.LookupPins;
import vn.motcua.dossier.RegistrationCheck.OnlineSubmission;
import vn.motcua.dossier.RegistrationCheck;
import vn.motcua.dossier.engine.DossierWorkflow;
import vn.motcua.files.DossierFile;
import vn.motcua.files.DossierFiles.Staged;
import vn.motcua.files.DossierFiles.Upload;
import vn.motcua.files.DossierFiles;
import vn.motcua.notification.NotificationService;
import vn.motcua.web.ApiException;

/**
 * What citizens and the national portal do through the public API: submit a dossier online (once per
 * idempotency key), look it up with a second factor, send the requested supplement, rate the service.
 *
 * <p>Who is asking is proven by the dossier code together with something only the applicant has: the
 * phone number on file or the six-digit lookup PIN printed on the receipt. A wrong factor answers exactly
 * as an unknown code does, and counts towards the client's throttle ({@link ClientThrottle}).
 *
 * <p>Files are staged in the file store before the database transaction and removed if it does not
 * commit; the transaction records the dossier (or the supplement), its files and the idempotency key
 * together, and starts or resumes the process. A retried submission finds the key and gets the same
 * dossier; two submissions racing with one key meet at the key's primary key, claimed in a short
 * transaction of its own before anything else: the others wait for the one that claimed it and answer
 * with its dossier, uncounted by the throttle; if its registration fails, the claim is released.
 */
@Service
public class CitizenService {
  /** The actor recorded for what the applicant did through the public API. */
  public static final String ACTOR = "citizen";

  private static final Logger log = LoggerFactory.getLogger(CitizenService.class);
  private static final Pattern CODE = Pattern.compile("[0-9A-Za-z.\\-]{5,40}");
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:\\-]{8,100}");
  private static final Pattern PORTAL_NUMBER = Pattern.compile("[A-Za-z0-9_.\\-]{4,60}");
  static final String NOT_FOUND =
      "Không tìm thấy hồ sơ với mã hồ sơ và thông tin xác minh đã nhập. Vui lòng kiểm tra lại mã hồ sơ trên giấy "
          + "tiếp nhận và số điện thoại hoặc mã tra cứu.";

  private final DossierWorkflow workflow;
  private final RegistrationCheck check;
  private final DossierService dossiers;
  private final DossierRecords records;
  private final DossierFiles files;
  private final SubmissionKeys keys;
  private final ClientThrottle throttle;
  private final EngineClock clock;
  private final ObjectMapper json;
  private final TransactionTemplate tx;
  private final OneTimeCodes codes;
  private final NotificationService notifications;

  public CitizenService(DossierWorkflow workflow, RegistrationCheck check, DossierService dossiers,
      DossierRecords records, DossierFiles files, SubmissionKeys keys, ClientThrottle throttle, EngineClock clock,
      ObjectMapper json, PlatformTransactionManager transactions, OneTimeCodes codes,
      NotificationService notifications) {
    this.codes = codes;
    this.notifications = notifications;
    this.workflow = workflow;
    this.check = check;
    this.dossiers = dossiers;
    this.records = records;
    this.files = files;
    this.keys = keys;
    this.throttle = throttle;
    this.clock = clock;
    this.json = json;
    this.tx = new TransactionTemplate(transactions);
  }

  // ---------------- who is asking ----------------

  /**
   * The dossier with this code, if the second factor is its phone number, lookup PIN or a valid one-time code;
   * otherwise the same 404 as an unknown code, and one more failure for the client.
   */
  public Dossier authenticate(String code, String secret, String client) {
    return verify(code, secret, client).dossier();
  }

  /**
   * A dossier and how its applicant proved who they are: the phone number on file shows the progress only
   * ({@code details} false); the lookup PIN printed on the receipt or a one-time code sent to that phone
   * shows the details too (Circular 01/2018 Art. 16: without authentication, the code and progress only).
   */
  public record Verified(Dossier dossier, boolean details) {}

  /**
   * {@link #authenticate}, telling which factor matched; a one-time code is used up. A wrong PIN or code counts
   * as a failed lookup of the client ({@link ClientThrottle}), as a wrong phone number does.
   */
  public Verified verify(String code, String secret, String client) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (code == null || code.isBlank()) {
      errors.put("code", "Cần nhập mã hồ sơ.");
    } else if (!CODE.matcher(code.strip()).matches()) {
      errors.put("code", "Mã hồ sơ chỉ gồm chữ, số, dấu chấm và gạch ngang (ví dụ 000.01.30.H60-261102-0001).");
    }
    if (secret == null || secret.isBlank()) {
      errors.put("secret", "Cần nhập số điện thoại đã khai khi nộp hồ sơ hoặc mã tra cứu in trên giấy tiếp nhận.");
    } else if (secret.length() > 30) {
      errors.put("secret", "Số điện thoại hoặc mã tra cứu không hợp lệ.");
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Thông tin tra cứu chưa hợp lệ.", errors);
    }
    throttle.beforeLookup(client);
    Optional<Dossier> found = dossiers.findByCode(code.strip());
    String normalised = normaliseSecret(secret);
    if (found.isPresent()) {
      Dossier d = found.get();
      if (equal(normalised, d.applicant().phone())) {
        return new Verified(d, false);
      }
      if (SIX_DIGITS.matcher(normalised).matches()
          && (dossiers.lookupPinMatches(d.id(), normalised) || codes.use(d.id(), normalised, clock.instant()))) {
        return new Verified(d, true);
      }
    } else if (SIX_DIGITS.matcher(normalised).matches()) {
      // as long as a PIN check, so that the time of the answer does not tell an unknown code either
      LookupPins.matches(normalised, UNKNOWN_CODE_HASH);
    }
    throttle.failedLookup(client);
    throw ApiException.notFound(NOT_FOUND);
  }

  private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
  private static final String UNKNOWN_CODE_HASH = LookupPins.hash(LookupPins.newPin());

  /** The answer to a request for a one-time code: where it went (masked) and until when it is valid. */
  public record CodeSent(String sentTo, Instant validUntil) {}

  /**
   * Sends a one-time code to the dossier's phone on file, proven by the code and that phone number (a wrong one
   * answers as the lookup does, and counts against the client); at most {@link OneTimeCodes#PER_HOUR} per
   * dossier and hour (429). 409 when SMS is not available: the PIN on the receipt remains.
   */
  public CodeSent sendOneTimeCode(String code, String phone, String client) {
    Verified v = verify(code, phone, client);
    if (v.details()) {
      // the code is sent to the phone on file, for whoever knows that phone: a PIN does not ask for one
      throw ApiException.invalid("Cần nhập số điện thoại đã khai khi nộp hồ sơ để nhận mã xác thực.",
          Map.of("secret", "Nhập số điện thoại đã khai khi nộp hồ sơ."));
    }
    Dossier d = v.dossier();
    Instant now = clock.instant();
    if (codes.sentSince(d.id(), now.minus(Duration.ofHours(1))) >= OneTimeCodes.PER_HOUR) {
      throw new ThrottledException("Đã gửi " + OneTimeCodes.PER_HOUR + " mã xác thực cho hồ sơ này trong một giờ. "
          + "Vui lòng dùng mã đã nhận hoặc thử lại sau.", 3600);
    }
    String otp = LookupPins.newPin();
    long id = codes.create(d.id(), otp, now);
    boolean sent;
    try {
      sent = notifications.sendSecretSms("otp-" + id, d.applicant().phone(),
          "Mã xác thực tra cứu hồ sơ " + d.code() + ": " + otp + " (hiệu lực " + OneTimeCodes.VALIDITY.toMinutes()
              + " phút). Không cung cấp mã này cho người khác.");
    } catch (RuntimeException e) {
      log.warn("One-time code for dossier {} not sent: {}", d.code(), e.toString());
      sent = false;
    }
    if (!sent) {
      codes.delete(id);
      throw ApiException.conflict("Hiện chưa gửi được tin nhắn mã xác thực. Vui lòng dùng mã tra cứu in trên giấy "
          + "tiếp nhận hồ sơ, hoặc thử lại sau.");
    }
    return new CodeSent(maskPhone(d.applicant().phone()), now.plus(OneTimeCodes.VALIDITY));
  }

  /** 0912345678 → 0912 *** 678. */
  static String maskPhone(String phone) {
    if (phone == null || phone.length() < 7) {
      return "***";
    }
    return phone.substring(0, 4) + " *** " + phone.substring(phone.length() - 3);
  }

  private static boolean equal(String a, String b) {
    return a != null && b != null
        && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** Digits only; a phone written +84… becomes 0…. */
  static String normaliseSecret(String secret) {
    String s = secret.replaceAll("[\\s.()\\-]", "");
    if (s.startsWith("+84")) {
      s = "0" + s.substring(3);
    }
    return s;
  }

  // ---------------- online submission ----------------

  /** The outcome of a submission: the dossier, its lookup PIN, and whether it was a replay of a key. */
  public record Submitted(Dossier dossier, String lookupPin, boolean replayed) {}

  /** How long a request waits for another one registering under the same key before answering 409. */
  static final Duration CLAIM_WAIT = Duration.ofSeconds(30);
  /**
   * A claim without dossier older than this was left by a node that died while registering (a registration
   * takes seconds; one that fails releases its claim, after the database is back if it was the failure). Two
   * registrations under one key never both complete: the key names one dossier ({@link SubmissionKeys#complete}).
   */
  static final Duration STALE_CLAIM = Duration.ofMinutes(2);

  /**
   * Submits a dossier online. With an idempotency key, a request that repeats a used key is recognised
   * first (answered with the dossier, not counted by the throttle); requests racing with one key wait for
   * the one that claimed it and answer with its dossier.
   */
  public Submitted submit(OnlineSubmission submission, List<Upload> uploads, String idempotencyKey, String client) {
    return submit(submission, uploads, idempotencyKey, null, client);
  }

  /**
   * Submits a dossier delivered by the national portal with the portal's own dossier number, kept beside ours
   * (docs/portal.md, "Dossiers in"). Without an {@code Idempotency-Key} the number is the key
   * ({@code portal:<number>}), so a retried delivery answers with the dossier it made instead of a second one.
   */
  public Submitted submit(OnlineSubmission submission, List<Upload> uploads, String idempotencyKey,
      String portalDossierNumber, String client) {
    String portalNumber = portalDossierNumber == null || portalDossierNumber.isBlank() ? null
        : portalDossierNumber.strip();
    if (portalNumber != null && !PORTAL_NUMBER.matcher(portalNumber).matches()) {
      throttle.beforeSubmission(client);
      throw ApiException.invalid("Số hồ sơ trên Cổng Dịch vụ công quốc gia không hợp lệ.",
          Map.of("X-Portal-Dossier-Number", "Từ 4 đến 60 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới."));
    }
    if (portalNumber != null && (idempotencyKey == null || idempotencyKey.isBlank())) {
      idempotencyKey = "portal:" + portalNumber;
    }
    if (portalNumber != null) {
      Optional<Long> delivered = dossiers.findIdByPortalDossierNumber(portalNumber);
      if (delivered.isPresent()) {
        // the portal delivers the same dossier again (under another key): the dossier it already made
        Dossier d = dossiers.get(delivered.get());
        return new Submitted(d, dossiers.issueLookupPin(d.id(), ACTOR), true);
      }
    }
    return submitOnce(submission, uploads, idempotencyKey, portalNumber, client);
  }

  /** The national portal's own number of the dossier, or null. */
  public String portalDossierNumber(long dossierId) {
    return dossiers.portalDossierNumber(dossierId);
  }

  private Submitted submitOnce(OnlineSubmission submission, List<Upload> uploads, String idempotencyKey,
      String portalNumber, String client) {
    if (submission == null) {
      throttle.beforeSubmission(client);
      throw ApiException.invalid("Thiếu thông tin hồ sơ.", Map.of("dossier", "Cần gửi phần \"dossier\" (JSON)."));
    }
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
    if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
      throttle.beforeSubmission(client);
      throw ApiException.invalid("Khóa chống gửi trùng không hợp lệ.", Map.of("Idempotency-Key",
          "Từ 8 đến 100 ký tự: chữ không dấu, số, dấu chấm, hai chấm, gạch ngang, gạch dưới (nên dùng UUID)."));
    }
    String hash = requestHash(submission, uploads);
    if (key == null) {
      throttle.beforeSubmission(client);
      return register(submission, uploads, null, portalNumber);
    }
    Optional<Submitted> earlier = claimOrReplay(key, hash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    try {
      throttle.beforeSubmission(client);
      return register(submission, uploads, key, portalNumber);
    } catch (RuntimeException e) {
      keys.release(key);
      throw e;
    }
  }

  /** Checks, stages the files and registers in one transaction (completing the key's claim); nothing stays on failure. */
  private Submitted register(OnlineSubmission submission, List<Upload> uploads, String key, String portalNumber) {
    Map<String, String> errors = check.check(submission);
    List<DossierFiles.Checked> checked = files.check(uploads, "files", true, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Hồ sơ chưa được nộp vì dữ liệu chưa hợp lệ.", errors);
    }
    List<Staged> staged = files.stage(checked);
    try {
      Dossier d = tx.execute(status -> {
        Instant now = clock.instant();
        Dossier created = workflow.submitOnline(submission, ACTOR,
            id -> files.attach(id, DossierFile.Purpose.SUBMISSION, staged, now, ACTOR));
        String number = portalNumber;
        if (number != null) {
          if (dossiers.findIdByPortalDossierNumber(number).isPresent()) {
            throw ApiException.conflict("Hồ sơ số " + number + " của Cổng Dịch vụ công quốc gia đã được tiếp nhận với "
                + "một khóa chống gửi trùng khác.");
          }
          dossiers.setPortalDossierNumber(created.id(), number);
        }
        if (key != null && !keys.complete(key, created.id())) {
          throw ApiException.conflict("Hồ sơ gửi với khóa này đang được ghi nhận ở một yêu cầu khác. Vui lòng thử lại "
              + "sau giây lát.");
        }
        return created;
      });
      log.info("Online dossier {} submitted for {} with {} file(s)", d.code(), d.procedureKey(), staged.size());
      return new Submitted(d, dossiers.issueLookupPin(d.id(), ACTOR), false);
    } catch (RuntimeException e) {
      files.discard(staged);
      throw e;
    }
  }

  /**
   * Claims the key for this request (empty), or answers with the dossier made under it ({@code replayed}),
   * waiting while another request registers it. The same key with other content is 422.
   */
  private Optional<Submitted> claimOrReplay(String key, String hash) {
    long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
    while (true) {
      if (keys.claim(key, hash, clock.instant())) {
        return Optional.empty();
      }
      Optional<SubmissionKeys.Claim> claim = keys.find(key);
      if (claim.isEmpty()) {
        continue; // released by a request that failed: try to claim it again
      }
      Optional<Submitted> earlier = replay(key, hash);
      if (earlier.isPresent()) {
        return earlier;
      }
      Instant claimedAt = claim.get().createdAt();
      if (claimedAt != null && claimedAt.isBefore(clock.instant().minus(STALE_CLAIM))
          && keys.takeOver(key, claimedAt, hash, clock.instant())) {
        log.warn("Idempotency key {} claimed at {} without a dossier: taken over", key, claimedAt);
        return Optional.empty();
      }
      if (System.nanoTime() > deadline) {
        throw stillRecording();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw stillRecording();
      }
    }
  }

  /** Seconds a client waits before sending again a submission whose key is still being recorded. */
  static final int STILL_RECORDING_RETRY_AFTER = 10;

  /** 409 with Retry-After: another request is registering under this key; the same request again will do. */
  static ApiException stillRecording() {
    return new ApiException(HttpStatus.CONFLICT, "submission_in_progress",
        "Hồ sơ gửi với khóa này đang được ghi nhận. Vui lòng gửi lại sau " + STILL_RECORDING_RETRY_AFTER + " giây.",
        null) {
      @Override
      public Map<String, String> headers() {
        return Map.of("Retry-After", String.valueOf(STILL_RECORDING_RETRY_AFTER));
      }
    };
  }

  /** The dossier a used key made, empty while it is still being registered or when the key is free. */
  private Optional<Submitted> replay(String key, String hash) {
    Optional<SubmissionKeys.Claim> claim = keys.find(key);
    if (claim.isEmpty()) {
      return Optional.empty();
    }
    if (!claim.get().requestHash().equals(hash)) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency_key_reused",
          "Khóa chống gửi trùng (Idempotency-Key) này đã được dùng cho một hồ sơ khác nội dung. Mỗi hồ sơ mới cần "
              + "một khóa mới.", null);
    }
    if (claim.get().dossierId() == null) {
      return Optional.empty();
    }
    Dossier d = dossiers.get(claim.get().dossierId());
    // the PIN is kept hashed only: a retry gets a new one, and the one the portal may have lost stops working
    return Optional.of(new Submitted(d, dossiers.issueLookupPin(d.id(), ACTOR), true));
  }

  /** SHA-256 of the submission as JSON and of each file's name and bytes: tells a retry from a new dossier. */
  String requestHash(OnlineSubmission submission, List<Upload> uploads) {
    MessageDigest digest = sha256();
    try {
      digest.update(json.writeValueAsBytes(submission));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    for (Upload u : uploads == null ? List.<Upload>of() : uploads) {
      if (u == null) {
        continue;
      }
      digest.update(("|" + u.name() + "|").getBytes(StandardCharsets.UTF_8));
      MessageDigest file = sha256();
      try (InputStream in = new DigestInputStream(u.content().open(), file)) {
        in.transferTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        throw ApiException.invalid("Không đọc được tệp gửi lên.", Map.of("files", "Tệp \"" + u.name() + "\" bị lỗi."));
      }
      digest.update(file.digest());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------- supplement ----------------

  /**
   * The requested supplement, sent online: its files are recorded with the dossier and the process that
   * waits for it goes on (after a supplement asked at appraisal, the deadline counts again from zero).
   */
  public Dossier supplement(String code, String secret, String note, List<Upload> uploads, String client) {
    throttle.beforeSubmission(client);
    Dossier d = authenticate(code, secret, client);
    if (d.status() != DossierStatus.SUPPLEMENT_REQUESTED) {
      throw ApiException.conflict("Hồ sơ không ở trạng thái chờ bổ sung (trạng thái hiện tại: " + d.status().label()
          + "); không cần gửi thêm tài liệu.");
    }
    Map<String, String> errors = new LinkedHashMap<>();
    String cleanNote = text(note, "note", 2000, errors);
    List<DossierFiles.Checked> checked = files.check(uploads, "files", true, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Hồ sơ bổ sung chưa được gửi vì dữ liệu chưa hợp lệ.", errors);
    }
    List<Staged> staged = files.stage(checked);
    try {
      return tx.execute(status -> {
        records.lock(d.id());
        files.attach(d.id(), DossierFile.Purpose.SUPPLEMENT, staged, clock.instant(), ACTOR);
        return workflow.supplementOnline(d.id(), cleanNote == null ? "Bổ sung trực tuyến" : cleanNote, ACTOR);
      });
    } catch (RuntimeException e) {
      files.discard(staged);
      throw e;
    }
  }

  // ---------------- stop request (Decree 118/2025 Art. 21) ----------------

  /** The applicant's stop request: the dossier, when the request was made, whether a retry only found it. */
  public record StopRequested(Dossier dossier, Instant requestedAt, boolean replayed) {}

  static final String STOP_NEEDS_PIN = "Để yêu cầu dừng giải quyết hồ sơ, cần nhập mã tra cứu in trên giấy tiếp nhận "
      + "hoặc mã dùng một lần gửi đến số điện thoại đã khai; số điện thoại chỉ cho xem tiến độ.";

  /**
   * The applicant asks to stop processing (withdraw) the dossier before a decision: proven with the code and
   * the lookup PIN or a one-time code (the phone number shows the progress only, and is not enough to end a
   * dossier: 403); 409 after a decision. The receiving One-Stop Division confirms it in Tasklist; a retry while
   * it waits answers the same request and makes no second task.
   */
  public StopRequested requestStop(String code, String secret, String reason, String client) {
    throttle.beforeSubmission(client);
    Map<String, String> errors = new LinkedHashMap<>();
    String cleanReason = text(reason, "reason", 2000, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Yêu cầu dừng giải quyết chưa được gửi vì dữ liệu chưa hợp lệ.", errors);
    }
    Verified v = verify(code, secret, client);
    if (!v.details()) {
      throw ApiException.forbidden(STOP_NEEDS_PIN);
    }
    long id = v.dossier().id();
    String stated = cleanReason == null ? "Người nộp yêu cầu dừng giải quyết hồ sơ (không nêu lý do)" : cleanReason;
    DossierWorkflow.StopRequest r = tx.execute(status -> workflow.requestStopOnline(id, stated, ACTOR));
    return new StopRequested(dossiers.get(id), r.requestedAt(), r.replayed());
  }

  // ---------------- evaluation ----------------

  /** The applicant's rating after the result was returned: 1 không hài lòng, 2 bình thường, 3 hài lòng. */
  public Dossier evaluate(String code, String secret, Integer rating, String comment, String client) {
    throttle.beforeSubmission(client);
    Map<String, String> errors = new LinkedHashMap<>();
    if (rating == null || rating < 1 || rating > 3) {
      errors.put("rating", "Chọn mức đánh giá: 3 (hài lòng), 2 (bình thường) hoặc 1 (không hài lòng).");
    }
    String cleanComment = text(comment, "comment", 1000, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Đánh giá chưa được ghi nhận vì dữ liệu chưa hợp lệ.", errors);
    }
    Dossier d = authenticate(code, secret, client);
    return dossiers.recordEvaluation(d.id(), rating, cleanComment, "ONLINE", ACTOR);
  }

  private static String text(String value, String field, int max, Map<String, String> errors) {
    if (value == null) {
      return null;
    }
    String clean = ApplicantValidator.clean(value);
    if (clean != null && (clean.length() > max
        || ApplicantValidator.hasInvisibleCharacters(value.replaceAll("[\\r\\n\\t]", " ")))) {
      errors.put(field, "Nội dung dài quá " + max + " ký tự hoặc chứa ký tự không hợp lệ.");
    }
    return clean;
  }
}
