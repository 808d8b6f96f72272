package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;

/**
 * The reception page (/tiep-nhan/, issue 27): served in Vietnamese without external resources; the units the
 * officer receives at; and the calls the page makes, in its order — find the procedure without diacritics,
 * read its documents, register with the documents the applicant brought.
 */
@MotCuaSpringTest
class ReceptionPageTest extends DossierTestSupport {

  @Test
  void the_reception_page_is_served_in_vietnamese_without_external_resources() {
    ResponseEntity<String> page = rest.getForEntity("/tiep-nhan/", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("<html lang=\"vi\">", "Tiếp nhận hồ sơ tại Bộ phận Một cửa", "Tìm thủ tục",
        "tiep-nhan.js", "../chung/motcua.js").doesNotContain("http://", "https://");
    String script = rest.getForEntity("/tiep-nhan/tiep-nhan.js", String.class).getBody();
    assertThat(script).contains("/api/public/procedures/search", "/api/dossiers/reception-units", "'/api/dossiers'",
        "channel: 'DIRECT'").doesNotContain("http://", "https://");
    String shared = rest.getForEntity("/chung/motcua.js", String.class).getBody();
    assertThat(shared).contains("sessionStorage", "Sai tên đăng nhập hoặc mật khẩu.");
    // without the slash: redirected to the page (the test client follows the redirect)
    assertThat(rest.getForEntity("/tiep-nhan", String.class).getBody()).contains("Tiếp nhận hồ sơ tại Bộ phận Một cửa");
  }

  @Test
  void an_officer_sees_the_units_where_they_receive_and_only_those() {
    ResponseEntity<List> reception = rest.withBasicAuth("mc.hung", "demo").getForEntity("/api/dossiers/reception-units",
        List.class);
    assertThat(reception.getStatusCode().value()).isEqualTo(200);
    assertThat(reception.getBody()).containsExactly(Map.of("key", "tq-minhxuan", "name", "Ủy ban nhân dân phường Minh Xuân"));
    // a specialist receives nowhere: the page tells them so instead of offering a registration that fails
    assertThat(rest.withBasicAuth("cv.minh", "demo").getForEntity("/api/dossiers/reception-units", List.class).getBody())
        .isEmpty();
    assertThat(rest.getForEntity("/api/dossiers/reception-units", String.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void the_officer_finds_the_procedure_typed_without_diacritics_and_registers_what_the_applicant_brought() {
    ResponseEntity<List> found = rest.withBasicAuth("mc.hung", "demo")
        .getForEntity("/api/public/procedures/search?limit=30&q=ho kinh doanh", List.class);
    assertThat(found.getStatusCode().value()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> first = (Map<String, Object>) found.getBody().get(0);
    assertThat(first).containsEntry("key", PROCEDURE);
    Map<?, ?> procedure = rest.getForEntity("/api/public/procedures/" + PROCEDURE, Map.class).getBody();
    List<?> documents = (List<?>) procedure.get("documents");
    assertThat(documents).hasSizeGreaterThan(2);

    // the body the page builds: channel DIRECT, the ticked documents with their copies, no unit when one
    String body = """
        {"procedureKey": "%s", "channel": "DIRECT", "receivingUnit": null,
         "applicant": {"name": "Lê Thị Thu", "idNumber": "001190012345", "phone": "0987654321", "email": null,
                       "address": "Tổ 3, phường Minh Xuân, tỉnh Tuyên Quang", "representative": null},
         "requestSummary": "Đăng ký hộ kinh doanh may mặc",
         "documents": [{"name": "%s", "copies": 2}, {"name": "%s", "copies": 1}]}
        """.formatted(PROCEDURE, documents.get(0), documents.get(1));
    ResponseEntity<Map> registered = rest.withBasicAuth("mc.hung", "demo")
        .postForEntity("/api/dossiers", new HttpEntity<>(body, json()), Map.class);
    assertThat(registered.getStatusCode().value()).as(String.valueOf(registered.getBody())).isEqualTo(201);
    Dossier d = dossiers.getByCode((String) registered.getBody().get("code"));
    assertThat(d.receivingUnit()).isEqualTo("tq-minhxuan");
    assertThat(dossiers.documents(d.id())).extracting(DossierDocument::name)
        .containsExactly((String) documents.get(0), (String) documents.get(1));
    assertThat(openTask(d).getName()).isEqualTo("Kiểm tra hồ sơ");

    // a field the applicant left out comes back by name, in Vietnamese, and nothing is registered
    long before = jdbc.queryForObject("select count(*) from dossier", Long.class);
    ResponseEntity<Map> refused = rest.withBasicAuth("mc.hung", "demo").postForEntity("/api/dossiers",
        new HttpEntity<>(body.replace("\"Lê Thị Thu\"", "\"\""), json()), Map.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat((Map<String, Object>) refused.getBody().get("fields")).containsKey("applicant.name");
    assertThat(jdbc.queryForObject("select count(*) from dossier", Long.class)).isEqualTo(before);
  }
}
