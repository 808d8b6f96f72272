package vn.motcua.print;

import java.util.Arrays;
import java.util.Optional;

/** The printable forms of Circular 01/2018/TT-VPCP, numbered as in the circular. */
public enum PrintForm {
  RECEIPT("01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", false),
  SUPPLEMENT_REQUEST("02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", false),
  REFUSAL("03", "Phiếu từ chối tiếp nhận, giải quyết hồ sơ", false),
  APOLOGY("04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả", false),
  CONTROL_SLIP("05", "Phiếu kiểm soát quá trình giải quyết hồ sơ", false),
  LEDGER("06", "Sổ theo dõi hồ sơ", true);

  private final String number;
  private final String title;
  private final boolean a4;

  PrintForm(String number, String title, boolean a4) {
    this.number = number;
    this.title = title;
    this.a4 = a4;
  }

  public String number() {
    return number;
  }

  public String title() {
    return title;
  }

  /** A4 (the ledger) or A5 (every slip). */
  public boolean a4() {
    return a4;
  }

  /** The template's name: {@code form-01} … {@code form-06}. */
  public String template() {
    return "form-" + number;
  }

  public static Optional<PrintForm> ofNumber(String number) {
    return Arrays.stream(values()).filter(f -> f.number.equals(number)).findFirst();
  }
}
