package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;

/** The officers' dossier search, GET /api/dossiers: criteria, paging, unit-scoped access, validation. */
@MotCuaSpringTest
class DossierSearchTest extends DossierTestSupport {
  private static final String ID = "001299887766";

  private String registerWithId(String idNumber) {
    ResponseEntity<Map> response = rest.withBasicAuth("mc.hung", "demo").postForEntity("/api/dossiers",
        new HttpEntity<>(registration(idNumber, "0912345678"), json()), Map.class);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    return (String) response.getBody().get("code");
  }

  private ResponseEntity<Map> search(String user, String query) {
    return rest.withBasicAuth(user, "demo").getForEntity("/api/dossiers?" + query, Map.class);
  }

  @SuppressWarnings("unchecked")
  private static List<String> codes(ResponseEntity<Map> response) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
    return ((List<Map<String, Object>>) response.getBody().get("items")).stream().map(m -> (String) m.get("code")).toList();
  }

  @Test
  void officers_find_their_units_dossiers_by_applicant_code_status_and_date_newest_first_and_no_other_units() {
    clockAt("2026-03-09T09:00");
    String older = registerWithId(ID);
    clockAt("2026-03-09T10:00");
    String newer = registerWithId(ID);

    // the commune's specialist finds both, newest first, by citizen ID
    assertThat(codes(search("cv.minh", "applicant=" + ID))).containsExactly(newer, older);
    // by the applicant's full name, status and reception date
    assertThat(codes(search("cv.minh", "applicant=Nguyễn Văn An&status=1&from=2026-03-09&to=2026-03-09&size=100")))
        .contains(newer, older);
    assertThat(codes(search("cv.minh", "applicant=" + ID + "&from=2026-03-10"))).isEmpty();
    assertThat(codes(search("cv.minh", "applicant=" + ID + "&status=10"))).isEmpty();
    // by code prefix (agency and day)
    String prefix = newer.substring(0, newer.lastIndexOf('-') + 1);
    assertThat(codes(search("cv.minh", "code=" + prefix + "&size=100"))).contains(newer, older)
        .allMatch(c -> c.startsWith(prefix));
    // paging: one per page, the second page holds the older one
    ResponseEntity<Map> first = search("cv.minh", "applicant=" + ID + "&size=1");
    assertThat(codes(first)).containsExactly(newer);
    assertThat(first.getBody().get("hasMore")).isEqualTo(true);
    ResponseEntity<Map> second = search("cv.minh", "applicant=" + ID + "&size=1&page=1");
    assertThat(codes(second)).containsExactly(older);
    assertThat(second.getBody().get("hasMore")).isEqualTo(false);

    // another commune's officer finds nothing of Minh Xuân, and may not name its unit
    assertThat(codes(search("cv.huong", "applicant=" + ID))).isEmpty();
    assertThat(search("cv.huong", "unit=tq-minhxuan").getStatusCode().value()).isEqualTo(403);
    // the province's supervisor sees the whole province, and may narrow to a unit
    assertThat(codes(search("gs.ha", "applicant=" + ID + "&unit=tq-minhxuan"))).containsExactly(newer, older);
    // no login, no search
    assertThat(rest.getForEntity("/api/dossiers?applicant=" + ID, String.class).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void invalid_criteria_are_a_400_with_a_reason_per_field() {
    ResponseEntity<Map> bad = search("cv.minh", "status=11&size=0&from=2026-03-10&to=2026-03-09&code=a%25b");
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().toString()).contains("status", "size", "from", "code");
    assertThat(search("cv.minh", "page=1000&size=100").getStatusCode().value()).isEqualTo(400);
    assertThat(search("gs.ha", "unit=tq-khongco").getStatusCode().value()).isEqualTo(400);
  }
}
