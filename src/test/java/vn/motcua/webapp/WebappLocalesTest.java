package vn.motcua.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vietnamese locale of the Camunda webapps is complete: every label key of Camunda's English file,
 * read from the webapp jar on the classpath (so a webapp upgrade that adds labels fails this test), has
 * a Vietnamese translation in the application's {@code vi.json}, with the same placeholders, in NFC; the
 * date locale has every field; and the application's {@code config.js} offers Vietnamese with English as
 * the fallback.
 */
class WebappLocalesTest {
  static final String BASE = "META-INF/resources/webjars/camunda/app/";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\w+\\s*}}|\\{}");

  static JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  /** Camunda's English file, from the webapp jar (the application does not override it). */
  static JsonNode english(String app) throws IOException {
    List<URL> urls = Collections.list(WebappLocalesTest.class.getClassLoader().getResources(BASE + app + "/locales/en.json"));
    URL fromJar = urls.stream().filter(u -> u.getProtocol().equals("jar")).findFirst()
        .orElseThrow(() -> new AssertionError("Camunda webapp jar with " + app + "/locales/en.json not on the classpath"));
    return read(fromJar);
  }

  /** The application's Vietnamese file (the webjar has none). */
  static JsonNode vietnamese(String app) throws IOException {
    URL url = WebappLocalesTest.class.getClassLoader().getResource(BASE + app + "/locales/vi.json");
    assertThat(url).as("vi.json of %s", app).isNotNull();
    return read(url);
  }

  static List<String> placeholders(String s) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(s);
    while (m.find()) {
      found.add(m.group().replace(" ", ""));
    }
    Collections.sort(found);
    return found;
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void every_english_label_has_a_vietnamese_translation(String app) throws IOException {
    JsonNode en = english(app).get("labels");
    JsonNode vi = vietnamese(app).get("labels");
    TreeSet<String> missing = new TreeSet<>();
    List<String> wrong = new ArrayList<>();
    int copied = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode translated = vi.get(e.getKey());
      if (translated == null || !translated.isTextual()) {
        missing.add(e.getKey());
        continue;
      }
      String english = e.getValue().asText();
      String text = translated.asText();
      if (!english.isBlank() && text.isBlank() && !english.equals("s")) {
        wrong.add(e.getKey() + ": empty");
      }
      if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
        wrong.add(e.getKey() + ": not NFC");
      }
      if (!placeholders(english).equals(placeholders(text))) {
        wrong.add(e.getKey() + ": placeholders " + placeholders(english) + " became " + placeholders(text));
      }
      if (text.equals(english) && english.matches(".*[a-z]{4}.*")) {
        copied++;
      }
    }
    assertThat(missing).as("%s: labels of Camunda's en.json missing from vi.json (translate them)", app).isEmpty();
    assertThat(wrong).as("%s: labels translated wrongly", app).isEmpty();
    assertThat(copied).as("%s: labels left in English", app).isLessThanOrEqualTo(en.size() / 100 + 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin"})
  void the_date_locale_is_vietnamese_with_every_field_of_the_english_one(String app) throws IOException {
    JsonNode en = english(app).get("dateLocales");
    JsonNode vi = vietnamese(app).get("dateLocales");
    assertThat(vi).as("dateLocales of %s", app).isNotNull();
    List<String> missing = new ArrayList<>();
    compare("", en, vi, missing);
    assertThat(missing).as("%s: dateLocales fields missing", app).isEmpty();
    assertThat(vi.at("/longDateFormat/L").asText()).isEqualTo("DD/MM/YYYY");
    assertThat(vi.at("/weekdays/1").asText()).isEqualTo("Thứ hai");
    assertThat(vi.at("/months/0").asText()).isEqualTo("tháng 1");
  }

  static void compare(String path, JsonNode en, JsonNode vi, List<String> missing) {
    if (vi == null || vi.getNodeType() != en.getNodeType() || (en.isArray() && en.size() != vi.size())) {
      missing.add(path);
      return;
    }
    if (en.isObject()) {
      en.fieldNames().forEachRemaining(f -> compare(path + "/" + f, en.get(f), vi.get(f), missing));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void the_application_config_offers_vietnamese_with_english_as_fallback(String app) throws IOException {
    URL url = WebappLocalesTest.class.getClassLoader().getResource(BASE + app + "/scripts/config.js");
    assertThat(url).isNotNull();
    assertThat(url.getProtocol()).as("config.js of %s must be the application's, not the webjar's", app)
        .isNotEqualTo("jar");
    String config;
    try (InputStream in = url.openStream()) {
      config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(config).contains("availableLocales: ['vi', 'en']", "fallbackLocale: 'en'", "normal: 'DD/MM/YYYY HH:mm'");
  }
}
