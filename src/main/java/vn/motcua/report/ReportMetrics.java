package vn.motcua.report;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.db.SqlTime;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.EngineClock;
import vn.motcua.dossier.OutcomeClass;
import vn.motcua.organisation.Agency;
import vn.motcua.organisation.OrganisationDirectory;
import vn.motcua.security.SystemAccess;

/**
 * Metrics for Prometheus ({@code /actuator/prometheus}, supervisors and admins only), read from the
 * database so every node reports the same truth: dossiers received (by channel), returned (by outcome
 * class), open overdue dossiers per holding unit, apology letters, failed jobs and open incidents.
 * One snapshot of small aggregate queries, refreshed at most every {@code motcua.reports.metrics-refresh}.
 */
@Component
public class ReportMetrics {
  private final JdbcTemplate jdbc;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final EngineClock clock;
  private final Duration refresh;
  private volatile Snapshot snapshot;

  record Snapshot(Instant at, Map<String, Long> received, Map<String, Long> returned, Map<String, Long> overdue,
      long apologies, long failedJobs, long incidents, long apologiesSignedLate) {}

  public ReportMetrics(JdbcTemplate jdbc, ManagementService managementService, RuntimeService runtimeService,
      IdentityService identityService, EngineClock clock, OrganisationDirectory directory, MeterRegistry registry,
      @Value("${motcua.reports.metrics-refresh:60s}") Duration refresh) {
    this.jdbc = jdbc;
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.clock = clock;
    this.refresh = refresh;
    for (Channel c : Channel.values()) {
      FunctionCounter.builder("motcua.dossiers.received", this, m -> m.snapshot().received().getOrDefault(c.name(), 0L))
          .description("Dossiers received (refused at reception excluded)").tag("channel", c.name()).register(registry);
    }
    for (OutcomeClass o : OutcomeClass.values()) {
      FunctionCounter.builder("motcua.dossiers.returned", this, m -> m.snapshot().returned().getOrDefault(o.name(), 0L))
          .description("Dossiers whose result was returned, by outcome class").tag("outcome", o.name())
          .register(registry);
    }
    for (Agency a : directory.agencies()) {
      Gauge.builder("motcua.dossiers.overdue.open", this, m -> m.snapshot().overdue().getOrDefault(a.key(), 0L))
          .description("Open dossiers past their appointment (not paused), by the unit holding them")
          .tag("unit", a.key()).register(registry);
    }
    FunctionCounter.builder("motcua.apology.letters", this, m -> m.snapshot().apologies())
        .description("Apology letters signed (form 04)").register(registry);
    FunctionCounter.builder("motcua.apology.letters.late", this, m -> m.snapshot().apologiesSignedLate())
        .description("Apology letters signed after the legal limit (later than 1 working day before the appointment)")
        .register(registry);
    Gauge.builder("motcua.jobs.failed", this, m -> m.snapshot().failedJobs())
        .description("Engine jobs whose last execution failed (retrying or out of retries)").register(registry);
    Gauge.builder("motcua.incidents.open", this, m -> m.snapshot().incidents())
        .description("Open engine incidents (jobs out of retries and other failures), as in Cockpit").register(registry);
  }

  synchronized Snapshot snapshot() {
    Instant now = clock.instant();
    Snapshot s = snapshot;
    if (s == null || s.at().plus(refresh).isBefore(now) || s.at().isAfter(now)) {
      s = read(now);
      snapshot = s;
    }
    return s;
  }

  private Snapshot read(Instant now) {
    Map<String, Long> received = grouped("SELECT channel, COUNT(*) FROM dossier WHERE status <> 3 GROUP BY channel");
    Map<String, Long> returned = grouped(
        "SELECT outcome, COUNT(*) FROM dossier WHERE outcome IS NOT NULL GROUP BY outcome");
    Map<String, Long> overdue = grouped("SELECT current_unit, COUNT(*) FROM dossier WHERE closed_at IS NULL"
        + " AND paused_at IS NULL AND appointment_at < ? GROUP BY current_unit", SqlTime.ts(now));
    Long apologies = jdbc.queryForObject("SELECT COUNT(*) FROM apology_letter", Long.class);
    Long late = jdbc.queryForObject("SELECT COUNT(*) FROM apology_letter WHERE signed_late", Long.class);
    long failed = SystemAccess.run(identityService, () -> managementService.createJobQuery().withException().count());
    long incidents = SystemAccess.run(identityService, () -> runtimeService.createIncidentQuery().count());
    return new Snapshot(now, received, returned, overdue, apologies == null ? 0 : apologies, failed, incidents,
        late == null ? 0 : late);
  }

  private Map<String, Long> grouped(String sql, Object... args) {
    Map<String, Long> result = new HashMap<>();
    jdbc.query(sql, rs -> {
      if (rs.getString(1) != null) {
        result.put(rs.getString(1), rs.getLong(2));
      }
    }, args);
    return result;
  }
}
