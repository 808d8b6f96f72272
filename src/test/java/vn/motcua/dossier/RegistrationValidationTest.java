package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import vn.motcua.MotCuaSpringTest;

/** Invalid registrations are rejected field by field, store nothing and start no process. */
@MotCuaSpringTest
class RegistrationValidationTest extends DossierTestSupport {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      bad ID number       | {"procedureKey":"Procedure_HouseholdBusinessRegistration","applicant":{"name":"Lê Văn Bình","idNumber":"12345","phone":"0912345678","address":"Phường Minh Xuân"}} | applicant.idNumber
      bad phone           | {"procedureKey":"Procedure_HouseholdBusinessRegistration","applicant":{"name":"Lê Văn Bình","idNumber":"001203004567","phone":"12345","address":"Phường Minh Xuân"}} | applicant.phone
      missing procedure   | {"applicant":{"name":"Lê Văn Bình","idNumber":"001203004567","phone":"0912345678","address":"Phường Minh Xuân"}} | procedureKey
      unknown procedure   | {"procedureKey":"Procedure_Nope","applicant":{"name":"Lê Văn Bình","idNumber":"001203004567","phone":"0912345678","address":"Phường Minh Xuân"}} | procedureKey
      missing name        | {"procedureKey":"Procedure_HouseholdBusinessRegistration","applicant":{"idNumber":"001203004567","phone":"0912345678","address":"Phường Minh Xuân"}} | applicant.name
      zero-width in name  | {"procedureKey":"Procedure_HouseholdBusinessRegistration","applicant":{"name":"Lê\\u200bVăn Bình","idNumber":"001203004567","phone":"0912345678","address":"Phường Minh Xuân"}} | applicant.name
      bad e-mail          | {"procedureKey":"Procedure_HouseholdBusinessRegistration","applicant":{"name":"Lê Văn Bình","idNumber":"001203004567","phone":"0912345678","email":"not-an-email","address":"Phường Minh Xuân"}} | applicant.email
      missing applicant   | {"procedureKey":"Procedure_HouseholdBusinessRegistration"} | applicant
      online at counter   | {"procedureKey":"Procedure_HouseholdBusinessRegistration","channel":"ONLINE","applicant":{"name":"Lê Văn Bình","idNumber":"001203004567","phone":"0912345678","address":"Phường Minh Xuân"}} | channel
      """)
  void invalid_registration_is_rejected_with_a_field_message_and_starts_nothing(String label, String body, String field) {
    long dossiersBefore = jdbc.queryForObject("SELECT COUNT(*) FROM dossier", Long.class);
    long processesBefore = runtimeService.createProcessInstanceQuery().count();

    ResponseEntity<Map> response = rest.withBasicAuth("mc.hung", "demo")
        .postForEntity("/api/dossiers", new HttpEntity<>(body, json()), Map.class);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat((String) response.getBody().get("message")).contains("chưa hợp lệ");
    Map<?, ?> fields = (Map<?, ?>) response.getBody().get("fields");
    assertThat(fields.keySet().stream().map(Object::toString)).contains(field);
    assertThat(fields.get(field).toString()).isNotBlank();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier", Long.class)).isEqualTo(dossiersBefore);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(processesBefore);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not JSON       | {"procedureKey": 
      wrong type     | {"procedureKey":"Procedure_HouseholdBusinessRegistration","channel":"CARRIER_PIGEON"}
      """)
  void unreadable_registration_is_a_400_in_vietnamese(String label, String body) {
    ResponseEntity<Map> response = rest.withBasicAuth("mc.hung", "demo")
        .postForEntity("/api/dossiers", new HttpEntity<>(body, json()), Map.class);
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat((String) response.getBody().get("message")).contains("không đọc được");
  }
}
