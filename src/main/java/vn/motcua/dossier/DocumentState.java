package vn.motcua.dossier;

/** State of one document (thành phần hồ sơ) of a dossier. */
public enum DocumentState {
  RECEIVED("Đã nhận"),
  MISSING("Còn thiếu"),
  INVALID("Chưa hợp lệ"),
  SUPPLEMENTED("Đã bổ sung");

  private final String label;

  DocumentState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
