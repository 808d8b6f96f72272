package vn.motcua.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.dossier.DossierVariables;

/**
 * What a reception officer sees in Tasklist's list and form, read through the same REST calls Tasklist
 * makes: the default filter holds the unit's work, each entry carries the dossier code, applicant,
 * procedure and appointment, and the form header names units instead of their keys.
 */
@MotCuaSpringTest
class TasklistListEntryTest extends DossierTestSupport {
  private final ObjectMapper json = new ObjectMapper();

  private JsonNode get(String user, String path) throws Exception {
    return json.readTree(rest.withBasicAuth(user, "demo").getForObject(path, String.class));
  }

  @Test
  void the_default_filter_is_the_units_work_and_each_entry_shows_code_applicant_procedure_and_appointment()
      throws Exception {
    clockAt("2026-03-09T09:00");
    Dossier d = register();
    completeOk("mc.hung", openTask(d), var(DossierVariables.RECEPTION_DECISION, DossierVariables.COMPLETE));
    payFeeAtCounter(d);
    // a second dossier waits for the reception check, not yet claimed by anyone
    clockAt("2026-03-09T09:20");
    Dossier waiting = register();

    // Tasklist opens on the filter of the lowest priority
    JsonNode filters = get("mc.hung", "/engine-rest/filter?resourceType=Task&itemCount=true");
    JsonNode first = null;
    for (JsonNode f : filters) {
      if (first == null || f.path("properties").path("priority").asInt()
          < first.path("properties").path("priority").asInt()) {
        first = f;
      }
    }
    assertThat(first.path("name").asText()).isEqualTo(TasklistFilters.UNIT_TASKS);
    assertThat(first.path("itemCount").asInt()).isPositive();

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(java.util.List.of(MediaType.parseMediaType("application/hal+json")));
    ResponseEntity<String> list = rest.withBasicAuth("mc.hung", "demo").exchange(
        "/engine-rest/filter/" + first.path("id").asText() + "/list?firstResult=0&maxResults=50", HttpMethod.POST,
        new HttpEntity<>("{}", headers), String.class);
    JsonNode tasks = json.readTree(list.getBody()).path("_embedded").path("task");
    Task check = openTask(waiting);
    JsonNode entry = null;
    for (JsonNode t : tasks) {
      if (t.path("id").asText().equals(check.getId())) {
        entry = t;
      }
    }
    assertThat(entry).as("the waiting dossier's task in the default filter").isNotNull();
    Map<String, String> shown = new HashMap<>();
    for (JsonNode v : entry.path("_embedded").path("variable")) {
      shown.put(v.path("name").asText(), v.path("value").asText());
    }
    assertThat(shown).containsEntry("dossierCode", waiting.code()).containsEntry("applicantName", "Nguyễn Văn An")
        .containsEntry("procedureName", waiting.procedureName()).containsKey(TaskDossierView.APPOINTMENT_TEXT);
    assertThat(entry.path("due").asText()).isNotBlank();

    // the accepted dossier's task shows its appointment in Vietnam's time, whatever the server's zone
    Task appraise = openTask(d);
    assertThat(taskService.getVariable(appraise.getId(), TaskDossierView.APPOINTMENT_TEXT))
        .isEqualTo("09:00 ngày 12/03/2026");
    assertThat(taskService.getVariable(appraise.getId(), TaskDossierView.RECEIVING_UNIT_NAME))
        .isEqualTo(dossiers.unitName("tq-minhxuan"));
    assertThat(dossiers.unitName("tq-minhxuan")).isNotEqualTo("tq-minhxuan");
  }

  @Test
  void no_form_shows_a_unit_key_a_browser_zone_date_or_the_documents_twice() throws Exception {
    try (var forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        String text = Files.readString(form);
        assertThat(text).as(form.toString())
            .doesNotContain("{{receivingUnit}}", "{{competentUnit}}", "\"documentList\"", "substring(receivedAt");
      }
    }
  }
}
