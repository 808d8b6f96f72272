package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.db.SqlTime.ts;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.motcua.dossier.DossierRepository.NewDossier;

/**
 * The roll-up's un-roll rule is enforced by the dossier feature's repository, not by convention: every write
 * of a report fact on a rolled-up dossier calls {@link ReportFactsGuard#unroll} before anything changes; on an
 * open dossier it is one statement and no un-roll (the hot path); the other writes change no report fact; and
 * every method of {@link DossierRepository} is classified here, so a new one fails until it is. Plain: H2 with
 * the project's migrations, no Spring context, no engine.
 */
class ReportFactsGuardTest {
  /** The columns the reports' roll-up counts (ReportRollup's facts); apology letters are overdue's table. */
  static final String FACTS = "status, competent_unit, responsible_unit, procedure_key, procedure_name, channel,"
      + " received_at, closed_at, resolved_at, resolution_class, appointment_at, paused_at, working_days_late,"
      + " rating, apology_count";
  static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");
  static final Instant LATER = Instant.parse("2026-03-20T02:00:00Z");

  static JdbcTemplate jdbc;

  /** Each write of a report fact, with values that change the facts of the fixture's dossier. */
  static final Map<String, LongConsumer> FACT_WRITES = new LinkedHashMap<>();
  /** Each other write, with the reason it changes no report fact. */
  static final Map<String, LongConsumer> OTHER_WRITES = new LinkedHashMap<>();
  /** Reads, the constructor's wiring and the un-roll path itself. */
  static final Set<String> NOT_WRITES = Set.of("findById", "findByCode", "documents", "events", "lookupPin", "clearLookupPins", "lock",
      "integer", "setReportFactsGuard", "updateFacts", "insert",
      // the national portal's outbox hook and the portal's dossier number (docs/portal.md)
      "setPortalStatusListener", "portalChanged", "portalDossierNumber", "findIdByPortalDossierNumber",
      // retention: the closed dossiers whose personal data is due for masking (a read with row locks)
      "lockUnmaskedClosedBefore");

  RecordingGuard guard;
  DossierRepository repository;
  int statements;

  @BeforeAll
  static void database() {
    DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:report-facts-guard;DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    jdbc = new JdbcTemplate(ds);
  }

  static {
    FACT_WRITES.put("recordRating", id -> repo().recordRating(id, 1, "Chậm", "ONLINE", LATER));
    FACT_WRITES.put("updateStatus", id -> repo().updateStatus(id, DossierStatus.IN_PROGRESS, null, LATER));
    FACT_WRITES.put("setDeadlines", id -> repo().setDeadlines(id, LATER, LATER, LATER));
    FACT_WRITES.put("setAppointment", id -> repo().setAppointment(id, LATER, LATER));
    FACT_WRITES.put("setPausedAt", id -> repo().setPausedAt(id, LATER, LATER));
    FACT_WRITES.put("recordDecision", id -> repo().recordDecision(id, "REFUSED", "Không đủ điều kiện", LATER,
        OutcomeClass.LATE));
    FACT_WRITES.put("recordReturn", id -> repo().recordReturn(id, LATER, "POST", OutcomeClass.LATE, 9, 2, "tq-x", 1,
        null));
    FACT_WRITES.put("setLateness", id -> repo().setLateness(id, LATER, "tq-x", "tq-x", 3, LATER));
    FACT_WRITES.put("setApology", id -> repo().setApology(id, AT, LATER, 1, LATER));

    // documents, events, the lookup PIN, the process link and the current holder are not counted by the reports
    OTHER_WRITES.put("insertDocuments", id -> repo().insertDocuments(id, List.of(new NewDocument("Tờ khai", 1, null))));
    OTHER_WRITES.put("setDocumentState", id -> repo().setDocumentState(id, 1, DocumentState.INVALID, "Sai"));
    OTHER_WRITES.put("markAllDocuments", id -> repo().markAllDocuments(id, DocumentState.RECEIVED,
        DocumentState.SUPPLEMENTED));
    OTHER_WRITES.put("setLookupPinHash", id -> repo().setLookupPinHash(id, LookupPins.hash("123456")));
    OTHER_WRITES.put("hashClearLookupPin", id -> repo().hashClearLookupPin(id, "123456", LookupPins.hash("123456")));
    OTHER_WRITES.put("setProcessInstance", id -> repo().setProcessInstance(id, "pi-2"));
    OTHER_WRITES.put("updateHolder", id -> repo().updateHolder(id, "tq-x", "cb.an", "Thẩm định", LATER));
    OTHER_WRITES.put("incrementSupplementCount", id -> repo().incrementSupplementCount(id, LATER));
    OTHER_WRITES.put("recordRatingSource", id -> repo().recordRatingSource(id, "COUNTER", LATER));
    OTHER_WRITES.put("recordEvent", id -> repo().recordEvent(id, "NOTE", LATER, "cb.an", null, "Ghi chú"));
    // the national portal's own number is not counted by the reports
    OTHER_WRITES.put("setPortalDossierNumber", id -> repo().setPortalDossierNumber(id, "G22.99-000" + id));
    // retention masks the applicant's personal data; the reports count none of it (docs/personal-data.md)
    OTHER_WRITES.put("maskPersonalData", id -> repo().maskPersonalData(id, LATER));
    // writes only a dossier not yet closed: never a rolled-up one
    OTHER_WRITES.put("markClosed", id -> repo().markClosed(id, LATER));
  }

