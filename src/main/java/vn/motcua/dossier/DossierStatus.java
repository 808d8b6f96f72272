package vn.motcua.dossier;

import java.util.Arrays;

/**
 * Status of a dossier, with the codes reported to the national public-service portal (1–10).
 * Source: the portal's synchronisation codes as seen in other systems (see docs/architecture.md).
 */
public enum DossierStatus {
  NEW(1, "Mới tiếp nhận"),
  ACCEPTED(2, "Đã tiếp nhận"),
  NOT_ACCEPTED(3, "Từ chối tiếp nhận"),
  IN_PROGRESS(4, "Đang giải quyết"),
  SUPPLEMENT_REQUESTED(5, "Yêu cầu bổ sung"),
  AWAITING_FINANCIAL_OBLIGATIONS(6, "Chờ thực hiện nghĩa vụ tài chính"),
  WITHDRAWN(7, "Công dân rút hồ sơ"),
  STOPPED(8, "Dừng giải quyết"),
  RESOLVED(9, "Đã giải quyết"),
  RETURNED(10, "Đã trả kết quả");

  private final int code;
  private final String label;

  DossierStatus(int code, String label) {
    this.code = code;
    this.label = label;
  }

  public int code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static DossierStatus ofCode(int code) {
    return Arrays.stream(values())
        .filter(s -> s.code == code)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown dossier status " + code));
  }

  /** A decision has been made or the dossier has left processing: it can no longer be withdrawn. */
  public boolean isFinal() {
    return this == NOT_ACCEPTED || this == WITHDRAWN || this == STOPPED || this == RESOLVED || this == RETURNED;
  }
}
