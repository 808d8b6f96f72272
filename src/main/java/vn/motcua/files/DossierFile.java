package vn.motcua.files;

import java.time.Instant;

/**
 * A file of a dossier: what the citizen called it, what it really is, its size and checksum, and who
 * uploaded it when. {@code purpose} tells the submission from a supplement.
 */
public record DossierFile(long id, long dossierId, Purpose purpose, String originalName, String contentType,
    long size, String sha256, String storageKey, Instant uploadedAt, String uploadedBy) {

  public enum Purpose {
    SUBMISSION("Nộp trực tuyến"),
    SUPPLEMENT("Bổ sung hồ sơ");

    private final String label;

    Purpose(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
