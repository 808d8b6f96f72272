package vn.motcua.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fixed set of dossiers of Hà Giang 1 ward (tq-hagiang1) around May 2024, one per case of the report:
 * early, on time, late (one charged to another unit, one to two units), apologised and re-appointed (the
 * letter signed after its legal limit), in progress, not yet
 * checked at reception (no appointment), paused,
 * overdue, withdrawn, carried over from April, closed in April, refused at reception, resolved after the
 * period. Written straight into the tables as the dossier services would leave them, so that every
 * column's expected number can be worked out by hand (see {@link ReportColumnsTest}).
 */
final class ReportFixture {
  static final String UNIT = "tq-hagiang1";
  static final String OTHER_UNIT = "tq-nongtien";
  static final String PROCEDURE = "Procedure_ReportFixture";
  static final String PROCEDURE_NAME = "Thủ tục mẫu cho báo cáo";

  private ReportFixture() {}

  static Instant at(String local) {
    return OffsetDateTime.parse(local + "+07:00").toInstant();
  }

  private static OffsetDateTime ts(String local) {
    return local == null ? null : at(local).atOffset(ZoneOffset.UTC);
  }

  /** One fixture dossier: code suffix, channel, status, times (local), class, responsible unit, rating, days late. */
  record Case(String code, String channel, int status, String received, String appointment, String original,
      String resolved, String closed, String resolutionClass, String responsibleUnit, Integer rating,
      Integer workingDaysLate, String paused, int apologyCount) {}

  static final List<Case> CASES = List.of(
      new Case("RPT-EARLY", "DIRECT", 10, "2024-05-06T09:00", "2024-05-09T09:00", null, "2024-05-07T10:00", null,
          "EARLY", null, 3, null, null, 0),
      new Case("RPT-ONTIME", "ONLINE", 10, "2024-05-06T09:00", "2024-05-09T09:00", null, "2024-05-09T08:30", null,
          "ON_TIME", null, 2, null, null, 0),
      new Case("RPT-LATE", "DIRECT", 10, "2024-05-06T09:00", "2024-05-09T09:00", null, "2024-05-10T10:00", null,
          "LATE", UNIT, 1, 1, null, 0),
      new Case("RPT-LATE-OTHER", "ONLINE", 9, "2024-05-06T09:00", "2024-05-09T09:00", null, "2024-05-10T10:00", null,
          "LATE", OTHER_UNIT, null, 3, null, 0),
      new Case("RPT-APOLOGY", "DIRECT", 10, "2024-05-06T09:00", "2024-05-14T17:00", "2024-05-09T09:00",
          "2024-05-14T16:00", null, "ON_TIME", null, null, null, null, 1),
      new Case("RPT-OPEN", "DIRECT", 4, "2024-05-27T09:00", "2024-06-03T09:00", null, null, null, null, null, null, null,
          null, 0),
      new Case("RPT-NEW", "DIRECT", 1, "2024-05-28T09:00", null, null, null, null, null, null, null, null, null, 0),
      new Case("RPT-PAUSED", "DIRECT", 6, "2024-05-20T09:00", "2024-05-23T09:00", null, null, null, null, null, null,
          null, "2024-05-22T10:00", 0),
      new Case("RPT-OVERDUE", "ONLINE", 4, "2024-05-20T09:00", "2024-05-23T09:00", null, null, null, null, null, null,
          null, null, 0),
      new Case("RPT-WITHDRAWN", "POSTAL", 7, "2024-05-15T09:00", "2024-05-20T09:00", null, null, "2024-05-16T09:00",
          null, null, null, null, null, 0),
      new Case("RPT-CARRIED", "DIRECT", 10, "2024-04-25T09:00", "2024-05-03T17:00", null, "2024-05-03T09:00", null,
          "ON_TIME", null, null, null, null, 0),
      new Case("RPT-APRIL", "DIRECT", 10, "2024-04-10T09:00", "2024-04-15T09:00", null, "2024-04-12T09:00", null,
          "EARLY", null, null, null, null, 0),
      new Case("RPT-REFUSED", "DIRECT", 3, "2024-05-08T09:00", null, null, null, "2024-05-08T10:00", null, null, null,
          null, null, 0),
      new Case("RPT-JUNE", "DIRECT", 10, "2024-05-24T09:00", "2024-05-30T09:00", null, "2024-06-03T09:00", null,
          "LATE", UNIT, null, 2, null, 0));

