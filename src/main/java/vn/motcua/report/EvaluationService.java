package vn.motcua.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.organisation.Role;
import vn.motcua.procedure.Procedure;
import vn.motcua.report.EvaluationRepository.AgencyFacts;
import vn.motcua.report.EvaluationRepository.Context;
import vn.motcua.report.EvaluationRepository.Scores;
import vn.motcua.web.ApiException;

/**
 * The evaluation of the agencies' resolution of procedures: Circular 01/2018/TT-VPCP's nine indices (Art. 13–15:
 * 2/1/0 per dossier, averaged per agency, the total's band, quarterly and yearly) and the components of Decision
 * 766/QĐ-TTg the records support. Formulas and sources: docs/reports.md, "Evaluation indices". Knows nothing of
 * HTTP; the access scope is decided by the caller ({@link ReportScope}).
 */
public class EvaluationService {
  static final String NO_PETITION_DATA = "Không có dữ liệu: hệ thống chưa kết nối phân hệ phản ánh, kiến nghị;"
      + " chỉ số không được chấm và không tính vào tổng điểm.";

  private final EvaluationRepository repository;
  private final ReportService reports;
  private final OrganisationDirectory directory;
  private final Supplier<List<Procedure>> procedures;
  private final Supplier<PetitionCounts> petitions;
  private final EvaluationProperties properties;

  /**
   * @param procedures the procedures published in the public catalogue ({@code /api/public/procedures})
   * @param petitions the petitions feature's counts, or {@code null} when there is none
   */
  public EvaluationService(EvaluationRepository repository, ReportService reports, OrganisationDirectory directory,
      Supplier<List<Procedure>> procedures, Supplier<PetitionCounts> petitions, EvaluationProperties properties) {
    this.repository = repository;
    this.reports = reports;
    this.directory = directory;
    this.procedures = procedures;
    this.petitions = petitions;
    this.properties = properties;
  }

  /** The bands of Circular 01/2018 Art. 15 on the total of the nine averages (18 at most). */
  public enum Band {
    EXCELLENT(15, "Xuất sắc"),
    GOOD(12, "Tốt"),
    FAIR(9, "Khá"),
    AVERAGE(6, "Trung bình"),
    WEAK(Double.NEGATIVE_INFINITY, "Yếu");

    private final double from;
    private final String label;

    Band(double from, String label) {
      this.from = from;
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** ≥ 15 excellent, 12 to under 15 good, 9 to under 12 fair, 6 to under 9 average, under 6 weak. */
    public static Band of(double total) {
      return Arrays.stream(values()).filter(b -> total >= b.from).findFirst().orElseThrow();
    }
  }

  /**
   * One index of an agency: its score ({@code score}: the average of the per-dossier scores, or the agency's
   * score), how many dossiers scored 2, 1 and 0, and why it is not scored ({@code note}) when it is not.
   */
  public record IndexScore(String key, String name, boolean perDossier, Double score, long scored, long twos,
      long ones, long zeros, String note, Map<String, Object> facts) {}

  /** One component of Decision 766: its points (weight), the rate behind it, the points earned. */
  public record Component(String key, String name, double weight, Double rate, Double points, String note) {}

  /**
   * An agency's (or the scope's) evaluation: the nine indices, their total, how many were scored, the total the
   * band is judged on (scaled to nine indices when some have no data, {@link EvaluationProperties#scaleMissing}),
   * the band, and Decision 766's components with their points out of the points computed.
   */
  public record UnitEvaluation(String unit, String unitName, List<IndexScore> indices, Double total, int scoredIndices,
      Double bandTotal, String band, String bandName, List<Component> decision766, Double decision766Points,
      Double decision766MaxPoints) {}

  public record Evaluation(String from, String to, String label, Instant asOf, List<UnitEvaluation> units,
      UnitEvaluation total, boolean petitionData) {}

  Context context() {
    List<String> published = new ArrayList<>();
    List<String> partly = new ArrayList<>();
    for (Procedure p : procedures.get()) {
      boolean full = p.code() != null && !p.code().isBlank() && p.documents() != null && !p.documents().isEmpty()
          && p.statutoryDays() >= 0;
      (full ? published : partly).add(p.key());
    }
    List<String> oneStop = directory.agencies().stream().filter(a -> a.hasRole(Role.RECEPTION)).map(Agency::key)
        .toList();
    return new Context(published, partly, oneStop, properties);
  }

