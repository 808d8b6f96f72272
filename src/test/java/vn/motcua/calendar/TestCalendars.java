package vn.motcua.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared fixtures for the calendar tests. */
public final class TestCalendars {

  private static WorkingCalendar defaultCalendar;

  private TestCalendars() {}

  /** Calendar with the bundled holiday file and no database (shared, read-only). */
  public static synchronized WorkingCalendar defaultCalendar() {
    if (defaultCalendar == null) {
      defaultCalendar = calendar(CalendarProperties.defaults());
    }
    return defaultCalendar;
  }

  public static WorkingCalendar calendar(CalendarProperties props) {
    return new WorkingCalendar(props, new DefaultResourceLoader(), (CalendarDayRepository) null);
  }

  /** Instant of an ISO local date-time in Vietnam, e.g. "2026-02-13T15:30". */
  public static Instant vn(String localDateTime) {
    return OffsetDateTime.parse(localDateTime + "+07:00").toInstant();
  }

  /** A fresh in-memory H2 database with the V2 migration applied. */
  static JdbcTemplate h2(String name, boolean postgresMode) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"
        + (postgresMode ? ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" : ""));
    JdbcTemplate jdbc = new JdbcTemplate((DataSource) ds);
    jdbc.execute("DROP ALL OBJECTS");
    jdbc.execute(migration());
    return jdbc;
  }

  static String migration() {
    try (InputStream in = new ClassPathResource("db/migration/V2__calendar_days.sql").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
