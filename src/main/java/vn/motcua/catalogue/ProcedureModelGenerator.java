package vn.motcua.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.CallActivityBuilder;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import vn.motcua.overdue.OverdueVariables;
import vn.motcua.procedure.Procedure;

/**
 * Builds the BPMN model of a catalogue row with Camunda's fluent model API: the skeleton of the hand-made
 * reference of its shape (reception block, "Đã tiếp nhận?", the work, the return block, the event
 * sub-process for withdrawal), the procedure's facts as the same extension properties, Vietnamese names,
 * ids derived from the procedure code and the stage names (never random), and a laid-out diagram (BPMNDI)
 * that Camunda Modeler opens. The same row always gives the same bytes.
 */
public class ProcedureModelGenerator {
  /** The extension property holding the hash of the catalogue row the model was generated from. */
  public static final String ROW_HASH = "catalogue.rowHash";
  /** The extension property naming the shape the model was generated in. */
  public static final String SHAPE = "catalogue.shape";
  private static final String STAGE_ALERT = "Block_StageAlert";

  /** {@code Procedure_TTHC_1_001193} for code 1.001193. */
  public static String processKey(String code) {
    return "Procedure_TTHC_" + code.strip().replace('.', '_');
  }

  /** The resource name of the generated model in its deployment. */
  public static String resourceName(String code) {
    return "catalogue/" + processKey(code) + ".bpmn";
  }

  public BpmnModelInstance generate(CatalogueRow row) {
    ProcedureShape shape = ProcedureShape.valueOf(row.shape().strip());
    String key = processKey(row.code());
    ProcessBuilder process = Bpmn.createExecutableProcess(key)
        .name(row.name().strip())
        .camundaHistoryTimeToLive(1825)
        .camundaVersionTag(rowHash(row).substring(0, 8));
    AbstractFlowNodeBuilder<?, ?> b = process
        .startEvent("StartEvent_DossierRegistered").name("Hồ sơ đã đăng ký")
        .sequenceFlowId("Flow_ToReception")
        .callActivity("CallActivity_Reception").name("Tiếp nhận hồ sơ").calledElement("Block_Reception")
        .camundaVariableMappingDelegateExpression("${handBackChanged}")
        .sequenceFlowId("Flow_ToAccepted")
        .exclusiveGateway("Gateway_Accepted").name("Đã tiếp nhận?")
        .sequenceFlowId("Flow_NotAccepted").condition("Từ chối", "${receptionOutcome == 'REFUSED'}")
        .endEvent("EndEvent_NotAccepted").name("Từ chối tiếp nhận")
        .moveToNode("Gateway_Accepted")
        .sequenceFlowId("Flow_Accepted").condition("Đã tiếp nhận", "${receptionOutcome == 'ACCEPTED'}");

    if (row.fee() != null && row.fee() > 0) {
      // a procedure with a fee waits for it after the reception check, as the judicial record does (docs/fees.md)
      b = b.callActivity("CallActivity_FeePayment").name("Nộp lệ phí").calledElement("Block_FeePayment")
          .camundaVariableMappingDelegateExpression("${handBackChanged}")
          .sequenceFlowId("Flow_FeePaid");
    }

    boolean leadFirst = shape == ProcedureShape.FIELD_INSPECTION || shape.hasPartners();
    if (leadFirst) {
      b = b.serviceTask("Task_TransferToLead").name("Chuyển hồ sơ đến cơ quan chủ trì giải quyết")
          .camundaDelegateExpression("${transferDelegate}")
          .sequenceFlowId("Flow_TransferredToLead");
      b.getElement().setAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "modelerTemplate", "vn.motcua.Transfer");
    }
    if (shape == ProcedureShape.FIELD_INSPECTION) {
      b = inspection(b);
    }
    List<CatalogueRow.Partner> partners = row.partners() == null ? List.of() : row.partners();
    if (shape == ProcedureShape.INTER_AGENCY_SEQUENCE) {
      for (CatalogueRow.Partner partner : partners) {
        b = partner(b, partner);
      }
    }
    if (shape == ProcedureShape.INTER_AGENCY_PARALLEL) {
      b = b.parallelGateway("Gateway_PartnersFork").name("Gửi đồng thời các cơ quan phối hợp");
      for (int i = 0; i < partners.size(); i++) {
        String id = cap(partners.get(i).stage());
        if (i > 0) {
          b = b.moveToNode("Gateway_PartnersFork");
        }
        b = b.sequenceFlowId("Flow_PartnersTo" + id);
        b = partner(b, partners.get(i));
        if (i == 0) {
          b = b.parallelGateway("Gateway_PartnersJoin").name("Các cơ quan phối hợp đã xong");
        } else {
          b = b.connectTo("Gateway_PartnersJoin");
        }
      }
      b = b.moveToNode("Gateway_PartnersJoin").sequenceFlowId("Flow_PartnersDone");
    }
    String resolutionName = switch (shape) {
      case VERTICAL -> "Thẩm định và phê duyệt tại cơ quan cấp tỉnh";
      case INTER_AGENCY_SEQUENCE, INTER_AGENCY_PARALLEL -> "Thẩm định và phê duyệt tại cơ quan chủ trì";
      default -> "Thẩm định và phê duyệt";
    };
    b = b.callActivity("CallActivity_Resolution").name(resolutionName).calledElement("Block_Resolution")
        .camundaVariableMappingDelegateExpression("${handBackChanged}")
        .sequenceFlowId("Flow_ToReturn")
        .callActivity("CallActivity_Return")
        .name(shape == ProcedureShape.VERTICAL ? "Trả kết quả tại Ủy ban nhân dân cấp xã" : "Trả kết quả")
        .calledElement("Block_Return")
        .camundaVariableMappingDelegateExpression("${handBackChanged}")
        .sequenceFlowId("Flow_ToReturned")
        .endEvent("EndEvent_Returned").name("Đã trả kết quả");

