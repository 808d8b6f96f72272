package vn.motcua.notification.engine;

import static vn.motcua.notification.engine.NotificationVariables.NOTIFICATION_ID;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.notification.NotificationProperties;
import vn.motcua.notification.NotificationService;

/** The thin delegate of processes/system/notification.bpmn and the retry cycle its job reads. */
@Configuration
public class NotificationDelegates {

  /** Sends the message {@code notificationId}; a failure fails the job, which retries. */
  @Bean
  JavaDelegate sendNotificationDelegate(NotificationService notifications) {
    return execution -> {
      Object id = execution.getVariable(NOTIFICATION_ID);
      if (!(id instanceof Number n)) {
        throw new IllegalStateException("Process variable notificationId is missing or not a number: " + id);
      }
      notifications.send(n.longValue());
    };
  }

  /** Serves {@code ${notificationJobs.retryCycle}} in the model's failedJobRetryTimeCycle. */
  @Bean
  NotificationJobs notificationJobs(NotificationProperties properties) {
    return new NotificationJobs(properties.retryCycle());
  }

  /** @param retryCycle ISO 8601 repetitions and interval, {@code R5/PT10M} */
  public record NotificationJobs(String retryCycle) {
    public String getRetryCycle() {
      return retryCycle;
    }
  }
}
