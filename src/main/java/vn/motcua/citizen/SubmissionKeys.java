package vn.motcua.citizen;

import static vn.motcua.db.SqlTime.ts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The idempotency keys of online submissions ({@code public_submission}). */
@Repository
public class SubmissionKeys {
  private final JdbcTemplate jdbc;

  public SubmissionKeys(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What an earlier submission under a key produced. */
  public record Claim(String requestHash, Long dossierId) {}

  public Optional<Claim> find(String key) {
    return jdbc.query("SELECT request_hash, dossier_id FROM public_submission WHERE idempotency_key = ?",
        (rs, n) -> new Claim(rs.getString(1), rs.getObject(2) == null ? null : rs.getLong(2)), key).stream().findFirst();
  }

  /** Claims the key; a concurrent or earlier claim makes the insert fail with a duplicate key. */
  public void claim(String key, String requestHash, Instant at) {
    jdbc.update("INSERT INTO public_submission (idempotency_key, request_hash, created_at) VALUES (?,?,?)", key,
        requestHash, ts(at));
  }

  public void complete(String key, long dossierId) {
    jdbc.update("UPDATE public_submission SET dossier_id = ? WHERE idempotency_key = ?", dossierId, key);
  }
}
