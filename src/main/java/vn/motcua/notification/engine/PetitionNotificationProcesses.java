package vn.motcua.notification.engine;

import static vn.motcua.notification.engine.NotificationVariables.NOTIFICATION_ID;
import static vn.motcua.notification.engine.NotificationVariables.PROCESS_KEY;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.notification.Notification;
import vn.motcua.notification.PetitionNotifications;
import vn.motcua.notification.PetitionNotice;
import vn.motcua.security.SystemAccess;

/**
 * Hears every {@link PetitionNotice} inside the transaction that made the change (reception, the
 * classification's forwarding, the asynchronous answer job), records its messages and starts one
 * {@code Process_Notification} per message to send (business key: the petition's code), in that same
 * transaction, exactly as {@link NotificationProcesses} does for dossiers.
 */
@Component
public class PetitionNotificationProcesses {
  private final PetitionNotifications notifications;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  public PetitionNotificationProcesses(PetitionNotifications notifications, RuntimeService runtimeService,
      IdentityService identityService) {
    this.notifications = notifications;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  @EventListener
  public void onNotice(PetitionNotice notice) {
    PetitionNotifications.Recorded recorded = notifications.record(notice);
    for (Notification n : recorded.pending()) {
      ProcessInstance pi = SystemAccess.run(identityService, () -> runtimeService.startProcessInstanceByKey(
          PROCESS_KEY, recorded.petitionCode(), Variables.createVariables().putValue(NOTIFICATION_ID, n.id())));
      notifications.linkProcess(n.id(), pi.getId());
    }
  }
}
