package vn.motcua.db;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migrates after the engine has created its schema ({@code camunda.bpm.database.schema-update}),
 * so that the project's migrations may index the engine's ACT_* tables (V9: the job acquisition index,
 * docs/performance.md). Without it the order of the two is whatever order Spring happens to create the
 * beans in (today the engine first, by chance of the dependency graph); on a fresh database a migration on
 * ACT_RU_JOB would then fail. The engine does not depend on the project's tables at start-up, so there is
 * no cycle.
 */
@Component
public class FlywayAfterEngine implements BeanFactoryPostProcessor {
  static final String FLYWAY_INITIALIZER = "flywayInitializer";

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    if (!beanFactory.containsBeanDefinition(FLYWAY_INITIALIZER)) {
      return;
    }
    String[] engines = beanFactory.getBeanNamesForType(ProcessEngine.class, true, false);
    if (engines.length == 0) {
      return;
    }
    BeanDefinition flyway = beanFactory.getBeanDefinition(FLYWAY_INITIALIZER);
    Set<String> dependsOn = new LinkedHashSet<>();
    if (flyway.getDependsOn() != null) {
      dependsOn.addAll(Arrays.asList(flyway.getDependsOn()));
    }
    for (String engine : engines) {
      dependsOn.add(engine.startsWith("&") ? engine.substring(1) : engine);
    }
    flyway.setDependsOn(dependsOn.toArray(String[]::new));
  }
}
