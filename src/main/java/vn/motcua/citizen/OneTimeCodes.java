package vn.motcua.citizen;

import static vn.motcua.db.SqlTime.ts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.motcua.dossier.LookupPins;

/**
 * One-time codes of the public lookup ({@code lookup_code}): six digits sent by SMS to the phone on file, so an
 * applicant without the receipt's PIN can see their dossier's details. Stored hashed (as the PIN), valid for
 * {@link #VALIDITY}, used once; a new code does not cancel an unused one, but at most {@link #PER_HOUR} are
 * sent per dossier and hour. In the database, so every node of a cluster knows them.
 */
@Repository
public class OneTimeCodes {
  static final Duration VALIDITY = Duration.ofMinutes(10);
  static final int PER_HOUR = 3;

  private final JdbcTemplate jdbc;

  public OneTimeCodes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** How many codes were sent for the dossier since {@code since}. */
  int sentSince(long dossierId, Instant since) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM lookup_code WHERE dossier_id = ? AND created_at > ?",
        Integer.class, dossierId, ts(since));
    return n == null ? 0 : n;
  }

  /** Records a new code (its hash) and returns its row id, the SMS reference. */
  long create(long dossierId, String code, Instant now) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement(
          "INSERT INTO lookup_code (dossier_id, code_hash, created_at, expires_at) VALUES (?,?,?,?)",
          new String[] {"id"});
      ps.setLong(1, dossierId);
      ps.setString(2, LookupPins.hash(code));
      ps.setObject(3, ts(now));
      ps.setObject(4, ts(now.plus(VALIDITY)));
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  /** Forgets a code that could not be sent. */
  void delete(long id) {
    jdbc.update("DELETE FROM lookup_code WHERE id = ?", id);
  }

  /**
   * Whether {@code code} is one of the dossier's valid, unused codes; if so it is used up (a second use, even
   * racing on another node, finds it used).
   */
  boolean use(long dossierId, String code, Instant now) {
    if (code == null || !code.matches("\\d{6}")) {
      return false;
    }
    List<Object[]> open = jdbc.query(
        "SELECT id, code_hash FROM lookup_code WHERE dossier_id = ? AND used_at IS NULL AND expires_at > ?",
        (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}, dossierId, ts(now));
    for (Object[] row : open) {
      if (LookupPins.matches(code, (String) row[1])) {
        return jdbc.update("UPDATE lookup_code SET used_at = ? WHERE id = ? AND used_at IS NULL", ts(now), row[0]) == 1;
      }
    }
    return false;
  }
}
