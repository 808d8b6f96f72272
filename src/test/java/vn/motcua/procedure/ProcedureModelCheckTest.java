package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import vn.motcua.organisation.OrganisationDirectory;

/**
 * The check a deployment passes before it goes live, without the engine: every model of {@code processes/}
 * passes it (so the start-up deployment is never refused), and the broken facts of issue 21 do not.
 */
class ProcedureModelCheckTest {
  static final OrganisationDirectory DIRECTORY = new OrganisationDirectory(new DefaultResourceLoader(), new ObjectMapper(),
      "classpath:organisation/tuyen-quang.json");
  static final Pattern DELEGATE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

  /** The beans of the system as the models name them (every one of them exists: ElementTemplatesTest, start-up). */
  final Set<String> beans = new HashSet<>();
  final Set<String> processes = new HashSet<>();
  final Set<String> forms = new HashSet<>();

  ProcedureModelCheck check() throws IOException {
    try (Stream<Path> walk = Files.walk(Path.of("processes"))) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        String xml = Files.readString(p, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<bpmn:process id=\"([^\"]+)\"").matcher(xml);
        while (m.find()) {
          processes.add(m.group(1));
        }
        Matcher d = DELEGATE.matcher(xml);
        while (d.find()) {
          beans.add(d.group(1));
        }
      }
    }
    try (Stream<Path> walk = Files.list(Path.of("forms"))) {
      for (Path f : walk.toList()) {
        forms.add(new ObjectMapper().readTree(f.toFile()).get("id").asText());
      }
    }
    return new ProcedureModelCheck(beans::contains, DIRECTORY);
  }

  ProcedureModelCheck.Surroundings around() {
    return new ProcedureModelCheck.Surroundings() {
      public boolean processExists(String key) { return processes.contains(key); }
      public boolean formInDeployment(String formId) { return forms.contains(formId); }
      public boolean formExists(String formId) { return forms.contains(formId); }
      public boolean resourceInDeployment(String name) { return false; }
    };
  }

  static BpmnModelInstance read(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void every_model_of_processes_can_run() throws IOException {
    ProcedureModelCheck check = check();
    try (Stream<Path> walk = Files.walk(Path.of("processes"))) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        assertThat(check.problems(Bpmn.readModelFromFile(p.toFile()), around())).as(p.toString()).isEmpty();
      }
    }
  }

  @Test
  void a_same_day_procedure_is_zero_days_and_a_negative_statutory_time_is_refused() throws IOException {
    ProcedureModelCheck check = check();
    String birth = Files.readString(Path.of("processes", "birth-registration.bpmn"), StandardCharsets.UTF_8);
    assertThat(birth).contains("name=\"procedure.statutoryDays\" value=\"0\"");
    String negative = birth.replace("name=\"procedure.statutoryDays\" value=\"0\"", "name=\"procedure.statutoryDays\" value=\"-3\"");
    assertThat(check.problems(read(negative), around()))
        .containsExactly("Procedure_BirthRegistration: procedure.statutoryDays = -3 không hợp lệ: thời hạn giải quyết phải "
            + "là số ngày làm việc từ 0 trở lên (0 cho thủ tục giải quyết trong ngày).");
    String words = birth.replace("name=\"procedure.statutoryDays\" value=\"0\"", "name=\"procedure.statutoryDays\" value=\"ba\"");
    assertThat(check.problems(read(words), around())).anyMatch(p -> p.contains("không phải một số nguyên"));
  }

  @Test
  void a_partner_agency_and_a_candidate_group_must_exist_in_the_organisation() throws IOException {
    ProcedureModelCheck check = check();
    String judicial = Files.readString(Path.of("processes", "judicial-record.bpmn"), StandardCharsets.UTF_8);
    List<String> problems = check.problems(read(judicial.replace("sourceExpression=\"tq-ca\"", "sourceExpression=\"tq-congan\"")
        .replace("${competentUnit}.specialist", "tq-stp.thuky")), around());
    assertThat(problems).anyMatch(p -> p.contains("partnerUnit = 'tq-congan'"))
        .anyMatch(p -> p.contains("'tq-stp.thuky'") && p.contains("vai trò 'thuky'"));
  }

  @Test
  void the_stage_alert_block_runs_from_its_alert_to_its_reminders_in_one_transaction() throws IOException {
    ProcedureModelCheck check = check();
    String block = Files.readString(Path.of("processes", "blocks", "stage-alert.bpmn"), StandardCharsets.UTF_8);
    String async = block.replace("<bpmn:userTask id=\"Task_RemindLeader\"",
        "<bpmn:userTask id=\"Task_RemindLeader\" camunda:asyncBefore=\"true\"");
    assertThat(async).isNotEqualTo(block);
    assertThat(check.problems(read(async), around()))
        .anyMatch(p -> p.startsWith("Task_RemindLeader: khối nhắc hạn") && p.contains("Asynchronous before/after"));
  }

  @Test
  void the_catalogue_does_not_offer_a_negative_statutory_time() {
    Procedure p = new Procedure("P", "Thủ tục", "1", "COMMUNE", Procedure.RECEIVING_UNIT, -3, 0, null, null, List.of(),
        List.of(), java.util.Map.of(), Procedure.DEFAULT_STAGES, java.util.Map.of(), null, null);
    assertThat(p.problems()).anyMatch(s -> s.contains("cannot be negative"));
  }
}
