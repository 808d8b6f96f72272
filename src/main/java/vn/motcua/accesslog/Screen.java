package vn.motcua.accesslog;

/** The screens through which an officer reads a dossier's personal data, with the names citizens read. */
public enum Screen {
  DOSSIER_VIEW("Xem chi tiết hồ sơ"),
  FILE_LIST("Xem danh sách tệp của hồ sơ"),
  FILE("Mở tệp của hồ sơ"),
  PRINTED_FORM("In phiếu của hồ sơ"),
  EXPORT("Xuất danh sách hồ sơ"),
  /** A dossier task's variables read through Camunda's REST APIs: the task form in Tasklist ({@link TaskReadLogFilter}). */
  TASK_FORM("Xem hồ sơ trong biểu mẫu công việc (Tasklist)"),
  /** The digitisation of the dossier's documents, with the origin of reused scans. */
  DIGITISATION("Xem tình trạng số hóa giấy tờ của hồ sơ"),
  /** The officers' dossier search: each dossier in the answer (its rows show the applicant's name and ID number). */
  SEARCH("Tìm kiếm hồ sơ (hồ sơ có trong kết quả)"),
  /**
   * Variables of the dossier's processes read through Camunda's variable queries (Cockpit's variables tab,
   * {@code /engine-rest}): {@link VariableReadLogFilter}.
   */
  ENGINE_VARIABLES("Xem biến quy trình của hồ sơ (Cockpit, engine-rest)");

  private final String label;

  Screen(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
