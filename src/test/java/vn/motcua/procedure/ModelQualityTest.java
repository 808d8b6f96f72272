package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model a process admin opens in Camunda Modeler is readable: ids after Camunda's naming guide
 * (no generated {@code Activity_0x1y2z}), a Vietnamese name in NFC on every element, a diagram shape for
 * every node, history time to live and a version tag, and no inline scripts. A procedure whose model declares a
 * fee ({@code procedure.fee} > 0) waits for it on the accepted path (block {@code Block_FeePayment}, issue 24), in the
 * models of {@code processes/} and in those generated from the province's catalogue alike; and a call of the
 * stage-alert block passes it only what it reads, in those models and in the element templates (issue 25).
 */
class ModelQualityTest {
  private static final Pattern GENERATED = Pattern.compile(".*_[0-9a-z]{7}$");
  private static final Pattern READABLE = Pattern.compile("[A-Z][A-Za-z]+_[A-Z][A-Za-z0-9]+");
  private static final Pattern VIETNAMESE = Pattern.compile(".*[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ].*",
      Pattern.CASE_INSENSITIVE);

  static Stream<Path> models() throws IOException {
    return Files.walk(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
  }

  @ParameterizedTest
  @MethodSource("models")
  void every_model_is_readable_in_modeler(Path file) throws IOException {
    String xml = Files.readString(file);
    assertThat(Normalizer.isNormalized(xml, Normalizer.Form.NFC)).as("NFC text in " + file).isTrue();
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    List<String> problems = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.getCamundaHistoryTimeToLiveString() == null) {
        problems.add(process.getId() + ": no historyTimeToLive");
      }
      if (process.getCamundaVersionTag() == null) {
        problems.add(process.getId() + ": no versionTag");
      }
      if (process.getName() == null || !VIETNAMESE.matcher(process.getName()).matches()) {
        problems.add(process.getId() + ": process needs a Vietnamese name");
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      String id = node.getId();
      if (GENERATED.matcher(id).matches() || !READABLE.matcher(id).matches()) {
        problems.add(id + ": not a readable id (e.g. Task_Appraise)");
      }
      if (node.getName() == null || node.getName().isBlank()) {
        problems.add(id + ": no name");
      } else if (!VIETNAMESE.matcher(node.getName()).matches()) {
        problems.add(id + ": name '" + node.getName() + "' is not Vietnamese with diacritics");
      }
      if (node instanceof ScriptTask) {
        problems.add(id + ": script task (put the logic in a delegate)");
      }
      if (!(node instanceof SubProcess) && model.getModelElementsByType(BpmnShape.class).stream()
          .noneMatch(s -> s.getBpmnElement() == node)) {
        problems.add(id + ": no diagram shape");
      }
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      var props = ModelProperties.of(process);
      if (props.containsKey("procedure.code")) {
        java.util.Map<String, Integer> stages = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> overdue = new java.util.LinkedHashMap<>();
        props.forEach((name, values) -> {
          if (name.startsWith("stage.") && name.endsWith("Hours")) {
            stages.put(name.substring(6, name.length() - 5), Integer.parseInt(values.get(0).trim()));
          }
          if (name.startsWith("overdue.")) {
            overdue.put(name.substring(8), values.get(0).trim());
          }
        });
        int days = Integer.parseInt(props.getOrDefault("procedure.statutoryDays", List.of("0")).get(0).trim());
        Procedure p = new Procedure(process.getId(), process.getName(), "", "", "", days, 0, null, null, List.of(), List.of(),
            stages, Procedure.parseStages(props.containsKey("procedure.stages") ? props.get("procedure.stages").get(0) : null),
            overdue, null, null);
        p.problems().forEach(problem -> problems.add(process.getId() + ": " + problem));
      }
    }
    if (!model.getModelElementsByType(CamundaScript.class).isEmpty()) {
      problems.add("inline camunda:script found");
    }
    assertThat(problems).as(file.toString()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void a_procedure_with_a_fee_waits_for_it_after_the_reception_check(Path file) {
    assertThat(feeStepProblems(Bpmn.readModelFromFile(file.toFile()))).as(file.toString()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void a_generated_procedure_with_a_fee_waits_for_it_after_the_reception_check() throws IOException {
    vn.motcua.catalogue.CatalogueFile catalogue = provinceCatalogue();
    var generator = new vn.motcua.catalogue.ProcedureModelGenerator();
    assertThat(catalogue.procedures()).anyMatch(r -> r.fee() != null && r.fee() > 0);
    for (var row : catalogue.procedures()) {
      assertThat(feeStepProblems(generator.generate(row))).as(row.code()).isEmpty();
    }
  }

  @org.junit.jupiter.api.Test
  void a_procedure_with_a_fee_and_no_payment_step_is_reported() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("Procedure_Free").name("Thủ tục thử").startEvent("StartEvent_Registered")
        .exclusiveGateway("Gateway_Accepted").sequenceFlowId("Flow_Accepted").condition("Đã tiếp nhận",
            "${receptionOutcome == 'ACCEPTED'}").callActivity("CallActivity_Resolution").calledElement("Block_Resolution")
        .endEvent("EndEvent_Returned").done();
    assertThat(feeStepProblems(model)).as("no procedure.fee: free").isEmpty();
    Process process = model.getModelElementById("Procedure_Free");
    var props = model.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class);
    var fee = model.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty.class);
    fee.setCamundaName("procedure.fee");
    fee.setCamundaValue("100000");
    props.getCamundaProperties().add(fee);
    var ext = model.newInstance(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class);
    ext.addChildElement(props);
    process.setExtensionElements(ext);
    assertThat(feeStepProblems(model)).singleElement().satisfies(p -> assertThat(p).contains("CallActivity_Resolution"));
  }

  /**
   * Where a procedure with a fee can go past the reception check without block {@code Block_FeePayment}: every path
   * from the gateway's accepted flow meets the block before any other call activity or an end.
   */
  static List<String> feeStepProblems(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      List<String> fee = ModelProperties.of(process).getOrDefault("procedure.fee", List.of("0"));
      if (Long.parseLong(fee.get(0).trim()) <= 0) {
        continue;
      }
      List<SequenceFlow> accepted = process.getFlowElements().stream().filter(SequenceFlow.class::isInstance)
          .map(SequenceFlow.class::cast)
          .filter(f -> f.getSource().getId().equals("Gateway_Accepted") && f.getConditionExpression() != null
              && f.getConditionExpression().getTextContent().contains("'ACCEPTED'"))
          .toList();
      if (accepted.isEmpty()) {
        problems.add(process.getId() + ": procedure.fee = " + fee.get(0) + " but no accepted flow out of Gateway_Accepted");
      }
      java.util.Deque<FlowNode> next = new java.util.ArrayDeque<>();
      accepted.forEach(f -> next.add(f.getTarget()));
      java.util.Set<String> seen = new java.util.HashSet<>();
      while (!next.isEmpty()) {
        FlowNode node = next.poll();
        if (!seen.add(node.getId())) {
          continue;
        }
        if (node instanceof CallActivity call && "Block_FeePayment".equals(call.getCalledElement())) {
          continue;
        }
        if (node instanceof CallActivity || node instanceof EndEvent) {
          problems.add(process.getId() + ": procedure.fee = " + fee.get(0) + " but the accepted path reaches "
              + node.getId() + " without Block_FeePayment");
          continue;
        }
        node.getOutgoing().forEach(f -> next.add(f.getTarget()));
      }
    }
    return problems;
  }

