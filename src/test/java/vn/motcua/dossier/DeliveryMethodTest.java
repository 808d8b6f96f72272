package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The wording of the delivery methods, as the timeline, the ledger (form 06) and the apology letters show it. */
class DeliveryMethodTest {

  @Test
  void resultsMayBeReturnedAtTheCounterByPostOrOnline() {
    assertThat(DeliveryMethod.FOR_RESULTS).containsExactlyInAnyOrder("COUNTER", "POST", "ONLINE");
    assertThat(DeliveryMethod.ALL).containsExactlyInAnyOrder("COUNTER", "POST", "EMAIL", "SMS", "PHONE", "ONLINE");
  }

  @Test
  void ledgerLabels() {
    assertThat(DeliveryMethod.label("COUNTER")).isEqualTo("Trực tiếp tại Bộ phận Một cửa");
    assertThat(DeliveryMethod.label("POST")).isEqualTo("Dịch vụ bưu chính");
    assertThat(DeliveryMethod.label("ONLINE")).isEqualTo("Trực tuyến");
    assertThat(DeliveryMethod.label(null)).isEmpty();
    assertThat(DeliveryMethod.label("FAX")).isEqualTo("FAX");
  }

  @Test
  void phrasesForTheTimeline() {
    assertThat(DeliveryMethod.resultPhrase("COUNTER")).isEqualTo("trực tiếp tại Bộ phận Một cửa");
    assertThat(DeliveryMethod.resultPhrase("POST")).isEqualTo("qua dịch vụ bưu chính");
    assertThat(DeliveryMethod.resultPhrase("ONLINE")).isEqualTo("kết quả điện tử");
    assertThat(DeliveryMethod.phrase("ONLINE")).isEqualTo("qua cổng dịch vụ công");
    assertThat(DeliveryMethod.phrase("PHONE")).isEqualTo("qua điện thoại");
    assertThat(DeliveryMethod.phrase(null)).isEqualTo("chưa ghi hình thức");
  }
}
