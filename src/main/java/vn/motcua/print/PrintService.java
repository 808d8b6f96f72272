package vn.motcua.print;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.motcua.calendar.OfficeZone;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.EngineClock;
import vn.motcua.overdue.OverdueService;
import vn.motcua.security.SystemAccess;
import vn.motcua.signature.PdfSigner;
import vn.motcua.signature.SigningKeys;
import vn.motcua.web.ApiException;

/** Prints forms 01–06: reads the dossier record, fills the template, renders the PDF. */
@Service
public class PrintService {

  private final DossierService dossiers;
  private final OverdueService overdue;
  private final IdentityService identity;
  private final JdbcTemplate jdbc;
  private final PrintTemplates templates;
  private final PdfRenderer renderer;
  private final Clock clock;
  private final String statusPageUrl;
  private final SigningKeys keys;
  private final PdfSigner signer;
  private ReceiptFees receiptFees;

  /** The fee printed on the receipt (vn.motcua.payment), when that feature is present. */
  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void setReceiptFees(ReceiptFees receiptFees) {
    this.receiptFees = receiptFees;
  }

  public PrintService(DossierService dossiers, OverdueService overdue, IdentityService identity, JdbcTemplate jdbc,
      PrintTemplates templates, PdfRenderer renderer, EngineClock clock,
      @Value("${motcua.notification.status-page-url:" + FormModels.DEFAULT_STATUS_PAGE_URL + "}") String statusPageUrl,
      SigningKeys keys, PdfSigner signer) {
    this.keys = keys;
    this.signer = signer;
    this.statusPageUrl = statusPageUrl;
    this.dossiers = dossiers;
    this.overdue = overdue;
    this.identity = identity;
    this.jdbc = jdbc;
    this.templates = templates;
    this.renderer = renderer;
    this.clock = clock;
  }

  /**
   * Slip 01–05 of one dossier as PDF. The receipt (01) of a dossier received at the counter carries a lookup PIN
   * issued by this print (only its hash is kept, so a reprint issues a new one and the former stops working);
   * an online dossier's PIN was given at submission and is not printed.
   */
  public byte[] slip(PrintForm form, Dossier d, String printedBy) {
    Map<String, Object> model = FormModels.slip(form, printable(d), today(), statusPageUrl);
    if (form == PrintForm.RECEIPT && d.channel() == Channel.DIRECT) {
      model.put("lookupPin", dossiers.issueLookupPin(d.id(), printedBy));
    }
    model.put("lookupPinOnline", form == PrintForm.RECEIPT && d.channel() == Channel.ONLINE);
    model.put("feeAmount", "");
    model.put("feePaid", "");
    if (form == PrintForm.RECEIPT && receiptFees != null) {
      model.putAll(receiptFees.receiptFacts(d));
    }
    byte[] pdf = renderer.render(templates.fill(form.template(), model));
    String signingAgency = signingAgency(form, d);
    return signingAgency == null ? pdf
        : signer.sign(pdf, keys.forAgency(signingAgency), form.title() + " — " + d.code(), clock.instant());
  }

  /**
   * The agency whose key signs the slip (PAdES, docs/signatures.md): the receipt (01) by the receiving unit, the
   * apology letter (04) by the resolving agency that issued it; the other slips are not signed.
   */
  String signingAgency(PrintForm form, Dossier d) {
    return switch (form) {
      case RECEIPT -> d.receivingUnit();
      case APOLOGY -> overdue.letters(d.id()).stream().reduce((a, b) -> b).map(l -> l.agency())
          .orElse(d.competentUnit());
      default -> null;
    };
  }

  /** The tracking ledger (form 06) of a receiving unit, dossiers received from {@code from} to {@code to}. */
  public byte[] ledger(String unit, LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw ApiException.invalid("Khoảng thời gian không hợp lệ.", Map.of("to", "Ngày kết thúc phải sau ngày bắt đầu."));
    }
    // numbering runs through the year: count from 1 January of the first year
    OffsetDateTime yearStart = from.withDayOfYear(1).atStartOfDay(OfficeZone.get()).toOffsetDateTime();
    OffsetDateTime end = to.plusDays(1).atStartOfDay(OfficeZone.get()).toOffsetDateTime();
    OffsetDateTime start = from.atStartOfDay(OfficeZone.get()).toOffsetDateTime();
    List<Long> ids = jdbc.queryForList(
        "SELECT id FROM dossier WHERE receiving_unit = ? AND received_at >= ? AND received_at < ? ORDER BY received_at, id",
        Long.class, unit, yearStart, end);
    List<FormModels.LedgerRow> rows = new ArrayList<>();
    int number = 0;
    int year = -1;
    for (Long id : ids) {
      Dossier d = dossiers.get(id);
      int y = d.receivedAt().atZone(OfficeZone.get()).getYear();
      number = y == year ? number + 1 : 1;
      year = y;
      if (!d.receivedAt().isBefore(start.toInstant())) {
        rows.add(new FormModels.LedgerRow(number, printable(d)));
      }
    }
    Map<String, Object> model = FormModels.ledger(dossiers.unitName(unit), from, to, rows, today());
    return renderer.render(templates.fill(PrintForm.LEDGER.template(), model));
  }

  PrintableDossier printable(Dossier d) {
    return new PrintableDossier(d, dossiers.documents(d.id()), dossiers.controlLog(d.id()), dossiers.events(d.id()),
        overdue.letters(d.id()), dossiers::unitName, this::officerName, null);
  }

  /** The officer's full name (family name first) from the identity service, or the user id. */
  public String officerName(String userId) {
    if (userId == null || userId.isBlank()) {
      return "";
    }
    if ("system".equals(userId)) {
      return "Hệ thống";
    }
    long now = System.nanoTime();
    CachedName cached = officerNames.get(userId);
    if (cached != null && now - cached.readAt() < NAME_TTL_NANOS) {
      return cached.name();
    }
    // the officer printing may not read other users: the names on a slip are the system's to print
    User user = SystemAccess.run(identity, () -> identity.createUserQuery().userId(userId).singleResult());
    String name = userId;
    if (user != null) {
      // Vietnamese order, as the webapps show it: Camunda's first name holds the family and middle names
      // ("Trần Văn"), the last name the given name ("Hùng") — docs/operations.md, "Officers' names"
      String full = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
          + (user.getLastName() == null ? "" : user.getLastName())).strip();
      name = full.isEmpty() ? userId : full;
    }
    if (user != null) {
      if (officerNames.size() >= NAME_CACHE_SIZE) {
        officerNames.clear();
      }
      officerNames.put(userId, new CachedName(name, now));
    }
    return name;
  }

  /**
   * Officers' names for a few minutes: the Tasklist summary of every task and every printed slip name the
   * officers of the dossier's log, a user query each (docs/performance.md). A renamed officer shows under
   * the new name at most {@link #NAME_TTL_NANOS} later on new slips and summaries (a summary already
   * written on a task keeps the name it had). Unknown ids are not kept.
   */
  private final Map<String, CachedName> officerNames = new ConcurrentHashMap<>();
  private static final long NAME_TTL_NANOS = TimeUnit.MINUTES.toNanos(5);
  private static final int NAME_CACHE_SIZE = 10_000;

  private record CachedName(String name, long readAt) {}


  private LocalDate today() {
    return clock.instant().atZone(OfficeZone.get()).toLocalDate();
  }
}
