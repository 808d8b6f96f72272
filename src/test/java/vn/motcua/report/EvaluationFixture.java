package vn.motcua.report;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hand-made dossiers of Hà Giang 1 ward (tq-hagiang1) in 2021 for the evaluation indices, each with the facts one
 * index reads (see {@link EvaluationIndicesTest} for the scores worked out by hand):
 *
 * <pre>
 * code     channel received    resolved    class    status suppl. rating control log / other             procedure
 * EVL-E1   DIRECT  2021-04-05  2021-04-06  EARLY    10     0      3      appraisal EARLY, return at ward     published
 * EVL-E2   ONLINE  2021-04-12  2021-04-15  ON_TIME  10     1      2      appraisal ON_TIME, return at Nông Tiến, a file
 * EVL-E3   DIRECT  2021-05-03  2021-05-10  LATE      9     2      -      charged to the ward (form 05)       not published
 * EVL-E4   ONLINE  2021-05-17  2021-05-20  LATE     10     0      1      no rows; received by the department (no One-Stop)
 * EVL-E5   DIRECT  2021-06-01  -           -         7     0      -      withdrawn on 2021-07-05 (closed: no
 *                                                                 other report or list of today sees it)
 * EVL-E6   DIRECT  2021-02-01  2021-02-03  EARLY    10     0      3      first quarter
 * EVL-E7   ONLINE  2021-04-20  -           -         3     0      -      refused at reception: never counts
 * </pre>
 */
final class EvaluationFixture {
  static final String UNIT = "tq-hagiang1";
  static final String OTHER_UNIT = "tq-nongtien";
  /** A department without a One-Stop Division (no reception role). */
  static final String NO_ONE_STOP = "tq-stp";
  static final String PUBLISHED = "Procedure_BirthRegistration";
  static final String UNPUBLISHED = "Procedure_EvaluationUnpublished";

  private EvaluationFixture() {}

  private static OffsetDateTime ts(String local) {
    return local == null ? null : ReportFixture.at(local).atOffset(ZoneOffset.UTC);
  }

  static void load(JdbcTemplate jdbc) {
    ReportFixture.unrollAll(jdbc, "SELECT id FROM dossier WHERE code LIKE 'EVL-%' AND rollup_batch IS NOT NULL");
    String ids = "(SELECT id FROM dossier WHERE code LIKE 'EVL-%')";
    jdbc.update("DELETE FROM dossier_file WHERE dossier_id IN " + ids);
    jdbc.update("DELETE FROM dossier_control_log WHERE dossier_id IN " + ids);
    jdbc.update("DELETE FROM dossier_responsible_unit WHERE dossier_id IN " + ids);
    jdbc.update("DELETE FROM dossier WHERE code LIKE 'EVL-%'");
    dossier(jdbc, "EVL-E1", PUBLISHED, UNIT, "DIRECT", 10, "2021-04-05T09:00", "2021-04-06T10:00", "EARLY", 0, 3);
    dossier(jdbc, "EVL-E2", PUBLISHED, UNIT, "ONLINE", 10, "2021-04-12T09:00", "2021-04-15T10:00", "ON_TIME", 1, 2);
    dossier(jdbc, "EVL-E3", UNPUBLISHED, UNIT, "DIRECT", 9, "2021-05-03T09:00", "2021-05-10T10:00", "LATE", 2, null);
    dossier(jdbc, "EVL-E4", PUBLISHED, NO_ONE_STOP, "ONLINE", 10, "2021-05-17T09:00", "2021-05-20T10:00", "LATE", 0, 1);
    dossier(jdbc, "EVL-E5", PUBLISHED, UNIT, "DIRECT", 7, "2021-06-01T09:00", null, null, 0, null);
    dossier(jdbc, "EVL-E6", PUBLISHED, UNIT, "DIRECT", 10, "2021-02-01T09:00", "2021-02-03T10:00", "EARLY", 0, 3);
    dossier(jdbc, "EVL-E7", PUBLISHED, UNIT, "ONLINE", 3, "2021-04-20T09:00", null, null, 0, null);
    long e1 = id(jdbc, "EVL-E1");
    log(jdbc, e1, "Task_Appraise", UNIT, "2021-04-05T10:00", "EARLY");
    log(jdbc, e1, "Task_ReturnResult", UNIT, "2021-04-06T10:00", null);
    long e2 = id(jdbc, "EVL-E2");
    log(jdbc, e2, "Task_Appraise", UNIT, "2021-04-12T10:00", "ON_TIME");
    log(jdbc, e2, "Task_ReturnResult", OTHER_UNIT, "2021-04-15T10:00", null);
    jdbc.update("INSERT INTO dossier_file (dossier_id, purpose, original_name, content_type, size_bytes, sha256,"
            + " storage_key, uploaded_at, uploaded_by) VALUES (?,?,?,?,?,?,?,?,?)", e2, "SUBMISSION", "to-khai.pdf",
        "application/pdf", 1024, "0".repeat(64), "evaluation-fixture/EVL-E2/1", ts("2021-04-12T09:00"), "cong-dan");
    jdbc.update("INSERT INTO dossier_responsible_unit (dossier_id, unit, late_stages, working_minutes_late)"
        + " VALUES (?,?,?,?)", id(jdbc, "EVL-E3"), UNIT, 1, 600);
  }

  private static long id(JdbcTemplate jdbc, String code) {
    return jdbc.queryForObject("SELECT id FROM dossier WHERE code = ?", Long.class, code);
  }

  private static void log(JdbcTemplate jdbc, long dossier, String step, String unit, String at, String resultClass) {
    jdbc.update("INSERT INTO dossier_control_log (dossier_id, step_key, step_name, from_unit, to_unit, to_officer,"
            + " handed_at, stage_due_at, done_at, result_class) VALUES (?,?,?,?,?,?,?,?,?,?)", dossier, step, step, UNIT,
        unit, "cv.fixture", ts(at), ts(at), ts(at), resultClass);
  }

  private static void dossier(JdbcTemplate jdbc, String code, String procedure, String receivingUnit, String channel,
      int status, String received, String resolved, String resolutionClass, int supplements, Integer rating) {
    String closed = status == 3 ? received : status == 7 ? "2021-07-05T09:00" : resolved;
    jdbc.update("INSERT INTO dossier (code, procedure_key, procedure_name, receiving_unit, competent_unit, channel,"
            + " applicant_name, applicant_id_number, applicant_phone, applicant_address, status, stage, current_unit,"
            + " statutory_days, received_at, counting_from, appointment_at, supplement_count, resolved_at, closed_at,"
            + " resolution_class, outcome, rating, process_instance_id, created_at, updated_at)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        code, procedure, "Thủ tục mẫu cho đánh giá", receivingUnit, UNIT, channel, "Trần Thị Bình", "001203004999",
        "0912000111", "Phường Hà Giang 1", status, "Đang giải quyết", null, 3, ts(received),
        ts(received), ts(received.substring(0, 8) + "28T17:00"), supplements, ts(resolved), ts(closed),
        resolutionClass, status == 10 ? resolutionClass : null, rating, "pi-" + code, ts(received), ts(received));
  }
}
