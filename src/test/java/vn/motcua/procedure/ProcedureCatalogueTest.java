package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;

/** The public catalogue lists every deployed procedure with the facts read from its own model. */
@MotCuaSpringTest
class ProcedureCatalogueTest {
  @Autowired TestRestTemplate rest;

  private List<Map<String, Object>> catalogue() {
    ResponseEntity<List<Map<String, Object>>> response = rest.exchange("/api/public/procedures", HttpMethod.GET, null,
        new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  @Test
  void every_procedure_model_is_in_the_public_catalogue_with_the_facts_of_its_model() throws IOException {
    // the hand-made procedures of processes/ (the petitions process there is not a procedure: no procedure code);
    // procedures generated from the catalogue file (Procedure_TTHC_…, CatalogueImportTest) are listed as well
    List<Map<String, Object>> procedures = catalogue().stream()
        .filter(p -> !p.get("key").toString().startsWith("Procedure_TTHC_")).toList();
    List<Path> files;
    try (var walk = Files.list(Path.of("processes"))) {
      files = walk.filter(p -> p.toString().endsWith(".bpmn")).filter(p -> {
        Process process = Bpmn.readModelFromFile(p.toFile()).getModelElementsByType(Process.class).iterator().next();
        return ModelProperties.of(process).containsKey("procedure.code");
      }).toList();
    }
    assertThat(procedures).hasSize(files.size()).hasSizeGreaterThanOrEqualTo(7);
    for (Path file : files) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Process process = model.getModelElementsByType(Process.class).iterator().next();
      Map<String, List<String>> props = ModelProperties.of(process);
      Map<String, Object> listed = procedures.stream().filter(p -> p.get("key").equals(process.getId())).findFirst()
          .orElseThrow(() -> new AssertionError(process.getId() + " is not in the catalogue"));
      assertThat(listed.get("name")).isEqualTo(process.getName());
      assertThat(listed.get("code")).isEqualTo(props.get("procedure.code").get(0));
      assertThat(listed.get("level")).isEqualTo(props.get("procedure.level").get(0));
      assertThat(listed.get("competentAgency")).isEqualTo(props.get("procedure.competentAgency").get(0));
      assertThat(listed.get("statutoryDays").toString()).isEqualTo(props.get("procedure.statutoryDays").get(0));
      assertThat(listed.get("fee").toString()).isEqualTo(props.get("procedure.fee").get(0));
      assertThat(listed.get("documents")).isEqualTo(props.get("procedure.document"));
      assertThat((List<Map<String, String>>) listed.get("forms")).extracting(f -> f.get("formId"))
          .contains("form-reception-check", "form-appraisal", "form-approval", "form-return");
    }
  }

  @Test
  void inter_agency_procedures_list_the_partner_forms_and_their_stages() {
    Map<String, Object> newborn = catalogue().stream().filter(p -> p.get("key").equals("Procedure_NewbornPackage"))
        .findFirst().orElseThrow();
    assertThat((List<Map<String, String>>) newborn.get("forms")).extracting(f -> f.get("formId"))
        .contains("form-partner-process", "form-inter-agency-fix", "form-apology-draft", "form-stage-alert",
            "form-inter-agency-acknowledge");
    // the electronic package reaches the commune and both partners at once (Decree 63/2024, issue 18)
    assertThat(newborn.get("stageOrder")).isEqualTo(List.of(List.of("appraisal", "residence", "insurance"),
        List.of("approval")));
    Map<String, Object> land = rest.getForObject("/api/public/procedures/Procedure_LandUseCertificate", Map.class);
    assertThat((List<Map<String, String>>) land.get("forms")).extracting(f -> f.get("formId"))
        .contains("form-payment-confirmation");
    assertThat(land.get("competentAgency")).isEqualTo("tq-vpdkdd");
    assertThat(rest.getForEntity("/api/public/procedures/Procedure_Unknown", String.class).getBody())
        .contains("Không có thủ tục hành chính");
  }
}
