package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.calendar.OfficeZone;

/**
 * Property: over randomised dossiers (every status, paused or not, with and without appointment, apology
 * letters some signed late, late ones charged to another unit or to several through their record of charged
 * units, a few inconsistent ones that must stay live), the report
 * with the roll-up equals the live computation in every column and indicator sum, for random periods,
 * scopes and moments of judgement, before, during (partial batches), after the roll-up and after random
 * un-rolls followed by changes of facts. Seeded, so a failure repeats. Runs on H2 and PostgreSQL.
 */
@MotCuaSpringTest
class ReportRollupRandomTest {
  static final String PREFIX = "Procedure_RollupRandom";
  static final List<String> UNITS = List.of("tq-hagiang1", "tq-nongtien", "tq-minhxuan");
  static final int[] STATUSES = {1, 4, 6, 9, 10, 10, 10, 10, 7, 8, 3};
  static final String[] CLASSES = {"EARLY", "ON_TIME", "LATE", "LATE", null};

  @Autowired JdbcTemplate jdbc;
  @Autowired ReportRepository repository;
  @Autowired PlatformTransactionManager transactions;

  private static OffsetDateTime ts(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  @AfterEach
  void clean() {
    ReportFixture.unrollAll(jdbc, "SELECT id FROM dossier WHERE procedure_key LIKE '" + PREFIX + "%'"
        + " AND rollup_batch IS NOT NULL");
    jdbc.update("DELETE FROM apology_letter WHERE dossier_id IN (SELECT id FROM dossier WHERE procedure_key LIKE ?)",
        PREFIX + "%");
    jdbc.update("DELETE FROM dossier_responsible_unit WHERE dossier_id IN (SELECT id FROM dossier"
        + " WHERE procedure_key LIKE ?)", PREFIX + "%");
    jdbc.update("DELETE FROM dossier WHERE procedure_key LIKE ?", PREFIX + "%");
  }

  private void generate(Random rnd, int n) {
    Instant start = LocalDate.of(2023, 1, 1).atStartOfDay(OfficeZone.get()).toInstant();
    for (int i = 0; i < n; i++) {
      String unit = UNITS.get(rnd.nextInt(UNITS.size()));
      String proc = PREFIX + (rnd.nextBoolean() ? "A" : "B");
      int status = STATUSES[rnd.nextInt(STATUSES.length)];
      // times on whole minutes or with fractions of a second, often near midnight (day boundaries)
      Instant received = start.plusSeconds(rnd.nextInt(365 * 86400)).plusMillis(rnd.nextInt(1000));
      Instant closed = null;
      Instant resolved = null;
      String cls = null;
      if (status >= 7 || status == 3) {
        closed = received.plusSeconds(rnd.nextInt(40 * 86400)).plusMillis(rnd.nextInt(1000));
        if (rnd.nextInt(20) == 0) {
          closed = received.minusSeconds(3600); // inconsistent: must stay live
        }
        if (status == 9 || status == 10) {
          resolved = rnd.nextInt(25) == 0 ? closed.minusSeconds(60) : closed; // rarely decided before closing
          cls = CLASSES[rnd.nextInt(CLASSES.length)];
        }
      }
      Instant appointment = rnd.nextInt(10) == 0 ? null : received.plusSeconds(86400L + rnd.nextInt(30 * 86400));
      Instant paused = rnd.nextInt(5) == 0 ? received.plusSeconds(rnd.nextInt(40 * 86400)) : null;
      String responsible = null;
      Integer daysLate = null;
      if ("LATE".equals(cls)) {
        int r = rnd.nextInt(4);
        responsible = r < 2 ? null : r == 2 ? unit : UNITS.get((UNITS.indexOf(unit) + 1) % UNITS.size());
        daysLate = rnd.nextBoolean() ? 1 + rnd.nextInt(5) : null;
      }
      Integer rating = status == 10 && rnd.nextBoolean() ? 1 + rnd.nextInt(3) : null;
      boolean apology = rnd.nextInt(6) == 0;
      String channel = new String[] {"ONLINE", "DIRECT", "POSTAL"}[rnd.nextInt(3)];
      String code = "RND-" + i;
      jdbc.update("INSERT INTO dossier (code, procedure_key, procedure_name, receiving_unit, competent_unit, channel,"
              + " applicant_name, applicant_id_number, applicant_phone, applicant_address, status, statutory_days,"
              + " received_at, appointment_at, paused_at, apology_count, resolved_at, closed_at, resolution_class,"
              + " responsible_unit, rating, working_days_late, created_at, updated_at)"
              + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
          code, proc, "Thủ tục ngẫu nhiên " + proc.substring(PREFIX.length()), unit, unit, channel, "Trần Thị Bình",
          "001203004568", "0912345679", "Xã Minh Xuân", status, 5, ts(received), ts(appointment), ts(paused),
          apology ? 1 : 0, ts(resolved), ts(closed), cls, responsible, rating, daysLate, ts(received), ts(received));
      if ("LATE".equals(cls) && rnd.nextBoolean()) {
        // a record of charged units: one or two units, the competent one among them or not
        Long id = jdbc.queryForObject("SELECT id FROM dossier WHERE code = ?", Long.class, code);
        int first = rnd.nextInt(UNITS.size());
        int count = 1 + rnd.nextInt(2);
        for (int u = 0; u < count; u++) {
          jdbc.update("INSERT INTO dossier_responsible_unit (dossier_id, unit, late_stages, working_minutes_late)"
              + " VALUES (?,?,?,?)", id, UNITS.get((first + u) % UNITS.size()), 1, 30 + rnd.nextInt(600));
        }
      }
      if (apology) {
        Instant end = closed != null && closed.isAfter(received) ? closed : received.plusSeconds(30 * 86400);
        Instant signed = received.plusSeconds((long) (rnd.nextDouble() * (end.getEpochSecond() - received.getEpochSecond())));
        if (rnd.nextInt(10) == 0) {
          signed = received.minusSeconds(86400); // inconsistent: must stay live
        }
        Long id = jdbc.queryForObject("SELECT id FROM dossier WHERE code = ?", Long.class, code);
        jdbc.update("INSERT INTO apology_letter (dossier_id, agency, letter_year, letter_seq, number,"
                + " original_appointment_at, new_appointment_at, reason, drafted_by, signed_by, signed_at, signed_late)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", id, unit, 1999, 70000 + i, (70000 + i) + "/1999/PXL-RND",
            ts(received.plusSeconds(86400)), ts(received.plusSeconds(5 * 86400)), "Cần xác minh thêm", "cv.rnd",
            "ld.rnd", ts(signed), rnd.nextInt(3) == 0);
      }
    }
  }

  /** Random periods around 2023 (days, months, the year, spans of the year's ends) and moments of judgement. */
  private void assertSameAsLive(Random rnd, String stage) {
    List<ReportPeriod> periods = new ArrayList<>(List.of(ReportPeriod.ofYear(2023), ReportPeriod.ofYear(2024),
        ReportPeriod.ofMonth(YearMonth.of(2023, 1 + rnd.nextInt(12)))));
    for (int i = 0; i < 12; i++) {
      LocalDate from = LocalDate.of(2022, 12, 1).plusDays(rnd.nextInt(430));
      periods.add(new ReportPeriod(from, from.plusDays(rnd.nextInt(rnd.nextBoolean() ? 3 : 120))));
    }
    for (ReportPeriod period : periods) {
      long span = period.end().getEpochSecond() - period.start().getEpochSecond();
      Instant asOf = rnd.nextBoolean() ? period.end() : period.start().plusSeconds((long) (rnd.nextDouble() * span));
      ReportScope scope = rnd.nextInt(3) == 0 ? ReportScope.ALL
          : new ReportScope(Set.of(UNITS.get(rnd.nextInt(UNITS.size()))));
      assertThat(ReportRollupController.differences(repository.counts(period, asOf, scope),
          repository.liveCounts(period, asOf, scope))).as(stage + ": " + period + " " + scope + " " + asOf).isEmpty();
      assertThat(repository.onTime(period, scope)).as(stage + ": on time " + period + " " + scope)
          .containsExactly(repository.liveOnTime(period, scope));
    }
  }

  @Test
  void the_report_with_the_roll_up_equals_the_live_report_over_random_dossiers() {
    for (long seed : new long[] {9, 2026, 61}) {
      clean();
      Random rnd = new Random(seed);
      generate(rnd, 250);
      assertSameAsLive(rnd, "seed " + seed + ", before");
      ReportRollup small = new ReportRollup(jdbc, transactions, java.time.Clock.systemUTC(), 40);
      small.rollUpOnce();
      small.rollUpOnce();
      assertSameAsLive(rnd, "seed " + seed + ", partial");
      small.rollUp();
      long rolled = jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE procedure_key LIKE ?"
          + " AND rollup_batch IS NOT NULL", Long.class, PREFIX + "%");
      assertThat(rolled).as("most sealed dossiers are rolled up").isGreaterThan(100);
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE procedure_key LIKE ?"
          + " AND rollup_batch IS NOT NULL AND closed_at < received_at", Long.class, PREFIX + "%")).isZero();
      assertSameAsLive(rnd, "seed " + seed + ", rolled up");
      // un-roll random dossiers, then change their facts as a late correction would
      List<Long> ids = jdbc.queryForList("SELECT id FROM dossier WHERE procedure_key LIKE ? AND rollup_batch IS NOT NULL"
          + " ORDER BY id", Long.class, PREFIX + "%");
      for (int i = 0; i < 25; i++) {
        long id = ids.get(rnd.nextInt(ids.size()));
        small.unroll(id);
        jdbc.update("UPDATE dossier SET rating = ?, paused_at = NULL, resolution_class = CASE WHEN resolved_at IS NULL"
            + " THEN NULL ELSE ? END WHERE id = ?", rnd.nextBoolean() ? null : 1 + rnd.nextInt(3),
            CLASSES[rnd.nextInt(3)], id);
      }
      assertSameAsLive(rnd, "seed " + seed + ", after un-rolls");
      small.rollUp();
      assertSameAsLive(rnd, "seed " + seed + ", rolled up again");
    }
  }
}
