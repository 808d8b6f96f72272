package vn.motcua.procedure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import vn.motcua.calendar.WorkingDuration;

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
 * @param forms the forms officers fill in for this procedure, with the task that uses each, from the
 *     model and the shared blocks it calls
 * @param stageHours working hours allotted to each stage, by stage name
 * @param stageOrder the order of the stages ({@code procedure.stages}, e.g. {@code verification,
 *     appraisal, approval}); stages in one group run in parallel ({@code residence|insurance})
 * @param overdueSettings the model's {@code overdue.*} properties (warning lead, apology lead), by name
 *     without the prefix
 * @param versionTag the model's version tag
 * @param definitionId the deployed process definition
 * @param electronicPackage whether the procedure is an electronic inter-agency package
 *     ({@code procedure.electronicPackage}; Decree 63/2024): one received in the last working hour before
 *     closing counts from the next working day
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
    List<FormUse> forms,
    Map<String, Integer> stageHours,
    List<List<String>> stageOrder,
    Map<String, String> overdueSettings,
    String versionTag,
    String definitionId,
    boolean electronicPackage) {
  public static final String RECEIVING_UNIT = "RECEIVING_UNIT";

  /** A procedure that is not an electronic package. */
  public Procedure(String key, String name, String code, String level, String competentAgency, int statutoryDays,
      long fee, String feeNote, String field, List<String> documents, List<FormUse> forms,
      Map<String, Integer> stageHours, List<List<String>> stageOrder, Map<String, String> overdueSettings,
      String versionTag, String definitionId) {
    this(key, name, code, level, competentAgency, statutoryDays, fee, feeNote, field, documents, forms, stageHours,
        stageOrder, overdueSettings, versionTag, definitionId, false);
  }

  /** A form (Camunda Form id, file {@code forms/<id without "form-">.form}) and the task that uses it. */
  public record FormUse(String formId, String task) {}

  public int stageHoursOf(String stage, int fallback) {
    return stageHours.getOrDefault(stage, fallback);
  }

  /** The default order: appraisal, then approval. */
  public static final List<List<String>> DEFAULT_STAGES = List.of(List.of("appraisal"), List.of("approval"));

  /** Parses {@code procedure.stages}: stages separated by commas, parallel ones by {@code |}. */
  public static List<List<String>> parseStages(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_STAGES;
    }
    List<List<String>> groups = new ArrayList<>();
    for (String group : text.split(",")) {
      List<String> names = Arrays.stream(group.split("\\|")).map(String::strip).filter(n -> !n.isEmpty()).toList();
      if (!names.isEmpty()) {
        groups.add(names);
      }
    }
    return List.copyOf(groups);
  }

  /** The working hours of a stage: declared, or 60% (appraisal) and 25% (approval) of the statutory time. */
  public int hoursOf(String stage) {
    int total = statutoryDays * 8;
    return switch (stage) {
      case "appraisal" -> stageHoursOf(stage, total * 60 / 100);
      case "approval" -> stageHoursOf(stage, total * 25 / 100);
      default -> stageHoursOf(stage, 0);
    };
  }

  /**
   * What is wrong with the procedure's declared facts, in English for the log and the model tests: stage
   * shares that exceed the statutory time, or an overdue lead that is not a working duration.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (statutoryDays < 0) {
      problems.add("procedure.statutoryDays is " + statutoryDays + ": the statutory time cannot be negative");
      return problems;
    }
    int total = statutoryDays * 8;
    int sum = stageHoursSum();
    for (List<String> group : stageOrder) {
      for (String stage : group) {
        if (statutoryDays > 0 && !stage.equals("appraisal") && !stage.equals("approval") && !stageHours.containsKey(stage)) {
          problems.add("stage " + stage + " has no share: declare stage." + stage + "Hours");
        }
      }
    }
    for (String declared : stageHours.keySet()) {
      if (stageOrder.stream().noneMatch(g -> g.contains(declared))) {
        problems.add("stage." + declared + "Hours is not in procedure.stages " + stageOrder);
      }
    }
    if (statutoryDays > 0 && sum > total) {
      problems.add("stage shares " + stageHours + " in the order " + stageOrder + " sum to " + sum
          + " working hours, more than the statutory " + statutoryDays + " days (" + total + " h)");
    }
    for (var e : overdueSettings.entrySet()) {
      try {
        WorkingDuration.parse(e.getValue(), Duration.ofHours(8));
      } catch (IllegalArgumentException ex) {
        problems.add("overdue." + e.getKey() + ": " + ex.getMessage());
      }
    }
    return problems;
  }

  /** The working hours the stages take in their order: the longest of each parallel group, summed. */
  public int stageHoursSum() {
    int sum = 0;
    for (List<String> group : stageOrder) {
      int longest = 0;
      for (String stage : group) {
        longest = Math.max(longest, hoursOf(stage));
      }
      sum += longest;
    }
    return sum;
  }

  /** An {@code overdue.*} setting of the model, e.g. {@code warningBefore}, or {@code null}. */
  public String overdueSetting(String name) {
    return overdueSettings.get(name);
  }
}
