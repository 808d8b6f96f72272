package vn.motcua.dossier;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a result or an apology letter reaches the applicant: the codes of the task forms
 * ({@code deliveryMethod} of the return task, {@code apologyDeliveryMethod} of the apology-delivery
 * task) and their Vietnamese wording, one place for the dossier's timeline, the printed ledger (form 06)
 * and the apology letters.
 */
public enum DeliveryMethod {
  COUNTER(true, "Trực tiếp tại Bộ phận Một cửa", "trực tiếp tại Bộ phận Một cửa"),
  POST(true, "Dịch vụ bưu chính", "qua dịch vụ bưu chính"),
  ONLINE(true, "Trực tuyến", "qua cổng dịch vụ công"),
  EMAIL(false, "Thư điện tử", "qua thư điện tử"),
  SMS(false, "Tin nhắn", "qua tin nhắn"),
  PHONE(false, "Điện thoại", "qua điện thoại");

  /** The codes a result may be returned by (the return task's choices). */
  public static final Set<String> FOR_RESULTS = Arrays.stream(values()).filter(m -> m.forResults)
      .map(Enum::name).collect(Collectors.toUnmodifiableSet());
  /** Every code, the apology-delivery task's choices. */
  public static final Set<String> ALL = Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

  private final boolean forResults;
  private final String label;
  private final String phrase;

  DeliveryMethod(boolean forResults, String label, String phrase) {
    this.forResults = forResults;
    this.label = label;
    this.phrase = phrase;
  }

  public static Optional<DeliveryMethod> of(String code) {
    return Arrays.stream(values()).filter(m -> m.name().equals(code)).findFirst();
  }

  /** As a table cell, "Dịch vụ bưu chính"; empty when unset, the code itself when unknown. */
  public static String label(String code) {
    return code == null ? "" : of(code).map(m -> m.label).orElse(code);
  }

  /** How a letter was sent, inside a sentence: "qua dịch vụ bưu chính"; the code itself when unknown. */
  public static String phrase(String code) {
    return code == null ? "chưa ghi hình thức" : of(code).map(m -> m.phrase).orElse(code);
  }

  /** How a result was returned, inside a sentence; a result returned online is an electronic result. */
  public static String resultPhrase(String code) {
    return ONLINE.name().equals(code) ? "kết quả điện tử" : phrase(code);
  }
}
