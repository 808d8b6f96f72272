package vn.motcua.organisation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The roles inside an agency that the one-stop work needs. Each (agency, role) pair is one Camunda
 * group named {@code <agencyKey>.<role id>}, for example {@code tq-stp.specialist}.
 */
public enum Role {
  /** One-stop reception officer (cán bộ tiếp nhận và trả kết quả, Bộ phận Một cửa). */
  RECEPTION("reception", "Tiếp nhận và trả kết quả"),
  /** Specialist who appraises dossiers (chuyên viên thụ lý). */
  SPECIALIST("specialist", "Chuyên viên thụ lý"),
  /** Unit leader who approves and signs (lãnh đạo). */
  LEADER("leader", "Lãnh đạo"),
  /**
   * Head of the agency (thủ trưởng cơ quan: giám đốc sở, chủ tịch UBND, trưởng phòng...), who signs what the
   * law reserves to the head, such as the apology letter with a new appointment date (form 04).
   */
  HEAD("head", "Thủ trưởng cơ quan"),
  /**
   * A deputy head authorised to sign for the head (ký thay, "KT. Thủ trưởng"): membership of this group is the
   * authorisation, given explicitly per person; a deputy who is not in it does not sign.
   */
  DEPUTY_HEAD("deputyhead", "Cấp phó được ủy quyền ký thay thủ trưởng"),
  /** Supervisor who watches deadlines and reports (giám sát). */
  SUPERVISOR("supervisor", "Giám sát"),
  /** Process administrator who changes and deploys procedures (quản trị quy trình). */
  PROCESS_ADMIN("processadmin", "Quản trị quy trình");

  private final String id;
  private final String label;

  Role(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The suffix of the Camunda group id. */
  @JsonValue
  public String id() {
    return id;
  }

  /** Vietnamese label shown to officers. */
  public String label() {
    return label;
  }

  @JsonCreator
  static Role ofId(String id) {
    return fromId(id).orElseThrow(() -> new IllegalArgumentException("Unknown role '" + id + "'"));
  }

  public static Optional<Role> fromId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }

  /** The Camunda group id of this role in the given agency. */
  public String groupOf(String agencyKey) {
    return agencyKey + "." + id;
  }
}
