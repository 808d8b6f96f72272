package vn.motcua.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of citizens' files live, outside the engine's byte-array table and outside the
 * database rows. {@link FilesystemFileStore} is the default; another store (object storage) implements
 * the same three operations.
 */
public interface FileStore {
  /** Writes the stream to a new key and returns it with the checksum and size. */
  StoredFile put(InputStream content) throws IOException;

  /** Reads a stored file. */
  InputStream open(String storageKey) throws IOException;

  /** Removes a stored file (a submission that did not commit); missing files are ignored. */
  void delete(String storageKey);
}
