package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.motcua.calendar.WorkingCalendar;

/**
 * The units a dossier's lateness is charged to (domain.md, "Who is charged"): every unit that held the
 * dossier past its own stage deadline, read from the processing-control log (form 05: a row whose result
 * is LATE, charged to the unit that received it), with its late stages and the working time it lost
 * between the stage's deadline and its hand-over. Table {@code dossier_responsible_unit} (V11).
 */
@Repository
public class ResponsibleUnits {
  /** One unit charged with lateness: how many of its stages were late and the working time it lost. */
  public record Charge(String unit, int lateStages, long workingMinutesLate) {
    public double workingHoursLate() {
      return workingMinutesLate / 60.0;
    }
  }

  private final JdbcTemplate jdbc;
  private final WorkingCalendar calendar;

  ResponsibleUnits(JdbcTemplate jdbc, WorkingCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** The charges of a control log, in the order the units first ran late; open late rows count until {@code now}. */
  List<Charge> charges(List<ControlLogEntry> log, Instant now) {
    Map<String, long[]> byUnit = new LinkedHashMap<>();
    for (ControlLogEntry e : log) {
      String unit = chargedUnit(e);
      if (e.resultClass() != OutcomeClass.LATE || unit == null) {
        continue;
      }
      Instant end = e.doneAt() == null ? now : e.doneAt();
      long lost = e.stageDueAt() == null || !end.isAfter(e.stageDueAt()) ? 0
          : calendar.workingTimeBetween(e.stageDueAt(), end).toMinutes();
      long[] sum = byUnit.computeIfAbsent(unit, u -> new long[2]);
      sum[0]++;
      sum[1] += lost;
    }
    List<Charge> charges = new ArrayList<>();
    byUnit.forEach((unit, sum) -> charges.add(new Charge(unit, (int) sum[0], sum[1])));
    return charges;
  }

  /**
   * The unit answerable for a row of form 05: the one that received the dossier and held it (the unit of
   * the task); for a hand-over the system makes without a task (the transfer from the One-Stop Division),
   * the giver, which had to hand it on in time.
   */
  public static String chargedUnit(ControlLogEntry e) {
    return e.taskId() == null ? e.fromUnit() : e.toUnit();
  }

  /** The unit charged with the dossier's lateness: the one that lost the most working time (the first on a tie). */
  static String main(List<Charge> charges) {
    Charge best = null;
    for (Charge c : charges) {
      if (best == null || c.workingMinutesLate() > best.workingMinutesLate()) {
        best = c;
      }
    }
    return best == null ? null : best.unit();
  }

  /** Replaces the dossier's charges. */
  void record(long dossierId, List<Charge> charges) {
    jdbc.update("DELETE FROM dossier_responsible_unit WHERE dossier_id = ?", dossierId);
    for (Charge c : charges) {
      jdbc.update("INSERT INTO dossier_responsible_unit (dossier_id, unit, late_stages, working_minutes_late)"
          + " VALUES (?,?,?,?)", dossierId, c.unit(), c.lateStages(), (int) Math.min(Integer.MAX_VALUE, c.workingMinutesLate()));
    }
  }

  /** The dossier's recorded charges, the largest loss first. */
  List<Charge> of(long dossierId) {
    return jdbc.query("SELECT unit, late_stages, working_minutes_late FROM dossier_responsible_unit"
            + " WHERE dossier_id = ? ORDER BY working_minutes_late DESC, unit",
        (rs, i) -> new Charge(rs.getString("unit"), rs.getInt("late_stages"), rs.getLong("working_minutes_late")),
        dossierId);
  }

}