    // withdrawal or stop (Decree 118/2025, Article 21), as in every hand-made procedure
    process.eventSubProcess("SubProcess_Stop").name("Rút hồ sơ hoặc dừng giải quyết (Nghị định 118/2025, Điều 21)")
        .startEvent("StartEvent_StopRequested").name("Người nộp rút hồ sơ hoặc yêu cầu dừng").interrupting(true)
        .message("StopRequested")
        .sequenceFlowId("Flow_ToRecordStop")
        .callActivity("CallActivity_Stop").name("Ghi nhận dừng giải quyết").calledElement("Block_Stop")
        .camundaVariableMappingDelegateExpression("${handBackChanged}")
        .sequenceFlowId("Flow_ToStopped")
        .endEvent("EndEvent_Stopped").name("Đã dừng giải quyết");

    BpmnModelInstance model = b.done();
    Process p = model.getModelElementById(key);
    properties(model, p, row, shape);
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      passAll(model, call);
    }
    stableIds(model, key);
    DiagramLayout.apply(model, key);
    Bpmn.validateModel(model);
    return model;
  }

  /** The stage of the field inspection, as in the construction permit: a sub-process with the stage's clock and timers. */
  private AbstractFlowNodeBuilder<?, ?> inspection(AbstractFlowNodeBuilder<?, ?> b) {
    var sub = b.subProcess("SubProcess_InspectionStage").name("Giai đoạn kiểm tra thực địa");
    SubProcess subProcess = sub.getElement();
    var inner = sub.embeddedSubProcess()
        .startEvent("StartEvent_InspectionStageStarted").name("Bắt đầu kiểm tra thực địa")
        .sequenceFlowId("Flow_InspectionStageToTask")
        .userTask("Task_FieldInspection").name("Kiểm tra thực địa")
        .camundaFormRef("form-field-inspection").camundaFormRefBinding("latest")
        .camundaCandidateGroups("${competentUnit}.specialist").camundaDueDate("${inspectionDueAt}")
        .camundaTaskListenerDelegateExpression("complete", "${fieldInspectionValidator}")
        .sequenceFlowId("Flow_InspectionTaskDone")
        .endEvent("EndEvent_InspectionStageDone").name("Đã kiểm tra thực địa");
    org.camunda.bpm.model.bpmn.instance.EndEvent done = inner.getElement();
    TerminateEventDefinition terminate = model(done).newInstance(TerminateEventDefinition.class);
    terminate.setId("TerminateEventDefinition_InspectionStageDone");
    done.getEventDefinitions().add(terminate);
    String[][] timers = {
        {"Warning", "Sắp đến hạn kiểm tra thực địa", "${overdue.warningAt(execution, inspectionDueAt)}",
            STAGE_ALERT, "Nhắc hạn kiểm tra thực địa", "WARNING", "EndEvent_InspectionWarned", "Đã nhắc hạn"},
        {"Overdue", "Hết hạn kiểm tra thực địa", "${inspectionDueAt}", STAGE_ALERT,
            "Báo cáo quá hạn kiểm tra thực địa", "OVERDUE", "EndEvent_InspectionOverdueReported", "Đã báo cáo quá hạn"},
        {"ApologyDue", "Có nguy cơ trễ hẹn", "${overdue.apologyAt(execution, inspectionDueAt)}", "Block_Apology",
            "Xin lỗi và hẹn lại ngày trả kết quả", "APOLOGY", "EndEvent_InspectionApologyHandled", "Đã xử lý xin lỗi"}};
    for (String[] t : timers) {
      String callId = "CallActivity_Inspection" + (t[0].equals("ApologyDue") ? "Apology" : t[0]);
      CallActivityBuilder call = inner.moveToActivity("Task_FieldInspection")
          .boundaryEvent("Event_Inspection" + t[0]).name(t[1]).cancelActivity(false)
          .timerWithDate(t[2])
          .sequenceFlowId("Flow_InspectionTo" + (t[0].equals("ApologyDue") ? "Apology" : t[0]))
          .callActivity(callId).name(t[4]).calledElement(t[3]);
      CallActivity c = call.getElement();
      in(model(c), c, null, null, "alertKind", t[5]);
      call.sequenceFlowId("Flow_Inspection" + t[0] + "Handled").endEvent(t[6]).name(t[7]);
    }
    ExtensionElements ext = subProcess.getExtensionElements();
    if (ext == null) {
      ext = model(subProcess).newInstance(ExtensionElements.class);
      subProcess.setExtensionElements(ext);
    }
    CamundaProperties props = model(subProcess).newInstance(CamundaProperties.class);
    CamundaProperty clock = model(subProcess).newInstance(CamundaProperty.class);
    clock.setCamundaName("stage.clock");
    clock.setCamundaValue("inspection");
    props.addChildElement(clock);
    ext.addChildElement(props);
    CamundaExecutionListener listener = model(subProcess).newInstance(CamundaExecutionListener.class);
    listener.setCamundaEvent("start");
    listener.setCamundaDelegateExpression("${stageClock}");
    ext.addChildElement(listener);
    return sub.moveToNode("SubProcess_InspectionStage").sequenceFlowId("Flow_InspectionDone");
  }

  /** A partner agency's part, as in the judicial record: send, the inter-agency block, returned?, fix and send again. */
  private AbstractFlowNodeBuilder<?, ?> partner(AbstractFlowNodeBuilder<?, ?> b, CatalogueRow.Partner partner) {
    String id = cap(partner.stage());
    String stage = partner.stage();
    var call = b.exclusiveGateway("Gateway_" + id + "Send").name("Gửi cơ quan phối hợp")
        .sequenceFlowId("Flow_" + id + "ToPartner")
        .callActivity("CallActivity_" + id).name(partner.task().strip()).calledElement("Block_InterAgency");
    CallActivity c = call.getElement();
    BpmnModelInstance m = model(c);
    in(m, c, null, null, "partnerUnit", partner.agency());
    in(m, c, null, null, "partnerStage", stage);
    in(m, c, null, null, "partnerTask", partner.task().strip());
    out(m, c, "partnerDecision", stage + "PartnerDecision");
    out(m, c, "partnerResult", stage + "PartnerResult");
    out(m, c, "partnerReturnReason", stage + "ReturnReason");
    return call.sequenceFlowId("Flow_" + id + "Answered")
        .exclusiveGateway("Gateway_" + id + "Returned").name("Cơ quan phối hợp trả lại?")
        .sequenceFlowId("Flow_" + id + "ReturnedToFix").condition("Trả lại", "${" + stage + "PartnerDecision == 'RETURN'}")
        .userTask("Task_Fix" + id).name("Điều chỉnh hồ sơ bị trả lại: " + partner.task().strip())
        .camundaFormRef("form-inter-agency-fix").camundaFormRefBinding("latest")
        .camundaCandidateGroups("${competentUnit}.specialist")
        .camundaDueDate("${deadline.workingHoursAfter(now(), 4)}")
        .camundaInputParameter("returnReason", "${" + stage + "ReturnReason}")
        .camundaTaskListenerDelegateExpression("complete", "${interAgencyFixValidator}")
        .sequenceFlowId("Flow_" + id + "Resend")
        .connectTo("Gateway_" + id + "Send")
        .moveToNode("Gateway_" + id + "Returned")
        .sequenceFlowId("Flow_" + id + "Done").condition("Đã xử lý", "${" + stage + "PartnerDecision != 'RETURN'}");
  }

  /** The procedure's facts, as the hand-made models carry them (docs/procedures.md). */
  private void properties(BpmnModelInstance model, Process process, CatalogueRow row, ProcedureShape shape) {
    List<String[]> props = new ArrayList<>();
    props.add(new String[] {"procedure.code", row.code().strip()});
    props.add(new String[] {"procedure.level", row.level()});
    props.add(new String[] {"procedure.competentAgency", row.competentAgency()});
    props.add(new String[] {"procedure.statutoryDays", String.valueOf(row.statutoryDays())});
    props.add(new String[] {"procedure.fee", String.valueOf(row.fee() == null ? 0 : row.fee())});
    String note = feeNote(row);
    if (!note.isEmpty()) {
      props.add(new String[] {"procedure.feeNote", note});
    }
    if (row.field() != null && !row.field().isBlank()) {
      props.add(new String[] {"procedure.field", row.field().strip()});
    }
    if (row.legalBasis() != null && !row.legalBasis().isBlank()) {
      props.add(new String[] {"procedure.legalBasis", row.legalBasis().strip()});
    }
    if (shape != ProcedureShape.SAME_DAY) {
      List<String> order = new ArrayList<>();
      List<String[]> hours = new ArrayList<>();
      if (shape == ProcedureShape.FIELD_INSPECTION) {
        order.add("inspection");
        hours.add(new String[] {"stage.inspectionHours", String.valueOf(row.inspectionHours())});
      }
      List<CatalogueRow.Partner> partners = row.partners() == null ? List.of() : row.partners();
      if (shape == ProcedureShape.INTER_AGENCY_PARALLEL) {
        order.add(String.join("|", partners.stream().map(CatalogueRow.Partner::stage).toList()));
      } else {
        partners.forEach(x -> order.add(x.stage()));
      }
      partners.forEach(x -> hours.add(new String[] {"stage." + x.stage() + "Hours", String.valueOf(x.hours())}));
      order.add("appraisal");
      order.add("approval");
      Map<String, Integer> shares = CatalogueValidator.stageHours(row, shape);
      hours.add(new String[] {"stage.appraisalHours", String.valueOf(shares.get("appraisal"))});
      hours.add(new String[] {"stage.approvalHours", String.valueOf(shares.get("approval"))});
      props.add(new String[] {"procedure.stages", String.join(", ", order)});
      props.addAll(hours);
    }
    for (CatalogueRow.Document d : row.documents()) {
      props.add(new String[] {"procedure.document", d.label()});
    }
    props.add(new String[] {SHAPE, shape.name()});
    props.add(new String[] {"catalogue.reference", shape.reference()});
    props.add(new String[] {ROW_HASH, rowHash(row)});

    ExtensionElements ext = model.newInstance(ExtensionElements.class);
    CamundaProperties camundaProperties = model.newInstance(CamundaProperties.class);
    for (String[] p : props) {
      CamundaProperty property = model.newInstance(CamundaProperty.class);
      property.setCamundaName(p[0]);
      property.setCamundaValue(p[1]);
      camundaProperties.addChildElement(property);
    }
    ext.addChildElement(camundaProperties);
    process.setExtensionElements(ext);
    // the extension elements come first among the process's children
    process.getDomElement().insertChildElementAfter(ext.getDomElement(), null);
  }

  /** The fee note of the catalogue, its legal basis, and [U] where the province sets the value. */
  static String feeNote(CatalogueRow row) {
    List<String> parts = new ArrayList<>();
    if (row.feeNote() != null && !row.feeNote().isBlank()) {
      parts.add(row.feeNote().strip());
    }
    if (row.isProvinceSpecific("fee")) {
      parts.add("[U] mức thu do Hội đồng nhân dân tỉnh quy định, cần cấu hình theo nghị quyết của tỉnh");
    }
    if (row.isProvinceSpecific("statutoryDays")) {
      parts.add("[U] thời hạn giải quyết theo quyết định công bố của Chủ tịch Ủy ban nhân dân tỉnh");
    }
    return String.join("; ", parts);
  }

  /** Every call activity passes the business key and all variables in, first, as in the hand-made models. */
  /**
   * The business key and the dossier's variables, in front of the call's own inputs: all of them, except for
   * the stage-alert block, which gets only what it reads ({@link OverdueVariables#STAGE_ALERT_INPUTS}).
   */
  private static void passAll(BpmnModelInstance model, CallActivity call) {
    ExtensionElements ext = call.getExtensionElements();
    if (ext == null) {
      ext = model.newInstance(ExtensionElements.class);
      call.setExtensionElements(ext);
    }
    List<CamundaIn> ins = new ArrayList<>();
    CamundaIn businessKey = model.newInstance(CamundaIn.class);
    businessKey.setCamundaBusinessKey("#{execution.processBusinessKey}");
    ins.add(businessKey);
    if (STAGE_ALERT.equals(call.getCalledElement())) {
      for (String variable : OverdueVariables.STAGE_ALERT_INPUTS) {
        CamundaIn in = model.newInstance(CamundaIn.class);
        in.setCamundaSource(variable);
        in.setCamundaTarget(variable);
        ins.add(in);
      }
    } else {
      CamundaIn all = model.newInstance(CamundaIn.class);
      all.setCamundaVariables("all");
      ins.add(all);
    }
    for (int i = ins.size() - 1; i >= 0; i--) {
      ext.getDomElement().insertChildElementAfter(ins.get(i).getDomElement(), null);
    }
  }

  private static void in(BpmnModelInstance m, CallActivity call, String source, String variables, String target,
      String expression) {
    ExtensionElements ext = call.getExtensionElements();
    if (ext == null) {
      ext = m.newInstance(ExtensionElements.class);
      call.setExtensionElements(ext);
    }
    CamundaIn in = m.newInstance(CamundaIn.class);
    if (source != null) {
      in.setCamundaSource(source);
    }
    if (expression != null) {
      in.setCamundaSourceExpression(expression);
    }
    in.setCamundaTarget(target);
    ext.addChildElement(in);
  }

  private static void out(BpmnModelInstance m, CallActivity call, String source, String target) {
    CamundaOut out = m.newInstance(CamundaOut.class);
    out.setCamundaSource(source);
    out.setCamundaTarget(target);
    call.getExtensionElements().addChildElement(out);
  }

  /**
   * Replaces the ids the fluent API makes up (definitions, diagram, plane, event definitions, message, labels)
   * by ids derived from the process key and the element they belong to, so the same row gives the same model.
   */
  private static void stableIds(BpmnModelInstance model, String key) {
    Definitions definitions = model.getDefinitions();
    definitions.setId("Definitions_" + key);
    definitions.setTargetNamespace("http://motcua.vn/bpmn");
    Message message = model.getModelElementsByType(Message.class).iterator().next();
    message.setId("Message_StopRequested");
    StartEvent stop = model.getModelElementById("StartEvent_StopRequested");
    MessageEventDefinition med = (MessageEventDefinition) stop.getEventDefinitions().iterator().next();
    med.setId("MessageEventDefinition_StopRequested");
    for (var diagram : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram.class)) {
      diagram.setId("BPMNDiagram_" + key);
      diagram.getBpmnPlane().setId("BPMNPlane_" + key);
    }
    for (var shape : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape.class)) {
      shape.setId(shape.getBpmnElement().getId() + "_di");
    }
    for (var edge : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge.class)) {
      edge.setId(edge.getBpmnElement().getId() + "_di");
    }
    int n = 0;
    for (ModelElementInstance e : new ArrayList<>(model.getModelElementsByType(
        model.getModel().getType(BaseElement.class)))) {
      BaseElement be = (BaseElement) e;
      if (be.getId() != null && looksGenerated(be.getId())) {
        ModelElementInstance parent = be.getParentElement();
        String owner = parent instanceof BaseElement pb && pb.getId() != null ? pb.getId() : key;
        be.setId(be.getElementType().getTypeName().substring(0, 1).toUpperCase()
            + be.getElementType().getTypeName().substring(1) + "_" + owner.replace("_di", "") + (n++ == 0 ? "" : "_" + n));
      }
    }
  }

  /** The fluent API's ids end in a random UUID ({@code timerEventDefinition_0c4d…}). */
  static boolean looksGenerated(String id) {
    return id.matches(".*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*");
  }

  /** A stable hash of the row as imported: a changed row makes a new version, an unchanged one does not. */
  public static String rowHash(CatalogueRow row) {
    try {
      byte[] json = CatalogueFile.canonical(row).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BpmnModelInstance model(ModelElementInstance element) {
    return (BpmnModelInstance) element.getModelInstance();
  }

  static String cap(String stage) {
    return Character.toUpperCase(stage.charAt(0)) + stage.substring(1);
  }
}
