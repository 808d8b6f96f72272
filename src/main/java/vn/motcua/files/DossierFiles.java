package vn.motcua.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.ApplicantValidator;
import vn.motcua.web.ApiException;

/**
 * The files of dossiers: checks what a citizen uploads (count, size, real type, name), writes it to the
 * {@link FileStore} before the database transaction, records it with the dossier inside it, and reads it
 * back for officers with its checksum verified.
 *
 * <p>The order matters: bytes are staged first ({@link #stage}); the caller records them in its
 * transaction ({@link #attach}) and, if that transaction fails, removes them ({@link #discard}). A row
 * therefore never names a missing file.
 */
@Service
public class DossierFiles {
  private static final Logger log = LoggerFactory.getLogger(DossierFiles.class);

  private final FileStore store;
  private final DossierFileRepository repository;
  private final FileProperties properties;

  public DossierFiles(FileStore store, DossierFileRepository repository, FileProperties properties) {
    this.store = store;
    this.repository = repository;
    this.properties = properties;
  }

  /** An uploaded file as received: the name the client gave, its size and a way to read it. */
  public record Upload(String name, long size, Content content) {
    @FunctionalInterface
    public interface Content {
      InputStream open() throws IOException;
    }

    public static Upload of(String name, byte[] bytes) {
      return new Upload(name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }
  }

  /** An upload that passed the checks: its cleaned name and its real kind. */
  public record Checked(String name, FileKind kind, Upload upload) {}

  /** A checked upload written to the store, not yet recorded with a dossier. */
  public record Staged(String name, FileKind kind, StoredFile stored) {}

  /**
   * Checks the uploads; each problem goes into {@code errors} under {@code field[i]} in Vietnamese.
   *
   * @param required whether at least one file is needed
   */
  public List<Checked> check(List<Upload> uploads, String field, boolean required, Map<String, String> errors) {
    List<Upload> files = uploads == null ? List.of() : uploads.stream().filter(u -> u != null).toList();
    if (files.isEmpty()) {
      if (required) {
        errors.put(field, "Cần đính kèm ít nhất một tệp (PDF, JPG hoặc PNG).");
      }
      return List.of();
    }
    if (files.size() > properties.maxFiles()) {
      errors.put(field, "Tối đa " + properties.maxFiles() + " tệp mỗi lần gửi.");
      return List.of();
    }
    long max = properties.maxFileSize().toBytes();
    List<Checked> checked = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Upload u = files.get(i);
      String key = field + "[" + i + "]";
      String name = cleanName(u.name());
      if (name == null) {
        errors.put(key, "Tên tệp trống hoặc chứa ký tự không hợp lệ.");
        continue;
      }
      if (u.size() <= 0) {
        errors.put(key, "Tệp \"" + name + "\" rỗng.");
        continue;
      }
      if (u.size() > max) {
        errors.put(key, "Tệp \"" + name + "\" vượt quá dung lượng cho phép (" + properties.maxFileSize().toMegabytes()
            + " MB).");
        continue;
      }
      Optional<FileKind> claimed = FileKind.ofExtension(name);
      if (claimed.isEmpty()) {
        errors.put(key, "Tệp \"" + name + "\" không đúng định dạng: chỉ nhận PDF, JPG hoặc PNG.");
        continue;
      }
      Optional<FileKind> real = sniff(u);
      if (real.isEmpty() || real.get() != claimed.get()) {
        errors.put(key, "Nội dung tệp \"" + name + "\" không phải là " + claimed.get().name()
            + " như tên tệp: chỉ nhận PDF, JPG hoặc PNG thật.");
        continue;
      }
      checked.add(new Checked(name, real.get(), u));
    }
    return checked;
  }

  /**
   * The file name shown to officers: the last path segment, NFC, without control, format (bidi
   * override, zero-width) or unassigned characters, at most 200 characters; {@code null} when nothing
   * usable is left or the name hides characters.
   */
  static String cleanName(String raw) {
    if (raw == null) {
      return null;
    }
    String last = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
    if (ApplicantValidator.hasInvisibleCharacters(last)) {
      return null;
    }
    String name = ApplicantValidator.clean(last);
    if (name == null || name.length() > 200 || name.startsWith(".")) {
      return null;
    }
    return name;
  }

  private static Optional<FileKind> sniff(Upload u) {
    try (InputStream in = u.content().open()) {
      byte[] head = in.readNBytes(FileKind.SIGNATURE_BYTES);
      return FileKind.sniff(head, head.length);
    } catch (IOException e) {
      log.warn("Could not read an upload: {}", e.getMessage());
      return Optional.empty();
    }
  }

  /** Writes the checked uploads to the store; on a failure removes what it wrote and rethrows. */
  public List<Staged> stage(List<Checked> checked) {
    List<Staged> staged = new ArrayList<>();
    try {
      for (Checked c : checked) {
        try (InputStream in = c.upload().content().open()) {
          staged.add(new Staged(c.name(), c.kind(), store.put(in)));
        }
      }
      return staged;
    } catch (IOException e) {
      discard(staged);
      throw new UncheckedIOException("Could not write an upload to the file store", e);
    }
  }