  /** Un-rolls the dossiers the query selects, as a change of their facts would (own transactions). */
  static void unrollAll(JdbcTemplate jdbc, String idQuery) {
    ReportRollup rollup = new ReportRollup(jdbc,
        new org.springframework.jdbc.datasource.DataSourceTransactionManager(jdbc.getDataSource()),
        java.time.Clock.systemUTC(), 1000);
    jdbc.queryForList(idQuery, Long.class).forEach(rollup::unroll);
  }

  /** Removes and writes the fixture again (the Spring context, and so the database, is shared by tests). */
  static void load(JdbcTemplate jdbc) {
    // dossiers counted in the reports' roll-up leave it before they are deleted (docs/reports.md, "Roll-up")
    unrollAll(jdbc, "SELECT id FROM dossier WHERE procedure_key = '" + PROCEDURE + "' AND rollup_batch IS NOT NULL");
    jdbc.update("DELETE FROM apology_letter WHERE dossier_id IN (SELECT id FROM dossier WHERE procedure_key = ?)",
        PROCEDURE);
    jdbc.update("DELETE FROM dossier_control_log WHERE dossier_id IN (SELECT id FROM dossier WHERE procedure_key = ?)",
        PROCEDURE);
    jdbc.update("DELETE FROM dossier_responsible_unit WHERE dossier_id IN (SELECT id FROM dossier"
        + " WHERE procedure_key = ?)", PROCEDURE);
    jdbc.update("DELETE FROM dossier WHERE procedure_key = ?", PROCEDURE);
    for (Case c : CASES) {
      String closed = c.closed() != null ? c.closed() : c.resolved();
      jdbc.update("INSERT INTO dossier (code, procedure_key, procedure_name, receiving_unit, competent_unit, channel,"
              + " applicant_name, applicant_id_number, applicant_phone, applicant_address, status, stage, current_unit,"
              + " current_officer, statutory_days, received_at, counting_from, appointment_at, original_appointment_at,"
              + " paused_at, apology_count, resolved_at, closed_at, resolution_class, outcome, responsible_unit,"
              + " rating, working_days_late, process_instance_id, created_at, updated_at)"
              + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
          c.code(), PROCEDURE, PROCEDURE_NAME, UNIT, UNIT, c.channel(), "Nguyễn Văn An", "001203004567",
          "0912345678", "Phường Hà Giang 1", c.status(), "Đang giải quyết", closed == null ? UNIT : null,
          closed == null ? "cv.fixture" : null, 3, ts(c.received()), ts(c.received()), ts(c.appointment()),
          ts(c.original()), ts(c.paused()), c.apologyCount(), ts(c.resolved()), ts(closed), c.resolutionClass(),
          c.status() == 10 ? c.resolutionClass() : null, c.responsibleUnit(), c.rating(), c.workingDaysLate(),
          "pi-" + c.code(), ts(c.received()), ts(c.received()));
    }
    Long id = jdbc.queryForObject("SELECT id FROM dossier WHERE code = 'RPT-APOLOGY'", Long.class);
    jdbc.update("INSERT INTO apology_letter (dossier_id, agency, letter_year, letter_seq, number, original_appointment_at,"
            + " new_appointment_at, reason, drafted_by, signed_by, signed_at, signed_late) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        id, UNIT, 2024, 9001, "9001/2024/PXL-FIXTURE", ts("2024-05-09T09:00"), ts("2024-05-14T17:00"),
        "Cần xác minh thêm", "cv.fixture", "ld.fixture", ts("2024-05-08T10:00"), true);
    // RPT-LATE ran late at two units: its own ward lost the most (its responsible unit), Nông Tiến a little
    Long late = jdbc.queryForObject("SELECT id FROM dossier WHERE code = 'RPT-LATE'", Long.class);
    jdbc.update("INSERT INTO dossier_responsible_unit (dossier_id, unit, late_stages, working_minutes_late)"
        + " VALUES (?,?,?,?), (?,?,?,?)", late, UNIT, 1, 480, late, OTHER_UNIT, 1, 60);
    Long overdue = jdbc.queryForObject("SELECT id FROM dossier WHERE code = 'RPT-OVERDUE'", Long.class);
    jdbc.update("INSERT INTO dossier_control_log (dossier_id, step_key, step_name, from_unit, to_unit, to_officer,"
        + " handed_at, stage_due_at) VALUES (?,?,?,?,?,?,?,?)", overdue, "Task_Appraise", "Thẩm định hồ sơ", UNIT,
        UNIT, "cv.fixture", ts("2024-05-21T08:00"), ts("2024-05-22T17:00"));
  }
}
