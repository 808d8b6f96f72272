package vn.motcua.dossier.engine;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** Reads {@code camunda:property} extension values of a model element. */
final class ModelProperties {
  private ModelProperties() {}

  static String userTaskProperty(BaseElement element, String name) {
    ExtensionElements ext = element.getExtensionElements();
    if (ext == null) {
      return null;
    }
    for (CamundaProperties props : ext.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty p : props.getCamundaProperties()) {
        if (name.equals(p.getCamundaName())) {
          return p.getCamundaValue();
        }
      }
    }
    return null;
  }
}
