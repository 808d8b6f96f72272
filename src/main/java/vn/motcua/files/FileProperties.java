package vn.motcua.files;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where and how much, prefix {@code motcua.files}.
 *
 * @param location the directory of the file store; default {@code ${motcua.data-dir}/files}. Back it up
 *     with the database: a row of {@code dossier_file} names a file under it.
 * @param maxFileSize the largest file a citizen may upload; default 10 MB
 * @param maxFiles the most files in one submission or supplement; default 10
 */
@ConfigurationProperties("motcua.files")
public record FileProperties(Path location, DataSize maxFileSize, Integer maxFiles) {
  public FileProperties {
    location = location == null ? Path.of("data", "files") : location;
    maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
    maxFiles = maxFiles == null ? 10 : maxFiles;
  }
}
