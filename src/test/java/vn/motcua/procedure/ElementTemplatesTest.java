package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.MotCuaSpringTest;

/**
 * The element templates process admins apply in Modeler ({@code processes/.camunda/element-templates/})
 * load in Modeler (they validate against Camunda's element template JSON schema, committed under
 * {@code src/test/resources/element-templates/} with its source and version) and work: each names a bean
 * or a block of the system, and each variable a template passes in is read by what it calls (and each it
 * maps out is written there).
 */
@MotCuaSpringTest
class ElementTemplatesTest {
  static final Path TEMPLATES = Path.of("processes", ".camunda", "element-templates");
  static final Pattern SIMPLE = Pattern.compile("^[$#]\\{([A-Za-z_][A-Za-z0-9_]*)}$");
  static String javaSources;
  @Autowired ApplicationContext context;
  @Autowired RepositoryService repositoryService;

  @BeforeAll
  static void readSources() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> walk = Files.walk(Path.of("src", "main", "java"))) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    javaSources = all.toString();
  }

  static List<Path> templateFiles() throws IOException {
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void every_template_validates_against_camundas_element_template_schema() throws IOException {
    Schema schema;
    try (InputStream in = getClass().getResourceAsStream("/element-templates/camunda-element-templates-schema-0.22.1.json")) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
    assertThat(templateFiles()).isNotEmpty();
    for (Path file : templateFiles()) {
      JsonNode templates = new ObjectMapper().readTree(file.toFile());
      List<Error> errors = schema.validate(templates);
      assertThat(errors).as(file + " against the element template schema").isEmpty();
    }
    // the schema does find a broken template (a binding without its type)
    JsonNode broken = new ObjectMapper().readTree("""
        [{"$schema": "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json",
          "id": "vn.motcua.Broken", "name": "Hỏng", "appliesTo": ["bpmn:ServiceTask"],
          "properties": [{"type": "Hidden", "value": "${x}", "binding": {"name": "camunda:delegateExpression"}}]}]
        """);
    assertThat(schema.validate(broken)).isNotEmpty();
  }

  @Test
  void every_template_names_a_bean_or_block_of_the_system_and_variables_it_reads() throws IOException {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path file : templateFiles()) {
      for (JsonNode template : new ObjectMapper().readTree(file.toFile())) {
        String id = template.path("id").asText();
        String calledBlock = null;
        for (JsonNode property : template.path("properties")) {
          JsonNode binding = property.path("binding");
          String type = binding.path("type").asText();
          String name = binding.path("name").asText();
          String value = property.path("value").asText(null);
          if (("camunda:delegateExpression".equals(name) || "executionListener".equals(type.replace("camunda:", "")))
              && value != null) {
            Matcher m = SIMPLE.matcher(value);
            if (!m.matches()) {
              problems.add(id + ": " + value + " is not a bean reference");
            } else if (!context.containsBean(m.group(1))) {
              problems.add(id + ": no bean '" + m.group(1) + "'");
            }
            checked++;
          }
          if ("calledElement".equals(name) && value != null) {
            calledBlock = value;
            if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(value).count() == 0) {
              problems.add(id + ": no deployed block '" + value + "'");
            }
            checked++;
          }
        }
        for (JsonNode property : template.path("properties")) {
          JsonNode binding = property.path("binding");
          String type = binding.path("type").asText();
          String variable = switch (type) {
            case "camunda:inputParameter", "camunda:property" -> binding.path("name").asText();
            case "camunda:in" -> binding.path("target").asText(null);
            case "camunda:out" -> binding.path("source").asText(null);
            default -> null;
          };
          if (variable == null || variable.isBlank()) {
            continue;
          }
          checked++;
          if (!readBy(variable, calledBlock)) {
            problems.add(id + ": variable '" + variable + "' (" + type + ") is read or written by nothing it calls");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checked).isGreaterThan(20);
  }

  /** The variable appears in the Java sources (a name constant or literal), or in the called block's model. */
  private boolean readBy(String variable, String block) throws IOException {
    if (javaSources.contains("\"" + variable + "\"")) {
      return true;
    }
    if (block == null) {
      return false;
    }
    try (Stream<Path> models = Files.walk(Path.of("processes", "blocks"))) {
      for (Path model : models.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        String xml = Files.readString(model, StandardCharsets.UTF_8);
        if (xml.contains("id=\"" + block + "\"") && Pattern.compile("\\b" + Pattern.quote(variable) + "\\b").matcher(
            xml.replaceAll("(?s)<bpmndi:BPMNDiagram.*", "")).find()) {
          return true;
        }
      }
    }
    return false;
  }
}
