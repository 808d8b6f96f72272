package vn.motcua.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The default {@link FileStore}: one file per upload under {@code motcua.files.location}, in
 * {@code yyyy/MM/<uuid>} folders. A file is written to a temporary name and moved into place, so a crash
 * never leaves a half-written file under a key. Shared storage (NFS) serves a cluster.
 */
@Component
public class FilesystemFileStore implements FileStore {
  private static final Logger log = LoggerFactory.getLogger(FilesystemFileStore.class);
  private static final Pattern KEY = Pattern.compile("\\d{4}/\\d{2}/[0-9a-f-]{36}");

  private final Path root;
  private final Clock clock = Clock.systemUTC();

  public FilesystemFileStore(FileProperties properties) {
    this.root = properties.location().toAbsolutePath().normalize();
    try {
      Files.createDirectories(root.resolve(".incoming"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the file store at " + root
          + " (motcua.files.location): " + e.getMessage(), e);
    }
    log.info("File store at {}", root);
  }

  public Path root() {
    return root;
  }

  @Override
  public StoredFile put(InputStream content) throws IOException {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    String key = String.format("%04d/%02d/%s", today.getYear(), today.getMonthValue(), UUID.randomUUID());
    Path incoming = root.resolve(".incoming").resolve(UUID.randomUUID() + ".part");
    MessageDigest sha = sha256();
    long size;
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(incoming), sha)) {
      size = content.transferTo(out);
    } catch (IOException e) {
      Files.deleteIfExists(incoming);
      throw e;
    }
    Path target = path(key);
    Files.createDirectories(target.getParent());
    Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
    return new StoredFile(key, HexFormat.of().formatHex(sha.digest()), size);
  }

  @Override
  public InputStream open(String storageKey) throws IOException {
    return Files.newInputStream(path(storageKey));
  }

  @Override
  public void delete(String storageKey) {
    try {
      Files.deleteIfExists(path(storageKey));
    } catch (IOException e) {
      log.warn("Could not delete stored file {}: {}", storageKey, e.getMessage());
    }
  }

  private Path path(String storageKey) {
    if (storageKey == null || !KEY.matcher(storageKey).matches()) {
      throw new IllegalArgumentException("Not a storage key: " + storageKey);
    }
    return root.resolve(storageKey);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
