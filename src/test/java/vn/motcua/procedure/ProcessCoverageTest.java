package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last (junit-platform.properties orders classes by {@code @Order}): merges the process test
 * coverage reports that every Spring test class wrote in this run under
 * {@code target/process-test-coverage/<class>/report.json} and requires every model in
 * {@code processes/} at 100% of its flow nodes and at least 95% of its sequence flows. Writes the summary
 * to {@code target/process-test-coverage/summary.md}. Skipped when only some test classes run.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageTest {
  static final double NODES = 1.0;
  static final double FLOWS = 0.95;
  static final Path REPORTS = Path.of("target", "process-test-coverage");

  record ModelCoverage(String key, Set<String> nodes, Set<String> flows, Set<String> nodesHit, Set<String> flowsHit) {
    double nodeRatio() {
      return nodes.isEmpty() ? 1 : (double) nodesHit.size() / nodes.size();
    }

    double flowRatio() {
      return flows.isEmpty() ? 1 : (double) flowsHit.size() / flows.size();
    }
  }

  @Test
  void every_model_is_fully_covered_by_the_tests_of_this_run() throws IOException {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    List<Path> reports = new ArrayList<>();
    if (Files.isDirectory(REPORTS)) {
      try (Stream<Path> walk = Files.walk(REPORTS, 2)) {
        walk.filter(p -> p.getFileName().toString().equals("report.json"))
            .filter(p -> p.toFile().lastModified() >= jvmStart).forEach(reports::add);
      }
    }
    // a partial run (-Dtest=...) does not run the process tests; nothing to check then
    org.junit.jupiter.api.Assumptions.assumeTrue(reports.size() >= 5,
        "process test coverage: only " + reports.size() + " class reports in this run; run the whole suite");

    Map<String, Set<String>> started = new HashMap<>();
    Map<String, Set<String>> taken = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (Path report : reports) {
      JsonNode root = json.readTree(report.toFile());
      for (JsonNode suite : root.path("suites")) {
        for (JsonNode run : suite.path("runs")) {
          for (JsonNode event : run.path("events")) {
            String model = event.path("modelKey").asText();
            String element = event.path("definitionKey").asText();
            if ("SEQUENCE_FLOW".equals(event.path("source").asText())) {
              taken.computeIfAbsent(model, k -> new HashSet<>()).add(element);
            } else {
              started.computeIfAbsent(model, k -> new HashSet<>()).add(element);
            }
          }
        }
      }
    }

    Map<String, ModelCoverage> coverage = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        Set<String> nodes = new HashSet<>();
        model.getModelElementsByType(FlowNode.class).forEach(n -> nodes.add(n.getId()));
        Set<String> flows = new HashSet<>();
        model.getModelElementsByType(SequenceFlow.class).forEach(f -> flows.add(f.getId()));
        Set<String> nodesHit = new HashSet<>(started.getOrDefault(process.getId(), Set.of()));
        nodesHit.retainAll(nodes);
        Set<String> flowsHit = new HashSet<>(taken.getOrDefault(process.getId(), Set.of()));
        flowsHit.retainAll(flows);
        coverage.put(process.getId(), new ModelCoverage(process.getId(), nodes, flows, nodesHit, flowsHit));
      }
    }

    StringBuilder summary = new StringBuilder("# Process test coverage\n\n")
        .append("Merged from ").append(reports.size()).append(" test class reports of this run (")
        .append("per-class HTML reports beside this file). Required: 100% of flow nodes, 95% of sequence flows.\n\n")
        .append("| model | flow nodes | sequence flows | not covered |\n|---|---|---|---|\n");
    List<String> problems = new ArrayList<>();
    for (ModelCoverage c : coverage.values()) {
      Set<String> missing = new java.util.TreeSet<>(c.nodes());
      missing.removeAll(c.nodesHit());
      Set<String> missingFlows = new java.util.TreeSet<>(c.flows());
      missingFlows.removeAll(c.flowsHit());
      summary.append(String.format("| %s | %d/%d (%.0f%%) | %d/%d (%.0f%%) | %s |%n", c.key(), c.nodesHit().size(),
          c.nodes().size(), 100 * c.nodeRatio(), c.flowsHit().size(), c.flows().size(), 100 * c.flowRatio(),
          String.join(", ", missing) + (missingFlows.isEmpty() ? "" : " " + missingFlows)));
      if (c.nodeRatio() < NODES) {
        problems.add(c.key() + ": flow nodes not covered " + missing);
      }
      if (c.flowRatio() < FLOWS) {
        problems.add(c.key() + String.format(": %.1f%% of sequence flows, missing %s", 100 * c.flowRatio(), missingFlows));
      }
    }
    Files.createDirectories(REPORTS);
    Files.writeString(REPORTS.resolve("summary.md"), summary, StandardCharsets.UTF_8);
    System.out.println(summary);
    assertThat(problems).as("process test coverage (see target/process-test-coverage/summary.md)").isEmpty();
  }
}
