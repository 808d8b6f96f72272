package vn.motcua.engine;

import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.AbstractDeleteProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import vn.motcua.procedure.ProcedureCatalogue;

/**
 * Tells the {@link ProcedureCatalogue} that a process definition was suspended, activated or deleted
 * (Cockpit, the REST API), so that the registration and the public catalogue see it at once rather than
 * after the catalogue's few seconds: once when the command ran, and again once it is committed.
 */
class DefinitionChangeInterceptor extends CommandInterceptor {
  @Override
  public <T> T execute(Command<T> command) {
    T result = next.execute(command);
    if (command instanceof AbstractSetProcessDefinitionStateCmd || command instanceof AbstractDeleteProcessDefinitionCmd
        || command instanceof DeleteDeploymentCmd) {
      ProcedureCatalogue.modelParsed();
      CommandContext context = Context.getCommandContext();
      if (context != null) {
        context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
            committed -> ProcedureCatalogue.modelParsed());
      }
    }
    return result;
  }
}
