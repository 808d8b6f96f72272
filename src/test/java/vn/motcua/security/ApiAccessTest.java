package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;

/** Role checks of the project API: admin endpoints for supervisors and process admins only. */
@MotCuaSpringTest
class ApiAccessTest {
  @Autowired TestRestTemplate rest;

  @Test
  void calendar_administration_is_for_supervisors_and_process_admins() {
    assertThat(rest.getForEntity("/api/admin/calendar/status", String.class).getStatusCode().value()).isEqualTo(401);
    ResponseEntity<String> specialist = rest.withBasicAuth("cv.minh", "demo")
        .getForEntity("/api/admin/calendar/status", String.class);
    assertThat(specialist.getStatusCode().value()).isEqualTo(403);
    assertThat(specialist.getBody()).contains("không có quyền");
    assertThat(rest.withBasicAuth("gs.ha", "demo").getForEntity("/api/admin/calendar/status", String.class)
        .getStatusCode().value()).isEqualTo(200);
    assertThat(rest.withBasicAuth("qt.phuong", "demo").getForEntity("/api/admin/calendar/days?year=2026", String.class)
        .getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void the_procedure_catalogue_is_public() {
    ResponseEntity<String> catalogue = rest.getForEntity("/api/public/procedures", String.class);
    assertThat(catalogue.getStatusCode().value()).isEqualTo(200);
    assertThat(catalogue.getBody()).contains("Đăng ký thành lập hộ kinh doanh").contains("1.001612");
    assertThat(rest.getForEntity("/api/public/procedures/Procedure_Nope", String.class).getStatusCode().value())
        .isEqualTo(404);
  }
}
