package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the adapter classifies the portal's answers (docs/portal.md, "Retry and dead letter"). */
class HttpPortalClientTest {

  @Test
  void a_2xx_or_409_is_an_acknowledgement_5xx_408_429_are_retried_other_4xx_are_refused_in_vietnamese() {
    assertThat(HttpPortalClient.classify(200, "{\"accepted\":true,\"duplicate\":false}"))
        .isEqualTo(new PortalClient.Result.Acknowledged(200, false));
    assertThat(HttpPortalClient.classify(200, "{\"accepted\":true,\"duplicate\":true}"))
        .isEqualTo(new PortalClient.Result.Acknowledged(200, true));
    assertThat(HttpPortalClient.classify(409, "")).isEqualTo(new PortalClient.Result.Acknowledged(409, true));
    for (int status : new int[] {500, 502, 503, 504, 408, 429}) {
      assertThat(HttpPortalClient.classify(status, "busy")).as("HTTP " + status)
          .isInstanceOf(PortalClient.Result.Transient.class);
    }
    PortalClient.Result refused = HttpPortalClient.classify(401, "{\"error\":\"api key\"}");
    assertThat(refused).isInstanceOf(PortalClient.Result.Rejected.class);
    assertThat(((PortalClient.Result.Rejected) refused).reason()).isEqualTo("Cổng Dịch vụ công quốc gia từ chối sự"
        + " kiện trạng thái (HTTP 401): khóa kết nối (API key) không đúng hoặc không có quyền. Phản hồi của Cổng:"
        + " {\"error\":\"api key\"}");
    assertThat(((PortalClient.Result.Rejected) HttpPortalClient.classify(400, "")).reason())
        .isEqualTo("Cổng Dịch vụ công quốc gia từ chối sự kiện trạng thái (HTTP 400): dữ liệu không hợp lệ.");
  }
}
