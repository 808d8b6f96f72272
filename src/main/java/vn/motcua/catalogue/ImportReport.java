package vn.motcua.catalogue;

import java.util.List;

/**
 * What an import did, row by row. Each row is imported on its own and completely (its model deployed and
 * recorded in one transaction) or not at all; the report says which and why.
 *
 * @param source where the file came from (configured file, admin upload)
 * @param rows one line per row of the file, in file order
 */
public record ImportReport(String source, List<Row> rows) {
  /** The outcome of one row. */
  public enum Outcome {
    /** Generated and deployed for the first time (version 1). */
    DEPLOYED,
    /** The row changed: a new version was deployed. */
    NEW_VERSION,
    /** Nothing changed: no new deployment. */
    UNCHANGED,
    /** The latest version was refined in Modeler after generation: kept, not overwritten. */
    REFINED_KEPT,
    /** A hand-made model of processes/ serves this code: the catalogue row is not generated. */
    HAND_MADE,
    /** The row has problems (or the engine's deployment check refused its model): nothing imported. */
    REFUSED
  }

  /**
   * @param line row number in the file (1-based)
   * @param message what happened, in Vietnamese
   * @param problems why the row was refused, in Vietnamese
   */
  public record Row(int line, String code, String name, String processKey, Outcome outcome, Integer version,
      String message, List<String> problems) {}

  public long count(Outcome outcome) {
    return rows.stream().filter(r -> r.outcome() == outcome).count();
  }

  /** One line for the log and the admin: how many rows did what. */
  public String summary() {
    StringBuilder sb = new StringBuilder(rows.size() + " dòng");
    for (Outcome o : Outcome.values()) {
      long n = count(o);
      if (n > 0) {
        sb.append(", ").append(o).append(' ').append(n);
      }
    }
    return sb.toString();
  }
}