  @ParameterizedTest
  @MethodSource("models")
  void the_stage_alert_block_is_passed_only_what_it_reads(Path file) {
    assertThat(stageAlertInputProblems(Bpmn.readModelFromFile(file.toFile()))).as(file.toString()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void a_generated_procedure_passes_the_stage_alert_block_only_what_it_reads() throws IOException {
    vn.motcua.catalogue.CatalogueFile catalogue = provinceCatalogue();
    var generator = new vn.motcua.catalogue.ProcedureModelGenerator();
    int calls = 0;
    for (var row : catalogue.procedures()) {
      BpmnModelInstance model = generator.generate(row);
      assertThat(stageAlertInputProblems(model)).as(row.code()).isEmpty();
      calls += stageAlertCalls(model).size();
    }
    assertThat(calls).as("the catalogue has procedures with a field inspection (stage timers)").isPositive();
  }

  @org.junit.jupiter.api.Test
  void a_stage_alert_call_passing_all_variables_is_reported() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("Procedure_Alert").name("Thủ tục thử")
        .startEvent("StartEvent_Started").callActivity("CallActivity_Warning").calledElement(STAGE_ALERT)
        .camundaIn("dossierId", "dossierId").endEvent("EndEvent_Done").done();
    CallActivity call = model.getModelElementById("CallActivity_Warning");
    var all = model.newInstance(org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn.class);
    all.setCamundaVariables("all");
    call.getExtensionElements().addChildElement(all);
    assertThat(stageAlertInputProblems(model)).anySatisfy(p -> assertThat(p).contains("variables=\"all\""))
        .anySatisfy(p -> assertThat(p).contains("no business key"))
        .anySatisfy(p -> assertThat(p).contains("competentUnit"));
  }

  /** The element templates of the stage-alert block give a process admin the same mapping as the models. */
  @org.junit.jupiter.api.Test
  void the_stage_alert_templates_pass_only_what_the_block_reads() throws IOException {
    List<String> problems = new ArrayList<>();
    int templates = 0;
    try (Stream<Path> files = Files.list(Path.of("processes", ".camunda", "element-templates"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        for (var template : new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile())) {
          var properties = template.path("properties");
          boolean stageAlert = false;
          for (var property : properties) {
            stageAlert |= "calledElement".equals(property.path("binding").path("name").asText())
                && STAGE_ALERT.equals(property.path("value").asText());
          }
          if (!stageAlert) {
            continue;
          }
          templates++;
          String id = template.path("id").asText();
          java.util.Set<String> passed = new java.util.HashSet<>();
          for (var property : properties) {
            var binding = property.path("binding");
            if (!"camunda:in".equals(binding.path("type").asText())) {
              continue;
            }
            if (binding.has("variables")) {
              problems.add(id + ": camunda:in variables=" + binding.path("variables").asText());
            }
            String target = binding.path("target").asText();
            if ("Hidden".equals(property.path("type").asText()) && !binding.path("expression").asBoolean()
                && target.equals(property.path("value").asText())) {
              passed.add(target);
            }
          }
          vn.motcua.overdue.OverdueVariables.STAGE_ALERT_INPUTS.stream().filter(v -> !passed.contains(v))
              .forEach(v -> problems.add(id + ": does not pass '" + v + "'"));
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(templates).as("templates \"Nhắc hạn giai đoạn\" and \"Báo cáo quá hạn giai đoạn\"").isEqualTo(2);
  }

  static final String STAGE_ALERT = "Block_StageAlert";
  /** Targets a call of the stage-alert block may set besides its inputs: the kind and the inputs of a non-task stage. */
  static final java.util.Set<String> STAGE_ALERT_EXTRA_TARGETS = java.util.Set.of(
      vn.motcua.overdue.OverdueVariables.ALERT_KIND, vn.motcua.overdue.OverdueVariables.STAGE_UNIT,
      vn.motcua.overdue.OverdueVariables.STAGE_DUE_AT);

  static List<CallActivity> stageAlertCalls(BpmnModelInstance model) {
    return model.getModelElementsByType(CallActivity.class).stream()
        .filter(c -> STAGE_ALERT.equals(c.getCalledElement())).toList();
  }

  /**
   * Where a call of {@code Block_StageAlert} copies the dossier's variables in ({@code variables="all"}, issue 25:
   * a warning storm is thousands of these blocks at once) or misses one the block reads
   * ({@link vn.motcua.overdue.OverdueVariables#STAGE_ALERT_INPUTS}, each as itself), the business key or
   * {@code alertKind}.
   */
  static List<String> stageAlertInputProblems(BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    for (CallActivity call : stageAlertCalls(model)) {
      List<org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn> ins = call.getExtensionElements() == null ? List.of()
          : List.copyOf(call.getExtensionElements().getChildElementsByType(
              org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn.class));
      java.util.Set<String> passed = new java.util.HashSet<>();
      java.util.Set<String> targets = new java.util.HashSet<>();
      boolean businessKey = false;
      for (var in : ins) {
        if (in.getCamundaVariables() != null) {
          problems.add(call.getId() + ": <camunda:in variables=\"" + in.getCamundaVariables()
              + "\"/> copies the dossier's variables into Block_StageAlert; pass OverdueVariables.STAGE_ALERT_INPUTS");
        }
        if (in.getCamundaBusinessKey() != null) {
          businessKey = true;
        }
        if (in.getCamundaTarget() != null) {
          targets.add(in.getCamundaTarget());
          if (in.getCamundaTarget().equals(in.getCamundaSource())) {
            passed.add(in.getCamundaTarget());
          }
          if (!vn.motcua.overdue.OverdueVariables.STAGE_ALERT_INPUTS.contains(in.getCamundaTarget())
              && !STAGE_ALERT_EXTRA_TARGETS.contains(in.getCamundaTarget())) {
            problems.add(call.getId() + ": Block_StageAlert does not read '" + in.getCamundaTarget() + "'");
          }
        }
      }
      if (!businessKey) {
        problems.add(call.getId() + ": no business key passed to Block_StageAlert");
      }
      if (!targets.contains(vn.motcua.overdue.OverdueVariables.ALERT_KIND)) {
        problems.add(call.getId() + ": no alertKind passed to Block_StageAlert");
      }
      for (String input : vn.motcua.overdue.OverdueVariables.STAGE_ALERT_INPUTS) {
        if (!passed.contains(input)) {
          problems.add(call.getId() + ": Block_StageAlert reads '" + input + "': <camunda:in source=\"" + input
              + "\" target=\"" + input + "\"/>");
        }
      }
    }
    return problems;
  }

  @org.junit.jupiter.api.Test
  void stage_shares_beyond_the_statutory_time_and_malformed_leads_are_reported() {
    Procedure p = new Procedure("Procedure_X", "Thủ tục thử", "", "", "", 3, 0, null, null, List.of(), List.of(),
        java.util.Map.of("appraisal", 20, "approval", 6), Procedure.DEFAULT_STAGES,
        java.util.Map.of("warningBefore", "PT4H"), null, null);
    assertThat(p.problems()).hasSize(2);
    assertThat(p.problems().get(0)).contains("sum to 26 working hours", "3 days (24 h)");
    assertThat(p.problems().get(1)).contains("overdue.warningBefore");
    Procedure parallel = new Procedure("Procedure_Y", "Thủ tục thử", "", "", "", 3, 0, null, null, List.of(), List.of(),
        java.util.Map.of("appraisal", 4, "approval", 2, "residence", 16, "insurance", 8),
        Procedure.parseStages("appraisal, approval, residence | insurance"), java.util.Map.of(), null, null);
    assertThat(parallel.problems()).as("parallel stages count once: 4 + 2 + max(16, 8) = 22 of 24 h").isEmpty();
    Procedure undeclared = new Procedure("Procedure_Z", "Thủ tục thử", "", "", "", 3, 0, null, null, List.of(), List.of(),
        java.util.Map.of("inspection", 4), Procedure.parseStages("verification, appraisal, approval"),
        java.util.Map.of(), null, null);
    assertThat(undeclared.problems()).anySatisfy(m -> assertThat(m).contains("stage verification has no share"))
        .anySatisfy(m -> assertThat(m).contains("stage.inspectionHours is not in procedure.stages"));
  }

  /** The province's catalogue of procedures the generator makes models from. */
  private static vn.motcua.catalogue.CatalogueFile provinceCatalogue() throws IOException {
    try (var in = ModelQualityTest.class.getResourceAsStream("/catalogue/thu-tuc.json")) {
      return vn.motcua.catalogue.CatalogueFile.read(in);
    }
  }
}
