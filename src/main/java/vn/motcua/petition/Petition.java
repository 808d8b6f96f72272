package vn.motcua.petition;

import java.time.Instant;

/**
 * A petition (phản ánh, kiến nghị) on an administrative regulation or procedure, or on an officer's conduct
 * (table {@code petition}). The petitioner's contact details are private: never on a public page.
 */
public record Petition(
    long id,
    String code,
    Channel channel,
    String receivingUnit,
    String handlingUnit,
    Instant forwardedAt,
    String dossierCode,
    Category category,
    PetitionStatus status,
    Long duplicateOf,
    String petitionerName,
    String petitionerPhone,
    String petitionerEmail,
    String petitionerAddress,
    String subject,
    String content,
    String answerText,
    String publishedText,
    Instant receivedAt,
    String receivedBy,
    Instant answerDueAt,
    Instant answeredAt,
    Boolean answeredOnTime,
    Instant publishedAt,
    Instant archivedAt,
    String processInstanceId) {

  /** How it reached the agency. */
  public enum Channel {
    ONLINE("Trực tuyến"), COUNTER("Trực tiếp tại Bộ phận Một cửa"), HOTLINE("Đường dây nóng");

    private final String label;

    Channel(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** What it is about (Decree 20/2008: regulations; the one-stop rules: officers' conduct). */
  public enum Category {
    REGULATION("Về quy định, thủ tục hành chính"),
    CONDUCT("Về hành vi, thái độ của cán bộ, công chức"),
    OUT_OF_SCOPE("Không thuộc phạm vi tiếp nhận");

    private final String label;

    Category(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
