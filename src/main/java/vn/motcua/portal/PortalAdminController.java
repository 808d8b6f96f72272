package vn.motcua.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.calendar.OfficeZone;
import vn.motcua.web.ApiException;

/**
 * The operator's commands for the national portal's status sync (docs/portal.md, "Operator"): under
 * {@code /api/admin/}, so only supervisors, process admins and Camunda administrators reach them.
 * Not in the access log (docs/personal-data.md): a dossier's events and the dead letters show the payload sent to
 * the national portal ({@link PortalOutbox}: the dossier's code, procedure, units, status, dates, decision and a
 * refusal's reason), never the applicant's name, ID number, phone, address or documents.
 */
@RestController
@RequestMapping("/api/admin/portal")
public class PortalAdminController {
  private final PortalSync sync;

  public PortalAdminController(PortalSync sync) {
    this.sync = sync;
  }

  /** On/off, endpoint, synced procedures and the number of events per state. */
  @GetMapping
  public Map<String, Object> status() {
    return sync.status();
  }

  /** The refused events (dead letters), oldest first. */
  @GetMapping("/dead-letters")
  public List<PortalEvent> deadLetters(@RequestParam(defaultValue = "100") int limit) {
    return sync.deadLetters(Math.max(1, Math.min(limit, 1000)));
  }

  /** A dossier's events in order, with their state, attempts and last error. */
  @GetMapping("/dossiers/{code}/events")
  public List<PortalEvent> events(@PathVariable String code) {
    List<PortalEvent> events = sync.events(code);
    if (events.isEmpty()) {
      throw ApiException.notFound("Không có sự kiện đồng bộ nào của hồ sơ " + code + ".");
    }
    return events;
  }

  /**
   * Re-sends one dossier ({@code dossier=<code>}) or the changes of a period ({@code from}, {@code to}: days
   * YYYY-MM-DD in the office's zone, both included), in order and under the same idempotency keys.
   */
  @PostMapping("/resend")
  public PortalSync.Resent resend(@RequestParam(required = false) String dossier,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    if (dossier != null && !dossier.isBlank()) {
      if (from != null || to != null) {
        throw ApiException.invalid("Chỉ chọn một hồ sơ hoặc một khoảng thời gian.",
            Map.of("dossier", "Không dùng cùng lúc với from/to."));
      }
      if (sync.events(dossier.strip()).isEmpty()) {
        throw ApiException.notFound("Không có sự kiện đồng bộ nào của hồ sơ " + dossier.strip() + ".");
      }
      return sync.resendDossier(dossier.strip());
    }
    if (from == null || to == null) {
      throw ApiException.invalid("Cần mã hồ sơ hoặc khoảng thời gian cần gửi lại.",
          Map.of("dossier", "Mã hồ sơ, hoặc from và to theo dạng YYYY-MM-DD."));
    }
    LocalDate f;
    LocalDate t;
    try {
      f = LocalDate.parse(from.strip());
      t = LocalDate.parse(to.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("Khoảng ngày không hợp lệ.", Map.of("from", "Ngày theo dạng YYYY-MM-DD."));
    }
    if (f.isAfter(t)) {
      throw ApiException.invalid("Khoảng ngày không hợp lệ.", Map.of("to", "Ngày kết thúc phải sau ngày bắt đầu."));
    }
    return sync.resendPeriod(f.atStartOfDay(OfficeZone.get()).toInstant(),
        t.plusDays(1).atStartOfDay(OfficeZone.get()).toInstant());
  }
}
