package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import vn.motcua.MotCuaSpringTest;

/** Swagger UI: opens on the citizens' API; each API has its own description and named, summarised groups. */
@MotCuaSpringTest
class OpenApiDocsTest {
  @Autowired TestRestTemplate rest;
  private final ObjectMapper json = new ObjectMapper();

  private JsonNode get(String path) throws Exception {
    return json.readTree(rest.getForObject(path, String.class));
  }

  @Test
  void the_officers_api_has_its_own_description_and_groups_named_with_summaries() throws Exception {
    JsonNode officers = get("/v3/api-docs/officers");
    JsonNode citizens = get("/v3/api-docs/public");
    assertThat(officers.path("info").path("description").asText()).contains("cán bộ", "officers")
        .isNotEqualTo(citizens.path("info").path("description").asText());
    assertThat(citizens.path("info").path("description").asText()).contains("Nộp hồ sơ trực tuyến");

    List<String> operationTags = new ArrayList<>();
    officers.path("paths").forEach(item -> item.forEach(op -> op.path("tags").forEach(t -> operationTags.add(t.asText()))));
    assertThat(operationTags).isNotEmpty().noneMatch(t -> t.endsWith("-controller"));
    assertThat(operationTags).contains("Hồ sơ", "Báo cáo giám sát", "In phiếu");
    officers.path("tags").forEach(t -> assertThat(t.path("description").asText()).as(t.path("name").asText())
        .contains(" / "));
    assertThat(officers.path("tags").size()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void swagger_ui_opens_on_the_citizens_api() throws Exception {
    JsonNode config = get("/v3/api-docs/swagger-config");
    assertThat(config.path("urls.primaryName").asText()).isEqualTo("public");
  }
}
