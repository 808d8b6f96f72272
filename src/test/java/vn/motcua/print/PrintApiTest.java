package vn.motcua.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.MotCuaSpringTest;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierTestSupport;
import vn.motcua.dossier.DossierVariables;

/**
 * The printable forms on the officers' API, for dossiers registered and worked through the API: the
 * same access rules as the dossier, the Tasklist login accepted for the links in Tasklist forms.
 */
@MotCuaSpringTest
class PrintApiTest extends DossierTestSupport {

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  ResponseEntity<byte[]> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").getForEntity(path, byte[].class);
  }

  String printed(String user, String path) throws IOException {
    ResponseEntity<byte[]> response = get(user, path);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    return pdfText(response.getBody());
  }

  @Test
  void receipt_and_control_slip_of_an_accepted_dossier_print_its_code_applicant_and_dates() throws IOException {
    clockAt("2026-03-02T09:00");
    Dossier d = register();
    clockAt("2026-03-02T09:10");
    completeOk("mc.hung", openTask(d), var(DossierVariables.RECEPTION_DECISION, DossierVariables.COMPLETE));

    String receipt = printed("mc.hung", "/api/dossiers/" + d.code() + "/forms/01.pdf");
    assertThat(receipt).contains(d.code(), "Nguyễn Văn An", "02/03/2026", "05/03/2026");
    taskService.claim(openTask(d).getId(), "cv.minh");
    String slip = printed("mc.hung", "/api/dossiers/" + d.code() + "/forms/05.pdf");
    assertThat(slip).contains(d.code(), "Nguyễn Văn An", "02/03/2026", "Kiểm tra hồ sơ", "Trần Văn Hùng",
        "Lê Quang Minh");
    assertThat(printed("gs.nam", "/api/dossiers/" + d.code() + "/forms/05.pdf")).contains(d.code());
    String ledger = printed("mc.hung", "/api/reports/ledger.pdf?from=2026-03-01&to=2026-03-31&unit=tq-minhxuan");
    assertThat(ledger).contains(d.code(), "Nguyễn Văn An", "02/03/2026", "05/03/2026");

    assertThat(get("mc.tuan", "/api/dossiers/" + d.code() + "/forms/01.pdf").getStatusCode().value()).isEqualTo(403);
    assertThat(get("mc.tuan", "/api/reports/ledger.pdf?from=2026-03-01&to=2026-03-31&unit=tq-minhxuan")
        .getStatusCode().value()).isEqualTo(403);
    assertThat(get("gs.ha", "/api/dossiers/" + d.code() + "/forms/05.pdf").getStatusCode().value()).isEqualTo(200);
    assertThat(get("mc.hung", "/api/dossiers/" + d.code() + "/forms/04.pdf").getStatusCode().value()).isEqualTo(409);
    assertThat(get("mc.hung", "/api/dossiers/" + d.code() + "/forms/07.pdf").getStatusCode().value()).isEqualTo(404);
    assertThat(rest.getForEntity("/api/dossiers/" + d.code() + "/forms/01.pdf", byte[].class).getStatusCode().value())
        .isEqualTo(401);
  }

  @Test
  void supplement_request_and_refusal_print_what_the_officer_wrote() throws IOException {
    clockAt("2026-03-03T09:00");
    Dossier incomplete = register();
    completeOk("mc.hung", openTask(incomplete), vars(var(DossierVariables.RECEPTION_DECISION, "INCOMPLETE"),
        var("missingItems", "Thiếu bản sao giấy chứng nhận quyền sử dụng đất của địa điểm kinh doanh")));
    assertThat(printed("mc.hung", "/api/dossiers/" + incomplete.code() + "/forms/02.pdf"))
        .contains(incomplete.code(), "Nguyễn Văn An", "03/03/2026", "Thiếu bản sao giấy chứng nhận quyền sử dụng đất");
    assertThat(get("mc.hung", "/api/dossiers/" + incomplete.code() + "/forms/01.pdf").getStatusCode().value())
        .isEqualTo(409);

    Dossier refused = register();
    completeOk("mc.hung", openTask(refused), vars(var(DossierVariables.RECEPTION_DECISION, "REFUSE"),
        var("refusalReason", "Ngành nghề đăng ký thuộc danh mục cấm kinh doanh")));
    assertThat(printed("mc.hung", "/api/dossiers/" + refused.code() + "/forms/03.pdf"))
        .contains(refused.code(), "Nguyễn Văn An", "03/03/2026", "Ngành nghề đăng ký thuộc danh mục cấm kinh doanh");
  }

  @Test
  void an_officer_logged_into_tasklist_opens_the_printed_slip_without_a_second_login() throws IOException {
    clockAt("2026-03-04T09:00");
    Dossier d = register();
    Task check = openTask(d);
    completeOk("mc.hung", check, var(DossierVariables.RECEPTION_DECISION, DossierVariables.COMPLETE));

    // the webapp's CSRF cookie, then the Tasklist login form, as the browser does
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    String xsrf = cookie(page.getHeaders(), "XSRF-TOKEN");
    String session = cookie(page.getHeaders(), "JSESSIONID");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add("X-XSRF-TOKEN", xsrf);
    headers.add(HttpHeaders.COOKIE, "XSRF-TOKEN=" + xsrf + (session == null ? "" : "; JSESSIONID=" + session));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", "mc.hung");
    form.add("password", "demo");
    ResponseEntity<String> login = rest.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
        new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode().value()).as(login.getBody()).isEqualTo(200);
    String loggedIn = cookie(login.getHeaders(), "JSESSIONID");

    HttpHeaders browser = new HttpHeaders();
    browser.add(HttpHeaders.COOKIE, "JSESSIONID=" + loggedIn);
    ResponseEntity<byte[]> pdf = rest.exchange("/api/dossiers/" + d.code() + "/forms/01.pdf", HttpMethod.GET,
        new HttpEntity<>(browser), byte[].class);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdfText(pdf.getBody())).contains(d.code(), "Nguyễn Văn An");

    // the session is good for reading only: a state-changing call still needs HTTP Basic
    browser.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> post = rest.exchange("/api/dossiers/" + d.code() + "/resume", HttpMethod.POST,
        new HttpEntity<>("{}", browser), String.class);
    assertThat(post.getStatusCode().value()).isEqualTo(401);
  }

  static String cookie(HttpHeaders headers, String name) {
    List<String> set = headers.getOrDefault(HttpHeaders.SET_COOKIE, List.of());
    return set.stream().filter(c -> c.startsWith(name + "=")).map(c -> c.substring(name.length() + 1).split(";")[0])
        .reduce((a, b) -> b).orElse(null);
  }
}
