package vn.motcua.procedure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** Reads the {@code camunda:property} extension values a process admin sets on a model element. */
public final class ModelProperties {
  private ModelProperties() {}

  /** All properties of the element, in order; a name may repeat. */
  public static Map<String, List<String>> of(BaseElement element) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    ExtensionElements ext = element == null ? null : element.getExtensionElements();
    if (ext == null) {
      return result;
    }
    for (CamundaProperties props : ext.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty p : props.getCamundaProperties()) {
        result.computeIfAbsent(p.getCamundaName(), k -> new ArrayList<>()).add(p.getCamundaValue());
      }
    }
    return result;
  }

  /** The first value of a property, or {@code null}. */
  public static String first(BaseElement element, String name) {
    List<String> values = of(element).get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
