package vn.motcua.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.MotCuaSpringTest;

/**
 * Dossiers delivered by the national portal (docs/portal.md, "Dossiers in"): the portal's own dossier number
 * is kept beside ours and sent back in the status events; a retried delivery, with or without the same
 * idempotency key, makes no second dossier.
 */
@MotCuaSpringTest
class PortalDeliveryTest extends CitizenApiSupport {

  private ResponseEntity<Map> deliver(String client, String key, String portalNumber, String json) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.APPLICATION_JSON);
    body.add("dossier", new HttpEntity<>(json, part));
    body.add("files", filePart("Giấy đề nghị.pdf", PDF));
    HttpHeaders headers = from(client);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    if (key != null) {
      headers.set("Idempotency-Key", key);
    }
    if (portalNumber != null) {
      headers.set("X-Portal-Dossier-Number", portalNumber);
    }
    return rest.exchange("/api/public/dossiers", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  @Test
  void the_portals_dossier_number_is_kept_beside_ours_and_a_retried_delivery_makes_no_second_dossier() {
    String client = newClient();
    String json = submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Lê Văn Bình", "0987654321");
    ResponseEntity<Map> first = deliver(client, null, "G22.99-251203-000417", json);
    assertThat(first.getStatusCode().value()).as(String.valueOf(first.getBody())).isEqualTo(201);
    String code = (String) first.getBody().get("code");
    assertThat(first.getBody().get("portalDossierNumber")).isEqualTo("G22.99-251203-000417");
    long id = dossiers.getByCode(code).id();
    assertThat(dossiers.portalDossierNumber(id)).isEqualTo("G22.99-251203-000417");
    // the status event of the new dossier carries the portal's number too
    String payload = jdbc.queryForObject("SELECT payload FROM portal_event WHERE dossier_id = ? AND sequence_no = 1",
        String.class, id);
    assertThat(payload).contains("\"portalDossierNumber\":\"G22.99-251203-000417\"").contains("\"status\":1");

    long before = count("SELECT COUNT(*) FROM dossier");
    // the portal retries without a key, then with a key of its own: the same dossier each time
    ResponseEntity<Map> retry = deliver(client, null, "G22.99-251203-000417", json);
    ResponseEntity<Map> keyed = deliver(client, "portal-retry-000417", "G22.99-251203-000417", json);
    for (ResponseEntity<Map> r : java.util.List.of(retry, keyed)) {
      assertThat(r.getStatusCode().value()).isEqualTo(200);
      assertThat(r.getBody()).containsEntry("code", code).containsEntry("replayed", true);
    }
    assertThat(count("SELECT COUNT(*) FROM dossier")).isEqualTo(before);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey(COMMUNE_PROCEDURE).count()).isEqualTo(1);

    ResponseEntity<Map> bad = deliver(client, null, "G22 99/417", json);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat((String) bad.getBody().get("message")).isEqualTo("Số hồ sơ trên Cổng Dịch vụ công quốc gia không hợp lệ.");
    assertThat(count("SELECT COUNT(*) FROM dossier")).isEqualTo(before);
  }
}