  /** Removes staged files whose transaction did not commit. */
  public void discard(List<Staged> staged) {
    staged.forEach(s -> store.delete(s.stored().storageKey()));
  }

  /** Records staged files with a dossier (inside the caller's transaction). */
  public void attach(long dossierId, DossierFile.Purpose purpose, List<Staged> staged, Instant at, String actor) {
    for (Staged s : staged) {
      repository.insert(dossierId, purpose, s.name(), s.kind().contentType(), s.stored(), at, actor);
    }
  }

  public List<DossierFile> list(long dossierId) {
    return repository.list(dossierId);
  }

  /**
   * Records a staged scan as the digitised copy of one document of the dossier (inside the caller's
   * transaction; the caller discards the staged file if it does not commit). Returns the file's id.
   */
  public long attachScan(long dossierId, int position, String documentName, Staged staged, Instant at, String actor) {
    return repository.insertScan(dossierId, position, documentName, staged.name(), staged.kind().contentType(),
        staged.stored(), null, null, at, actor);
  }

  /**
   * Copies an earlier dossier's scan into this dossier as the digitised copy of one of its documents, with its
   * origin recorded (the citizen is not asked for it again). The copy is written to the store now and removed
   * again if the caller's transaction does not commit. Returns the new file's id.
   */
  public long reuseScan(DossierFile origin, long dossierId, int position, String documentName, Instant at,
      String actor) {
    Download source = read(origin.dossierId(), origin.id());
    StoredFile stored;
    try {
      stored = store.put(new ByteArrayInputStream(source.bytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not copy a reused scan in the file store", e);
    }
    removeUnlessCommitted(stored);
    return repository.insertScan(dossierId, position, documentName, origin.originalName(), origin.contentType(), stored,
        origin.id(), repository.dossierCode(origin.dossierId()), at, actor);
  }

  /** The scans of a document of this name in the applicant's other dossiers (by citizen ID number), newest first. */
  public List<DossierFile> scansOfApplicant(String applicantIdNumber, String documentName, long exceptDossierId) {
    return repository.scansOfApplicant(applicantIdNumber, documentName, exceptDossierId);
  }

  /**
   * Records a signed result (PDF) with the dossier, inside the caller's transaction: the bytes are written to the
   * store now and removed again if the transaction does not commit. Returns the file's id.
   */
  public long attachResult(long dossierId, String name, byte[] signedPdf, String signedBy, Instant at, String actor) {
    StoredFile stored;
    try {
      stored = store.put(new ByteArrayInputStream(signedPdf));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write a result file to the file store", e);
    }
    removeUnlessCommitted(stored);
    return repository.insertResult(dossierId, name, stored, signedBy, at, actor);
  }

  /** Removes a file written inside a transaction when that transaction rolls back (a row never names a missing file). */
  private void removeUnlessCommitted(StoredFile stored) {
    if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
      org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
          new org.springframework.transaction.support.TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              if (status != STATUS_COMMITTED) {
                store.delete(stored.storageKey());
              }
            }
          });
    }
  }

  /** A file's metadata and bytes, read whole and checked against the checksum recorded at upload. */
  public record Download(DossierFile file, byte[] bytes) {}

  public Download read(long dossierId, long fileId) {
    DossierFile file = repository.find(dossierId, fileId)
        .orElseThrow(() -> ApiException.notFound("Không tìm thấy tệp của hồ sơ."));
    byte[] bytes;
    try (InputStream in = store.open(file.storageKey())) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      log.error("File {} of dossier {} is missing from the file store ({}): {}", fileId, dossierId,
          file.storageKey(), e.toString());
      throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "file_missing",
          "Tệp của hồ sơ không còn trong kho lưu trữ; đã ghi nhận để quản trị hệ thống kiểm tra.", null);
    }
    String sha = HexFormat.of().formatHex(FilesystemFileStore.sha256().digest(bytes));
    if (!MessageDigest.isEqual(sha.getBytes(), file.sha256().getBytes())) {
      log.error("File {} of dossier {} fails its checksum: stored {}, read {} ({})", fileId, dossierId, file.sha256(),
          sha, file.storageKey());
      throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "file_corrupt",
          "Tệp của hồ sơ bị hỏng (sai mã kiểm tra); đã ghi nhận để quản trị hệ thống khôi phục từ bản sao lưu.", null);
    }
    return new Download(file, bytes);
  }

  /**
   * Removes the dossier's file records (retention of personal data), inside the caller's transaction; returns
   * the storage keys, whose bytes the caller deletes with {@link #deleteStored} once that transaction committed.
   */
  public List<String> forget(long dossierId) {
    List<String> keys = repository.list(dossierId).stream().map(DossierFile::storageKey).toList();
    repository.deleteAll(dossierId);
    return keys;
  }

  /** Deletes stored bytes; a missing one is skipped. */
  public void deleteStored(List<String> storageKeys) {
    for (String key : storageKeys) {
      try {
        store.delete(key);
      } catch (RuntimeException e) {
        log.warn("Stored file {} could not be deleted: {}", key, e.toString());
      }
    }
  }
}
