package vn.motcua.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.motcua.report.EvaluationService.Band;

/** Circular 01/2018's bands on the total of the nine indices: ≥ 15, 12–15, 9–12, 6–9, < 6. */
class EvaluationBandTest {
  @Test
  void each_band_starts_at_its_threshold() {
    assertThat(Band.of(18)).isEqualTo(Band.EXCELLENT);
    assertThat(Band.of(15)).isEqualTo(Band.EXCELLENT);
    assertThat(Band.of(14.99)).isEqualTo(Band.GOOD);
    assertThat(Band.of(12)).isEqualTo(Band.GOOD);
    assertThat(Band.of(11.99)).isEqualTo(Band.FAIR);
    assertThat(Band.of(9)).isEqualTo(Band.FAIR);
    assertThat(Band.of(8.99)).isEqualTo(Band.AVERAGE);
    assertThat(Band.of(6)).isEqualTo(Band.AVERAGE);
    assertThat(Band.of(5.99)).isEqualTo(Band.WEAK);
    assertThat(Band.of(0)).isEqualTo(Band.WEAK);
    assertThat(Band.EXCELLENT.label()).isEqualTo("Xuất sắc");
    assertThat(Band.GOOD.label()).isEqualTo("Tốt");
    assertThat(Band.FAIR.label()).isEqualTo("Khá");
    assertThat(Band.AVERAGE.label()).isEqualTo("Trung bình");
    assertThat(Band.WEAK.label()).isEqualTo("Yếu");
  }
}
