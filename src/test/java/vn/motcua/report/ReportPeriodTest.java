package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.motcua.web.ApiException;

class ReportPeriodTest {
  static final Instant NOW = Instant.parse("2026-03-10T03:00:00Z");

  @Test
  void a_month_is_whole_days_in_vietnam_time() {
    ReportPeriod p = ReportPeriod.parse(null, null, "2026-02", null, NOW);
    assertThat(p.from()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(p.to()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(p.start()).isEqualTo(Instant.parse("2026-01-31T17:00:00Z"));
    assertThat(p.end()).isEqualTo(Instant.parse("2026-02-28T17:00:00Z"));
    assertThat(p.label()).isEqualTo("01/02/2026 – 28/02/2026");
  }

  @Test
  void without_parameters_the_period_is_the_current_month_and_overdue_is_judged_now() {
    ReportPeriod p = ReportPeriod.parse(null, null, null, null, NOW);
    assertThat(p.from()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(p.asOf(NOW)).isEqualTo(NOW);
    assertThat(ReportPeriod.ofMonth(java.time.YearMonth.of(2026, 1)).asOf(NOW))
        .isEqualTo(Instant.parse("2026-01-31T17:00:00Z"));
  }

  @Test
  void a_year_and_free_dates_are_accepted() {
    assertThat(ReportPeriod.parse(null, null, null, "2025", NOW).to()).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(ReportPeriod.parse("2026-01-05", "2026-01-09", null, null, NOW).from())
        .isEqualTo(LocalDate.of(2026, 1, 5));
  }

  @Test
  void bad_periods_are_refused_with_http_400() {
    for (String[] bad : new String[][] {{"2026-01-09", "2026-01-05", null, null}, {"2026-01-05", null, null, null},
        {null, null, "2026-13", null}, {null, null, null, "hai"}, {null, null, null, "1990"},
        {"2000-01-01", "2026-01-01", null, null}}) {
      assertThatThrownBy(() -> ReportPeriod.parse(bad[0], bad[1], bad[2], bad[3], NOW))
          .isInstanceOf(ApiException.class)
          .satisfies(e -> assertThat(((ApiException) e).status().value()).isEqualTo(400));
    }
  }

  @Test
  void a_quarter_is_its_three_months_and_bad_quarters_are_refused() {
    ReportPeriod q2 = ReportPeriod.parse(null, null, null, "2021-Q2", null, NOW);
    assertThat(q2.from()).isEqualTo(LocalDate.of(2021, 4, 1));
    assertThat(q2.to()).isEqualTo(LocalDate.of(2021, 6, 30));
    assertThat(ReportPeriod.parse(null, null, null, "2024-q1", null, NOW).to()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(ReportPeriod.ofQuarter(2025, 4).from()).isEqualTo(LocalDate.of(2025, 10, 1));
    assertThat(ReportPeriod.ofQuarter(2025, 4).to()).isEqualTo(LocalDate.of(2025, 12, 31));
    for (String bad : new String[] {"2021-Q5", "2021-Q0", "2021Q1", "Q1-2021", "quý 1"}) {
      assertThatThrownBy(() -> ReportPeriod.parse(null, null, null, bad, null, NOW))
          .isInstanceOf(ApiException.class)
          .hasMessage("Quý báo cáo không hợp lệ.");
    }
  }
}
