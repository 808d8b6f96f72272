package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;

/** The running application serves its own Vietnamese locale and config.js at the webapps' URLs. */
@MotCuaSpringTest
class WebappLocalesServedTest {
  @Autowired TestRestTemplate rest;

  static String resource(String path) throws IOException {
    try (InputStream in = WebappLocalesServedTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void the_webapps_load_the_applications_vietnamese_labels_and_config(String app) throws IOException {
    ResponseEntity<byte[]> labels = rest.getForEntity("/camunda/app/" + app + "/locales/vi.json", byte[].class);
    assertThat(labels.getStatusCode().value()).isEqualTo(200);
    assertThat(new String(labels.getBody(), StandardCharsets.UTF_8))
        .isEqualTo(resource(WebappLocalesTest.BASE + app + "/locales/vi.json"));

    ResponseEntity<byte[]> config = rest.getForEntity("/camunda/app/" + app + "/scripts/config.js", byte[].class);
    assertThat(config.getStatusCode().value()).isEqualTo(200);
    assertThat(new String(config.getBody(), StandardCharsets.UTF_8)).contains("availableLocales: ['vi', 'en']");

    assertThat(rest.getForEntity("/camunda/app/" + app + "/locales/en.json", String.class).getStatusCode().value())
        .as("English stays available").isEqualTo(200);
  }
}