  static ReportFactsGuardTest current;

  static DossierRepository repo() {
    return current.repository;
  }

  @BeforeEach
  void repository() {
    current = this;
    guard = new RecordingGuard();
    repository = new DossierRepository(new JdbcTemplate(jdbc.getDataSource()) {
      @Override
      public int update(String sql, Object... args) {
        statements++;
        return super.update(sql, args);
      }
    });
    repository.setReportFactsGuard(guard);
  }

  /** A dossier returned and rolled up by the reports (batch 1). */
  long rolledUp() {
    long id = open();
    jdbc.update("UPDATE dossier SET status = ?, decision = 'APPROVED', resolved_at = ?, closed_at = ?, returned_at = ?,"
        + " rating = 3, rollup_batch = 1 WHERE id = ?", DossierStatus.RETURNED.code(), ts(AT), ts(AT), ts(AT), id);
    return id;
  }

  long open() {
    long id = repository.insert(new NewDossier("FACTS-" + System.nanoTime(), "Procedure_X", "1.000", "Thủ tục thử",
        "tq-mc", "tq-x", Channel.DIRECT, new Applicant("Lê Văn Bình", "001203004567", "0912345678", null, "Phường A",
        null), null, 5, AT, "mc.hung"));
    repository.insertDocuments(id, List.of(new NewDocument("Tờ khai", 1, null)));
    jdbc.update("UPDATE dossier SET appointment_at = ? WHERE id = ?", ts(AT), id);
    return id;
  }

  static Map<String, Object> facts(long id) {
    return jdbc.queryForMap("SELECT " + FACTS + " FROM dossier WHERE id = ?", id);
  }

  @Test
  void a_report_fact_written_on_a_rolled_up_dossier_first_takes_it_out_of_the_roll_up() {
    FACT_WRITES.forEach((name, write) -> {
      long id = rolledUp();
      Map<String, Object> before = facts(id);
      guard.calls.clear();

      write.accept(id);

      assertThat(guard.calls).as(name + " un-rolls the dossier").containsExactly(id);
      assertThat(guard.factsAtUnroll).as(name + ": nothing changed before the un-roll").isEqualTo(before);
      assertThat(facts(id)).as(name + " writes its facts").isNotEqualTo(before);
      assertThat(jdbc.queryForObject("SELECT rollup_batch FROM dossier WHERE id = ?", Long.class, id)).isNull();
    });
  }

  @Test
  void on_an_open_dossier_a_report_fact_is_written_in_one_statement_without_un_roll() {
    FACT_WRITES.forEach((name, write) -> {
      long id = open();
      Map<String, Object> before = facts(id);
      guard.calls.clear();
      statements = 0;

      write.accept(id);

      assertThat(guard.calls).as(name).isEmpty();
      assertThat(statements).as(name + ": one statement").isEqualTo(1);
      assertThat(facts(id)).as(name + " writes its facts").isNotEqualTo(before);
    });
  }

  @Test
  void the_other_writes_change_no_report_fact_of_a_rolled_up_dossier() {
    OTHER_WRITES.forEach((name, write) -> {
      long id = rolledUp();
      Map<String, Object> before = facts(id);

      write.accept(id);

      assertThat(facts(id)).as(name).isEqualTo(before);
      assertThat(jdbc.queryForObject("SELECT rollup_batch FROM dossier WHERE id = ?", Long.class, id))
          .as(name + " leaves the dossier rolled up").isEqualTo(1L);
    });
  }

  @Test
  void every_method_of_the_repository_is_classified() {
    Set<String> declared = new TreeSet<>();
    for (Method m : DossierRepository.class.getDeclaredMethods()) {
      if (!m.isSynthetic() && !(Modifier.isPrivate(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))) {
        declared.add(m.getName());
      }
    }
    Set<String> classified = new TreeSet<>(FACT_WRITES.keySet());
    classified.addAll(OTHER_WRITES.keySet());
    classified.addAll(NOT_WRITES);
    assertThat(declared).as("a new method of DossierRepository: a report-fact write goes through updateFacts and is"
        + " listed in FACT_WRITES; any other write in OTHER_WRITES").containsExactlyInAnyOrderElementsOf(classified);
  }

  /** Stands for the reports' roll-up: records the call and the facts it would subtract, clears the mark. */
  static class RecordingGuard implements ReportFactsGuard {
    final List<Long> calls = new ArrayList<>();
    Map<String, Object> factsAtUnroll;

    @Override
    public boolean unroll(long dossierId) {
      calls.add(dossierId);
      factsAtUnroll = facts(dossierId);
      return jdbc.update("UPDATE dossier SET rollup_batch = NULL WHERE id = ? AND rollup_batch IS NOT NULL",
          dossierId) == 1;
    }
  }
}
