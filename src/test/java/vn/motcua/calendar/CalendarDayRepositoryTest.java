package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalendarDayRepositoryTest {

  @ParameterizedTest(name = "postgresMode={0}")
  @ValueSource(booleans = {false, true})
  void saveReplaceFindDelete(boolean postgresMode) {
    CalendarDayRepository repo =
        new CalendarDayRepository(TestCalendars.h2("repo" + postgresMode, postgresMode));
    LocalDate date = LocalDate.of(2026, 11, 24);
    OffsetDateTime at = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.ofHours(7));
    repo.save(new AdminDay(date, DayKind.DAY_OFF, "Ngày Văn hóa Việt Nam", null, "admin", at));
    repo.save(new AdminDay(date, DayKind.DAY_OFF, "Ngày Văn hóa Việt Nam", "Quyết định mới", "admin2", at));
    assertThat(repo.findAll()).hasSize(1);
    AdminDay saved = repo.find(date).orElseThrow();
    assertThat(saved.note()).isEqualTo("Quyết định mới");
    assertThat(saved.createdBy()).isEqualTo("admin2");
    assertThat(saved.createdAt().toInstant()).isEqualTo(at.toInstant());
    assertThat(repo.delete(date)).isTrue();
    assertThat(repo.delete(date)).isFalse();
    assertThat(repo.findAll()).isEmpty();
  }
}
