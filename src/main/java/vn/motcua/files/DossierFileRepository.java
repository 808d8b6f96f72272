package vn.motcua.files;

import static vn.motcua.db.SqlTime.instant;
import static vn.motcua.db.SqlTime.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Plain JDBC access to {@code dossier_file}. */
@Repository
public class DossierFileRepository {
  private final JdbcTemplate jdbc;

  public DossierFileRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(long dossierId, DossierFile.Purpose purpose, String originalName, String contentType,
      StoredFile stored, Instant at, String actor) {
    jdbc.update("INSERT INTO dossier_file (dossier_id, purpose, original_name, content_type, size_bytes, sha256,"
            + " storage_key, uploaded_at, uploaded_by) VALUES (?,?,?,?,?,?,?,?,?)",
        dossierId, purpose.name(), originalName, contentType, stored.size(), stored.sha256(), stored.storageKey(),
        ts(at), actor);
  }

  public List<DossierFile> list(long dossierId) {
    return jdbc.query("SELECT * FROM dossier_file WHERE dossier_id = ? ORDER BY uploaded_at, id", FILE, dossierId);
  }

  public Optional<DossierFile> find(long dossierId, long fileId) {
    return jdbc.query("SELECT * FROM dossier_file WHERE dossier_id = ? AND id = ?", FILE, dossierId, fileId)
        .stream().findFirst();
  }

  /** Deletes the dossier's file records (retention); the caller deletes the stored bytes after commit. */
  public int deleteAll(long dossierId) {
    return jdbc.update("DELETE FROM dossier_file WHERE dossier_id = ?", dossierId);
  }

  private static final RowMapper<DossierFile> FILE = (rs, n) -> new DossierFile(rs.getLong("id"),
      rs.getLong("dossier_id"), DossierFile.Purpose.valueOf(rs.getString("purpose")), rs.getString("original_name"),
      rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("storage_key"),
      instant(rs, "uploaded_at"), rs.getString("uploaded_by"));
}