  public Evaluation evaluate(ReportPeriod period, ReportScope scope) {
    Context context = context();
    Map<String, Scores> scores = repository.scores(period, scope, context);
    Map<String, AgencyFacts> facts = repository.agencyFacts(period, scope, context, true);
    PetitionCounts petitionCounts = petitions.get();
    Set<String> units = new LinkedHashSet<>();
    units.addAll(scores.keySet());
    units.addAll(facts.keySet());
    Map<String, PetitionCounts.Counts> answered = new LinkedHashMap<>();
    if (petitionCounts != null) {
      for (Agency a : directory.agencies()) {
        if (scope.includes(a.key())) {
          PetitionCounts.Counts c = petitionCounts.answeredBetween(a.key(), period.start(), period.end());
          answered.put(a.key(), c);
          if (c.answered() > 0) {
            units.add(a.key());
          }
        }
      }
    }
    List<UnitEvaluation> lines = new ArrayList<>();
    Scores all = new Scores();
    long answeredAll = 0;
    long onTimeAll = 0;
    for (String unit : units) {
      if (!scope.includes(unit)) {
        continue;
      }
      Scores s = scores.getOrDefault(unit, new Scores());
      all.add(s);
      PetitionCounts.Counts c = petitionCounts == null ? null
          : answered.getOrDefault(unit, new PetitionCounts.Counts(0, 0));
      if (c != null) {
        answeredAll += c.answered();
        onTimeAll += c.answeredOnTime();
      }
      lines.add(line(unit, reports.unitName(unit), s, facts.getOrDefault(unit, AgencyFacts.NONE), c));
    }
    lines.sort(Comparator.comparing(UnitEvaluation::unitName));
    AgencyFacts total = repository.agencyFacts(period, scope, context, false).getOrDefault("", AgencyFacts.NONE);
    UnitEvaluation totalLine = line(null, null, all, total,
        petitionCounts == null ? null : new PetitionCounts.Counts(answeredAll, onTimeAll));
    return new Evaluation(period.from().toString(), period.to().toString(), period.label(),
        period.asOf(reports.now()), lines, totalLine, petitionCounts != null);
  }

  private UnitEvaluation line(String unit, String unitName, Scores s, AgencyFacts f, PetitionCounts.Counts petitions) {
    List<IndexScore> indices = new ArrayList<>();
    for (EvaluationIndex i : EvaluationIndex.values()) {
      indices.add(switch (i) {
        case PETITIONS -> petitionIndex(petitions);
        case ONLINE -> onlineIndex(f);
        default -> dossierIndex(i, s);
      });
    }
    double sum = 0;
    int scored = 0;
    for (IndexScore x : indices) {
      if (x.score() != null) {
        sum += x.score();
        scored++;
      }
    }
    Double total = scored == 0 ? null : round2(sum);
    Double bandTotal = null;
    Band band = null;
    if (scored > 0) {
      double judged = properties.scaleMissing() ? sum * EvaluationIndex.values().length / scored : sum;
      bandTotal = round2(judged);
      band = Band.of(judged);
    }
    List<Component> components = decision766(s, f);
    double points = 0;
    double max = 0;
    for (Component c : components) {
      if (c.points() != null) {
        points += c.points();
        max += c.weight();
      }
    }
    return new UnitEvaluation(unit, unitName, indices, total, scored, bandTotal, band == null ? null : band.name(),
        band == null ? null : band.label(), components, max == 0 ? null : round2(points), max == 0 ? null : max);
  }

  private static IndexScore dossierIndex(EvaluationIndex i, Scores s) {
    long twos = s.count(i, 2);
    long ones = s.count(i, 1);
    long zeros = s.count(i, 0);
    long n = twos + ones + zeros;
    String note = n > 0 ? null : i == EvaluationIndex.ATTITUDE
        ? "Không có đánh giá của người dân về hồ sơ giải quyết trong kỳ; chỉ số không được chấm."
        : "Không có hồ sơ giải quyết trong kỳ; chỉ số không được chấm.";
    return new IndexScore(i.key(), i.label(), true, n == 0 ? null : round2((2.0 * twos + ones) / n), n, twos, ones,
        zeros, note, Map.of());
  }

