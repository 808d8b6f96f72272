package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CalendarPropertiesTest {

  @Test
  void defaults() {
    CalendarProperties p = CalendarProperties.defaults();
    assertThat(p.workingDay()).isEqualTo(Duration.ofHours(8));
    assertThat(p.cutOff()).isEqualTo(LocalTime.of(15, 0));
    assertThat(p.zone().getId()).isEqualTo("Asia/Ho_Chi_Minh");
    assertThat(p.reloadInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.cultureDayOff()).isFalse();
  }

  @Test
  void bindsFromApplicationProperties() {
    Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
        "motcua.calendar.morning-start", "08:00",
        "motcua.calendar.afternoon-end", "17:00",
        "motcua.calendar.holiday-file", "file:/etc/motcua/holidays-vn.json",
        "motcua.calendar.reload-interval", "30s",
        "motcua.calendar.culture-day-off", "true")));
    CalendarProperties p = binder.bind("motcua.calendar", CalendarProperties.class).get();
    assertThat(p.morningStart()).isEqualTo(LocalTime.of(8, 0));
    assertThat(p.workingDay()).isEqualTo(Duration.ofHours(7));
    assertThat(p.holidayFile()).isEqualTo("file:/etc/motcua/holidays-vn.json");
    assertThat(p.reloadInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.cultureDayOff()).isTrue();
  }
}
