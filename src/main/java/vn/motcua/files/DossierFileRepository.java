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

  /** A scan of one document of the dossier, possibly copied from an earlier dossier's scan; returns its id. */
  public long insertScan(long dossierId, int position, String documentName, String originalName, String contentType,
      StoredFile stored, Long originFileId, String originDossierCode, Instant at, String actor) {
    org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO dossier_file (dossier_id, purpose, original_name, content_type,"
          + " size_bytes, sha256, storage_key, uploaded_at, uploaded_by, document_position, document_name,"
          + " origin_file_id, origin_dossier_code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", new String[] {"id"});
      ps.setLong(1, dossierId);
      ps.setString(2, DossierFile.Purpose.SCAN.name());
      ps.setString(3, originalName);
      ps.setString(4, contentType);
      ps.setLong(5, stored.size());
      ps.setString(6, stored.sha256());
      ps.setString(7, stored.storageKey());
      ps.setObject(8, ts(at));
      ps.setString(9, actor);
      ps.setInt(10, position);
      ps.setString(11, documentName);
      ps.setObject(12, originFileId, java.sql.Types.BIGINT);
      ps.setString(13, originDossierCode);
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  /** The signed result of a dossier; returns its id. */
  public long insertResult(long dossierId, String originalName, StoredFile stored, String signedBy, Instant at,
      String actor) {
    org.springframework.jdbc.support.KeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("INSERT INTO dossier_file (dossier_id, purpose, original_name, content_type,"
          + " size_bytes, sha256, storage_key, uploaded_at, uploaded_by, signed_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
          new String[] {"id"});
      ps.setLong(1, dossierId);
      ps.setString(2, DossierFile.Purpose.RESULT.name());
      ps.setString(3, originalName);
      ps.setString(4, FileKind.PDF.contentType());
      ps.setLong(5, stored.size());
      ps.setString(6, stored.sha256());
      ps.setString(7, stored.storageKey());
      ps.setObject(8, ts(at));
      ps.setString(9, actor);
      ps.setString(10, signedBy);
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  /**
   * The scans of a document with this name made (not themselves reused) in other dossiers of the applicant with
   * this citizen ID number, newest first.
   */
  public List<DossierFile> scansOfApplicant(String applicantIdNumber, String documentName, long exceptDossierId) {
    return jdbc.query("SELECT f.* FROM dossier_file f JOIN dossier d ON d.id = f.dossier_id"
            + " WHERE d.applicant_id_number = ? AND f.document_name = ? AND f.purpose = 'SCAN'"
            + " AND f.origin_file_id IS NULL AND f.dossier_id <> ? ORDER BY f.uploaded_at DESC, f.id DESC",
        FILE, applicantIdNumber, documentName, exceptDossierId);
  }

  /** The code of a dossier, for the origin of a reused scan. */
  public String dossierCode(long dossierId) {
    return jdbc.queryForObject("SELECT code FROM dossier WHERE id = ?", String.class, dossierId);
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
      instant(rs, "uploaded_at"), rs.getString("uploaded_by"), (Integer) rs.getObject("document_position", Integer.class),
      rs.getString("document_name"), (Long) rs.getObject("origin_file_id", Long.class),
      rs.getString("origin_dossier_code"), rs.getString("signed_by"));
}
