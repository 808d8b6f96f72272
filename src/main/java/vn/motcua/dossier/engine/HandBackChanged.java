package vn.motcua.dossier.engine;

import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The output mapping of the procedures' call activities to their building blocks
 * ({@code camunda:variableMappingDelegateExpression="${handBackChanged}"}, with
 * {@code <camunda:in variables="all"/>}): hands back to the procedure every variable of the block, as
 * {@code <camunda:out variables="all"/>} does, but only those that are new to the procedure or whose
 * value differs from the procedure's (like {@code out all}, a value the procedure changed while the block
 * ran is overwritten by the block's).
 *
 * <p>A block receives the dossier's twenty-odd variables and changes a few (the officer's decision, the
 * appointment, the result). Handing back all of them rewrote each unchanged one: a runtime update and a
 * history-detail row per variable and block, about 60 per dossier that recorded nothing
 * (docs/performance.md). The procedure's history now shows the values that changed, when they changed.
 */
@Component("handBackChanged")
public class HandBackChanged implements DelegateVariableMapping {

  /** The multi-instance counters, which {@code <camunda:out variables="all"/>} does not hand back either. */
  private static final Set<String> MULTI_INSTANCE =
      Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

  /** Nothing here: {@code <camunda:in variables="all"/>} passes the variables in. */
  @Override
  public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
  }

  @Override
  public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
    for (String name : subInstance.getVariableNames()) {
      if (MULTI_INSTANCE.contains(name)) {
        continue;
      }
      TypedValue value = subInstance.getVariableTyped(name);
      if (!superExecution.hasVariable(name) || !same(superExecution.getVariableTyped(name), value)) {
        superExecution.setVariable(name, value);
      }
    }
  }

  /** Same type and equal values (a value whose type has no equality, e.g. JSON, counts as changed). */
  static boolean same(TypedValue a, TypedValue b) {
    if (a == null || b == null) {
      return a == b;
    }
    return Objects.equals(a.getType(), b.getType()) && Objects.equals(a.getValue(), b.getValue());
  }
}
