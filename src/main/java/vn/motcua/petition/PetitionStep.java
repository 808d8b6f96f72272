package vn.motcua.petition;

import java.util.Optional;

/**
 * The steps of a petition that a unit holds, each with its own deadline in working days
 * ({@code motcua.petition.days.<STEP>}, docs/petitions.md). A step that ends after its deadline is late,
 * charged to the unit that held it.
 */
public enum PetitionStep {
  /** Log, classify and, when the receiving agency is not competent, forward: 5 working days (Decree 20/2008). */
  CLASSIFY("Vào sổ, phân loại và chuyển phản ánh, kiến nghị", 5),
  /** Study against necessity, legality, simplicity, feasibility and consistency, propose the answer. */
  PROCESS("Nghiên cứu, xử lý phản ánh, kiến nghị", 10),
  /** The leader decides the answer. */
  DECIDE("Quyết định xử lý phản ánh, kiến nghị", 3),
  /** How long the petitioner has to clarify, when asked; the petitioner's time, not an agency's. */
  CLARIFY("Chờ người phản ánh làm rõ nội dung", 10);

  private final String label;
  private final int defaultDays;

  PetitionStep(String label, int defaultDays) {
    this.label = label;
    this.defaultDays = defaultDays;
  }

  public String label() {
    return label;
  }

  public int defaultDays() {
    return defaultDays;
  }

  /** The step of a user task of the petition process ({@code Task_Classify} → CLASSIFY). */
  public static Optional<PetitionStep> ofTask(String taskDefinitionKey) {
    return switch (taskDefinitionKey == null ? "" : taskDefinitionKey) {
      case "Task_Classify" -> Optional.of(CLASSIFY);
      case "Task_Process" -> Optional.of(PROCESS);
      case "Task_Decide" -> Optional.of(DECIDE);
      default -> Optional.empty();
    };
  }
}
