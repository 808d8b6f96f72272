package vn.motcua.digitisation.engine;

import static vn.motcua.dossier.DossierVariables.DOSSIER_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.digitisation.Digitisation;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.engine.Delegates;
import vn.motcua.procedure.ModelProperties;

/**
 * The digitisation part of a task form: on a user task marked {@code digitisation=reception} in the model (the
 * reception check), when it is created the scans of the applicant's earlier dossiers are reused for the documents
 * not digitised yet, and the task gets the local variables {@value Digitisation#VIEW_VARIABLE} (each document with
 * its scan and origin, or "chưa số hóa") and {@value Digitisation#MISSING_VARIABLE} (how many are missing), which
 * the form shows. They are refreshed at each assignment and after each scan.
 */
@Component
public class DigitisationTaskView {
  static final String PROPERTY = "digitisation";

  private final Digitisation digitisation;
  private final DossierService dossiers;

  public DigitisationTaskView(Digitisation digitisation, DossierService dossiers) {
    this.digitisation = digitisation;
    this.dossiers = dossiers;
  }

  @EventListener
  public void onTaskEvent(DelegateTask task) {
    String event = task.getEventName();
    if (!TaskListener.EVENTNAME_CREATE.equals(event) && !TaskListener.EVENTNAME_ASSIGNMENT.equals(event)) {
      return;
    }
    if (!(task.getVariable(DOSSIER_ID) instanceof Number id)
        || !"reception".equals(ModelProperties.first(task.getBpmnModelElementInstance(), PROPERTY))) {
      return;
    }
    Dossier d = dossiers.get(id.longValue());
    if (TaskListener.EVENTNAME_CREATE.equals(event)) {
      digitisation.reuseEarlierScans(d, Delegates.currentUser(task, "system"));
    }
    task.setVariablesLocal(digitisation.formVariables(d));
  }
}
