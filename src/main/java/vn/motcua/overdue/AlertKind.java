package vn.motcua.overdue;

/** What a stage timer raises. */
public enum AlertKind {
  /** The stage deadline is near: the officer and the unit leader are reminded. */
  WARNING("Cảnh báo sắp đến hạn"),
  /** The stage deadline passed: the leader and the supervisors are told, the stage is marked late. */
  OVERDUE("Quá hạn"),
  /** The dossier will miss its appointment: the responsible unit apologises and sets a new date. */
  APOLOGY("Xin lỗi và hẹn lại ngày trả kết quả");

  private final String label;

  AlertKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
