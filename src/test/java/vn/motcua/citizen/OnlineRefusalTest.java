package vn.motcua.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.DossierVariables.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;

/**
 * Decree 118/2025: an online dossier refused at reception gets its reasons back electronically: the status event
 * to the national portal (status 3) carries the reason and the link of form 03, which the applicant downloads as
 * a PDF with the dossier code and the lookup PIN, as the signed result.
 */
@MotCuaSpringTest
class OnlineRefusalTest extends CitizenApiSupport {
  static final String REASON = "Thủ tục không thuộc thẩm quyền: địa điểm kinh doanh nằm ngoài tỉnh Tuyên Quang";

  private ResponseEntity<byte[]> refusalSlip(String client, String path, String secret) {
    HttpHeaders headers = from(client);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>("{\"secret\": \"" + secret + "\"}", headers),
        byte[].class);
  }

  @Test
  void an_online_dossier_refused_at_reception_sends_the_reason_and_form_03_to_the_applicant() throws Exception {
    clockAt("2026-09-21T09:00");
    String client = newClient();
    ResponseEntity<Map> submitted = submit(client, null,
        submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Phạm Thu Hà", "0978444555"), files("giay-de-nghi.pdf", PDF));
    assertThat(submitted.getStatusCode().value()).isEqualTo(201);
    String code = (String) submitted.getBody().get("code");
    String pin = (String) submitted.getBody().get("lookupPin");
    Dossier d = dossiers.getByCode(code);

    completeOk("mc.hung", openTask(d), vars(var(RECEPTION_DECISION, REFUSE), var(REFUSAL_REASON, REASON)));
    assertThat(reload(d).status()).isEqualTo(DossierStatus.NOT_ACCEPTED);

    // the portal's status event 3 carries the reason and where form 03 is
    List<String> payloads = jdbc.queryForList("SELECT payload FROM portal_event WHERE dossier_id = ? ORDER BY"
        + " sequence_no", String.class, d.id());
    JsonNode refused = new ObjectMapper().readTree(payloads.get(payloads.size() - 1));
    assertThat(refused.path("status").asInt()).isEqualTo(3);
    assertThat(refused.path("refusalReason").asText()).isEqualTo(REASON);
    String url = refused.path("refusalSlipUrl").asText();
    assertThat(url).endsWith("/api/public/dossiers/" + code + "/forms/03.pdf");
    assertThat(new ObjectMapper().readTree(payloads.get(0)).has("refusalReason")).isFalse();

    // the applicant opens it with the code and the PIN
    String path = url.substring(url.indexOf("/api/public/"));
    ResponseEntity<byte[]> slip = refusalSlip(client, path, pin);
    assertThat(slip.getStatusCode().value()).isEqualTo(200);
    assertThat(slip.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(new String(slip.getBody(), 0, 5)).isEqualTo("%PDF-");
    // the phone number shows the progress only
    assertThat(refusalSlip(client, path, "0978444555").getStatusCode().value()).isEqualTo(403);
    // a wrong PIN answers as an unknown code
    assertThat(refusalSlip(client, path, pin.equals("000000") ? "111111" : "000000").getStatusCode().value())
        .isEqualTo(404);
    // the status page shows the reason with the PIN
    assertThat(String.valueOf(lookup(client, code, pin).getBody().get("timeline"))).contains(REASON);
  }

  @Test
  void a_dossier_not_refused_has_no_form_03_for_the_applicant() {
    String client = newClient();
    ResponseEntity<Map> submitted = submit(client, null,
        submissionJson(COMMUNE_PROCEDURE, "tq-minhxuan", "Phạm Thu Hà", "0978444666"), files("giay-de-nghi.pdf", PDF));
    String code = (String) submitted.getBody().get("code");
    ResponseEntity<byte[]> slip = refusalSlip(client, "/api/public/dossiers/" + code + "/forms/03.pdf",
        (String) submitted.getBody().get("lookupPin"));
    assertThat(slip.getStatusCode().value()).isEqualTo(404);
    assertThat(new String(slip.getBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("không bị từ chối tiếp nhận");
  }
}
