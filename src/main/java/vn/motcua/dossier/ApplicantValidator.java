package vn.motcua.dossier;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vn.motcua.web.TextInput;

/**
 * Validates and normalises applicant data: names NFC-normalised and made of letters, spaces and
 * ordinary punctuation; citizen ID of 12 digits (căn cước) or an organisation's 10/13-digit code;
 * Vietnamese phone numbers (mobile 0[35789]xxxxxxxx or landline 02xxxxxxxxx); e-mail optional.
 */
public final class ApplicantValidator {
  /** Starts with a letter; then letters (with their marks), spaces, dots, apostrophes and hyphens. */
  private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M} .'-]{1,198}");
  private static final Pattern ID = Pattern.compile("\\d{12}|\\d{10}|\\d{10}-\\d{3}");
  private static final Pattern PHONE = Pattern.compile("0(?:[35789]\\d{8}|2\\d{9})");
  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");

  private ApplicantValidator() {}

  /** Normalises text: NFC, trimmed, inner whitespace collapsed; null stays null. */
  public static String clean(String value) {
    return TextInput.oneLine(value);
  }

  /**
   * True when the text carries control, format (zero-width, bidi), private-use or unassigned characters, a
   * lone surrogate, or combining marks that follow no letter ({@link TextInput#badOneLine}).
   */
  public static boolean hasInvisibleCharacters(String value) {
    return TextInput.badOneLine(value);
  }

  /**
   * Returns the normalised applicant, or the field messages (key {@code applicant.<field>}) when
   * something is wrong. Phone numbers may be written with spaces, dots or a +84 prefix.
   */
  public static Result validate(Applicant a) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (a == null) {
      errors.put("applicant", "Thiếu thông tin người nộp hồ sơ.");
      return new Result(null, errors);
    }
    String name = clean(a.name());
    if (name == null) {
      errors.put("applicant.name", "Họ tên người nộp là bắt buộc.");
    } else if (hasInvisibleCharacters(a.name()) || !NAME.matcher(name).matches()) {
      errors.put("applicant.name", "Họ tên chỉ gồm chữ cái (có dấu), khoảng trắng và dấu gạch nối, tối đa 200 ký tự.");
    }
    String id = a.idNumber() == null ? null : a.idNumber().replaceAll("\\s", "");
    if (id == null || id.isEmpty()) {
      errors.put("applicant.idNumber", "Số định danh cá nhân (căn cước) là bắt buộc.");
    } else if (!ID.matcher(id).matches()) {
      errors.put("applicant.idNumber", "Số định danh cá nhân phải gồm đúng 12 chữ số (hoặc mã số doanh nghiệp 10 hay 13 số).");
    }
    String phone = a.phone() == null ? null : a.phone().replaceAll("[\\s.()-]", "");
    if (phone != null && phone.startsWith("+84")) {
      phone = "0" + phone.substring(3);
    }
    if (phone == null || phone.isEmpty()) {
      errors.put("applicant.phone", "Số điện thoại là bắt buộc.");
    } else if (!PHONE.matcher(phone).matches()) {
      errors.put("applicant.phone", "Số điện thoại không hợp lệ (ví dụ 0912345678 hoặc 02073822222).");
    }
    String email = clean(a.email());
    if (email != null && !EMAIL.matcher(email).matches()) {
      errors.put("applicant.email", "Địa chỉ thư điện tử không hợp lệ.");
    }
    String address = clean(a.address());
    if (address == null) {
      errors.put("applicant.address", "Địa chỉ là bắt buộc.");
    } else if (hasInvisibleCharacters(a.address()) || address.length() > 500) {
      errors.put("applicant.address", "Địa chỉ chứa ký tự không hợp lệ hoặc dài quá 500 ký tự.");
    }
    String representative = clean(a.representative());
    if (representative != null && (hasInvisibleCharacters(a.representative()) || !NAME.matcher(representative).matches())) {
      errors.put("applicant.representative", "Họ tên người được ủy quyền không hợp lệ.");
    }
    if (!errors.isEmpty()) {
      return new Result(null, errors);
    }
    return new Result(new Applicant(name, id, phone, email == null ? null : email.toLowerCase(Locale.ROOT),
        address, representative), errors);
  }

  public record Result(Applicant applicant, Map<String, String> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }
}
