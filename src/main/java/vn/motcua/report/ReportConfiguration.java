package vn.motcua.report;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.EngineClock;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.print.PrintService;

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
}
