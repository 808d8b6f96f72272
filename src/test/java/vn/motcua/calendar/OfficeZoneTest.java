package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import vn.motcua.dossier.Format;
import vn.motcua.report.ReportPeriod;

/**
 * The zone of {@code motcua.calendar.zone} is the one used by the formats and the report periods, not
 * a fixed Asia/Ho_Chi_Minh (the tests themselves run with {@code -Duser.timezone=Asia/Ho_Chi_Minh}).
 */
class OfficeZoneTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @AfterEach
  void restore() {
    OfficeZone.set(OfficeZone.DEFAULT);
  }

  @Test
  void theDefaultIsVietnam() {
    assertThat(OfficeZone.get().getId()).isEqualTo("Asia/Ho_Chi_Minh");
    Instant noonUtc = Instant.parse("2026-03-05T05:00:00Z");
    assertThat(Format.dateTime(noonUtc)).isEqualTo("12:00 ngày 05/03/2026");
    ReportPeriod march = ReportPeriod.ofMonth(YearMonth.of(2026, 3));
    assertThat(march.start()).isEqualTo(Instant.parse("2026-02-28T17:00:00Z"));
  }

  @Test
  void theSpringBuiltCalendarSetsTheConfiguredZone() {
    CalendarProperties props = new Binder(new MapConfigurationPropertySource(
        Map.of("motcua.calendar.zone", "Asia/Tokyo"))).bind("motcua.calendar", CalendarProperties.class).get();
    new WorkingCalendar(props, new DefaultResourceLoader(),
        new StaticListableBeanFactory().getBeanProvider(CalendarDayRepository.class));
    assertThat(OfficeZone.get()).isEqualTo(TOKYO);
  }

  @Test
  void formatsAndReportPeriodsHonourAnotherZone() {
    OfficeZone.set(TOKYO);
    Instant t = Instant.parse("2026-03-31T15:30:00Z"); // 22:30 on 31 March in Vietnam, 00:30 on 1 April in Tokyo
    assertThat(Format.dateTime(t)).isEqualTo("00:30 ngày 01/04/2026");
    assertThat(Format.date(t)).isEqualTo("01/04/2026");
    assertThat(Format.timeDay(t)).isEqualTo("00:30 01/04/2026");

    ReportPeriod march = new ReportPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    assertThat(march.start()).isEqualTo(Instant.parse("2026-02-28T15:00:00Z"));
    assertThat(march.end()).isEqualTo(Instant.parse("2026-03-31T15:00:00Z"));
    assertThat(ReportPeriod.parse(null, null, null, null, t)).isEqualTo(ReportPeriod.ofMonth(YearMonth.of(2026, 4)));
  }
}
