package vn.motcua.report;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the evaluation indices (Circular 01/2018/TT-VPCP Art. 13–15, Decision 766/QĐ-TTg),
 * prefix {@code motcua.reports.evaluation}; docs/reports.md, "Evaluation indices". The values the texts do
 * not give (marked [U] there) are the project's reading and can be changed here.
 *
 * @param citizenSteps control-log steps at which the citizen deals with a unit in person (besides the
 *     reception): a unit of such a step other than the receiving one is one more agency contacted [U]
 * @param agenciesFull at most this many agencies contacted scores 2 [U]
 * @param agenciesPartial at most this many scores 1, more scores 0 [U]
 * @param onlineProcedureShare percent of the agency's procedures with online dossiers needed (Circular: 20)
 * @param onlineDossierShare percent of the agency's new dossiers received online needed (Circular: 30)
 * @param petitionPartialRate percent of petitions answered on time that scores 1 (100 % scores 2; Circular: 90)
 * @param scaleMissing when an index has no data (not scored), the band is judged on the total scaled to the
 *     nine indices (total × 9 ÷ indices scored) [U]; false: on the plain total
 * @param weights Decision 766's points per component
 */
@ConfigurationProperties("motcua.reports.evaluation")
public record EvaluationProperties(
    @DefaultValue({"Task_ReturnResult", "Task_RecordReturn"}) List<String> citizenSteps,
    @DefaultValue("1") int agenciesFull,
    @DefaultValue("2") int agenciesPartial,
    @DefaultValue("20") double onlineProcedureShare,
    @DefaultValue("30") double onlineDossierShare,
    @DefaultValue("90") double petitionPartialRate,
    @DefaultValue("true") boolean scaleMissing,
    @DefaultValue Weights weights) {

  /**
   * Decision 766's points (100 in all): transparency 18 and progress 20 are the decision's; the others are
   * the project's reading [U].
   *
   * @param transparency công khai, minh bạch (not computed: the data are on the national portal)
   * @param progress tiến độ, kết quả giải quyết: on-time rate × points
   * @param onlineServices cung cấp dịch vụ trực tuyến: online share × points [U weight]
   * @param onlinePayment thanh toán trực tuyến (not computed: no payment records) [U weight]
   * @param digitisation số hóa hồ sơ: digitised share × points [U weight]
   * @param satisfaction mức độ hài lòng: satisfied share × points [U weight]
   */
  public record Weights(
      @DefaultValue("18") double transparency,
      @DefaultValue("20") double progress,
      @DefaultValue("22") double onlineServices,
      @DefaultValue("10") double onlinePayment,
      @DefaultValue("12") double digitisation,
      @DefaultValue("18") double satisfaction) {}

  /** The defaults (as in application.yml), for tests and plain use. */
  public static EvaluationProperties defaults() {
    return new EvaluationProperties(List.of("Task_ReturnResult", "Task_RecordReturn"), 1, 2, 20, 30, 90, true,
        new Weights(18, 20, 22, 10, 12, 18));
  }
}
