package vn.motcua.notification.engine;

/** The names of the notification process (processes/system/notification.bpmn) and its one variable. */
public final class NotificationVariables {
  public static final String PROCESS_KEY = "Process_Notification";
  public static final String SEND_TASK = "Task_SendNotification";
  /** The row of table notification the process sends. */
  public static final String NOTIFICATION_ID = "notificationId";

  private NotificationVariables() {}
}
