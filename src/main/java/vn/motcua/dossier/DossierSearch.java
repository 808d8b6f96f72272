package vn.motcua.dossier;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.web.ApiException;

/**
 * The officers' dossier search ({@code GET /api/dossiers}): by code prefix, by applicant (citizen ID, or
 * the full name as written), status, unit and reception date range, newest first, one page at a time.
 * A page says whether more follow instead of counting every match, so that a search stays cheap over
 * years of history (docs/performance.md, {@code bench history}).
 */
public record DossierSearch(String codePrefix, String applicant, DossierStatus status, String unit, LocalDate from,
    LocalDate to, int page, int size) {
  public static final int MAX_SIZE = 100;
  /** Deep pages are refused: narrow the search instead (an offset scan grows with the page). */
  public static final int MAX_OFFSET = 10_000;

  /** Checks and normalises the request's parameters; a 400 with a message per field when invalid. */
  public static DossierSearch of(String code, String applicant, Integer status, String unit, LocalDate from,
      LocalDate to, Integer page, Integer size) {
    Map<String, String> errors = new LinkedHashMap<>();
    String codePrefix = blankToNull(code);
    if (codePrefix != null && !codePrefix.matches("[0-9A-Za-z.\\-]{1,40}")) {
      errors.put("code", "Mã hồ sơ chỉ gồm chữ số, chữ cái, dấu chấm và gạch ngang.");
    }
    String who = blankToNull(applicant);
    if (who != null) {
      who = Normalizer.normalize(who, Normalizer.Form.NFC).replaceAll("\\s+", " ");
      if (who.length() > 200) {
        errors.put("applicant", "Tên hoặc số định danh dài quá 200 ký tự.");
      }
    }
    DossierStatus st = null;
    if (status != null) {
      try {
        st = DossierStatus.ofCode(status);
      } catch (IllegalArgumentException e) {
        errors.put("status", "Trạng thái từ 1 đến 10.");
      }
    }
    if (from != null && to != null && from.isAfter(to)) {
      errors.put("from", "Ngày bắt đầu sau ngày kết thúc.");
    }
    int p = page == null ? 0 : page;
    int s = size == null ? 20 : size;
    if (p < 0) {
      errors.put("page", "Trang bắt đầu từ 0.");
    }
    if (s < 1 || s > MAX_SIZE) {
      errors.put("size", "Mỗi trang từ 1 đến " + MAX_SIZE + " hồ sơ.");
    }
    if (errors.isEmpty() && (long) p * s > MAX_OFFSET) {
      errors.put("page", "Chỉ xem được " + MAX_OFFSET + " hồ sơ đầu tiên; hãy thu hẹp điều kiện tìm kiếm.");
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Điều kiện tìm kiếm chưa hợp lệ.", errors);
    }
    return new DossierSearch(codePrefix, who, st, blankToNull(unit), from, to, p, s);
  }

  /** The applicant criterion is a citizen ID or enterprise code when it has only digits (and a dash). */
  public boolean applicantIsId() {
    return applicant != null && applicant.matches("[0-9\\-]+");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** One line of the result. */
  public record Row(String code, String procedureKey, String procedureName, String receivingUnit,
      String competentUnit, String applicantName, String applicantIdNumber, int status, String statusName,
      String stage, String currentUnit, Instant receivedAt, Instant appointmentAt, Instant returnedAt) {}

  /** A page of the result, newest first; {@code hasMore} when a next page has rows. */
  public record Page(List<Row> items, int page, int size, boolean hasMore) {}
}
