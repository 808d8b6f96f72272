package vn.motcua.petition;

/** Where a petition stands, as the petitioner and officers read it. */
public enum PetitionStatus {
  RECEIVED("Đã tiếp nhận, đang vào sổ và phân loại", false),
  IN_PROGRESS("Đang xử lý tại cơ quan có thẩm quyền", false),
  AWAITING_CLARIFICATION("Đang chờ người phản ánh làm rõ nội dung", false),
  AWAITING_DECISION("Đang chờ lãnh đạo quyết định", false),
  ANSWERED("Đã trả lời", true),
  PUBLISHED("Đã trả lời và công khai", true),
  ARCHIVED("Đã trả lời, công khai và lưu trữ", true),
  OUT_OF_SCOPE("Không thuộc phạm vi tiếp nhận, đã trả lời", true),
  DUPLICATE("Trùng với phản ánh, kiến nghị đang xử lý, đã gộp", true);

  private final String label;
  private final boolean closed;

  PetitionStatus(String label, boolean closed) {
    this.label = label;
    this.closed = closed;
  }

  public String label() {
    return label;
  }

  public boolean closed() {
    return closed;
  }
}
