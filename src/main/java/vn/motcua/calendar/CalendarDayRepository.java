package vn.motcua.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrator-added calendar days in table {@code calendar_day} (migration
 * {@code V2__calendar_days.sql}). The column {@code "day"} is always quoted: DAY is a reserved word in
 * H2 2.x.
 */
@Repository
public class CalendarDayRepository {

  private static final String COLUMNS = "\"day\", kind, name, note, created_by, created_at";

  private final JdbcTemplate jdbc;

  public CalendarDayRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** All admin-added days in date order. */
  public List<AdminDay> findAll() {
    return jdbc.query("SELECT " + COLUMNS + " FROM calendar_day ORDER BY \"day\"", this::map);
  }

  public Optional<AdminDay> find(LocalDate date) {
    return jdbc.query("SELECT " + COLUMNS + " FROM calendar_day WHERE \"day\" = ?", this::map, date)
        .stream().findFirst();
  }

  /** Inserts the day or replaces the existing one for the same date. */
  @Transactional
  public void save(AdminDay day) {
    int updated = jdbc.update(
        "UPDATE calendar_day SET kind = ?, name = ?, note = ?, created_by = ?, created_at = ? "
            + "WHERE \"day\" = ?",
        day.kind().name(), day.name(), day.note(), day.createdBy(), day.createdAt(), day.date());
    if (updated == 0) {
      jdbc.update("INSERT INTO calendar_day (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
          day.date(), day.kind().name(), day.name(), day.note(), day.createdBy(), day.createdAt());
    }
  }

  /** Removes the admin-added day of {@code date}; false when there was none. */
  public boolean delete(LocalDate date) {
    return jdbc.update("DELETE FROM calendar_day WHERE \"day\" = ?", date) > 0;
  }

  private AdminDay map(ResultSet rs, int row) throws SQLException {
    DayKind kind = DayKind.parse(rs.getString(2));
    if (kind == null) {
      throw new SQLException("calendar_day has an unknown kind '" + rs.getString(2) + "'");
    }
    return new AdminDay(
        rs.getObject(1, LocalDate.class),
        kind,
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getObject(6, OffsetDateTime.class));
  }
}
