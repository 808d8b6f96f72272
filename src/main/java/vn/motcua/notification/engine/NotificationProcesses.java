package vn.motcua.notification.engine;

import static vn.motcua.notification.engine.NotificationVariables.NOTIFICATION_ID;
import static vn.motcua.notification.engine.NotificationVariables.PROCESS_KEY;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierNotice;
import vn.motcua.notification.Notification;
import vn.motcua.notification.NotificationService;
import vn.motcua.notification.PetitionNotice;
import vn.motcua.notification.PetitionNotifications;
import vn.motcua.security.SystemAccess;

/**
 * Hears every {@link DossierNotice} inside the transaction that made the change, records its messages
 * and starts one {@code Process_Notification} per message to send, in that same transaction. The
 * process waits at its asynchronous service task, so the message goes out in a job after the officer's
 * transaction commits; if the officer's transaction rolls back, neither the rows nor the jobs exist.
 */
@Component
public class NotificationProcesses {
  private final NotificationService notifications;
  private final PetitionNotifications petitionNotifications;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  public NotificationProcesses(NotificationService notifications, PetitionNotifications petitionNotifications,
      RuntimeService runtimeService, IdentityService identityService) {
    this.notifications = notifications;
    this.petitionNotifications = petitionNotifications;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  @EventListener
  public void onNotice(DossierNotice notice) {
    NotificationService.Recorded recorded = notifications.record(notice);
    start(recorded.pending(), recorded.dossierCode());
  }

  /** A petition's notice (receipt, forwarding, clarification, answer): the same sending process, keyed by its code. */
  @EventListener
  public void onNotice(PetitionNotice notice) {
    PetitionNotifications.Recorded recorded = petitionNotifications.record(notice);
    start(recorded.pending(), recorded.petitionCode());
  }

  /** One Process_Notification per message, in the transaction that recorded it. */
  private void start(List<Notification> pending, String businessKey) {
    for (Notification n : pending) {
      ProcessInstance pi = SystemAccess.run(identityService, () -> runtimeService.startProcessInstanceByKey(
          PROCESS_KEY, businessKey, Variables.createVariables().putValue(NOTIFICATION_ID, n.id())));
      notifications.linkProcess(n.id(), pi.getId());
    }
  }
}
