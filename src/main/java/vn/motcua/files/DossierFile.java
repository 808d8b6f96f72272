package vn.motcua.files;

import java.time.Instant;

/**
 * A file of a dossier: what the citizen called it, what it really is, its size and checksum, and who
 * uploaded it when. {@code purpose} tells the submission from a supplement, a scan made at reception
 * and the signed result.
 *
 * @param documentPosition for a scan: the position of the document (thành phần hồ sơ) it digitises
 * @param documentName for a scan: that document's name, which a later dossier of the same applicant matches
 * @param originFileId for a scan reused from an earlier dossier: the file it was copied from
 * @param originDossierCode for a reused scan: the code of the dossier where it was digitised
 * @param signedBy for a signed result: the subject of the signing certificate
 */
public record DossierFile(long id, long dossierId, Purpose purpose, String originalName, String contentType,
    long size, String sha256, String storageKey, Instant uploadedAt, String uploadedBy, Integer documentPosition,
    String documentName, Long originFileId, String originDossierCode, String signedBy) {

  public DossierFile(long id, long dossierId, Purpose purpose, String originalName, String contentType, long size,
      String sha256, String storageKey, Instant uploadedAt, String uploadedBy) {
    this(id, dossierId, purpose, originalName, contentType, size, sha256, storageKey, uploadedAt, uploadedBy, null,
        null, null, null, null);
  }

  /** Whether this scan was reused from an earlier dossier rather than scanned for this one. */
  public boolean reused() {
    return originFileId != null;
  }

  public enum Purpose {
    SUBMISSION("Nộp trực tuyến"),
    SUPPLEMENT("Bổ sung hồ sơ"),
    SCAN("Số hóa tại Bộ phận Một cửa"),
    RESULT("Kết quả giải quyết (đã ký số)");

    private final String label;

    Purpose(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
