package vn.motcua.accesslog;

/** The screens through which an officer reads a dossier's personal data, with the names citizens read. */
public enum Screen {
  DOSSIER_VIEW("Xem chi tiết hồ sơ"),
  FILE_LIST("Xem danh sách tệp của hồ sơ"),
  FILE("Mở tệp của hồ sơ"),
  PRINTED_FORM("In phiếu của hồ sơ"),
  EXPORT("Xuất danh sách hồ sơ"),
  /** A dossier task's variables read through Camunda's REST APIs: the task form in Tasklist ({@link TaskReadLogFilter}). */
  TASK_FORM("Xem hồ sơ trong biểu mẫu công việc (Tasklist)");

  private final String label;

  Screen(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