  private IndexScore petitionIndex(PetitionCounts.Counts c) {
    EvaluationIndex i = EvaluationIndex.PETITIONS;
    if (c == null) {
      return new IndexScore(i.key(), i.label(), false, null, 0, 0, 0, 0, NO_PETITION_DATA, Map.of());
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("answered", c.answered());
    facts.put("answeredOnTime", c.answeredOnTime());
    if (c.answered() == 0) {
      facts.put("onTimeRate", null);
      return new IndexScore(i.key(), i.label(), false, null, 0, 0, 0, 0,
          "Không có phản ánh, kiến nghị được trả lời trong kỳ; chỉ số không được chấm.", facts);
    }
    double rate = 100.0 * c.answeredOnTime() / c.answered();
    facts.put("onTimeRate", ReportService.percent(c.answeredOnTime(), c.answered()));
    int score = c.answeredOnTime() >= c.answered() ? 2 : rate >= properties.petitionPartialRate() ? 1 : 0;
    return new IndexScore(i.key(), i.label(), false, (double) score, 1, score == 2 ? 1 : 0, score == 1 ? 1 : 0,
        score == 0 ? 1 : 0, null, facts);
  }

  private IndexScore onlineIndex(AgencyFacts f) {
    EvaluationIndex i = EvaluationIndex.ONLINE;
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("received", f.received());
    facts.put("online", f.online());
    facts.put("onlineShare", ReportService.percent(f.online(), f.received()));
    facts.put("procedures", f.procedures());
    facts.put("onlineProcedures", f.onlineProcedures());
    facts.put("onlineProcedureShare", ReportService.percent(f.onlineProcedures(), f.procedures()));
    facts.put("onlineLate", f.onlineLate());
    if (f.received() == 0) {
      return new IndexScore(i.key(), i.label(), false, null, 0, 0, 0, 0,
          "Không có hồ sơ tiếp nhận mới trong kỳ; chỉ số không được chấm.", facts);
    }
    boolean procedures = 100.0 * f.onlineProcedures() >= properties.onlineProcedureShare() * f.procedures();
    boolean dossiers = 100.0 * f.online() >= properties.onlineDossierShare() * f.received();
    int score = procedures && dossiers && f.onlineLate() == 0 ? 2 : procedures || dossiers ? 1 : 0;
    return new IndexScore(i.key(), i.label(), false, (double) score, 1, score == 2 ? 1 : 0, score == 1 ? 1 : 0,
        score == 0 ? 1 : 0, null, facts);
  }

  private List<Component> decision766(Scores s, AgencyFacts f) {
    EvaluationProperties.Weights w = properties.weights();
    long resolved = s.count(EvaluationIndex.TOTAL_TIME, 2) + s.count(EvaluationIndex.TOTAL_TIME, 1)
        + s.count(EvaluationIndex.TOTAL_TIME, 0);
    long onTime = s.count(EvaluationIndex.TOTAL_TIME, 2) + s.count(EvaluationIndex.TOTAL_TIME, 1);
    long rated = s.count(EvaluationIndex.ATTITUDE, 2) + s.count(EvaluationIndex.ATTITUDE, 1)
        + s.count(EvaluationIndex.ATTITUDE, 0);
    long satisfied = s.count(EvaluationIndex.ATTITUDE, 2);
    return List.of(
        new Component("transparency", "Công khai, minh bạch", w.transparency(), null, null,
            "Không tính: số liệu công khai, đồng bộ nằm trên Cổng Dịch vụ công quốc gia."),
        component("progress", "Tiến độ, kết quả giải quyết (trước hạn và đúng hạn ÷ đã giải quyết)", w.progress(),
            onTime, resolved, "Không có hồ sơ giải quyết trong kỳ."),
        component("onlineServices", "Cung cấp dịch vụ trực tuyến (hồ sơ trực tuyến ÷ hồ sơ mới tiếp nhận)",
            w.onlineServices(), f.online(), f.received(), "Không có hồ sơ tiếp nhận mới trong kỳ."),
        new Component("onlinePayment", "Thanh toán trực tuyến", w.onlinePayment(), null, null,
            "Không tính: hệ thống chưa ghi nhận giao dịch thanh toán."),
        component("digitisation", "Số hóa hồ sơ (hồ sơ có tệp điện tử ÷ hồ sơ mới tiếp nhận)", w.digitisation(),
            f.digitised(), f.received(), "Không có hồ sơ tiếp nhận mới trong kỳ."),
        component("satisfaction", "Mức độ hài lòng (hài lòng ÷ lượt đánh giá)", w.satisfaction(), satisfied, rated,
            "Không có đánh giá của người dân trong kỳ."));
  }

  private static Component component(String key, String name, double weight, long part, long whole, String none) {
    if (whole == 0) {
      return new Component(key, name, weight, null, null, none);
    }
    return new Component(key, name, weight, ReportService.percent(part, whole), round2(weight * part / whole), null);
  }

  static Double round2(double value) {
    return Math.round(value * 100.0) / 100.0;
  }

  // ---------------- drill-down ----------------

  public ReportService.DossierPage dossiers(ReportPeriod period, ReportScope scope, String indexKey, Integer score,
      String unit, int offset, int limit) {
    EvaluationIndex index = EvaluationIndex.ofKey(indexKey == null ? "" : indexKey).orElseThrow(() ->
        ApiException.invalid("Chỉ số đánh giá không hợp lệ.", Map.of("index", "Một trong: " + String.join(", ",
            Arrays.stream(EvaluationIndex.values()).map(EvaluationIndex::key).toList()) + ".")));
    if (index == EvaluationIndex.PETITIONS) {
      throw ApiException.invalid("Chỉ số phản ánh, kiến nghị không gắn với hồ sơ thủ tục hành chính.",
          Map.of("index", "Xem danh sách phản ánh, kiến nghị ở phân hệ phản ánh, kiến nghị."));
    }
    if (score != null && (score < 0 || score > 2 || !index.perDossier())) {
      throw ApiException.invalid("Điểm không hợp lệ.", Map.of("score", index.perDossier()
          ? "Điểm là 0, 1 hoặc 2." : "Chỉ số này chấm cho cả đơn vị: bỏ tham số score."));
    }
    if (offset < 0 || limit < 1 || limit > ReportService.MAX_ROWS) {
      throw ApiException.invalid("Phân trang không hợp lệ.",
          Map.of("limit", "Từ 1 đến " + ReportService.MAX_ROWS + " hồ sơ một trang; offset không âm."));
    }
    ReportRepository.Page page = repository.dossiers(period, scope, context(), index, score, unit, offset, limit);
    String header = index.label() + (score == null ? "" : " – " + score + " điểm");
    return new ReportService.DossierPage(index.key(), header, unit, null, page.total(), offset,
        page.rows().stream().map(r -> reports.item(r, null)).toList());
  }

  // ---------------- tables for export ----------------

  public Table indexTable(Evaluation e) {
    List<String> headers = new ArrayList<>(List.of("Đơn vị giải quyết"));
    for (EvaluationIndex i : EvaluationIndex.values()) {
      headers.add(i.label());
    }
    headers.addAll(List.of("Tổng điểm", "Số chỉ số được chấm", "Tổng điểm xếp loại (quy về 9 chỉ số)", "Xếp loại"));
    List<List<Object>> rows = new ArrayList<>();
    for (UnitEvaluation u : e.units()) {
      rows.add(indexRow(u.unitName(), u));
    }
    rows.add(indexRow("Tổng cộng", e.total()));
    return new Table("Đánh giá việc giải quyết thủ tục hành chính (Thông tư 01/2018/TT-VPCP)", "Kỳ đánh giá: "
        + e.label() + (e.petitionData() ? "" : "; chỉ số phản ánh, kiến nghị: không có dữ liệu"), null, headers, rows);
  }

  private static List<Object> indexRow(String unit, UnitEvaluation u) {
    List<Object> row = new ArrayList<>();
    row.add(unit);
    u.indices().forEach(i -> row.add(i.score()));
    row.addAll(Arrays.asList(u.total(), (long) u.scoredIndices(), u.bandTotal(), u.bandName()));
    return row;
  }

  public Table decision766Table(Evaluation e) {
    List<String> headers = new ArrayList<>(List.of("Đơn vị giải quyết"));
    for (Component c : e.total().decision766()) {
      headers.add(c.name() + " (tối đa " + format(c.weight()) + " điểm)");
    }
    headers.addAll(List.of("Tổng điểm các thành phần tính được", "Điểm tối đa của các thành phần tính được"));
    List<List<Object>> rows = new ArrayList<>();
    for (UnitEvaluation u : e.units()) {
      rows.add(componentRow(u.unitName(), u));
    }
    rows.add(componentRow("Tổng cộng", e.total()));
    return new Table("Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)", "Kỳ đánh giá: " + e.label()
        + "; công khai minh bạch và thanh toán trực tuyến không tính được từ dữ liệu của hệ thống", null, headers, rows);
  }

  private static List<Object> componentRow(String unit, UnitEvaluation u) {
    List<Object> row = new ArrayList<>();
    row.add(unit);
    u.decision766().forEach(c -> row.add(c.points()));
    row.add(u.decision766Points());
    row.add(u.decision766MaxPoints());
    return row;
  }

  private static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
