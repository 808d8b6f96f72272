package vn.motcua.report;

import java.util.Arrays;
import java.util.Optional;

/**
 * The nine indices of Circular 01/2018/TT-VPCP (Art. 13–15), each scored 2, 1 or 0. Seven are scored per
 * dossier resolved in the period by one SQL expression on the dossier {@code d} (the same expression gives the
 * average and, in the drill-down, the dossiers behind each score); two are scored per agency and period
 * (petitions, online). Formulas and what is the project's reading [U]: docs/reports.md, "Evaluation indices".
 *
 * <p>Parameters of the expressions: {@code :published} and {@code :publishedPartly} (procedure keys),
 * {@code :oneStopUnits} (agencies with a One-Stop Division), {@code :citizenSteps}, {@code :agenciesFull},
 * {@code :agenciesPartial} ({@link EvaluationProperties}).
 */
public enum EvaluationIndex {
  /** Total time against the statutory time: early 2, on time 1, late 0 (the decision's class). */
  TOTAL_TIME("totalTime", "Tổng thời gian giải quyết so với quy định", Sql.TOTAL_TIME),
  /**
   * Each agency's time against its share (form 05's rows, docs/stage-clocks.md): a unit charged with a delay or
   * a late row 0; every row early 2; otherwise 1. A dossier with no judged row: its total time.
   */
  AGENCY_TIME("agencyTime", "Thời gian thực hiện của từng cơ quan, đơn vị",
      "CASE WHEN d.resolution_class IS NULL THEN NULL"
          + " WHEN EXISTS (SELECT 1 FROM dossier_responsible_unit r WHERE r.dossier_id = d.id)"
          + " OR EXISTS (SELECT 1 FROM dossier_control_log l WHERE l.dossier_id = d.id AND l.result_class = 'LATE')"
          + " THEN 0"
          + " WHEN EXISTS (SELECT 1 FROM dossier_control_log l WHERE l.dossier_id = d.id AND l.result_class = 'ON_TIME')"
          + " THEN 1"
          + " WHEN EXISTS (SELECT 1 FROM dossier_control_log l WHERE l.dossier_id = d.id AND l.result_class = 'EARLY')"
          + " THEN 2"
          + " ELSE " + Sql.TOTAL_TIME + " END"),
  /** Times the citizen had to come back to complete the dossier (supplements asked): 0 → 2, 1 → 1, more → 0. */
  CONTACTS("contacts", "Số lần phải liên hệ để hoàn thiện hồ sơ",
      "CASE WHEN d.supplement_count <= 0 THEN 2 WHEN d.supplement_count = 1 THEN 1 ELSE 0 END"),
  /** Agencies the citizen dealt with: the receiving one and the units of the citizen's steps [U thresholds]. */
  AGENCIES("agencies", "Số cơ quan, đơn vị phải liên hệ",
      "CASE WHEN " + Sql.AGENCIES + " <= :agenciesFull THEN 2 WHEN " + Sql.AGENCIES + " <= :agenciesPartial THEN 1"
          + " ELSE 0 END"),
  /**
   * One-stop mechanism: received at a One-Stop Division and the result returned through it 2; received there,
   * result not (yet) returned through it 1 [U]; received elsewhere 0.
   */
  ONE_STOP("oneStop", "Thực hiện theo cơ chế một cửa, một cửa liên thông",
      "CASE WHEN d.receiving_unit NOT IN (:oneStopUnits) THEN 0 WHEN d.status = 10 THEN 2 ELSE 1 END"),
  /**
   * Publication of the procedure: in the public catalogue with its code, documents and time 2; in it with
   * something missing 1; not published 0 (judged on today's catalogue) [U].
   */
  PUBLICATION("publication", "Công khai thủ tục hành chính",
      "CASE WHEN d.procedure_key IN (:published) THEN 2 WHEN d.procedure_key IN (:publishedPartly) THEN 1 ELSE 0 END"),
  /** Staff attitude from the citizen's rating (1–3): satisfied 2, acceptable 1, not satisfied 0; unrated: not scored. */
  ATTITUDE("attitude", "Thái độ ứng xử của cán bộ", "CASE d.rating WHEN 3 THEN 2 WHEN 2 THEN 1 WHEN 1 THEN 0 END"),
  /** Petitions answered on time per agency: 100 % → 2, at least 90 % → 1, less → 0; none or no data: not scored. */
  PETITIONS("petitions", "Tiếp nhận, xử lý phản ánh, kiến nghị đúng hạn", null),
  /**
   * Online per agency: at least 20 % of its procedures and 30 % of its new dossiers online, none of the online
   * ones late → 2; at least one of the shares reached → 1 [U]; else 0.
   */
  ONLINE("online", "Tiếp nhận, giải quyết hồ sơ trực tuyến", null);

  private final String key;
  private final String label;
  private final String score;

  EvaluationIndex(String key, String label, String score) {
    this.key = key;
    this.label = label;
    this.score = score;
  }

  public String key() {
    return key;
  }

  /** The Vietnamese name, as on the supervisors' page and in the export. */
  public String label() {
    return label;
  }

  /** The per-dossier score expression (2, 1, 0 or NULL: not scored); {@code null} for the agency indices. */
  String score() {
    return score;
  }

  public boolean perDossier() {
    return score != null;
  }

  public static Optional<EvaluationIndex> ofKey(String key) {
    return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
  }

  static final class Sql {
    static final String TOTAL_TIME =
        "CASE d.resolution_class WHEN 'EARLY' THEN 2 WHEN 'ON_TIME' THEN 1 WHEN 'LATE' THEN 0 END";
    /** The receiving unit plus each other unit of the citizen's steps in the control log. */
    static final String AGENCIES = "(1 + (SELECT COUNT(DISTINCT l.to_unit) FROM dossier_control_log l"
        + " WHERE l.dossier_id = d.id AND l.step_key IN (:citizenSteps) AND l.to_unit <> d.receiving_unit))";
    /** The dossiers evaluated: resolved in the period (a decision made), never those refused at reception. */
    static final String EVALUATED = "d.status <> 3 AND d.resolved_at >= :from AND d.resolved_at < :to";
    /** The agency's new dossiers of the period (the online index, digitisation). */
    static final String NEW = "d.status <> 3 AND d.received_at >= :from AND d.received_at < :to";

    private Sql() {}
  }
}
