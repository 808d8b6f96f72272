package vn.motcua.dossier;

import java.time.LocalDate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per agency and day sequence of dossier codes. The day's row is created in its own short transaction
 * (a lost race on PostgreSQL would otherwise abort the caller's transaction); the increment runs in
 * the caller's transaction, whose row lock keeps concurrent registrations apart.
 */
@Component
class DossierCodeSequence {
  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;

  DossierCodeSequence(JdbcTemplate jdbc, PlatformTransactionManager tm) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(tm);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public int next(String agencyIdentifier, LocalDate day) {
    Integer exists = jdbc.queryForObject(
        "SELECT COUNT(*) FROM dossier_code_sequence WHERE agency_identifier = ? AND seq_day = ?",
        Integer.class, agencyIdentifier, day);
    if (exists == null || exists == 0) {
      try {
        newTransaction.executeWithoutResult(s -> jdbc.update(
            "INSERT INTO dossier_code_sequence (agency_identifier, seq_day, last_value) VALUES (?,?,0)",
            agencyIdentifier, day));
      } catch (DuplicateKeyException raced) {
        // another registration created the day's row first
      }
    }
    jdbc.update("UPDATE dossier_code_sequence SET last_value = last_value + 1 WHERE agency_identifier = ? AND seq_day = ?",
        agencyIdentifier, day);
    return jdbc.queryForObject("SELECT last_value FROM dossier_code_sequence WHERE agency_identifier = ? AND seq_day = ?",
        Integer.class, agencyIdentifier, day);
  }
}
