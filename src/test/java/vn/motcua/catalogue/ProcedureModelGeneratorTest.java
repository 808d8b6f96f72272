package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.DefaultResourceLoader;
import vn.motcua.organisation.OrganisationDirectory;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated models, without an engine: ids, names, diagram, facts, and the same bytes for the same row. */
class ProcedureModelGeneratorTest {
  static CatalogueFile sample() {
    try (InputStream in = ProcedureModelGeneratorTest.class.getResourceAsStream("/catalogue/sample.json")) {
      return CatalogueFile.read(in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static final OrganisationDirectory DIRECTORY = new OrganisationDirectory(new DefaultResourceLoader(), new ObjectMapper(),
      "classpath:organisation/tuyen-quang.json");

  @Test
  void the_provinces_catalogue_has_at_least_50_valid_rows_of_every_shape_and_each_generates() {
    CatalogueFile file;
    try (InputStream in = getClass().getResourceAsStream("/catalogue/thu-tuc.json")) {
      file = CatalogueFile.read(in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    assertThat(file.procedures()).hasSizeGreaterThanOrEqualTo(50);
    List<List<String>> problems = new CatalogueValidator(DIRECTORY).check(file.procedures());
    for (int i = 0; i < problems.size(); i++) {
      assertThat(problems.get(i)).as(file.procedures().get(i).code()).isEmpty();
    }
    assertThat(file.procedures().stream().map(CatalogueRow::shape).distinct())
        .containsExactlyInAnyOrder(java.util.Arrays.stream(ProcedureShape.values()).map(Enum::name).toArray(String[]::new));
    assertThat(file.procedures().stream().filter(r -> "COMMUNE".equals(r.level())).count()).isGreaterThanOrEqualTo(25);
    assertThat(file.procedures().stream().filter(r -> "PROVINCE".equals(r.level())).count()).isGreaterThanOrEqualTo(10);
    ProcedureModelGenerator generator = new ProcedureModelGenerator();
    for (CatalogueRow row : file.procedures()) {
      String xml = Bpmn.convertToString(generator.generate(row));
      assertThat(xml).as(row.code()).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}");
      assertThat(java.text.Normalizer.isNormalized(row.name(), java.text.Normalizer.Form.NFC)).isTrue();
    }
  }

  @Test
  void wrong_rows_are_refused_with_their_reasons_in_vietnamese() {
    CatalogueFile invalid;
    try (InputStream in = getClass().getResourceAsStream("/catalogue/invalid.json")) {
      invalid = CatalogueFile.read(in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    List<List<String>> problems = new CatalogueValidator(DIRECTORY).check(invalid.procedures());
    assertThat(problems.get(0)).singleElement().asString().contains("'tq-khongco' không phải mã đơn vị");
    assertThat(problems.get(1)).singleElement().asString().contains("0 ngày làm việc không hợp lệ");
    assertThat(problems.get(2)).singleElement().asString()
        .contains("phối hợp [tq-ca 16] + thẩm định 0 + phê duyệt 0 = 16 giờ làm việc) vượt thời hạn 2 ngày làm việc");
    assertThat(problems.get(3)).singleElement().asString().contains("trùng với dòng [5]");
    assertThat(problems.get(5)).singleElement().asString().contains("'BATCH' không có");
    assertThatThrownBy(() -> CatalogueFile.read(new java.io.ByteArrayInputStream("{\"procedures\": [".getBytes())))
        .hasMessageContaining("không phải JSON hợp lệ");
  }

  @Test
  void every_shape_gives_a_named_laid_out_model_with_stable_ids() throws Exception {
    ProcedureModelGenerator generator = new ProcedureModelGenerator();
    for (CatalogueRow row : sample().procedures()) {
      BpmnModelInstance model = generator.generate(row);
      String xml = Bpmn.convertToString(model);
      Files.writeString(Path.of("target", ProcedureModelGenerator.processKey(row.code()) + ".bpmn"), xml);
      assertThat(Bpmn.convertToString(generator.generate(row))).as("same row, same bytes").isEqualTo(xml);
      assertThat(xml).as("no random ids").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}");
      List<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
          .map(s -> s.getBpmnElement().getId()).toList();
      List<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
          .map(s -> s.getBpmnElement().getId()).toList();
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        assertThat(node.getName()).as(node.getId() + " has a Vietnamese name").isNotBlank();
        assertThat(shapes).as(node.getId() + " is drawn").contains(node.getId());
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        assertThat(edges).as(flow.getId() + " is drawn").contains(flow.getId());
      }
      assertThat(xml).contains("procedure.code\" value=\"" + row.code() + "\"", "Block_Reception", "Block_Resolution",
          "Block_Return", "Block_Stop");
    }
  }

  @Test
  void a_row_with_a_fee_gets_the_payment_block_after_the_reception_check_and_a_free_one_does_not() {
    ProcedureModelGenerator generator = new ProcedureModelGenerator();
    for (CatalogueRow row : sample().procedures()) {
      BpmnModelInstance model = generator.generate(row);
      org.camunda.bpm.model.bpmn.instance.CallActivity fee = model.getModelElementById("CallActivity_FeePayment");
      if (row.fee() != null && row.fee() > 0) {
        assertThat(fee).as(row.code() + " has a fee of " + row.fee()).isNotNull();
        assertThat(fee.getCalledElement()).isEqualTo("Block_FeePayment");
        assertThat(fee.getName()).isEqualTo("Nộp lệ phí");
        assertThat(fee.getIncoming()).singleElement().satisfies(f -> {
          assertThat(f.getId()).isEqualTo("Flow_Accepted");
          assertThat(f.getSource().getId()).isEqualTo("Gateway_Accepted");
        });
        assertThat(fee.getOutgoing()).singleElement().satisfies(f -> assertThat(f.getId()).isEqualTo("Flow_FeePaid"));
        assertThat(Bpmn.convertToString(model)).contains("procedure.fee\" value=\"" + row.fee() + "\"");
      } else {
        assertThat(fee).as(row.code() + " is free").isNull();
      }
    }
    assertThat(sample().procedures()).anyMatch(r -> r.fee() != null && r.fee() > 0)
        .anyMatch(r -> r.fee() == null || r.fee() == 0);
  }
}
