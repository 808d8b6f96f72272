package vn.motcua.overdue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import vn.motcua.dossier.DossierViewPart;

/** The officers' dossier view shows the dossier's apology letters and alerts. */
@Configuration(proxyBeanMethods = false)
class OverdueViewParts {
  @Bean
  @Order(10)
  DossierViewPart apologiesViewPart(OverdueService overdue) {
    return DossierViewPart.named("apologies", overdue::letters);
  }

  @Bean
  @Order(20)
  DossierViewPart alertsViewPart(OverdueService overdue) {
    return DossierViewPart.named("alerts", overdue::alerts);
  }
}
