package vn.motcua.portal;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.motcua.security.SystemAccess;

/**
 * Makes a dead letter visible in Cockpit (docs/portal.md, "Dead letter"): one {@code Process_PortalDeadLetter}
 * per refused event (business key: the dossier code), waiting at its receive task with an incident of type
 * {@value #INCIDENT_TYPE} whose message is the Vietnamese reason. The operator's re-send resolves the incident
 * and ends the process.
 */
@Component
public class PortalDeadLetters {
  public static final String PROCESS_KEY = "Process_PortalDeadLetter";
  public static final String WAIT_ACTIVITY = "Task_AwaitResend";
  public static final String MESSAGE_RESENT = "Message_PortalEventResent";
  public static final String INCIDENT_TYPE = "portalDeadLetter";

  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  public PortalDeadLetters(RuntimeService runtimeService, IdentityService identityService) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  /** Starts the dead letter's process with its incident; returns the process instance id. */
  public String open(PortalEvent event, String reason) {
    return SystemAccess.run(identityService, () -> {
      ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS_KEY, event.dossierCode(),
          Variables.createVariables()
              .putValue("portalEventId", event.id())
              .putValue("portalEventKey", event.eventKey())
              .putValue("dossierCode", event.dossierCode())
              .putValue("portalStatus", event.statusCode())
              .putValue("portalRefusal", reason));
      Execution waiting = runtimeService.createExecutionQuery().processInstanceId(pi.getId())
          .activityId(WAIT_ACTIVITY).singleResult();
      runtimeService.createIncident(INCIDENT_TYPE, waiting.getId(), event.eventKey(),
          "Hồ sơ " + event.dossierCode() + ", sự kiện " + event.sequence() + " (trạng thái " + event.statusCode()
              + "): " + reason);
      return pi.getId();
    });
  }

  /** Resolves the incident and ends the process of a dead letter that is re-sent; false if already ended. */
  public boolean close(String processInstanceId) {
    return SystemAccess.run(identityService, () -> {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
        return false;
      }
      List<Incident> incidents = runtimeService.createIncidentQuery().processInstanceId(processInstanceId)
          .incidentType(INCIDENT_TYPE).list();
      for (Incident incident : incidents) {
        runtimeService.resolveIncident(incident.getId());
      }
      runtimeService.createMessageCorrelation(MESSAGE_RESENT).processInstanceId(processInstanceId).correlate();
      return true;
    });
  }
}
