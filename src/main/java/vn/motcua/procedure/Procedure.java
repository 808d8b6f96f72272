package vn.motcua.procedure;

import java.util.List;
import java.util.Map;

/**
 * An administrative procedure (thủ tục hành chính) as declared in its BPMN model's extension properties;
 * the model is the single source of these facts.
 *
 * @param key process definition key
 * @param name Vietnamese name (the process name)
 * @param code national procedure code
 * @param level competent level: PROVINCE or COMMUNE
 * @param competentAgency agency key of the competent agency, or {@value #RECEIVING_UNIT} when the
 *     commune that receives the dossier also resolves it
 * @param statutoryDays statutory deadline in working days; 0 for same-day procedures
 * @param fee fee in VND (0 when free)
 * @param feeNote how the fee applies
 * @param field field (lĩnh vực)
 * @param documents documents the applicant submits (thành phần hồ sơ)
 * @param stageHours working hours allotted to each stage, by stage name
 * @param overdueSettings the model's {@code overdue.*} properties (warning lead, apology lead), by name
 *     without the prefix
 * @param versionTag the model's version tag
 * @param definitionId the deployed process definition
 */
public record Procedure(
    String key,
    String name,
    String code,
    String level,
    String competentAgency,
    int statutoryDays,
    long fee,
    String feeNote,
    String field,
    List<String> documents,
    Map<String, Integer> stageHours,
    Map<String, String> overdueSettings,
    String versionTag,
    String definitionId) {
  public static final String RECEIVING_UNIT = "RECEIVING_UNIT";

  public int stageHoursOf(String stage, int fallback) {
    return stageHours.getOrDefault(stage, fallback);
  }

  /**
   * What is wrong with the procedure's declared facts, in English for the log and the model tests: stage
   * shares that exceed the statutory time, or an overdue lead that is not a working duration.
   */
  public java.util.List<String> problems() {
    java.util.List<String> problems = new java.util.ArrayList<>();
    int total = statutoryDays * 8;
    int sum = stageHours.values().stream().mapToInt(Integer::intValue).sum();
    if (statutoryDays > 0 && sum > total) {
      problems.add("stage shares " + stageHours + " sum to " + sum + " working hours, more than the statutory "
          + statutoryDays + " days (" + total + " h)");
    }
    for (var e : overdueSettings.entrySet()) {
      try {
        vn.motcua.calendar.WorkingDuration.parse(e.getValue(), java.time.Duration.ofHours(8));
      } catch (IllegalArgumentException ex) {
        problems.add("overdue." + e.getKey() + ": " + ex.getMessage());
      }
    }
    return problems;
  }

  /** An {@code overdue.*} setting of the model, e.g. {@code warningBefore}, or {@code null}. */
  public String overdueSetting(String name) {
    return overdueSettings.get(name);
  }
}
