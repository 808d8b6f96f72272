package vn.motcua.report;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.EngineClock;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.print.PrintService;
import vn.motcua.procedure.ProcedureCatalogue;
import vn.motcua.security.SystemAccess;

/** The reports' beans: the report computation and the roll-up of sealed dossiers' figures. */
@Configuration
class ReportConfiguration {
  @Bean
  ReportService reportService(ReportRepository repository, OrganisationDirectory directory, WorkingCalendar calendar,
      EngineClock clock, PrintService print) {
    // officers by their full names, as on the printed slips
    return new ReportService(repository, directory, calendar, clock, print::officerName);
  }

  @Bean
  ReportRollup reportRollup(JdbcTemplate jdbc, PlatformTransactionManager transactions, EngineClock clock,
      @Value("${motcua.reports.rollup.batch-size:20000}") int batchSize) {
    return new ReportRollup(jdbc, transactions, clock, batchSize);
  }

  /**
   * The evaluation indices: the published procedures read from the catalogue as the system (not with the
   * supervisor's engine authorizations); the petitions' counts when the petitions feature provides them.
   */
  @Bean
  EvaluationService evaluationService(EvaluationRepository repository, ReportService reports,
      OrganisationDirectory directory, ProcedureCatalogue catalogue, IdentityService identityService,
      ObjectProvider<PetitionCounts> petitions, EvaluationProperties properties) {
    return new EvaluationService(repository, reports, directory,
        () -> SystemAccess.run(identityService, catalogue::list), petitions::getIfAvailable, properties);
  }
}
