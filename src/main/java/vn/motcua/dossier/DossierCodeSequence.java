package vn.motcua.dossier;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;

/**
 * Per agency and day sequence of dossier codes, counted in the caller's (the registration's) transaction.
 *
 * <p>Each agency has an anchor row (day {@link #ANCHOR_DAY}) that a registration locks first: holding it,
 * the registration creates the day's row when it is the day's first, with no race, on its own connection.
 * The day's row used to be created in a transaction of its own, which needed a second connection while the
 * registration held the first: as many first-of-the-day registrations at once as the pool has connections
 * waited for each other until the pool's timeout, and all answered 503. The anchors are created at start-up
 * for every agency of the directory; an agency without one (added later) gets it in a short transaction of
 * its own, once. The lock serialises an agency's registrations until they commit, as the day's row did.
 */
@Component
class DossierCodeSequence {
  private static final Logger log = LoggerFactory.getLogger(DossierCodeSequence.class);
  /** The seq_day of an agency's anchor row (never a day a dossier is received). */
  static final LocalDate ANCHOR_DAY = LocalDate.of(1970, 1, 1);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate anchorTransaction;
  private final OrganisationDirectory directory;

  DossierCodeSequence(JdbcTemplate jdbc, PlatformTransactionManager tm, OrganisationDirectory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.anchorTransaction = new TransactionTemplate(tm);
    this.anchorTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Every agency of the directory gets its anchor row before the first registration (idempotent; both nodes of a cluster may run it). */
  @EventListener(ApplicationStartedEvent.class)
  void createAnchors() {
    Set<String> missing = new LinkedHashSet<>(directory.agencies().stream().map(Agency::identifier).toList());
    missing.removeAll(jdbc.queryForList("SELECT agency_identifier FROM dossier_code_sequence WHERE seq_day = ?",
        String.class, ANCHOR_DAY));
    missing.forEach(this::createAnchor);
    if (!missing.isEmpty()) {
      log.info("Dossier code sequence: anchor rows created for {} agencies", missing.size());
    }
  }

  public int next(String agencyIdentifier, LocalDate day) {
    lockAgency(agencyIdentifier);
    Integer exists = jdbc.queryForObject(
        "SELECT COUNT(*) FROM dossier_code_sequence WHERE agency_identifier = ? AND seq_day = ?",
        Integer.class, agencyIdentifier, day);
    if (exists == null || exists == 0) {
      // the agency's anchor is locked by this transaction: no other registration creates the day's row now
      jdbc.update("INSERT INTO dossier_code_sequence (agency_identifier, seq_day, last_value) VALUES (?,?,0)",
          agencyIdentifier, day);
    }
    jdbc.update("UPDATE dossier_code_sequence SET last_value = last_value + 1 WHERE agency_identifier = ? AND seq_day = ?",
        agencyIdentifier, day);
    return jdbc.queryForObject("SELECT last_value FROM dossier_code_sequence WHERE agency_identifier = ? AND seq_day = ?",
        Integer.class, agencyIdentifier, day);
  }

  private void lockAgency(String agencyIdentifier) {
    if (lockAnchor(agencyIdentifier).isEmpty()) {
      createAnchor(agencyIdentifier); // an agency the start-up did not know: once
      lockAnchor(agencyIdentifier);
    }
  }

  private List<Integer> lockAnchor(String agencyIdentifier) {
    return jdbc.queryForList("SELECT last_value FROM dossier_code_sequence WHERE agency_identifier = ? AND seq_day = ? "
        + "FOR UPDATE", Integer.class, agencyIdentifier, ANCHOR_DAY);
  }

  private void createAnchor(String agencyIdentifier) {
    try {
      // a transaction of its own: a lost race on PostgreSQL would otherwise abort the caller's
      anchorTransaction.executeWithoutResult(s -> jdbc.update(
          "INSERT INTO dossier_code_sequence (agency_identifier, seq_day, last_value) VALUES (?,?,0)",
          agencyIdentifier, ANCHOR_DAY));
    } catch (DuplicateKeyException raced) {
      // another node or registration created it first
    }
  }
}
