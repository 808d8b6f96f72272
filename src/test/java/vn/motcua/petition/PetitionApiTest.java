package vn.motcua.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;

/**
 * The petitions' API: bad input is a 4xx in Vietnamese that stores nothing; a retry with the same
 * Idempotency-Key gives the same petition; officers read only their units' petitions (and those about a
 * dossier they may read); the report per agency.
 */
@MotCuaSpringTest
class PetitionApiTest extends PetitionTestSupport {

  private long stored() {
    return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM petition) + (SELECT COUNT(*) FROM petition_file)"
        + " + (SELECT COUNT(*) FROM petition_event) + (SELECT COUNT(*) FROM ACT_RU_EXECUTION)", Long.class);
  }

  private void refused(ResponseEntity<Map> r, int status, String field) {
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(status);
    assertThat((String) r.getBody().get("message")).matches(".*[ảạăâđêôơưếệịọốồớờủứừ].*");
    if (field != null) {
      assertThat((Map<String, String>) r.getBody().get("fields")).containsKey(field);
    }
  }

  @Test
  void bad_submissions_are_refused_in_vietnamese_and_store_nothing() {
    long before = stored();
    String ok = petitionJson("tq-minhxuan", "Đề nghị đơn giản thủ tục", "Nội dung phản ánh đủ dài để được nhận.");
    refused(submit(newClient(), null, null, Map.of()), 400, "petition");
    refused(submit(newClient(), null, "{không phải json", Map.of()), 400, "petition");
    refused(submit(newClient(), null, "{\"name\": [1]}", Map.of()), 400, null);
    refused(submit(newClient(), null, "{}", Map.of()), 400, "phone");
    refused(submit(newClient(), null, ok.replace("0987654321", "12345"), Map.of()), 400, "phone");
    refused(submit(newClient(), null, ok.replace("\"address\": \"Số 7 ngõ 3 đường Tân Trào, phường Minh Xuân\",", ""),
        Map.of()), 400, "address");
    refused(submit(newClient(), null, ok.replace("Trần Thị Bích", "Trần\u202eBích"), Map.of()), 400, "name");
    refused(submit(newClient(), null, ok.replace("tq-minhxuan", "tq-stp"), Map.of()), 400, "unit");
    refused(submit(newClient(), null, ok.replace("\"unit\": \"tq-minhxuan\", ",
        "\"unit\": \"tq-minhxuan\", \"dossierCode\": \"000.01.30.H60-991231-9999\", "), Map.of()), 400, "dossierCode");
    refused(submit(newClient(), null, ok, Map.of("virus.pdf", "MZ not a pdf".getBytes())), 400, "files[0]");
    refused(submit(newClient(), "key with spaces!", ok, Map.of()), 400, "Idempotency-Key");
    refused(postJson("/api/public/petitions/lookup", "{}"), 400, "code");
    refused(postJson("/api/public/petitions/lookup", "{\"code\": \"PAKN-000.01.30.H60-260101-0001\", \"phone\": \"0987654321\"}"),
        404, null);
    ResponseEntity<Map> search = rest.getForEntity("/api/public/petitions/answers?size=500", Map.class);
    refused(search, 400, "size");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void a_retry_with_the_same_key_gives_the_same_petition_and_another_content_is_refused() {
    String key = UUID.randomUUID().toString();
    String json = petitionJson("tq-minhxuan", "Phản ánh giờ làm việc bộ phận một cửa",
        "Bộ phận một cửa phường đóng cửa sớm trước 17 giờ ngày 12/3.");
    ResponseEntity<Map> first = submit(newClient(), key, json, Map.of("bien-ban.pdf", PDF));
    assertThat(first.getStatusCode().value()).isEqualTo(201);
    long before = stored();
    ResponseEntity<Map> again = submit(newClient(), key, json, Map.of("bien-ban.pdf", PDF));
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody().get("code")).isEqualTo(first.getBody().get("code"));
    assertThat(again.getBody().get("replayed")).isEqualTo(true);
    refused(submit(newClient(), key, json.replace("17 giờ", "16 giờ"), Map.of()), 422, null);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void officers_see_their_units_petitions_and_those_about_a_dossier_they_may_read() {
    // a petition recorded by the hotline officer of Minh Xuân about a dossier of the ward
    Dossier d = register();
    ResponseEntity<Map> recorded = rest.withBasicAuth("mc.hung", "demo").postForEntity("/api/petitions",
        new HttpEntity<>("""
            {"channel": "HOTLINE", "unit": "tq-minhxuan", "dossierCode": "%s", "name": "Lê Văn Cường",
             "phone": "0912000111", "address": "Tổ 9, phường Minh Xuân",
             "subject": "Hồ sơ hộ kinh doanh chậm", "content": "Gọi đường dây nóng: hồ sơ của tôi chưa được thẩm định."}
            """.formatted(d.code()), json()), Map.class);
    assertThat(recorded.getStatusCode().value()).as(String.valueOf(recorded.getBody())).isEqualTo(201);
    String code = (String) recorded.getBody().get("code");
    Petition p = petitions.findByCode(code).orElseThrow();
    assertThat(p.channel()).isEqualTo(Petition.Channel.HOTLINE);
    assertThat(p.receivedBy()).isEqualTo("mc.hung");

    // another ward's reception may not record for Minh Xuân
    refused(rest.withBasicAuth("mc.tuan", "demo").postForEntity("/api/petitions", new HttpEntity<>(
        "{\"channel\": \"COUNTER\", \"unit\": \"tq-minhxuan\", \"name\": \"Lê Văn Cường\", \"phone\": \"0912000111\","
            + " \"address\": \"Tổ 9\", \"subject\": \"Thử\", \"content\": \"Nội dung thử nghiệm đủ dài.\"}", json()),
        Map.class), 400, "unit");

    // the ward's officers read it with the contact details; another ward's do not
    ResponseEntity<Map> mine = rest.withBasicAuth("cv.minh", "demo").getForEntity("/api/petitions/" + code, Map.class);
    assertThat(mine.getStatusCode().value()).isEqualTo(200);
    assertThat(mine.getBody().toString()).contains("0912000111");
    assertThat(rest.withBasicAuth("cv.huong", "demo").getForEntity("/api/petitions/" + code, Map.class)
        .getStatusCode().value()).isEqualTo(403);
    // the dossier's officers find it from the dossier
    ResponseEntity<List<Map<String, Object>>> ofDossier = rest.withBasicAuth("ld.thao", "demo").exchange(
        "/api/petitions?dossier=" + d.code(), HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(ofDossier.getBody()).extracting(m -> m.get("code")).containsExactly(code);
    assertThat(rest.withBasicAuth("cv.huong", "demo").getForEntity("/api/petitions?dossier=" + d.code(), Map.class)
        .getStatusCode().value()).isEqualTo(403);
    // the unit's list
    ResponseEntity<List<Map<String, Object>>> list = rest.withBasicAuth("cv.minh", "demo").exchange(
        "/api/petitions", HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(list.getBody()).anyMatch(m -> code.equals(m.get("code")));
    ResponseEntity<List<Map<String, Object>>> other = rest.withBasicAuth("cv.huong", "demo").exchange(
        "/api/petitions", HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(other.getBody()).noneMatch(m -> code.equals(m.get("code")));

    // the report: the ward's supervisor sees the ward, the province's all; a specialist none
    ResponseEntity<Map> report = rest.withBasicAuth("gs.nam", "demo").getForEntity("/api/reports/petitions", Map.class);
    assertThat(report.getStatusCode().value()).isEqualTo(200);
    List<Map<String, Object>> agencies = (List<Map<String, Object>>) report.getBody().get("agencies");
    assertThat(agencies).extracting(a -> a.get("unit")).containsOnly("tq-minhxuan");
    assertThat(((Number) agencies.get(0).get("received")).longValue()).isGreaterThanOrEqualTo(1);
    assertThat(rest.withBasicAuth("gs.ha", "demo").getForEntity("/api/reports/petitions?unit=tq-minhxuan", Map.class)
        .getStatusCode().value()).isEqualTo(200);
    assertThat(rest.withBasicAuth("cv.minh", "demo").getForEntity("/api/reports/petitions", Map.class)
        .getStatusCode().value()).isEqualTo(403);
  }
}
