package vn.motcua.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.organisation.Role;
import vn.motcua.procedure.Procedure;

/**
 * Checks the rows of a catalogue file one by one and says, in Vietnamese, what is wrong with each: a missing
 * or malformed code, a duplicate code, an unknown level, shape or agency, statutory days that are not
 * positive, shares that exceed the statutory time. A row with a problem is not imported.
 */
public class CatalogueValidator {
  static final Pattern CODE = Pattern.compile("^[0-9]\\.[0-9]{6}$");
  static final Pattern STAGE = Pattern.compile("^[a-z][A-Za-z0-9]{1,30}$");
  static final Set<String> RESERVED_STAGES = Set.of("appraisal", "approval", "inspection", "reception", "return");

  private final OrganisationDirectory directory;

  public CatalogueValidator(OrganisationDirectory directory) {
    this.directory = directory;
  }

  /** The problems of every row, by row index (0-based); a row without problems has an empty list. */
  public List<List<String>> check(List<CatalogueRow> rows) {
    Map<String, List<Integer>> byCode = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      CatalogueRow row = rows.get(i);
      if (row != null && row.code() != null) {
        byCode.computeIfAbsent(row.code().strip(), c -> new ArrayList<>()).add(i);
      }
    }
    List<List<String>> result = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      CatalogueRow row = rows.get(i);
      List<String> problems = row == null ? new ArrayList<>(List.of("dòng trống")) : check(row);
      if (row != null && row.code() != null) {
        List<Integer> same = byCode.get(row.code().strip());
        if (same.size() > 1) {
          List<Integer> others = new ArrayList<>();
          for (int j : same) {
            if (j != i) {
              others.add(j + 1);
            }
          }
          problems.add(0, "mã thủ tục " + row.code().strip() + " trùng với dòng " + others
              + " của tệp: không dòng nào có mã này được nhập");
        }
      }
      result.add(problems);
    }
    return result;
  }

  /** The problems of one row, without the duplicate check. */
  public List<String> check(CatalogueRow row) {
    List<String> p = new ArrayList<>();
    if (row.code() == null || !CODE.matcher(row.code().strip()).matches()) {
      p.add("mã thủ tục '" + row.code() + "' không đúng dạng mã của Cơ sở dữ liệu quốc gia (ví dụ 1.001193)");
    }
    if (blank(row.name())) {
      p.add("thiếu tên thủ tục");
    }
    ProcedureShape shape = null;
    try {
      shape = row.shape() == null ? null : ProcedureShape.valueOf(row.shape().strip());
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (shape == null) {
      p.add("dạng quy trình '" + row.shape() + "' không có; dùng một trong " + List.of(ProcedureShape.values()));
    }
    if (!"COMMUNE".equals(row.level()) && !"PROVINCE".equals(row.level())) {
      p.add("cấp thực hiện '" + row.level() + "' không hợp lệ; dùng COMMUNE (cấp xã) hoặc PROVINCE (cấp tỉnh)");
    }
    Agency competent = null;
    if (blank(row.competentAgency())) {
      p.add("thiếu cơ quan giải quyết (mã đơn vị hoặc RECEIVING_UNIT)");
    } else if (!Procedure.RECEIVING_UNIT.equals(row.competentAgency())) {
      competent = directory.find(row.competentAgency()).orElse(null);
      if (competent == null) {
        p.add("cơ quan giải quyết '" + row.competentAgency() + "' không phải mã đơn vị của tỉnh "
            + "(tệp tổ chức) cũng không phải RECEIVING_UNIT (Ủy ban nhân dân cấp xã nơi tiếp nhận)");
      } else if (!competent.hasRole(Role.SPECIALIST) || !competent.hasRole(Role.LEADER)) {
        p.add("cơ quan giải quyết '" + row.competentAgency() + "' không có chuyên viên thụ lý và lãnh đạo");
        competent = null;
      }
    }
    Integer days = row.statutoryDays();
    if (days == null) {
      p.add("thiếu thời hạn giải quyết (số ngày làm việc)");
    } else if (shape == ProcedureShape.SAME_DAY) {
      if (days != 0) {
        p.add("thủ tục giải quyết trong ngày (SAME_DAY) phải có thời hạn 0 ngày làm việc, không phải " + days);
      }
    } else if (days <= 0) {
      p.add("thời hạn giải quyết " + days + " ngày làm việc không hợp lệ: phải lớn hơn 0 "
          + "(thủ tục trong ngày dùng dạng SAME_DAY)");
    }
    if (row.fee() != null && row.fee() < 0) {
      p.add("lệ phí " + row.fee() + " đồng không hợp lệ: không được âm");
    }
    if (row.documents() == null || row.documents().isEmpty()) {
      p.add("thiếu thành phần hồ sơ");
    } else {
      for (int i = 0; i < row.documents().size(); i++) {
        CatalogueRow.Document d = row.documents().get(i);
        if (d == null || blank(d.name())) {
          p.add("giấy tờ thứ " + (i + 1) + " thiếu tên");
        } else if ((d.originals() != null && d.originals() < 0) || (d.copies() != null && d.copies() < 0)) {
          p.add("giấy tờ '" + d.name() + "': số bản không được âm");
        }
      }
    }
    List<CatalogueRow.Partner> partners = row.partners() == null ? List.of() : row.partners();
    if (shape != null && shape.hasPartners() && partners.isEmpty()) {
      p.add("dạng " + shape + " cần ít nhất một cơ quan phối hợp (partners)");
    }
    if (shape != null && !shape.hasPartners() && !partners.isEmpty()) {
      p.add("dạng " + shape + " không có cơ quan phối hợp; dùng INTER_AGENCY_SEQUENCE hoặc INTER_AGENCY_PARALLEL");
    }
    Set<String> stages = new HashSet<>();
    for (CatalogueRow.Partner partner : partners) {
      if (partner == null) {
        p.add("cơ quan phối hợp trống");
        continue;
      }
      Agency a = partner.agency() == null ? null : directory.find(partner.agency()).orElse(null);
      if (a == null) {
        p.add("cơ quan phối hợp '" + partner.agency() + "' không phải mã đơn vị của tỉnh");
      } else if (!a.hasRole(Role.SPECIALIST) || !a.hasRole(Role.LEADER)) {
        p.add("cơ quan phối hợp '" + partner.agency() + "' không có chuyên viên và lãnh đạo để xử lý hồ sơ");
      }
      if (partner.stage() == null || !STAGE.matcher(partner.stage()).matches()
          || RESERVED_STAGES.contains(partner.stage())) {
        p.add("giai đoạn '" + partner.stage() + "' của cơ quan phối hợp phải là một tên riêng (chữ Latinh "
            + "không dấu, ví dụ verification), khác " + RESERVED_STAGES);
      } else if (!stages.add(partner.stage())) {
        p.add("giai đoạn '" + partner.stage() + "' được khai báo hai lần");
      }
      if (blank(partner.task())) {
        p.add("thiếu nội dung công việc của cơ quan phối hợp '" + partner.agency() + "'");
      }
      if (partner.hours() == null || partner.hours() <= 0) {
        p.add("thời gian của cơ quan phối hợp '" + partner.agency() + "' phải lớn hơn 0 giờ làm việc");
      }
    }
    if (shape == ProcedureShape.FIELD_INSPECTION && (row.inspectionHours() == null || row.inspectionHours() <= 0)) {
      p.add("dạng FIELD_INSPECTION cần thời gian kiểm tra thực địa (inspectionHours) lớn hơn 0");
    }
    if (shape != ProcedureShape.FIELD_INSPECTION && row.inspectionHours() != null) {
      p.add("thời gian kiểm tra thực địa chỉ dùng cho dạng FIELD_INSPECTION");
    }
    if (shape == ProcedureShape.VERTICAL) {
      if (!"PROVINCE".equals(row.level())) {
        p.add("dạng VERTICAL (tiếp nhận ở xã, giải quyết ở tỉnh) phải có cấp thực hiện PROVINCE");
      }
      if (Procedure.RECEIVING_UNIT.equals(row.competentAgency())
          || (competent != null && competent.level() != Agency.Level.PROVINCE)) {
        p.add("dạng VERTICAL cần một cơ quan cấp tỉnh giải quyết, không phải '" + row.competentAgency() + "'");
      }
    }
    if (positive(row.appraisalHours()) == Boolean.FALSE || positive(row.approvalHours()) == Boolean.FALSE) {
      p.add("thời gian thẩm định và phê duyệt phải lớn hơn 0 giờ làm việc");
    }
    if (shape != null && shape != ProcedureShape.SAME_DAY && days != null && days > 0 && p.isEmpty()) {
      Map<String, Integer> hours = stageHours(row, shape);
      int before = hoursBefore(row, shape);
      int sum = before + hours.get("appraisal") + hours.get("approval");
      if (hours.get("appraisal") <= 0 || hours.get("approval") <= 0 || sum > days * 8) {
        p.add("tổng thời gian các giai đoạn (" + describe(row, shape, hours) + " = " + sum
            + " giờ làm việc) vượt thời hạn " + days + " ngày làm việc (" + days * 8 + " giờ)");
      }
    }
    if (shape == ProcedureShape.SAME_DAY
        && (row.appraisalHours() != null || row.approvalHours() != null)) {
      p.add("thủ tục giải quyết trong ngày không khai báo thời gian thẩm định, phê duyệt (chia theo tỷ lệ của ngày)");
    }
    return p;
  }

  /** The working hours before the appraisal: the field inspection, the partners in sequence or the longest in parallel. */
  static int hoursBefore(CatalogueRow row, ProcedureShape shape) {
    int before = 0;
    if (shape == ProcedureShape.FIELD_INSPECTION && row.inspectionHours() != null) {
      before += row.inspectionHours();
    }
    if (row.partners() != null) {
      for (CatalogueRow.Partner partner : row.partners()) {
        int h = partner.hours() == null ? 0 : partner.hours();
        before = shape == ProcedureShape.INTER_AGENCY_PARALLEL ? Math.max(before, h) : before + h;
      }
    }
    return before;
  }

  /**
   * The appraisal and approval shares: as declared, or 60% and 25% of what the statutory time leaves after the
   * stages before them (the rest is for the return), as the hand-made models do.
   */
  static Map<String, Integer> stageHours(CatalogueRow row, ProcedureShape shape) {
    int rest = row.statutoryDays() * 8 - hoursBefore(row, shape);
    Map<String, Integer> hours = new LinkedHashMap<>();
    hours.put("appraisal", row.appraisalHours() != null ? row.appraisalHours() : Math.max(0, rest * 60 / 100));
    hours.put("approval", row.approvalHours() != null ? row.approvalHours() : Math.max(0, rest * 25 / 100));
    return hours;
  }

  private static String describe(CatalogueRow row, ProcedureShape shape, Map<String, Integer> hours) {
    List<String> parts = new ArrayList<>();
    if (shape == ProcedureShape.FIELD_INSPECTION) {
      parts.add("kiểm tra thực địa " + row.inspectionHours());
    }
    if (row.partners() != null && !row.partners().isEmpty()) {
      List<String> ps = row.partners().stream().map(x -> x.agency() + " " + x.hours()).toList();
      parts.add(shape == ProcedureShape.INTER_AGENCY_PARALLEL
          ? "phối hợp song song, dài nhất " + hoursBefore(row, shape) + " " + ps : "phối hợp " + ps);
    }
    parts.add("thẩm định " + hours.get("appraisal"));
    parts.add("phê duyệt " + hours.get("approval"));
    return String.join(" + ", parts);
  }

  private static Boolean positive(Integer v) {
    return v == null ? null : v > 0;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
