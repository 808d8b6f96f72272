package vn.motcua.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.accesslog.AccessLog;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierTestSupport;

/**
 * Retention of personal data: a dossier closed longer than {@code motcua.retention.closed-for} (1825 days) has
 * its applicant's data masked by the job, a dossier closed more recently keeps it, the old access-log entries go,
 * and the supervisors' report of the period reads the same figures before and after. The dossiers are closed in
 * January 2024, before any other test's dossier, so the run touches only them.
 */
@MotCuaSpringTest
class RetentionTest extends DossierTestSupport {
  @Autowired Retention retention;
  @Autowired RetentionProperties properties;
  @Autowired AccessLog accessLog;

  private Dossier refusedAt(String localTime, String idNumber, String phone) {
    clockAt(localTime);
    ResponseEntity<Map> r = rest.withBasicAuth("mc.hung", "demo").postForEntity("/api/dossiers",
        new HttpEntity<>(registration(idNumber, phone), json()), Map.class);
    assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    Dossier d = dossiers.getByCode((String) r.getBody().get("code"));
    completeOk("mc.hung", openTask(d), vars(var("receptionDecision", "REFUSE"),
        var("refusalReason", "Hồ sơ không thuộc thẩm quyền giải quyết của phường Minh Xuân")));
    assertThat(reload(d).status()).isEqualTo(DossierStatus.NOT_ACCEPTED);
    return reload(d);
  }

  private String report() {
    ResponseEntity<String> r = rest.withBasicAuth("gs.ha", "demo")
        .getForEntity("/api/reports/resolution?from=2024-01-01&to=2024-01-31", String.class);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    return r.getBody().replaceAll("\"(asOf|generatedAt)\"\\s*:\\s*\"[^\"]*\"", "");
  }

  @Test
  void personal_data_of_dossiers_closed_longer_than_the_period_is_masked_and_the_reports_stay() {
    Dossier old = refusedAt("2024-01-08T09:00", "001203009901", "0912000001");
    assertThat(rest.withBasicAuth("mc.hung", "demo").getForEntity("/api/dossiers/" + old.code(), String.class)
        .getStatusCode().value()).isEqualTo(200);
    assertThat(accessLog.ofDossier(old.id())).hasSize(1);
    Dossier recent = refusedAt("2024-01-10T09:00", "001203009902", "0912000002");
    assertThat(properties.closedFor()).isEqualTo(Duration.ofDays(1825));

    // one day after the old dossier's period ran out, the recent one's not yet
    ClockUtil.setCurrentTime(Date.from(at("2024-01-09T09:00").plus(properties.closedFor())));
    String before = report();

    Retention.Run run = retention.run();

    assertThat(run.dossiersMasked()).isEqualTo(1);
    assertThat(run.accessEntriesDeleted()).isGreaterThanOrEqualTo(1);
    Dossier masked = dossiers.get(old.id());
    assertThat(masked.applicant().name()).isEqualTo("***");
    assertThat(masked.applicant().idNumber()).isEqualTo("***");
    assertThat(masked.applicant().phone()).isEqualTo("***");
    assertThat(masked.applicant().address()).isEqualTo("***");
    assertThat(masked.applicant().email()).isNull();
    assertThat(masked.requestSummary()).isNull();
    assertThat(dossiers.events(old.id())).extracting(DossierEvent::type).contains("PERSONAL_DATA_MASKED");
    assertThat(accessLog.ofDossier(old.id())).isEmpty();
    // what the reports count is unchanged
    assertThat(masked.status()).isEqualTo(old.status());
    assertThat(masked.receivedAt()).isEqualTo(old.receivedAt());
    assertThat(masked.receivingUnit()).isEqualTo(old.receivingUnit());
    assertThat(report()).isEqualTo(before);
    // the recent dossier keeps its data
    assertThat(dossiers.get(recent.id()).applicant().name()).isEqualTo("Nguyễn Văn An");
    assertThat(dossiers.get(recent.id()).applicant().idNumber()).isEqualTo("001203009902");

    // a second run (another node, the next night) finds nothing more to do
    assertThat(retention.run().dossiersMasked()).isZero();
    assertThat(report()).isEqualTo(before);
  }
}
