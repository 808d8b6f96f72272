package vn.motcua.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import vn.motcua.dossier.DossierViewPart;

/** The officers' dossier view shows the messages sent to the applicant, recipients masked. */
@Configuration(proxyBeanMethods = false)
class NotificationViewParts {
  @Bean
  @Order(30)
  DossierViewPart notificationsViewPart(NotificationService notifications) {
    return DossierViewPart.named("notifications", notifications::summaries);
  }
}
